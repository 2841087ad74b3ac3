/**
 * The shortcuts of the fix transforms, the duplicates check and the findings sort (issue 14)
 * decide exactly what the rules decide: plainly clean text is what cleanText leaves alone, an ID
 * cell equal to its 18-character form is canonical, the plan is the per-cell rules written out
 * plainly (and check's summary is that plan), duplicates name the first row of their key, and
 * the sort is the general comparison.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/ledger/grid';
import type { LedgerFinding } from '../../../src/ledger/findings';
import { sortFindings } from '../../../src/ledger/findings';
import { readLedger } from '../../../src/ledger/check-workbook';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { checkDuplicates } from '../../../src/ledger/checks/duplicates';
import { cleanText, isCleanText } from '../../../src/ledger/transforms/text';
import { canonicalIdText } from '../../../src/ledger/transforms/id-text';
import { DATE_FORMAT } from '../../../src/ledger/transforms/dates';
import { planFixes, planSummary } from '../../../src/ledger/transforms';
import { FIELDS } from '../../../src/ledger/fields';
import type { TypedSheet } from '../../../src/ledger/rows';
import { isDateFormat } from '../../../src/values/number-format';
import { serialOf } from '../../../src/values/dates';
import { parseIdNumber } from '../../../src/values/id-number';
import { isBlank } from '../../../src/values/cell-input';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { gridOf } from '../../support/grid-of';

const ctx = { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } };

describe('isCleanText: true only where cleanText changes nothing', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.array(fc.constantFrom(...'局长科员A1 \u3000\uff10\uff19\u00a0\t\n\ufeff\u2028.·'), { maxLength: 6 }).map((a) => a.join('')),
  );
  it('isCleanText(s) ⇒ cleanText(s) = s, and it answers true for the usual cell', () => {
    let plain = 0;
    fc.assert(
      fc.property(piece, (s) => {
        if (!isCleanText(s)) return;
        plain++;
        expect(cleanText(s)).toBe(s);
      }),
      { numRuns: 4000 },
    );
    expect(plain).toBeGreaterThan(500); // not vacuous
  });

  it.each<[string, boolean]>([
    ['', true],
    ['局长', true],
    ['正科级', true],
    ['A1 B', true],
    [' 局长', false],
    ['局长 ', false],
    ['局\u3000长', false],
    ['\uff11\uff12', false],
    ['第\uff11名', false],
    ['\u00a0局长', false],
    ['局长\n', false],
    ['«局长»', false], // an end character outside the sure ranges: cleaned to know (it is clean)
  ])('isCleanText(%j) = %j', (s, expected) => expect(isCleanText(s)).toBe(expected));
});

describe('ID text: a cell equal to its 18-character form is canonical', () => {
  it('canonicalIdText(id18) = id18 for every 18-character ID the parser gives', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, fc.constantFrom(...'0123456789Xx'), (d, last) => {
        const p = parseIdNumber(d + last);
        if (p.ok) expect(canonicalIdText(p.value.id18)).toBe(p.value.id18);
      }),
      { numRuns: 2000 },
    );
  });
});

// Random rosters: every cell drawn from values each transform changes or leaves alone, some
// cells made formulas, some numbers given a date format.
const HEADER: CellValue[] = ['序号', '姓名', '出生年月', '身份证号', '现任职务', '参加工作时间', '工作单位'];
const POOLS: readonly (readonly CellValue[])[] = [
  [1, 2, 3],
  ['张三', '张  三', ' 李四', '王五', '干部12', '阿依古丽·买买提', null],
  ['1985.03', '1985年3月', '198503', '１９８６．０５', 1985.03, 31107, '1985', '1985.1', '至今', null],
  [
    '110101198503011232',
    '11010119850301123x',
    ' 110101198503011232',
    '１１０１０１１９８５０３０１１２３２',
    110101850301123,
    1.10101198503011e17,
    '123',
    null,
  ],
  ['局长', ' 局长', '局长\u3000', '科员\uff11', '', null],
  ['2008.07', '2008年7月', 39630, null],
  ['某局', '某局 ', null],
];

const roster = fc
  .array(
    fc.tuple(fc.tuple(...POOLS.map((p) => fc.constantFrom(...p))), fc.array(fc.boolean(), { minLength: POOLS.length, maxLength: POOLS.length }), fc.boolean()),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows): Grid => {
    const g = gridOf([HEADER, ...rows.map(([cells]) => cells)]);
    const formulas = g.formulas.map((r) => r.slice());
    const numberFormats = g.numberFormats.map((r) => r.slice());
    rows.forEach(([cells, formula, dated], i) => {
      cells.forEach((v, c) => {
        if (formula[c] && c > 0 && (i + c) % 3 === 0) formulas[i + 1][c] = '=A1';
        if (dated && typeof v === 'number') numberFormats[i + 1][c] = 'yyyy-mm-dd';
      });
    });
    return { ...g, formulas, numberFormats };
  });

interface Expected {
  readonly row: number;
  readonly col: number;
  readonly code: string;
  readonly value: unknown;
}

/** The plan of a roster, cell by cell as the transforms' doc comments state the rules (no shortcut). */
function expectedPlan(sheet: TypedSheet): Expected[] {
  const { values, formulas, numberFormats } = sheet.grid;
  const cols = [...sheet.model.columns];
  const out: Expected[] = [];
  const each = (visit: (row: TypedSheet['rows'][number], f: (typeof cols)[number][0], col: number, v: CellValue) => Omit<Expected, 'row' | 'col'> | null) => {
    for (const row of sheet.rows)
      for (const [f, col] of cols) {
        if (formulas[row.row][col] !== null) continue;
        const e = visit(row, f, col, values[row.row][col]);
        if (e) out.push({ row: row.row, col, ...e });
      }
  };
  each((row, f, _c, v) => {
    if (FIELDS[f].type !== 'id' || !row.ids[f]) return null;
    if (typeof v === 'number') return { code: 'fix.id-to-text', value: String(v) };
    return typeof v === 'string' && canonicalIdText(v) !== v ? { code: 'fix.id-to-text', value: canonicalIdText(v) } : null;
  });
  each((row, f, col, v) => {
    const d = row.dates[f];
    if (FIELDS[f].type !== 'date' || !d || d.precision === 'year') return null;
    if (typeof v === 'number' && isDateFormat(numberFormats[row.row][col])) return null;
    return { code: 'fix.date-normalize', value: serialOf(d) };
  });
  each((row, f, _c, v) => {
    if (typeof v !== 'string') return null;
    if (FIELDS[f].type === 'name') return row.names[f] !== undefined && row.names[f] !== v ? { code: 'fix.name-normalize', value: row.names[f] } : null;
    if (FIELDS[f].type !== 'text') return null;
    const t = cleanText(v);
    return t !== v && t !== '' ? { code: 'fix.text-normalize', value: t } : null;
  });
  return out;
}

