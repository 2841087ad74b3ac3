/**
 * Offline manifest check (the online validator is `npm run validate`), for both manifests — the
 * shared-runtime manifest.xml and the task-pane-only manifest-taskpane.xml (Office 2016/2019) —
 * as sources and as a production build emits them: well-formed, every resid resolves and fits
 * Office's limits, every URL is https under ADDIN_URL and names a file the build emits, the shared
 * runtime (manifest.xml) is named the same way everywhere while the pane-only manifest has none,
 * and every label exists in zh-CN and en-US.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUT, ADDIN_URL, ROOT } = require('../e2e/build') as { OUT: string; ADDIN_URL: string; ROOT: string };

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const DEV_URL = 'https://localhost:3000/';

function parse(file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(`${level}: ${message}`);
    },
  }).parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
  if (errors.length) throw new Error(`${file} is not well-formed XML:\n${errors.join('\n')}`);
  return doc;
}

function all(doc: Document | Element): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

function byLocal(doc: Document | Element, local: string, ns?: string): Element[] {
  return all(doc).filter((e) => e.localName === local && (ns === undefined || e.namespaceURI === ns));
}

interface Resources {
  images: Map<string, Element>;
  urls: Map<string, Element>;
  short: Map<string, Element>;
  long: Map<string, Element>;
}

function resources(doc: Document): Resources {
  const section = (name: string, item: string): Map<string, Element> => {
    const m = new Map<string, Element>();
    for (const s of byLocal(doc, name, BT)) for (const e of byLocal(s, item, BT)) m.set(e.getAttribute('id') ?? '', e);
    return m;
  };
  return { images: section('Images', 'Image'), urls: section('Urls', 'Url'), short: section('ShortStrings', 'String'), long: section('LongStrings', 'String') };
}

/** Every URL-valued attribute: the base manifest's DefaultValue URLs and the bt:Image/bt:Url resources. */
function urls(doc: Document): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const tag of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']) {
    for (const e of byLocal(doc, tag)) {
      const v = e.getAttribute('DefaultValue');
      if (v) out.push({ where: tag, url: v });
      for (const o of byLocal(e, 'Override')) out.push({ where: `${tag}/Override`, url: o.getAttribute('Value') ?? '' });
    }
  }
  const r = resources(doc);
  for (const [id, e] of [...r.images, ...r.urls]) {
    out.push({ where: id, url: e.getAttribute('DefaultValue') ?? '' });
    for (const o of byLocal(e, 'Override', BT)) out.push({ where: `${id}/Override`, url: o.getAttribute('Value') ?? '' });
  }
  for (const e of byLocal(doc, 'AppDomain')) out.push({ where: 'AppDomain', url: e.textContent ?? '' });
  return out;
}

type Kind = 'shared' | 'taskpane';
/** Each manifest, what it is, and the page its task pane opens. */
const MANIFESTS: readonly { file: string; kind: Kind; page: string }[] = [
  { file: 'manifest.xml', kind: 'shared', page: 'taskpane.html' },
  { file: 'manifest-taskpane.xml', kind: 'taskpane', page: 'taskpane-only.html' },
];

