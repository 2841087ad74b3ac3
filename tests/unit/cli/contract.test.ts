/**
 * The JSON contract of SPEC §7, checked on every fixture workbook (tests/fixtures/build.ts) with a
 * small schema checker: exact keys and types, allowed severity / kind / tier values, `cell` an A1
 * reference, `row` 1-based, `ratio` in [0, 1], every finding `code` documented in
 * docs/findings.md, and exit codes 0 / 1 / 2. The finding codes SPEC §7 names must be emitted by
 * some fixture.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../support/cli-memory';
import { SHEET_KINDS } from '../../../src/ledger/sheet-kind';
import { FIXTURES, type FixtureName } from '../../fixtures/build';

const ROOT = path.join(__dirname, '..', '..', '..');
const AS_OF = '2023-06-30';

/** SPEC §5: the kinds, exactly. */
const SPEC_KINDS = ['roster', 'recommendation', 'inspection', 'notice', 'probation', 'assessment', 'complaints', 'resignation', 'unknown'];
const SEVERITIES = ['error', 'warning', 'info'];
const TIERS = ['removal', 'admonition', 'preliminary', null];
/** SPEC §7 names these codes. */
const SPEC_CODES = ['vote.below-threshold', 'id.checksum', 'id.precision-lost', 'date.ambiguous', 'notice.too-short', 'probation.report-overdue'];

const DOCUMENTED = new Set([...fs.readFileSync(path.join(ROOT, 'docs', 'findings.md'), 'utf8').matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]));

const run = (argv: string[], files: Record<string, Uint8Array>) => runCli(argv, files);

// ——— a schema-like checker: returns every violation as "path: problem" ———

