import fc from 'fast-check';
import { parseCount, parseRatio, shiftDecimal, type RatioOptions } from '../../../src/values/counts';
import { VALUE_CODES } from '../../../src/values';

const result = (r: ReturnType<typeof parseCount>) => (r.ok ? r.value : r.finding.code);

describe('parseCount', () => {
  test.each<[unknown, number]>([
    [12, 12],
    [0, 0],
    [-0, 0],
    [12.0, 12],
    ['12', 12],
    ['１２', 12],
    ['12票', 12],
    ['12 人', 12],
    ['12人', 12],
    ['１２　票', 12],
    [' 12 ', 12],
    ['12.0', 12],
    ['12.00票', 12],
    ['+12', 12],
    ['-0', 0],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['007', 7],
    ['3名', 3],
    ['5位', 5],
    ['2份', 2],
    [0.1 * 3 * 10, 3], // float noise from a formula (3.0000000000000004)
    [(0.7 + 0.1) * 10, 8], // 7.999999999999999
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('%p → %p', (input, want) => expect(result(parseCount(input))).toBe(want));

  test.each<[unknown, string]>([
    [12.5, 'count.not-integer'],
    ['12.5', 'count.not-integer'],
    ['12.5票', 'count.not-integer'],
    [12.001, 'count.not-integer'],
    [-1, 'count.negative'],
    ['-1', 'count.negative'],
    ['－３', 'count.negative'],
    [-1.5, 'count.negative'],
    [2 ** 60, 'count.out-of-range'],
    ['99999999999999999999', 'count.out-of-range'],
    ['十二', 'count.unrecognized'],
    ['abc', 'count.unrecognized'],
    ['12票5', 'count.unrecognized'],
    ['1,23', 'count.unrecognized'],
    ['12%', 'count.unrecognized'],
    ['1e3', 'count.unrecognized'],
    [Number.NaN, 'count.unrecognized'],
    [Number.POSITIVE_INFINITY, 'count.unrecognized'],
    [true, 'count.unrecognized'],
    [{ error: '#DIV/0!' }, 'count.unrecognized'],
    [{}, 'count.unrecognized'],
    ['', 'count.empty'],
    ['　', 'count.empty'],
    [null, 'count.empty'],
    [undefined, 'count.empty'],
    ['-', 'count.empty'],
    ['—', 'count.empty'],
    ['／', 'count.empty'],
  ])('%p → %s', (input, code) => expect(result(parseCount(input))).toBe(code));

  test('messages name the value found and what was expected', () => {
    const r = parseCount('12.5票');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toContain('12.5票');
      expect(r.finding.message['en-US']).toMatch(/12\.5票.*whole/);
    }
    const e = parseCount({ error: '#DIV/0!' });
    if (!e.ok) expect(e.finding.message['en-US']).toContain('#DIV/0!');
  });

  test('every non-negative integer round-trips through its text forms', () => {
    const fw = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('', '票', ' 人', '名'), (n, unit) =>
        [n, `${n}${unit}`, fw(`${n}${unit}`), ` ${n} `, n.toLocaleString('en-US')].every((v) => result(parseCount(v)) === n),
      ),
    );
  });

  test('never throws; a value is always a safe integer ≥ 0', () => {
    const documented = new Map(VALUE_CODES.map((c) => [c.code, c.severity]));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.anything()), (input) => {
        const r = parseCount(input);
        return r.ok ? Number.isSafeInteger(r.value) && r.value >= 0 && !Object.is(r.value, -0) : documented.get(r.finding.code) === r.finding.severity;
      }),
      { numRuns: 2000 },
    );
  });
});

const ratio = (input: unknown, opts?: RatioOptions) => {
  const r = parseRatio(input, opts);
  return r.ok ? r.value : r.finding.code;
};

