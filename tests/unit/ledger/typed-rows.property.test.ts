/**
 * typeRows' shortcuts for speed (issue 14) change nothing a reader can see: the per-column memo of
 * parsed dates, IDs, counts and ratios, the shared birth dates and region codes of ID numbers, the
 * records and rows made by constructors (values/plain-record.ts) and the name.suspicious finding
 * made without its note. Each generated sheet is typed by typeRows and by the general path written
 * out here (every cell parsed on its own, records and rows as object literals), and the two must be
 * equal: same values, same keys in the same order, same prototypes, same findings in the same order.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/ledger/grid';
import { isCellError } from '../../../src/ledger/grid';
import { at, type LedgerFinding } from '../../../src/ledger/findings';
import { FIELDS, type FieldKey } from '../../../src/ledger/fields';
import { recognizeSheet, type SheetModel } from '../../../src/ledger/recognize';
import { errorValue, shownPrecision, typeRows, type TypedRow } from '../../../src/ledger/rows';
import { parseCount, parseRatio } from '../../../src/values/counts';
import { parseChineseDate } from '../../../src/values/dates';
import { IdParts, parseIdNumber, idCheckChar } from '../../../src/values/id-number';
import { normalizePersonName } from '../../../src/values/names';
import { normalizeText } from '../../../src/values/text';
import type { Finding } from '../../../src/values/finding';
import type { LocalDate } from '../../../src/values/local-date';
import { gridOf } from '../../support/grid-of';

const QUIET = new Set(['date.empty', 'id.empty', 'count.empty', 'ratio.empty', 'name.empty', 'date.until-now']);

/** typeRows without any shortcut: what the contract in rows.ts says, cell by cell. */
function typeRowsByRules(grid: Grid, model: SheetModel, asOf: LocalDate | undefined) {
  const findings: LedgerFinding[] = [];
  const fields = [...model.columns.entries()].filter(([f]) => FIELDS[f].type !== 'seq');
  const kinds = new Set(fields.map(([f]) => FIELDS[f].type));
  const rows = model.dataRows.map((r) => {
    const rec = (t: string): Record<string, unknown> => (kinds.has(t as never) ? {} : Object.freeze({}));
    const [names, texts, dates, ids, counts, ratios] = ['name', 'text', 'date', 'id', 'count', 'ratio'].map(rec);
    const blank: FieldKey[] = [];
    const unreadable: FieldKey[] = [];
    const untilNow: FieldKey[] = [];
    const put = (c: number, f: Finding) => {
      if (!QUIET.has(f.code)) findings.push(at(grid.sheet, r, c, f));
    };
    for (const [field, c] of fields) {
      const v = grid.values[r][c] ?? null;
      const format = grid.numberFormats[r][c];
      if (v === null || (typeof v === 'string' && normalizeText(v) === '')) {
        blank.push(field);
        continue;
      }
      if (isCellError(v)) {
        unreadable.push(field);
        findings.push(at(grid.sheet, r, c, errorValue(field, v.error)));
        continue;
      }
      const type = FIELDS[field].type;
      if (type === 'text') {
        texts[field] = typeof v === 'string' ? normalizeText(v) : String(v);
        continue;
      }
      const p =
        type === 'name'
          ? normalizePersonName(v)
          : type === 'date'
            ? parseChineseDate(v, { numberFormat: format })
            : type === 'id'
              ? parseIdNumber(v, { asOf })
              : type === 'count'
                ? parseCount(v)
                : parseRatio(v, { numberFormat: format, percentUnit: model.percentFields.has(field) });
      if (p.ok) {
        const value = type === 'date' && typeof v === 'number' ? shownPrecision(p.value as never, format) : p.value;
        ({ name: names, date: dates, id: ids, count: counts, ratio: ratios })[type as 'name'][field] = value;
        for (const n of p.notes) put(c, n);
      } else if (p.finding.code === 'date.until-now') untilNow.push(field);
      else {
        unreadable.push(field);
        put(c, p.finding);
      }
    }
    return {
      row: r,
      hidden: grid.hiddenRows.includes(r),
      names,
      texts,
      dates,
      ids,
      counts,
      ratios,
      blank: new Set(blank),
      unreadable: new Set(unreadable),
      untilNow: new Set(untilNow),
    };
  });
  return { rows, findings };
}

/** Every object of a typed row, a row's records and the values in them, with its key order. */
function shapes(x: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof x !== 'object' || x === null || seen.has(x)) return out;
  seen.add(x);
  if (x instanceof Set || Array.isArray(x)) return out;
  const proto = Object.getPrototypeOf(x);
  out.push(`${proto === Object.prototype ? 'plain' : (proto?.constructor?.name ?? 'null')}{${Object.keys(x).join(',')}}${Object.isFrozen(x) ? ' frozen' : ''}`);
  for (const v of Object.values(x)) shapes(v, out, seen);
  return out;
}