type Check = (v: unknown, at: string, out: string[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const exactObject =
  (shape: Record<string, Check>): Check =>
  (v, at, out) => {
    if (!isObj(v)) return void out.push(`${at}: expected an object, got ${JSON.stringify(v)}`);
    const keys = Object.keys(v);
    if (keys.join() !== Object.keys(shape).join()) out.push(`${at}: keys ${JSON.stringify(keys)}, expected ${JSON.stringify(Object.keys(shape))}`);
    for (const [k, c] of Object.entries(shape)) c(v[k], `${at}.${k}`, out);
  };

const arrayOf =
  (item: Check): Check =>
  (v, at, out) => {
    if (!Array.isArray(v)) return void out.push(`${at}: expected an array`);
    v.forEach((x, i) => item(x, `${at}[${i}]`, out));
  };

const str: Check = (v, at, out) => void (typeof v !== 'string' || v === '' ? out.push(`${at}: expected a non-empty string, got ${JSON.stringify(v)}`) : 0);
const oneOf =
  (allowed: readonly unknown[]): Check =>
  (v, at, out) =>
    void (allowed.includes(v) ? 0 : out.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(allowed)}`));
const matches =
  (re: RegExp): Check =>
  (v, at, out) =>
    void (typeof v === 'string' && re.test(v) ? 0 : out.push(`${at}: ${JSON.stringify(v)} does not match ${re}`));
const intAtLeast =
  (min: number): Check =>
  (v, at, out) =>
    void (Number.isInteger(v) && (v as number) >= min ? 0 : out.push(`${at}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`));
const orNull =
  (c: Check): Check =>
  (v, at, out) =>
    v === null ? undefined : c(v, at, out);
const bool: Check = (v, at, out) => void (typeof v === 'boolean' ? 0 : out.push(`${at}: expected a boolean`));
const unitInterval: Check = (v, at, out) =>
  void (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? 0 : out.push(`${at}: expected a number in [0, 1], got ${JSON.stringify(v)}`));
const documented: Check = (v, at, out) =>
  void (typeof v === 'string' && DOCUMENTED.has(v) ? 0 : out.push(`${at}: code ${JSON.stringify(v)} is not in docs/findings.md`));
const both =
  (...cs: Check[]): Check =>
  (v, at, out) =>
    cs.forEach((c) => c(v, at, out));

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
const columnsMap: Check = (v, at, out) => {
  if (!isObj(v)) return void out.push(`${at}: expected an object`);
  for (const [k, l] of Object.entries(v)) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(k)) out.push(`${at}: field name ${JSON.stringify(k)}`);
    matches(/^[A-Z]{1,3}$/)(l, `${at}.${k}`, out);
  }
};

const sheetSchema: Check = (v, at, out) => {
  exactObject({ name: str, kind: oneOf(SPEC_KINDS), headerRow: orNull(intAtLeast(1)), columns: columnsMap })(v, at, out);
  // Only a sheet that is not a ledger may lack a header row.
  if (isObj(v) && v.headerRow === null && v.kind !== 'unknown') out.push(`${at}: a ${String(v.kind)} sheet without headerRow`);
};

const CHECK_SCHEMA = exactObject({
  file: str,
  sheets: arrayOf(sheetSchema),
  findings: arrayOf(exactObject({ sheet: str, cell: matches(A1), severity: oneOf(SEVERITIES), code: both(str, documented), message: str })),
});

const ELIM_SCHEMA = exactObject({
  population: intAtLeast(0),
  counts: exactObject({ preliminary: intAtLeast(0), removal: intAtLeast(0), admonition: intAtLeast(0) }),
  rows: arrayOf(exactObject({ sheet: str, row: intAtLeast(1), name: str, ratio: unitInterval, rank: intAtLeast(1), tier: oneOf(TIERS), tie: bool })),
  // Issue 11: what the ranking could not read (a missing column, rows whose votes are unreadable).
  unread: arrayOf(exactObject({ sheet: orNull(str), field: orNull(str), rows: arrayOf(intAtLeast(1)), message: str })),
});

function violations(schema: Check, v: unknown): string[] {
  const out: string[] = [];
  schema(v, '$', out);
  return out;
}

const NAMES = Object.keys(FIXTURES) as FixtureName[];
const emitted = new Set<string>();

describe('cadre-ledger check --json: the SPEC §7 object on every fixture', () => {
  it.each(NAMES)('%s', async (name) => {
    const files = { [name]: await FIXTURES[name]() };
    const r = await run(['check', name, '--json', '--as-of', AS_OF], files);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(violations(CHECK_SCHEMA, j)).toEqual([]);
    expect(j.file).toBe(name);
    // Exit 1 exactly when there are findings.
    expect(r.code).toBe(j.findings.length ? 1 : 0);
    // Every finding points at a sheet the object lists.
    const sheets = new Set(j.sheets.map((s: { name: string }) => s.name));
    for (const f of j.findings) expect([f.sheet, sheets.has(f.sheet)]).toEqual([f.sheet, true]);
    for (const f of j.findings) emitted.add(f.code);
  });

  it('the codes SPEC §7 names exist, are documented, and some fixture emits each', () => {
    for (const c of SPEC_CODES) expect([c, DOCUMENTED.has(c), emitted.has(c)]).toEqual([c, true, true]);
  });

  it('the kinds the recogniser can give are exactly the SPEC §5 list, and the fixtures show every one', async () => {
    expect([...SHEET_KINDS].sort()).toEqual([...SPEC_KINDS].sort());
    const seen = new Set<string>();
    for (const name of NAMES) {
      const r = await run(['check', name, '--json', '--as-of', AS_OF], { [name]: await FIXTURES[name]() });
      for (const sh of JSON.parse(r.out).sheets) seen.add(sh.kind);
    }
    expect([...seen].sort()).toEqual([...SPEC_KINDS].sort());
  });

  it('the clean fixture exits 0 with no findings', async () => {
    const r = await run(['check', 'c.xlsx', '--json', '--as-of', AS_OF], { 'c.xlsx': await FIXTURES['clean-roster.xlsx']() });
    expect([r.code, JSON.parse(r.out).findings]).toEqual([0, []]);
  });
});

describe('cadre-ledger eliminate --json: the SPEC §7 object', () => {
  it.each(NAMES)('%s', async (name) => {
    const r = await run(['eliminate', name, '--json', '--as-of', AS_OF], { [name]: await FIXTURES[name]() });
    if (r.code === 2) {
      // No assessment tally: one line naming the file on stderr, nothing on stdout.
      expect([r.out, r.err.trim().split('\n').length, r.err.includes(name)]).toEqual(['', 1, true]);
      return;
    }
    expect(r.code).toBe(0);
    // stderr: at most the one line naming who counts towards N but could not be ranked.
    expect(r.err.split('\n').filter(Boolean)).toEqual(r.err ? [expect.stringMatching(/^cadre-ledger: 警告：\d+ 人计入总数但票数数据有误，未排名/)] : []);
    const j = JSON.parse(r.out);
    expect(violations(ELIM_SCHEMA, j)).toEqual([]);
    expect(j.counts.preliminary).toBe(j.counts.removal + j.counts.admonition);
    // Ranks never go down the list; tiers only where a rank is within the preliminary count or tied into it.
    const ranks = j.rows.map((x: { rank: number }) => x.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('some fixture has an assessment tally with tiers', async () => {
    const r = await run(['eliminate', 'a.xlsx', '--json', '--as-of', AS_OF], { 'a.xlsx': await FIXTURES['assessment-two-row-header.xlsx']() });
    const j = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(j.rows.some((x: { tier: string | null }) => x.tier !== null)).toBe(true);
    // A cadre with bad vote data counts towards N, is left out of rows (no ratio, no rank) and named on stderr.
    expect(j.population).toBe(j.rows.length + 1);
    expect(r.err).toMatch(/^cadre-ledger: 警告：1 人计入总数但票数数据有误，未排名（见 check）：\S+![0-9]+ \S+\n$/);
    // …and in the JSON itself, under `unread`, with its row.
    expect(j.unread).toEqual([{ sheet: '考核测评', field: 'incompetentVotes', rows: [45], message: expect.stringContaining('第 45 行的票数无法读取') }]);
    const text = await run(['eliminate', 'a.xlsx', '--as-of', AS_OF, '--lang', 'en-US'], { 'a.xlsx': await FIXTURES['assessment-two-row-header.xlsx']() });
    expect(text.out).toMatch(/1 counted in the population but not ranked \(bad vote data; see check\)/);
  });
});

describe('exit 2 and flags', () => {
  it.each([
    [['check'], 'no file'],
    [['check', 'missing.xlsx', '--json'], 'missing file'],
    [['check', 'r.xlsx', '--as-of', '2023-13-01'], 'bad --as-of'],
    [['check', 'r.xlsx', '--bogus'], 'unknown flag'],
    [['check', 'r.xlsx', '--policy', 'p.json'], 'bad policy'],
    [['fix', 'r.xlsx'], 'fix without -o'],
    [['eliminate', 'r.xlsx', '--policy', 'p.json'], 'eliminate with a bad policy'],
    [['brief', 'r.xlsx'], 'brief without -o'],
    [['frobnicate', 'r.xlsx'], 'unknown command'],
  ])('%j (%s) exits 2 with one line on stderr and nothing on stdout', async (argv) => {
    const files = { 'r.xlsx': await FIXTURES['recommendation.xlsx'](), 'p.json': new TextEncoder().encode('{"notice":{"days":-1}}') };
    const r = await run(argv as string[], files);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).not.toBe('');
  });

  it('fix -o and brief -o exit 0 and write their outputs', async () => {
    const files: Record<string, Uint8Array> = { 'a.xlsx': await FIXTURES['assessment-two-row-header.xlsx']() };
    expect((await run(['fix', 'a.xlsx', '-o', 'out.xlsx', '--as-of', AS_OF], files)).code).toBe(0);
    expect((await run(['brief', 'a.xlsx', '-o', 'b.docx', '--as-of', AS_OF], files)).code).toBe(0);
    expect(Object.keys(files).sort()).toEqual(['a.xlsx', 'b.docx', 'out.xlsx']);
  });
});