describe.each(
  MANIFESTS.flatMap((m) => [
    { ...m, label: `source ${m.file}`, path: path.join(ROOT, m.file) },
    { ...m, label: `built dist/${m.file}`, path: path.join(OUT, m.file) },
  ]),
)('$label', ({ path: file, kind, page }) => {
  const doc = parse(file);
  const res = resources(doc);
  const defined = new Set([...res.images.keys(), ...res.urls.keys(), ...res.short.keys(), ...res.long.keys()]);

  test('is a TaskPaneApp for Workbook with ReadWriteDocument, default locale zh-CN', () => {
    const root = doc.documentElement!;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(byLocal(doc, 'Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
    expect(byLocal(doc, 'Permissions')[0].textContent).toBe('ReadWriteDocument');
    expect(byLocal(doc, 'DefaultLocale')[0].textContent).toBe('zh-CN');
    expect(byLocal(doc, 'Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test('every resid is defined, and every id and resid is at most 32 characters', () => {
    const used = all(doc)
      .map((e) => e.getAttribute('resid'))
      .filter((v): v is string => !!v);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) {
      expect(defined).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  test('short strings ≤ 125 and long strings ≤ 250 characters, in every locale', () => {
    const check = (m: Map<string, Element>, max: number): void => {
      for (const [id, e] of m) {
        const values = [e.getAttribute('DefaultValue') ?? '', ...byLocal(e, 'Override', BT).map((o) => o.getAttribute('Value') ?? '')];
        for (const v of values) {
          expect(v.length).toBeGreaterThan(0);
          if (v.length > max) throw new Error(`${id}: ${v.length} > ${max} characters`);
        }
      }
    };
    check(res.short, 125);
    check(res.long, 250);
    for (const e of byLocal(doc, 'DisplayName')) expect((e.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
    for (const e of byLocal(doc, 'Description').filter((d) => d.hasAttribute('DefaultValue')))
      expect((e.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
  });

  test('every label has zh-CN (default) and en-US text', () => {
    const labelled = ['Label', 'Title', 'Description']
      .flatMap((t) => byLocal(doc, t))
      .map((e) => e.getAttribute('resid'))
      .filter((v): v is string => !!v);
    expect(new Set(labelled).size).toBeGreaterThanOrEqual(8);
    for (const id of labelled) {
      const e = res.short.get(id) ?? res.long.get(id);
      expect(e).toBeDefined();
      expect(e!.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const en = byLocal(e!, 'Override', BT).filter((o) => o.getAttribute('Locale') === 'en-US');
      expect(en).toHaveLength(1);
      expect(en[0].getAttribute('Value')).toMatch(/[A-Za-z]/);
    }
    for (const tag of ['DisplayName', 'Description']) {
      const e = byLocal(doc, tag).find((d) => d.hasAttribute('DefaultValue'))!;
      expect(e.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      expect(byLocal(e, 'Override').some((o) => o.getAttribute('Locale') === 'en-US')).toBe(true);
    }
  });

  (kind === 'shared' ? test : test.skip)('one shared runtime (lifetime long) named the same way by the functions page, FunctionFile and the task pane', () => {
    const runtimes = byLocal(doc, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute('lifetime')).toBe('long');
    const rid = runtimes[0].getAttribute('resid');
    expect(rid).toBe('Taskpane.Url');
    const page = byLocal(doc, 'Page')[0];
    expect(byLocal(page, 'SourceLocation')[0].getAttribute('resid')).toBe(rid);
    expect(byLocal(doc, 'FunctionFile')[0].getAttribute('resid')).toBe(rid);
    const panes = byLocal(doc, 'Action').filter((a) => a.getAttribute('xsi:type') === 'ShowTaskpane');
    expect(panes.length).toBeGreaterThan(0);
    for (const a of panes) expect(byLocal(a, 'SourceLocation')[0].getAttribute('resid')).toBe(rid);
    expect(byLocal(doc, 'Set').some((s) => s.getAttribute('Name') === 'SharedRuntime' && s.getAttribute('MinVersion') === '1.1')).toBe(true);
  });

  (kind === 'taskpane' ? test : test.skip)('no shared runtime and no custom functions: ExcelApi 1.1 required, the pane opened from its own page', () => {
    expect(byLocal(doc, 'Runtime')).toHaveLength(0);
    expect(byLocal(doc, 'ExtensionPoint').map((e) => e.getAttribute('xsi:type'))).toEqual(['PrimaryCommandSurface']);
    const sets = byLocal(doc, 'Set').map((x) => [x.getAttribute('Name'), x.getAttribute('MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.1']]);
    const url = (resid: string | null): string => res.urls.get(resid ?? '')?.getAttribute('DefaultValue') ?? '';
    expect(byLocal(byLocal(doc, 'DefaultSettings')[0], 'SourceLocation')[0].getAttribute('DefaultValue')).toMatch(new RegExp(`/${page}$`));
    expect(url(byLocal(doc, 'FunctionFile')[0].getAttribute('resid'))).toMatch(new RegExp(`/${page}$`));
  });

  test('custom functions under namespace CADRE (shared runtime only); one custom tab 干部台账 with 打开助手, 检查台账, 生成常委会材料', () => {
    if (kind === 'shared') {
      const ns = byLocal(doc, 'Namespace')[0].getAttribute('resid')!;
      expect(res.short.get(ns)!.getAttribute('DefaultValue')).toBe('CADRE');
    } else expect(byLocal(doc, 'Namespace')).toHaveLength(0);
    const tabs = byLocal(doc, 'CustomTab');
    expect(tabs).toHaveLength(1);
    const text = (resid: string | null): string => res.short.get(resid ?? '')?.getAttribute('DefaultValue') ?? '';
    const tabLabel = Array.from(tabs[0].childNodes).find((n) => (n as Element).localName === 'Label') as Element;
    expect(text(tabLabel.getAttribute('resid'))).toBe('干部台账');
    /** "taskpane-only.html#/brief": the page a ShowTaskpane button opens, '' for other actions. */
    const pageOf = (c: Element): string => {
      const resid = byLocal(c, 'SourceLocation')[0]?.getAttribute('resid');
      if (!resid) return '';
      const u = new URL(res.urls.get(resid)?.getAttribute('DefaultValue') ?? '');
      return u.pathname.replace(/^.*\//, '') + u.hash;
    };
    const buttons = byLocal(tabs[0], 'Control').map((c) => ({
      label: text(byLocal(c, 'Label')[0].getAttribute('resid')),
      action: byLocal(c, 'Action')[0].getAttribute('xsi:type'),
      fn: byLocal(c, 'FunctionName')[0]?.textContent ?? null,
      page: pageOf(c),
      icons: byLocal(c, 'Image', BT).map((i) => i.getAttribute('size')),
    }));
    const icons = ['16', '32', '80'];
    expect(buttons).toEqual(
      kind === 'shared'
        ? [
            { label: '打开助手', action: 'ShowTaskpane', fn: null, page, icons },
            { label: '检查台账', action: 'ExecuteFunction', fn: 'checkLedger', page: '', icons },
            { label: '生成常委会材料', action: 'ExecuteFunction', fn: 'writeBrief', page: '', icons },
          ]
        : // Without a shared runtime every button opens the pane, at the page for its feature.
          [
            { label: '打开助手', action: 'ShowTaskpane', fn: null, page, icons },
            { label: '检查台账', action: 'ShowTaskpane', fn: null, page: `${page}#/check/run`, icons },
            { label: '生成常委会材料', action: 'ShowTaskpane', fn: null, page: `${page}#/brief`, icons },
          ],
    );
  });

  test('every element has the children its schema allows, in the schema order', () => {
    // Office validates the manifest against XSD <xs:sequence>s: a child out of order (e.g. a
    // CustomTab's <Label> before its <Group>s) makes the add-in fail to load. Sequences from
    // OfficeAppManifestV1_1.xsd (OfficeApp, TaskPaneApp), TaskPaneAppVersionOverridesV1_0.xsd and
    // OfficeAppBasicTypesV1_0.xsd (github.com/OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane;
    // the Host sequence Runtimes → AllFormFactors → DesktopFormFactor as in [MS-OWEMXML] 2.3 "Host",
    // learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/514d1f0e-5775-49cd-82ee-44ccbb02ade0).
    const SEQUENCES: Record<string, readonly string[]> = {
      OfficeApp: [
        'Id',
        'AlternateId',
        'Version',
        'ProviderName',
        'DefaultLocale',
        'DisplayName',
        'Description',
        'IconUrl',
        'HighResolutionIconUrl',
        'SupportUrl',
        'AppDomains',
        'Hosts',
        'Requirements',
        'DefaultSettings',
        'Permissions',
        'VersionOverrides',
      ],
      Requirements: ['Sets', 'Methods'],
      VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
      'Host/Workbook': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
      Runtimes: ['Runtime'],
      AllFormFactors: ['ExtensionPoint'],
      'ExtensionPoint/CustomFunctions': ['Script', 'Page', 'Metadata', 'Namespace'],
      DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
      GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
      'ExtensionPoint/PrimaryCommandSurface': ['OfficeTab', 'CustomTab'],
      CustomTab: ['Group', 'Label'],
      Group: ['Label', 'Icon', 'Control'],
      'Control/Button': ['Label', 'Supertip', 'Icon', 'Action'],
      Supertip: ['Title', 'Description'],
      'Action/ShowTaskpane': ['TaskpaneId', 'SourceLocation', 'Title'],
      'Action/ExecuteFunction': ['FunctionName'],
      Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
    };
    // Elements whose content depends on their xsi:type are keyed by it (Host/Workbook, Action/ShowTaskpane…).
    const TYPED = new Set(['Host', 'ExtensionPoint', 'Control', 'Action']);
    const key = (e: Element): string => {
      const type = e.getAttribute('xsi:type');
      const name = e.localName ?? '';
      return type && TYPED.has(name) ? `${name}/${type}` : name;
    };
    const seen = new Set<string>();
    for (const e of [doc.documentElement!, ...all(doc)]) {
      const seq = SEQUENCES[key(e)];
      if (!seq) continue;
      const children = Array.from(e.childNodes)
        .filter((n): n is Element => n.nodeType === 1)
        .map((c) => c.localName ?? '');
      const positions = children.map((c) => seq.indexOf(c));
      expect([key(e), children.filter((_, i) => positions[i] < 0)]).toEqual([key(e), []]);
      const sorted = [...positions].sort((a, b) => a - b);
      expect([key(e), children]).toEqual([key(e), sorted.map((i) => seq[i])]);
      seen.add(key(e));
    }
    // Every sequence above is exercised by the shared-runtime manifest; the pane-only one has no runtime, functions or ExecuteFunction.
    const absent = kind === 'shared' ? [] : ['Runtimes', 'AllFormFactors', 'ExtensionPoint/CustomFunctions', 'Action/ExecuteFunction'];
    expect([...seen].sort()).toEqual(
      Object.keys(SEQUENCES)
        .filter((k) => !absent.includes(k))
        .sort(),
    );
  });

  test('every URL is https', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    for (const u of found) expect(`${u.where}: ${u.url}`).toMatch(/^[^:]+: https:\/\//);
  });
});

describe.each(MANIFESTS)('production build: $file', ({ file: name }) => {
  const BUILT = path.join(OUT, name);
  const doc = parse(BUILT);

  test('every URL points at ADDIN_URL and names a file the build emits', () => {
    expect(fs.readFileSync(BUILT, 'utf8')).not.toContain(DEV_URL);
    for (const { where, url } of urls(doc)) {
      expect(url.startsWith(ADDIN_URL)).toBe(true);
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(ADDIN_URL).pathname.length));
      const file = path.join(OUT, rel || 'index.html');
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`${where}: ${url} → ${rel} is not emitted by the build`);
    }
  });
});

describe('production build', () => {
  test('emits the pages, bundles, functions.json, office.js and icons', () => {
    for (const f of [
      'manifest.xml',
      'manifest-taskpane.xml',
      'taskpane.html',
      'taskpane-only.html',
      'legacy-check.js',
      'functions.html',
      'functions.json',
      'taskpane.js',
      'functions.js',
      'commands.js',
      'office-js/office.js',
      'office-js/excel-win32-16.01.js',
      'office-js/excel-web-16.00.js',
      'office-js/zh-cn/office_strings.js',
      'office-js/en-us/office_strings.js',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-80.png',
      'assets/sample-ledger.xlsx',
    ]) {
      expect([f, fs.existsSync(path.join(OUT, f))]).toEqual([f, true]);
    }
    expect(fs.existsSync(path.join(OUT, 'office-js', 'telemetry'))).toBe(false);
  });

  test('the pages load office.js from the add-in itself, under a Content-Security-Policy without eval', () => {
    for (const page of ['taskpane.html', 'taskpane-only.html', 'functions.html']) {
      const html = fs.readFileSync(path.join(OUT, page), 'utf8');
      expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
      const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).not.toMatch(/ws:/);
    }
    // Shared runtime: the one page carries the task pane, the custom functions and the commands.
    const taskpane = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
    for (const chunk of ['taskpane', 'functions', 'commands']) expect(taskpane).toMatch(new RegExp(`<script defer(="")? src="?${chunk}\\.js"?>`));
    // Pane only: the ES5 legacy check first, then the pane alone (no functions, no commands), marked as such.
    const only = fs.readFileSync(path.join(OUT, 'taskpane-only.html'), 'utf8');
    expect(only.indexOf('legacy-check.js')).toBeLessThan(only.indexOf('office-js/office.js'));
    expect(only).toMatch(/name="?cadre-runtime"? content="?taskpane"?/);
    expect(only).toMatch(/<script defer(="")? src="?taskpane\.js"?>/);
    expect(only).not.toMatch(/src="?(functions|commands)\.js/);
  });

  test('legacy-check.js is ES5 (it must parse in Internet Explorer 11)', () => {
    const text = fs.readFileSync(path.join(OUT, 'legacy-check.js'), 'utf8');
    expect(text).not.toMatch(/=>|\bconst\b|\blet\b|`|\?\.|\.\.\./);
    expect(text).toContain('Trident');
  });

  test('the bundles contain no eval and no dangerouslySetInnerHTML of our own', () => {
    for (const src of walk(path.join(ROOT, 'src')).filter((f) => /\.(ts|tsx)$/.test(f))) {
      const text = fs.readFileSync(src, 'utf8');
      expect([src, /\beval\s*\(|new Function\s*\(|dangerouslySetInnerHTML/.test(text)]).toEqual([src, false]);
    }
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
