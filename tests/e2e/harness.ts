/**
 * The end-to-end harness shared by the tests in this folder: Debian's Chromium (playwright-core,
 * never a downloaded browser) opens the production build (tests/e2e/build.js) served over plain
 * http on localhost, in standalone mode.
 *
 *  - describeInChromium: the block runs only when the browser exists; without it a visible message
 *    is logged and the block is skipped, except under CI=true where a missing browser fails;
 *  - usePane: serve dist, launch the browser with a fresh profile, record every request that leaves
 *    localhost and every page error, close it all afterwards;
 *  - expectStayedLocalAndClean: the closing test of a block (nothing left localhost, no errors);
 *  - Pane: open the pane, pick a workbook with the file picker, download, screenshots into
 *    test-output/e2e/ (in both languages when asked);
 *  - readXlsx, visibleSheetNames, rowValues: read a downloaded workbook back with exceljs;
 *  - openWizardsWith, wizardToResults, runWizard, writeWizardOutput, backToWizardList: steps of the
 *    程序向导 pages.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUT, ROOT } = require('./build') as { OUT: string; ROOT: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve.js') as { serve: (root: string, port?: number) => Promise<{ server: Server; url: string }> };

export { ROOT };
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
export const CI = process.env.CI === 'true';
export const SHOTS = path.join(ROOT, 'test-output', 'e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

// Outside Office, office.js tries to frame Microsoft's telemetry proxy; our CSP blocks it on purpose.
const TELEMETRY_FRAMING = /Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/;

export type PaneLocale = 'zh-CN' | 'en-US';

/**
 * A describe block that needs the browser, preceded by a test that fails under CI=true when the
 * browser is missing. Outside CI without a browser: a visible message, and the block is skipped.
 */
export function describeInChromium(title: string, body: () => void, ciTestTitle = 'a browser is available under CI'): void {
  if (!HAVE_CHROMIUM && !CI) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found. Install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
  test(ciTestTitle, () => {
    const failure = CI && !HAVE_CHROMIUM ? `CI=true but ${CHROMIUM} is missing (.ci/run installs it with apt)` : null;
    expect(failure).toBeNull();
  });
  (HAVE_CHROMIUM ? describe : describe.skip)(title, body);
}

export interface PaneOptions {
  /** Viewport width in pixels (the height is 900). */
  readonly width: number;
  /** The browser's locale (the pane itself starts in Chinese unless told otherwise). */
  readonly locale: PaneLocale;
  /** Prefix of the temporary directory that holds the profile, the fixture files and the downloads. */
  readonly tmpPrefix: string;
  /** Fixture workbooks written into the temporary directory before the browser starts: name → bytes. */
  readonly files?: Readonly<Record<string, () => Promise<Uint8Array>>>;
}

export interface Downloaded {
  /** The file name the pane suggested. */
  readonly name: string;
  /** Where it was saved (inside the pane's temporary directory). */
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** One browser with one page on the served build; fields are set by start() (usePane calls it in beforeAll). */
export class Pane {
  page!: Page;
  /** The served build's base URL, ending in a slash. */
  base!: string;
  /** The temporary directory (profile, fixture files, downloads). */
  tmp!: string;
  /** Requests that went anywhere but the local server (data: and blob: URLs stay local). */
  readonly foreign: string[] = [];
  /** Uncaught page errors and console errors. */
  readonly problems: string[] = [];
  private server?: Server;
  private context?: BrowserContext;

  constructor(private readonly options: PaneOptions) {}