describe('the plan is the per-cell rules, and check’s summary is the plan', () => {
  it('on random rosters with formulas and date-formatted numbers', () => {
    let edits = 0;
    fc.assert(
      fc.property(roster, (g) => {
        const sheet = readLedger(g, ctx);
        const plan = planFixes([sheet], ctx);
        expect(plan.edits.map((e) => ({ row: e.row, col: e.col, code: e.code, value: e.new.value }))).toEqual(expectedPlan(sheet));
        for (const e of plan.edits) {
          if (e.code === 'fix.date-normalize') expect(Object.values(DATE_FORMAT)).toContain(e.new.numberFormat);
          if (e.code === 'fix.id-to-text' && typeof e.old.value === 'number') expect(e.new.numberFormat).toBe('@');
        }
        edits += plan.edits.length;
        // The summary: per transform, the count, the first cells in plan order and the first reason.
        for (const listed of [1, 3]) {
          const groups = planSummary([sheet], ctx, listed);
          for (const code of new Set(plan.edits.map((e) => e.code))) {
            const of = plan.edits.filter((e) => e.code === code);
            const g = groups.find((x) => x.code === code);
            expect(g && { count: g.count, cells: g.cells, why: g.why }).toEqual({
              count: of.length,
              cells: of.slice(0, listed).map((e) => ({ row: e.row, col: e.col })),
              why: of[0].why,
            });
          }
          expect(groups).toHaveLength(new Set(plan.edits.map((e) => e.code)).size);
        }
      }),
      { numRuns: 300 },
    );
    expect(edits).toBeGreaterThan(1000); // not vacuous
  });
});

