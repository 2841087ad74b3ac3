/**
 * House security rules on the production build (DESIGN.md: no network calls of our own, no
 * telemetry, no eval, a Content-Security-Policy on the pages):
 * - every HTML page the build emits (taskpane.html, taskpane-only.html, functions.html,
 *   help/functions.html) carries a CSP that forbids eval and inline scripts; the ribbon commands
 *   run in taskpane.html (shared runtime); taskpane-only.html is the pane of manifest-taskpane.xml;
 * - our bundles (taskpane, functions, commands and their chunks) contain no eval call and no
 *   source-map eval wrappers (webpack devtool 'eval*'). Library fallbacks such as lodash's
 *   Function('return this') are reached only where globalThis is missing and the CSP blocks them;
 *   office.js's own host scripts (office-js/, Microsoft's) are not ours and not scanned;
 * - our source assigns no HTML (innerHTML / outerHTML / insertAdjacentHTML / document.write) and
 *   makes no request except the bundled sample ledger (fetch of a relative URL).
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUT, ROOT } = require('../e2e/build') as { OUT: string; ROOT: string };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const cspOf = (html: string): string | null => /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? null;

describe('production build: pages and bundles', () => {
  const pages = walk(OUT)
    .filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}office-js${path.sep}`))
    .map((f) => path.relative(OUT, f).split(path.sep).join('/'))
    .sort();

  test('the pages are the task pane (also the commands runtime), the pane-only page, the functions page and the help page', () => {
    expect(pages).toEqual(['functions.html', 'help/functions.html', 'taskpane-only.html', 'taskpane.html']);
  });

  test.each(['functions.html', 'help/functions.html', 'taskpane-only.html', 'taskpane.html'])('%s: a CSP without eval or inline scripts', (page) => {
    const csp = cspOf(fs.readFileSync(path.join(OUT, page), 'utf8'));
    expect(csp).not.toBeNull();
    const directives = new Map(
      (csp as string).split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain('*');
    expect(directives.get('object-src') ?? directives.get('default-src')).toEqual(expect.arrayContaining([expect.stringMatching(/^'(none|self)'$/)]));
    // No inline <script> bodies (they would need 'unsafe-inline' anyway).
    expect(fs.readFileSync(path.join(OUT, page), 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
  });

  test('our bundles contain no eval call and no eval-based source maps', () => {
    const bundles = walk(OUT).filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}office-js${path.sep}`) && !f.includes(`${path.sep}node${path.sep}`));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    for (const f of bundles) {
      const text = fs.readFileSync(f, 'utf8');
      expect([path.basename(f), /(?<![\w$.])eval\s*\(/.test(text), text.includes('//# sourceURL=webpack')]).toEqual([path.basename(f), false, false]);
    }
  });
});

describe('source: no HTML injection sinks, no requests of our own', () => {
  const sources = walk(path.join(ROOT, 'src')).filter((f) => /\.(ts|tsx)$/.test(f));

  test('no innerHTML/outerHTML assignment, insertAdjacentHTML, document.write, dangerouslySetInnerHTML', () => {
    for (const f of sources) {
      const text = fs.readFileSync(f, 'utf8');
      expect([path.relative(ROOT, f), /\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML/.test(text)]).toEqual([
        path.relative(ROOT, f),
        false,
      ]);
    }
  });

  test('no XMLHttpRequest, WebSocket, EventSource, sendBeacon; fetch only of the bundled sample; no remote import()', () => {
    const fetching: string[] = [];
    for (const f of sources) {
      const text = fs.readFileSync(f, 'utf8');
      const rel = path.relative(ROOT, f);
      expect([rel, /XMLHttpRequest|new WebSocket|EventSource|sendBeacon/.test(text)]).toEqual([rel, false]);
      expect([rel, /import\(\s*['"`]https?:/.test(text)]).toEqual([rel, false]);
      if (/\bfetch\s*\(/.test(text)) fetching.push(rel.split(path.sep).join('/'));
    }
    expect(fetching).toEqual(['src/taskpane/standalone/open.ts']);
    expect(fs.readFileSync(path.join(ROOT, 'src/taskpane/standalone/open.ts'), 'utf8')).toContain('fetch(SAMPLE_LEDGER_URL');
    expect(fs.readFileSync(path.join(ROOT, 'src/taskpane/build-info.ts'), 'utf8')).toMatch(/SAMPLE_LEDGER_URL = 'assets\/sample-ledger\.xlsx'/);
  });
});