const VALID_ID = ['11010119850301123', '44030619900715002', '51010219601231999', '11010119850301124'].map((f) => f + idCheckChar(f));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    null,
    '',
    ' ',
    '\u3000',
    '1985.03',
    '1985年3月',
    '至今',
    '1985.1',
    '198503',
    '2099.01',
    '干部12',
    '王五',
    '王  五',
    '阿依古丽•买买提',
    '男',
    '局长\n',
    '１２',
    '12',
    '85%',
    '0.85',
    '-3',
    ...VALID_ID,
    VALID_ID[0].slice(0, 17) + 'x',
    '110101850301123',
    '11010119850301123',
    { error: '#N/A' },
    { error: '#DIV/0!' },
  ),
  fc.constantFrom<CellValue>(0, -0, 1985.03, 1985.1, 198503, 31107, 12, 0.85, 85, 1.5, 110101198503011e3, 110101850301123, true),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
);
const FORMATS = ['General', 'General', 'yyyy-mm-dd', 'yyyy.mm', '0%', '@'];
const HEADER: CellValue[] = ['序号', '姓名', '性别', '出生年月', '身份证号', '任现职时间', '现任职务', '得票数', '得票率', '备注'];

const sheet = fc
  .record({
    // Few distinct values per column, so the memo both hits and misses.
    pools: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: HEADER.length, maxLength: HEADER.length }),
    picks: fc.array(fc.array(fc.nat(), { minLength: HEADER.length, maxLength: HEADER.length }), { minLength: 1, maxLength: 25 }),
    formats: fc.array(fc.constantFrom(...FORMATS), { minLength: HEADER.length, maxLength: HEADER.length }),
    hidden: fc.array(fc.nat({ max: 26 }), { maxLength: 4 }),
    asOf: fc.constantFrom<LocalDate | undefined>(undefined, { y: 2023, m: 6, d: 30 }, { y: 1985, m: 3, d: 1 }),
  })
  .map(({ pools, picks, formats, hidden, asOf }) => {
    const data = picks.map((row, i) => row.map((p, c) => (c === 0 ? i + 1 : pools[c][p % pools[c].length])));
    const base = gridOf([HEADER, ...data]);
    const grid: Grid = {
      ...base,
      numberFormats: base.values.map((r, i) => r.map((_, c) => (i === 0 ? 'General' : formats[c]))),
      hiddenRows: hidden,
    };
    return { grid, asOf };
  });

describe('typeRows = the general path, cell by cell', () => {
  it('recognises a column of every kind (the property below is not vacuous)', () => {
    const model = recognizeSheet(gridOf([HEADER, [1, '王五', '男', '1985.03', VALID_ID[0], '2019.03', '局长', 12, '85%', '']]));
    expect(new Set([...model.columns.keys()].map((f) => FIELDS[f].type))).toEqual(new Set(['seq', 'name', 'text', 'date', 'id', 'count', 'ratio']));
  });

  it('gives equal rows (values, key order, prototypes) and equal findings in the same order', () => {
    let rowsSeen = 0;
    fc.assert(
      fc.property(sheet, ({ grid, asOf }) => {
        const model = recognizeSheet(grid);
        const typed = typeRows(grid, model, asOf ? { asOf } : {});
        const ref = typeRowsByRules(grid, model, asOf);
        rowsSeen += typed.rows.length;
        expect(typed.rows).toStrictEqual(ref.rows);
        expect(typed.findings).toStrictEqual(ref.findings);
        expect(typed.rows.map((r) => shapes(r))).toEqual(ref.rows.map((r) => shapes(r)));
        expect(typed.findings.map((f) => Object.keys(f))).toEqual(ref.findings.map((f) => Object.keys(f)));
      }),
      { numRuns: 400 },
    );
    expect(rowsSeen).toBeGreaterThan(1000);
  });

  it('a typed row and its records are plain objects, like literals', () => {
    const grid = gridOf([HEADER, [1, '干部1', '男', '1985.03', VALID_ID[0], '2019.03', '局长', 12, '85%', '']]);
    const [row] = typeRows(grid, recognizeSheet(grid)).rows as TypedRow[];
    for (const o of [row, row.names, row.texts, row.dates, row.ids, row.counts, row.ratios, row.ids.idNumber, row.ids.idNumber?.birth]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect((o as object).constructor).toBe(Object);
    }
    expect(JSON.stringify(row.ids)).toBe(JSON.stringify({ idNumber: { id18: VALID_ID[0], birth: { y: 1985, m: 3, d: 1 }, sex: 'male', region: '110101' } }));
  });
});

describe('ID numbers read with shared parts = read alone', () => {
  const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
  const id = fc.oneof(
    digits.map((f) => f + idCheckChar(f)),
    digits.map((f) => `11010${f.slice(5, 6)}19${f.slice(8)}`).map((f) => f + idCheckChar(f)),
    digits.map((f) => f.slice(0, 15)),
    fc.constantFrom(...VALID_ID),
  );
  it('the same IdNumber, whatever the order and repeats', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), fc.constantFrom<LocalDate | undefined>(undefined, { y: 2000, m: 1, d: 1 }), (list, asOf) => {
        const parts = new IdParts();
        for (const s of list) expect(parseIdNumber(s, { asOf, parts })).toStrictEqual(parseIdNumber(s, { asOf }));
      }),
      { numRuns: 300 },
    );
  });
});
