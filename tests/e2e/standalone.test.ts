/**
 * End-to-end: Debian's Chromium (playwright-core, never a downloaded browser) opens the built task
 * pane in standalone mode over plain http on localhost, sees the sample ledger's sheets, switches
 * language, visits every route and takes screenshots into test-output/e2e/. Nothing may leave
 * localhost. Without /usr/bin/chromium the test is skipped with a message, except under CI=true
 * where a missing browser is a failure.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUT, ROOT } = require('./build') as { OUT: string; ROOT: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve.js') as { serve: (root: string, port?: number) => Promise<{ server: Server; url: string }> };

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const CI = process.env.CI === 'true';
const SHOTS = path.join(ROOT, 'test-output', 'e2e');

if (!HAVE_CHROMIUM && !CI) {
  console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found. Install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
}

test('a browser is available under CI', () => {
  if (CI && !HAVE_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing (.ci/run installs it with apt)`);
});

(HAVE_CHROMIUM ? describe : describe.skip)('standalone task pane in Chromium', () => {
  let server: Server;
  let base: string;
  let browser: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const foreign: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ({ server, url: base } = await serve(OUT));
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    // A fresh profile directory (launchPersistentContext passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      viewport: { width: 420, height: 900 },
      locale: 'en-US',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      // Outside Office, office.js tries to frame Microsoft's telemetry proxy; our CSP blocks it on purpose.
      if (/Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/.test(text)) return;
      problems.push(`console: ${text}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens in standalone mode with the sample ledger listed (zh-CN first)', async () => {
    await page.goto(`${base}taskpane.html`);
    await page.waitForSelector('[data-testid="sheet-name"]', { timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe('standalone');
    expect(await page.locator('[data-testid="sheet-name"]').allInnerTexts()).toEqual(['花名册', '年度考核测评']);
    // recognised by the ledger engine: kind and the two-row header under the title and unit lines
    expect(await page.locator('[data-testid="sheet-kind"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'roster',
      'assessment',
    ]);
    expect(await page.locator('[data-testid="sheet-kind"]').first().innerText()).toContain('表头：第 3–4 行');
    await expect(page.locator('h1').innerText()).resolves.toBe('干部台账助手');
    expect(await page.locator('[data-testid="workbook-label"]').innerText()).toContain('示例台账');
    expect(await page.getByRole('button', { name: '选择一个 Excel 工作簿（.xlsx）' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: path.join(SHOTS, 'standalone-zh.png'), fullPage: true });
  }, 60_000);

  test('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Cadre Ledger Assistant');
    expect(await page.getByRole('tab', { name: 'Sheets' }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid="workbook-label"]').innerText()).toContain('Sample ledger');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await page.screenshot({ path: path.join(SHOTS, 'standalone-en.png'), fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('干部台账助手');
  }, 30_000);

  test('opens a workbook the user picks', async () => {
    await page.locator('[data-testid="file-input"]').setInputFiles(path.join(ROOT, 'assets', 'sample-ledger.xlsx'));
    await page.waitForFunction(() => document.querySelector('[data-testid="workbook-label"]')?.textContent === 'sample-ledger.xlsx');
    await page.waitForSelector('[data-testid="sheet-name"]');
    expect(await page.locator('[data-testid="sheet-name"]').allInnerTexts()).toEqual(['花名册', '年度考核测评']);
  }, 30_000);

  test('every route shows its screen; keyboard reaches the navigation', async () => {
    await page.getByRole('tab', { name: '检查台账' }).click();
    expect(page.url()).toMatch(/#\/check$/);
    await page.locator('[data-testid="run-check"]').click();
    await page.waitForSelector('[data-testid="check-summary"]');
    expect(await page.locator('[data-testid="check-summary"]').innerText()).toMatch(/检查了 \d+ 张台账/);

    await page.getByRole('tab', { name: '政策设置' }).click();
    const policy = page.locator('[data-testid="policy-table"]');
    await policy.waitFor();
    const text = await policy.innerText();
    expect(text).toContain('recommend.incumbentMinRatio');
    expect(text).toContain('50%');
    expect(text).toContain('二.2 原班子成员');
    expect(text).toContain('orgLife.maxAbsenceShare');
    await page.screenshot({ path: path.join(SHOTS, 'settings-zh.png'), fullPage: true });

    await page.goto(`${base}taskpane.html#/brief`);
    await page.waitForSelector('#brief-title');
    await page.goto(`${base}taskpane.html#/about`);
    expect(await page.locator('#main').innerText()).toContain('不收集、不发送任何使用数据');

    // The navigation is a tab list: focusable, and arrow keys move between pages.
    await page.getByRole('tab', { name: '关于' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#settings-title');
  }, 60_000);

  test('nothing left localhost and the page logged no errors', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
