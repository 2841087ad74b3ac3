/**
 * The JSON and text results written piece by piece are byte for byte the UTF-8 of one whole
 * JSON.stringify / join (issue 14: no giant string for a big ledger), at every piece border.
 */
import fc from 'fast-check';
import { checkJson, checkJsonBytes, linesText } from '../../../src/cli/output';
import { MsgTemplate } from '../../../src/i18n/filled-message';
import { msg, type Msg } from '../../../src/i18n/message';
import type { LedgerFinding } from '../../../src/ledger/findings';
import type { SheetModel } from '../../../src/ledger/recognize';

const model: SheetModel = {
  sheet: '花名册 "x"',
  kind: 'roster',
  headerTop: 1,
  headerBottom: 1,
  columns: new Map([
    ['name', 1],
    ['idNumber', 4],
  ]),
  percentFields: new Set(),
  monthFields: new Set(),
  headers: [],
  inferred: new Map(),
  taughtProblems: [],
  unmatched: [],
  dataRows: [],
  skipped: [],
  notesFrom: -1,
  title: '',
  lastCol: 4,
};

const finding = (i: number): LedgerFinding => ({
  sheet: model.sheet,
  row: i,
  col: i % 30,
  severity: i % 3 === 0 ? 'error' : 'warning',
  code: 'name.suspicious',
  message: msg(`姓名 "干部${i}" 含有数字\n或符号“·”`, `Name "cadre ${i}" has digits \\ "quotes"`),
});

/** The pieces joined, each copied when handed out (they are views of one reused buffer), and the biggest piece. */
function joined(pieces: Iterable<Uint8Array>): { bytes: Buffer; biggest: number } {
  const copies: Buffer[] = [];
  for (const p of pieces) copies.push(Buffer.from(p));
  return { bytes: Buffer.concat(copies), biggest: Math.max(0, ...copies.map((c) => c.length)) };
}

/** What the pieces must be: the UTF-8 of one JSON.stringify and its newline. */
const expected = (file: string, models: readonly SheetModel[], findings: readonly LedgerFinding[], lang: 'zh-CN' | 'en-US') =>
  Buffer.from(`${JSON.stringify(checkJson(file, models, findings, lang))}\n`);

describe('output written in pieces', () => {
  it.each([0, 1, 4999, 5000, 5001, 12345])('%i findings: the same JSON bytes as one stringify, both languages', (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    for (const lang of ['zh-CN', 'en-US'] as const) {
      for (const size of [undefined, 4096, 7]) {
        const { bytes, biggest } = joined(checkJsonBytes('a "b".xlsx', [model], findings, lang, size));
        expect(bytes.equals(expected('a "b".xlsx', [model], findings, lang))).toBe(true);
        // A piece is never bigger than asked, but for one finding that alone is bigger.
        if (size !== 7) expect(biggest).toBeLessThanOrEqual(size ?? 1 << 20);
      }
    }
  });

  it('a message bigger than a piece is written whole, and the pieces after it too', () => {
    const big = 'x"\u0001'.repeat(100000);
    const findings = [finding(1), { ...finding(2), message: msg(big, big) }, finding(3)];
    const { bytes, biggest } = joined(checkJsonBytes('f.xlsx', [model], findings, 'en-US', 1024));
    expect(bytes.equals(expected('f.xlsx', [model], findings, 'en-US'))).toBe(true);
    expect(biggest).toBeGreaterThan(1024);
  });

  it.each([1, 4999, 5000, 5001, 10001])('%i lines: the same text as one join', (n) => {
    const lines = Array.from({ length: n }, (_, i) => `line ${i}`);
    expect([...linesText(lines)].join('')).toBe(`${lines.join('\n')}\n`);
  });
});

describe('output written in pieces, any text', () => {
  it('is the UTF-8 of JSON.stringify of checkJson for random sheet names, codes, messages and piece sizes', () => {
    // Any UTF-16 (lone surrogates too), astral characters, CJK, quotes and control characters.
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '干', '部', '·', '“', '😀', '\ud83d', '\ude00', 'a'),
        maxLength: 12,
      }),
    );
    // Filled messages as the checks make them: the template has no half surrogate pair at the value's side.
    const part = text.map((t) => t.replace(/[{}]/g, '')).filter((t) => !/[\ud800-\udbff]$/.test(t) && !/^[\udc00-\udfff]/.test(t));
    const templates = fc
      .array(fc.tuple(part, part, part, part), { minLength: 1, maxLength: 3 })
      .map((ts) => ts.map(([a, b, c, d]) => new MsgTemplate(`${a}{}${b}`, `${c}{}${d}`)));
    const arb = fc.array(
      fc.record({
        sheet: fc.constantFrom(model.sheet, 'Sheet1', '考核\\"表'),
        row: fc.nat(2000000),
        col: fc.nat(16383),
        severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
        code: text,
        zh: text,
        en: text,
        filled: fc.option(fc.nat(2)),
      }),
      { maxLength: 30 },
    );
    // 1 byte a piece up to bigger than the whole output; undefined for the CLI's own size.
    const size = fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined });
    fc.assert(
      fc.property(arb, templates, size, (xs, ts, pieceSize) => {
        // A message object shared by several findings, as dup.id shares one per first row.
        const shared = msg('身份证号与第4行相同', 'Same ID number as row 4');
        const message = (x: (typeof xs)[number], i: number): Msg =>
          x.filled === null ? (i % 5 === 4 ? shared : msg(x.zh, x.en)) : ts[x.filled % ts.length].fill(x.zh);
        const findings: LedgerFinding[] = xs.map((x, i) => ({
          sheet: x.sheet,
          row: x.row,
          col: x.col,
          severity: x.severity,
          code: x.code,
          message: message(x, i),
        }));
        for (const lang of ['zh-CN', 'en-US'] as const) {
          expect(joined(checkJsonBytes('f "😀".xlsx', [model], findings, lang, pieceSize)).bytes.equals(expected('f "😀".xlsx', [model], findings, lang))).toBe(
            true,
          );
        }
      }),
      { numRuns: 1000 },
    );
  });
});
