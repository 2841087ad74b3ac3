/**
 * Property tests of recognition: the header is found whatever title/unit/blank lines sit above
 * it, and columns map to the same fields in any order.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/ledger/grid';
import { columnLetter } from '../../../src/ledger/grid';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { headerKey, synonymIndex } from '../../../src/ledger/header-text';
import { SYNONYMS } from '../../../src/ledger/synonyms';
import { gridOf } from '../../support/grid-of';

const grid = (rows: CellValue[][], sheet = '花名册'): Grid => gridOf(rows, sheet);

const COLUMNS: [string, string, CellValue][] = [
  ['name', '姓名', '张三'],
  ['birth', '出生年月', '1985.03'],
  ['idNumber', '身份证号', '110101198503011232'],
  ['workStart', '参加工作时间', '2007.07'],
  ['post', '现任职务', '农业局局长'],
  ['sex', '性别', '男'],
];

const preamble = fc.array(
  fc.oneof(
    fc.constant<CellValue[]>([]),
    fc.constant<CellValue[]>(['XX县科级干部花名册']),
    fc.constant<CellValue[]>(['填报单位：县委组织部', null, null, '2022年9月']),
    fc.constant<CellValue[]>([null, '（盖章）']),
  ),
  { maxLength: 12 },
);

describe('recognition properties', () => {
  it('finds the header below any title, unit and blank lines, with columns in any order', () => {
    fc.assert(
      fc.property(preamble, fc.shuffledSubarray(COLUMNS.slice(1), { minLength: 2 }), fc.nat(), (pre, others, at) => {
        // Every ledger names its people; the other columns come in any order around the name.
        const cols = [...others];
        cols.splice(at % (others.length + 1), 0, COLUMNS[0]);
        const headerRow = pre.length;
        const rows: CellValue[][] = [...pre, cols.map((c) => c[1]), cols.map((c) => c[2]), cols.map((c) => c[2])];
        const m = recognizeSheet(grid(rows));
        expect(m.headerTop).toBe(headerRow);
        expect(m.dataRows).toEqual([headerRow + 1, headerRow + 2]);
        const mapped = Object.fromEntries([...m.columns.entries()].map(([f, c]) => [f, columnLetter(c)]));
        expect(mapped).toEqual(Object.fromEntries(cols.map((c, i) => [c[0], columnLetter(i)])));
        expect(m.kind).toBe('roster');
      }),
      { numRuns: 200 },
    );
  });

  it('maps every synonym, however it is spaced, bracketed or wrapped', () => {
    const idx = synonymIndex();
    const entries = Object.entries(SYNONYMS).flatMap(([f, list]) => list.filter((s) => !s.includes('|')).map((s) => [f, s] as const));
    fc.assert(
      fc.property(fc.constantFrom(...entries), fc.constantFrom('', ' ', '\n', '　'), ([field, syn], pad) => {
        const chars = Array.from(syn);
        const typed = chars.length > 1 ? `${chars[0]}${pad}${chars.slice(1).join('')}` : syn;
        const owner = idx.get(headerKey(typed));
        // A synonym shared by two fields maps to the first one listed; it must still map somewhere.
        expect(owner).toBeDefined();
        if (owner !== field) expect(idx.get(headerKey(syn))).toBe(owner);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores a sheet without a ledger header', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 5 }), { maxLength: 8 }), (rows) => {
        const m = recognizeSheet(grid(rows as CellValue[][], 'Sheet1'));
        if (m.headerTop < 0) expect(m.kind).toBe('unknown');
      }),
    );
  });
});