describe('parseRatio', () => {
  test.each<[unknown, RatioOptions | undefined, number]>([
    ['45.5%', undefined, 0.455],
    ['45.5％', undefined, 0.455],
    ['４５．５％', undefined, 0.455],
    ['45.5 %', undefined, 0.455],
    ['29.96%', undefined, 0.2996],
    ['100%', undefined, 1],
    ['0%', undefined, 0],
    ['.5', undefined, 0.5],
    ['50.%', undefined, 0.5],
    [0.455, undefined, 0.455],
    ['0.455', undefined, 0.455],
    [1, undefined, 1],
    [0, undefined, 0],
    [0.455, { numberFormat: '0.0%' }, 0.455], // Excel stores the fraction; the format shows 45.5%
    [0.2996, { isPercentFormat: true }, 0.2996],
    [45.5, { percentUnit: true }, 0.455], // column header 得票率(%)
    [29.96, { percentUnit: true }, 0.2996],
    ['29.96', { percentUnit: true }, 0.2996],
    ['29.96%', { percentUnit: true }, 0.2996],
    [100, { percentUnit: true }, 1],
  ])('%p with %j → %p', (input, opts, want) => expect(ratio(input, opts)).toBe(want));

  test('full precision: 29.96 % is not rounded up to 30 %', () => {
    const r = parseRatio('29.96%');
    expect(r.ok && r.value < 0.3).toBe(true);
    expect(r.ok && r.value).toBe(Number('0.2996'));
  });

  test.each<[unknown, RatioOptions | undefined, string]>([
    [45.5, undefined, 'ratio.ambiguous'],
    ['45.5', undefined, 'ratio.ambiguous'],
    [100, undefined, 'ratio.ambiguous'],
    [1.0001, undefined, 'ratio.ambiguous'],
    [45.5, { numberFormat: 'General' }, 'ratio.ambiguous'],
    [45.5, { numberFormat: '0.0%' }, 'ratio.out-of-range'], // Excel shows 4550.0%
    [1.2, { isPercentFormat: true }, 'ratio.out-of-range'],
    [150, undefined, 'ratio.out-of-range'],
    ['100.5%', undefined, 'ratio.out-of-range'],
    ['-5%', undefined, 'ratio.out-of-range'],
    [-0.1, undefined, 'ratio.out-of-range'],
    [150, { percentUnit: true }, 'ratio.out-of-range'],
    ['abc', undefined, 'ratio.unrecognized'],
    ['12/30', undefined, 'ratio.unrecognized'],
    ['45.5%%', undefined, 'ratio.unrecognized'],
    [Number.NaN, undefined, 'ratio.unrecognized'],
    [true, undefined, 'ratio.unrecognized'],
    [{ error: '#DIV/0!' }, undefined, 'ratio.unrecognized'],
    ['', undefined, 'ratio.empty'],
    [null, undefined, 'ratio.empty'],
  ])('%p with %j → %s', (input, opts, code) => expect(ratio(input, opts)).toBe(code));

  test('ambiguous message suggests the % form', () => {
    const r = parseRatio(45.5);
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toContain('45.5%');
      expect(r.finding.message['en-US']).toContain('45.5%');
    }
    expect(r.ok).toBe(false);
  });

  test('a percentage text equals the decimal text with the point moved two places', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 }), (whole, frac) => {
        if (whole === 100 && frac > 0) return true;
        const pct = `${whole}.${String(frac).padStart(4, '0')}`;
        const r = parseRatio(`${pct}%`);
        const digits = `${String(whole).padStart(3, '0')}${String(frac).padStart(4, '0')}`;
        const fraction = Number(`${digits.slice(0, 1)}.${digits.slice(1)}`);
        return r.ok && r.value === fraction;
      }),
    );
  });

  test('never throws; a value is always within [0, 1]', () => {
    const documented = new Map(VALUE_CODES.map((c) => [c.code, c.severity]));
    const opts = fc.record({ isPercentFormat: fc.option(fc.boolean(), { nil: undefined }), percentUnit: fc.option(fc.boolean(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), opts, (input, o) => {
        const r = parseRatio(input, o);
        return r.ok ? r.value >= 0 && r.value <= 1 : documented.get(r.finding.code) === r.finding.severity;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shiftDecimal', () => {
  test.each([
    [29.96, -2, 0.2996],
    [45.5, -2, 0.455],
    [1.5e-7, -2, 1.5e-9],
    [1e21, -2, 1e19],
    [0.2996, 2, 29.96],
  ])('%p × 10^%p → %p', (n, k, want) => expect(shiftDecimal(n, k)).toBe(want));
});
