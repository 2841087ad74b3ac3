/**
 * The JSON and text results written piece by piece are byte for byte the text of one whole
 * JSON.stringify / join (issue 14: no giant string for a big ledger), at every piece border.
 */
import fc from 'fast-check';
import { checkJson, checkJsonText, linesText } from '../../../src/cli/output';
import { msg } from '../../../src/i18n/message';
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

describe('output written in pieces', () => {
  it.each([0, 1, 4999, 5000, 5001, 12345])('%i findings: the same JSON text as one stringify, both languages', (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    for (const lang of ['zh-CN', 'en-US'] as const) {
      expect([...checkJsonText('a "b".xlsx', [model], findings, lang)].join('')).toBe(`${JSON.stringify(checkJson('a "b".xlsx', [model], findings, lang))}\n`);
    }
  });

  it.each([1, 4999, 5000, 5001, 10001])('%i lines: the same text as one join', (n) => {
    const lines = Array.from({ length: n }, (_, i) => `line ${i}`);
    expect([...linesText(lines)].join('')).toBe(`${lines.join('\n')}\n`);
  });
});

describe('output written in pieces, any text', () => {
  it('is JSON.stringify of checkJson for random sheet names, codes and messages (quotes, controls, lone surrogates)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const arb = fc.array(
      fc.record({
        sheet: fc.constantFrom(model.sheet, 'Sheet1', '考核\\"表'),
        row: fc.nat(2000000),
        col: fc.nat(16383),
        severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
        code: text,
        zh: text,
        en: text,
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const findings: LedgerFinding[] = xs.map((x) => ({
          sheet: x.sheet,
          row: x.row,
          col: x.col,
          severity: x.severity,
          code: x.code,
          message: msg(x.zh, x.en),
        }));
        for (const lang of ['zh-CN', 'en-US'] as const) {
          expect([...checkJsonText('f.xlsx', [model], findings, lang)].join('')).toBe(`${JSON.stringify(checkJson('f.xlsx', [model], findings, lang))}\n`);
        }
      }),
    );
  });
});