  async start(): Promise<void> {
    ({ server: this.server, url: this.base } = await serve(OUT));
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), this.options.tmpPrefix));
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [name, make] of Object.entries(this.options.files ?? {})) fs.writeFileSync(path.join(this.tmp, name), await make());
    // A fresh profile directory (launchPersistentContext passes it as --user-data-dir).
    this.context = await chromium.launchPersistentContext(path.join(this.tmp, 'profile'), {
      executablePath: CHROMIUM,
      viewport: { width: this.options.width, height: 900 },
      locale: this.options.locale,
      acceptDownloads: true,
      args: CHROMIUM_ARGS,
    });
    // Requests are watched on the whole context: every page, popup (e.g. the help page) and worker.
    this.context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(this.base) && !url.startsWith('data:') && !url.startsWith('blob:')) this.foreign.push(url);
    });
    this.context.on('page', (p) => this.watch(p));
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    if (!this.watched.has(this.page)) this.watch(this.page);
  }

  async stop(): Promise<void> {
    await this.context?.close();
    await new Promise((r) => this.server?.close(r));
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  private readonly watched = new WeakSet<Page>();

  /** Page errors and console errors of one page. */
  private watch(page: Page): void {
    this.watched.add(page);
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (TELEMETRY_FRAMING.test(text)) return;
      this.problems.push(`console: ${text}`);
    });
  }

  /** The task pane's URL, with an optional route such as '#/brief'. */
  url(route = ''): string {
    return `${this.base}taskpane.html${route}`;
  }

  /** Load the task pane and wait until the (sample) workbook's sheets are listed. */
  async open(): Promise<void> {
    await this.page.goto(this.url());
    await this.page.waitForSelector('[data-testid="sheet-name"]', { timeout: 30_000 });
  }

  /** Open a workbook through the file picker: a name in the temporary directory, or an absolute path. */
  async pick(file: string): Promise<void> {
    await this.page.locator('[data-testid="file-input"]').setInputFiles(path.resolve(this.tmp, file));
    await this.page.waitForFunction((name) => document.querySelector('[data-testid="workbook-label"]')?.textContent === name, path.basename(file));
  }

  /** Click a button (by data-testid), or run the steps given, and save the download that follows. */
  async download(trigger: string | (() => Promise<unknown>)): Promise<Downloaded> {
    const act = typeof trigger === 'string' ? () => this.page.locator(`[data-testid="${trigger}"]`).click() : trigger;
    const [dl] = await Promise.all([this.page.waitForEvent('download'), act()]);
    const name = dl.suggestedFilename();
    const file = path.join(this.tmp, `dl-${Date.now()}-${name}`);
    await dl.saveAs(file);
    return { name, file, bytes: new Uint8Array(fs.readFileSync(file)) };
  }

  /** A full-page screenshot: test-output/e2e/<name>.png (transitions finished, e.g. the language buttons' colours). */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** Switch the pane's language with its own buttons and wait until the page says so. */
  async setLanguage(locale: PaneLocale): Promise<void> {
    await this.page.getByRole('button', { name: locale === 'en-US' ? 'English' : '中文' }).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  }

  /** Screenshots <name>-zh.png, then <name>-en.png in English; back in Chinese afterwards. */
  async shotInBothLanguages(name: string): Promise<void> {
    await this.shot(`${name}-zh`);
    await this.setLanguage('en-US');
    await this.shot(`${name}-en`);
    await this.setLanguage('zh-CN');
  }

  testId(id: string): Locator {
    return this.page.locator(`[data-testid="${id}"]`);
  }
}

/** A Pane started before the block's tests and closed after them. */
export function usePane(options: PaneOptions): Pane {
  const pane = new Pane(options);
  beforeAll(() => pane.start(), 60_000);
  afterAll(() => pane.stop());
  return pane;
}

/** The block's closing test: no request left localhost and the page logged no errors. */
export function expectStayedLocalAndClean(pane: Pane): void {
  test('nothing left localhost and the page logged no errors', () => {
    expect(pane.foreign).toEqual([]);
    expect(pane.problems).toEqual([]);
  });
}

// ——— reading a downloaded workbook back with exceljs ———

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function visibleSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
}

/** The values of row r (1-based) of a sheet, column A at index 0. */
export function rowValues(wb: ExcelJS.Workbook, sheet: string, r: number): unknown[] {
  const out: unknown[] = [];
  wb.getWorksheet(sheet)!
    .getRow(r)
    .eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = c.value));
  return out;
}

