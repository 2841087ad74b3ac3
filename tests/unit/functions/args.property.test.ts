/**
 * The fast paths of the argument readers (src/functions/impl/args.ts: countOf, blankCell, the
 * single-cell rows of columnArg) agree with the general parsers they shortcut (parseCount,
 * isBlank, plain) on random Excel-shaped cells: numbers of every kind, numeric text in either
 * width, blanks of every width, data-type objects, Excel errors and junk. The population
 * functions then give the same spill whether a count arrives as a number, as ASCII text (fast
 * paths) or as full-width text or "12票" (the general parser).
 */
import fc from 'fast-check';
import { blankCell, columnArg, countArg, countOf, plain } from '../../../src/functions/impl/args';
import { elimRankFn, elimTierFn, shortlistFn } from '../../../src/functions/impl/population';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { isBlank, parseCount } from '../../../src/values';
import { col } from './helpers';

const FULL_WIDTH = '０１２３４５６７８９';
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => FULL_WIDTH[Number(d)]);

const SPACES = [' ', '\t', '\n', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u2060', '\u2003'];
const blanks = fc.oneof(
  fc.constantFrom(null, undefined, ''),
  fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
);

const numbers = fc.oneof(
  fc.nat({ max: 1_000_000 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 60, 1e-300, 0.5, 12.5),
  fc.nat({ max: 10_000 }).map((n) => (n * 0.3) / 0.3), // float noise from a formula
  fc.nat({ max: 10_000 }).map((n) => n + 1e-12),
  fc.double({ noNaN: false }),
);

const digitText = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(String),
  fc.stringMatching(/^[0-9]{1,20}$/), // leading zeros
  fc.stringMatching(/^[1-9][0-9]{13,18}$/), // around the 15 digits of the fast path and 2^53
  fc.constantFrom('9007199254740991', '9007199254740992', '99999999999999999', '000000000000000000012'),
  fc.nat({ max: 100_000 }).map((n) => `00${n}`),
);

const numericText = fc.oneof(
  digitText,
  digitText.map(fullWidth),
  digitText.map((s) => ` ${s} `),
  fc.tuple(digitText, fc.constantFrom('票', '人', ' 人', '名', '%', '.0', '.5', ',000')).map(([s, u]) => s + u),
  fc.tuple(fc.constantFrom('-', '+', '−', '－'), digitText).map(([sign, s]) => sign + s),
  fc.nat({ max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.constantFrom('1e3', '0x10', '12.', '.5', '1 2', '١٢', '一二', '十二'),
);

const junk = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('-', '/', '—', '#N/A', '#VALUE!', 'TRUE', '正科级', '无', 'x'),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, {}, [], [[1]]),
);

/** A cell as the functions see it after plain(): what countOf and blankCell are given. */
const cells = fc.oneof(numbers, numericText, blanks, junk);

/** A cell as Excel passes it: a plain value or a data-type object around one. */
const excelCells = fc.oneof(
  cells,
  fc.oneof(numbers, numericText).map((basicValue) => ({ type: 'Double', basicValue, numberFormat: 'General' })),
  fc.constant({ type: 'Error', basicValue: '#REF!' }),
);

const params = { numRuns: 3000 };

describe('argument fast paths agree with the general parsers', () => {
  it('countOf(v) is parseCount(v)’s value, or NaN exactly when parseCount refuses v', () => {
    fc.assert(
      fc.property(cells, (v) => {
        const p = parseCount(v);
        expect(Object.is(countOf(v), p.ok ? p.value : NaN)).toBe(true);
      }),
      params,
    );
  });

  it('countArg answers the count, or the #VALUE! message of the general path', () => {
    const name = { zh: '得票数', en: 'votes' };
    fc.assert(
      fc.property(excelCells, (raw) => {
        const v = plain(raw);
        const p = parseCount(v);
        const r = countArg(raw, name);
        if (p.ok) expect(r).toBe(p.value);
        else expect(r).toMatchObject({ error: 'invalidValue', message: { 'zh-CN': expect.stringMatching(/^「得票数」应为不小于0的整数，收到 /) } });
      }),
      params,
    );
  });

  it('blankCell(v) is isBlank(v)', () => {
    fc.assert(
      fc.property(cells, (v) => {
        expect(blankCell(v)).toBe(isBlank(v));
      }),
      params,
    );
  });

  it('columnArg reads each row of a column as plain() does', () => {
    fc.assert(
      fc.property(fc.array(excelCells, { maxLength: 30 }), (values) => {
        expect(columnArg(col(values), { zh: '列', en: 'column' })).toEqual(values.map(plain));
      }),
      params,
    );
  });

  it('ELIMRANK / ELIMTIER / SHORTLIST: the same spill for counts as numbers, ASCII text, full-width text and "n票"', () => {
    const rows = fc.array(
      fc.nat({ max: 200 }).chain((valid) => fc.tuple(fc.nat({ max: valid }), fc.constant(valid), fc.constantFrom('正科级', '副科级', '一级主任科员', null))),
      { minLength: 1, maxLength: 60 },
    );
    const forms: ((n: number) => unknown)[] = [(n) => n, String, (n) => fullWidth(String(n)), (n) => `${n}票`, (n) => ({ type: 'Double', basicValue: n })];
    fc.assert(
      fc.property(rows, (data) => {
        const spills = forms.map((form) => {
          const inc = col(data.map((r) => form(r[0])));
          const valid = col(data.map((r) => form(r[1])));
          const level = col(data.map((r) => r[2]));
          const post = col(data.map((_, i) => `岗位${i % 3}`));
          return [
            elimRankFn(inc, valid, level, null, DEFAULT_POLICY),
            elimTierFn(inc, valid, level, null, DEFAULT_POLICY),
            shortlistFn(post, inc, valid, null, null, DEFAULT_POLICY),
          ];
        });
        for (const s of spills.slice(1)) expect(s).toEqual(spills[0]);
      }),
      { numRuns: 300 },
    );
  });
});