describe('duplicates: the first row of each ID and of each name and birth month', () => {
  const row = fc.tuple(
    fc.constantFrom('张三', '李四', null),
    fc.constantFrom('1985.03', '1986.04', null),
    fc.constantFrom('110101198503011232', '110101198604011234', null),
  );
  it('equals a plain first-seen table', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const g = gridOf([['姓名', '出生年月', '身份证号'], ...rows]);
        const sheet = readLedger(g, ctx);
        const firstId = new Map<string, number>();
        const firstPerson = new Map<string, number>();
        const expected: [number, number, string, string][] = [];
        for (const r of sheet.rows) {
          const id = r.ids.idNumber?.id18;
          let dup = false;
          if (id !== undefined) {
            const first = firstId.get(id);
            if (first === undefined) firstId.set(id, r.row);
            else {
              dup = true;
              expected.push([r.row, 2, 'dup.id', `Same ID number as row ${first + 1}`]);
            }
          }
          const name = r.names.name;
          const birth = r.dates.birth;
          if (!name || !birth || dup) continue;
          const key = `${name}|${birth.date.y}-${birth.date.m}`;
          const first = firstPerson.get(key);
          if (first === undefined) firstPerson.set(key, r.row);
          else expected.push([r.row, 0, 'dup.person', `row ${first + 1}`]);
        }
        const found = checkDuplicates(sheet).map((f) => [f.row, f.col, f.code, f.message['en-US']] as [number, number, string, string]);
        expect(found.length).toBe(expected.length);
        found.forEach((f, i) => {
          expect(f.slice(0, 3)).toEqual(expected[i].slice(0, 3));
          expect(f[3]).toContain(expected[i][3]);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('sortFindings is the general comparison (sheet order, row, column, severity, code), stable', () => {
  const SEV = { error: 0, warning: 1, info: 2 } as const;
  /** The comparison as first written: a Map lookup per side of every comparison. */
  function reference(list: readonly LedgerFinding[], order: readonly string[]): LedgerFinding[] {
    const pos = new Map(order.map((s, i) => [s, i]));
    return list
      .slice()
      .sort(
        (a, b) =>
          (pos.get(a.sheet) ?? 1e9) - (pos.get(b.sheet) ?? 1e9) ||
          a.row - b.row ||
          a.col - b.col ||
          SEV[a.severity] - SEV[b.severity] ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      );
  }
  const finding = fc.record({
    sheet: fc.constantFrom('花名册', '考核', '其他', '未列出'),
    row: fc.integer({ min: 0, max: 6 }),
    col: fc.integer({ min: 0, max: 3 }),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    code: fc.constantFrom('dup.id', 'name.suspicious', 'fixable.date-normalize'),
    message: fc.constant({ 'zh-CN': '', 'en-US': '' }),
  });
  it('on random lists, and on lists made of runs already in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(finding, { maxLength: 30 }), { maxLength: 5 }), fc.boolean(), (runs, sortedRuns) => {
        const order = ['花名册', '考核', '其他'];
        const list = runs.flatMap((r) => (sortedRuns ? reference(r, order) : r));
        const got = sortFindings(list, order);
        const want = reference(list, order);
        expect(got.length).toBe(want.length);
        got.forEach((f, i) => expect(f).toBe(want[i])); // the same objects in the same order
      }),
      { numRuns: 1000 },
    );
  });
});

describe('recognition: an empty string is a blank cell', () => {
  it('rows of empty strings are blank, an empty 备注 leaves a data row a data row', () => {
    const m = recognizeSheet(
      gridOf([
        ['姓名', '出生年月', '备注'],
        ['张三', '1985.03', ''],
        ['', '', ''],
        ['', '\u3000', null],
        ['李四', '1986.04', ''],
      ]),
    );
    expect(m.dataRows).toEqual([1, 4]);
    expect(m.skipped).toEqual([
      { row: 2, why: 'blank' },
      { row: 3, why: 'blank' },
    ]);
  });
});

describe('recognition: the row loop counts filled cells exactly as isBlank does', () => {
  const cell = fc.constantFrom<CellValue>('张三', '1985.03', 1, 0, false, '', ' ', '\u3000', '\u200b', '\u00a0x', '\u3000张三', null, { error: '#N/A' });
  it('blank rows are skipped, one filled cell outside the name column is a section, the rest data', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const m = recognizeSheet(gridOf([['姓名', '出生年月', '身份证号'], ...rows]));
        const expected = rows.map((r) => {
          const filled = r.map((v, c) => (isBlank(v) ? -1 : c)).filter((c) => c >= 0);
          return filled.length === 0 ? 'blank' : filled.length === 1 && filled[0] !== 0 ? 'section' : 'data';
        });
        const got = rows.map((_, i) => (m.dataRows.includes(i + 1) ? 'data' : m.skipped.find((x) => x.row === i + 1)?.why));
        expect(got).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