// ——— steps of the 程序向导 pages ———

/** Load the pane, open a fixture workbook, go to 程序向导 and wait for one wizard's card. */
export async function openWizardsWith(pane: Pane, file: string, card: string): Promise<void> {
  await pane.open();
  await pane.pick(file);
  await pane.page.getByRole('tab', { name: '程序向导' }).click();
  await pane.page.waitForSelector(`[data-testid="wizard-card-${card}"]`);
}

/** From a wizard's source step to its results step: Next by mouse, then Next by keyboard (focus, Enter). */
export async function wizardToResults(pane: Pane): Promise<void> {
  const step = pane.testId('wizard-step');
  await pane.testId('wizard-next').click();
  await expect(step.innerText()).resolves.toContain('确认列对应');
  await pane.testId('wizard-next').focus();
  await pane.page.keyboard.press('Enter');
  await expect(step.innerText()).resolves.toContain('查看结果');
}

/** The width of Excel's task pane as it opens (320–350 px): result screenshots are taken at this width. */
export const NARROW_PANE = 340;

/** How far a table runs past its box (px; 0 when it fits without scrolling sideways, or is not shown). */
async function tableOverflow(pane: Pane, testId: string): Promise<number> {
  const box = pane.testId(testId).locator('xpath=..');
  if ((await box.count()) === 0) return 0;
  return box.evaluate((el) => el.scrollWidth - el.clientWidth);
}

/** How far the navigation tabs run past the pane (px): every tab label must be fully visible. */
async function navOverflow(pane: Pane): Promise<number> {
  return pane.page.locator('nav [role="tablist"]').evaluate((list) => {
    const width = document.documentElement.clientWidth;
    const rights = [...list.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect().right);
    return Math.max(0, Math.ceil(Math.max(...rights) - width), list.scrollWidth - list.clientWidth);
  });
}

/** Sideways overflow at the current width: the results table, wizard 6's population table, the tabs. */
async function overflows(pane: Pane): Promise<{ result: number; population: number; nav: number }> {
  return { result: await tableOverflow(pane, 'result-table'), population: await tableOverflow(pane, 'population-table'), nav: await navOverflow(pane) };
}

/**
 * Run the wizard; at the pane's narrow width (NARROW_PANE) screenshot its result as
 * wizard-<n>-zh.png and wizard-<n>-en.png and require the results table (and wizard 6's population
 * table) to fit without scrolling sideways and every navigation tab to be fully visible, in both languages; back to the test's width and Chinese afterwards. The result's text.
 */
export async function runWizard(pane: Pane, n: number): Promise<string> {
  await pane.testId('wizard-run').click();
  await pane.page.waitForSelector('[data-testid="wizard-result"]');
  const size = pane.page.viewportSize();
  await pane.page.setViewportSize({ width: NARROW_PANE, height: size?.height ?? 900 });
  try {
    await pane.shot(`wizard-${n}-zh`);
    const zh = await overflows(pane);
    await pane.setLanguage('en-US');
    await pane.shot(`wizard-${n}-en`);
    const en = await overflows(pane);
    await pane.setLanguage('zh-CN');
    const none = { result: 0, population: 0, nav: 0 };
    expect({ wizard: n, zh, en }).toEqual({ wizard: n, zh: none, en: none });
  } finally {
    if (size) await pane.page.setViewportSize(size);
  }
  return pane.testId('wizard-result').innerText();
}

/** From the results step to the write step, write the output and see the sheet named. */
export async function writeWizardOutput(pane: Pane, sheet: string): Promise<void> {
  await pane.testId('wizard-next').click();
  await pane.testId('write-output').click();
  await expect(pane.testId('written').innerText()).resolves.toContain(sheet);
}

/** Back to the list of wizards, waiting for the card of the one expected next. */
export async function backToWizardList(pane: Pane, card: string): Promise<void> {
  await pane.page.getByRole('button', { name: '返回向导列表' }).click();
  await pane.page.waitForSelector(`[data-testid="wizard-card-${card}"]`);
}
