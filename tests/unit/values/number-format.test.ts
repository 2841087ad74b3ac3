import { IMPLICIT_NUMBER_FORMAT_IDS, implicitNumberFormat, isDateFormat, isPercentFormat } from '../../../src/values/number-format';

describe('isDateFormat', () => {
  test.each([
    ['yyyy-mm-dd', true],
    ['yyyy/m/d', true],
    ['m/d/yy', true],
    ['yyyy"年"m"月"d"日"', true],
    ['yyyy"年"m"月"', true],
    ['yyyy.mm', true],
    ['[$-804]yyyy"年"m"月"d"日";@', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['yyyy/m/d h:mm', true],
    ['mmm-yy', true],
    ['mmmm', true],
    ['d-mmm', true],
    ['General', false],
    ['G/通用格式', false],
    ['@', false],
    ['0', false],
    ['0.00', false],
    ['0.0%', false],
    ['h:mm:ss', false],
    ['[h]:mm', false],
    ['mm:ss', false],
    ['"年"0', false],
    ['#,##0" 天"', false],
    ['\\d0', false],
    ['[Red]0.00', false],
    ['0_);(0)', false],
  ])('%s → %p', (format, want) => expect(isDateFormat(format)).toBe(want));

  test('non-string input is not a date format', () => expect(isDateFormat(undefined as unknown as string)).toBe(false));
});

describe('isPercentFormat', () => {
  test.each([
    ['0%', true],
    ['0.00%', true],
    ['0.0%;[Red]-0.0%', true],
    ['0.00"%"', false], // a quoted % is literal text: the value is not multiplied
    ['0.00\\%', false],
    ['General', false],
    ['yyyy-mm-dd', false],
  ])('%s → %p', (format, want) => expect(isPercentFormat(format)).toBe(want));

  test('non-string input is not a percent format', () => expect(isPercentFormat(null as unknown as string)).toBe(false));
});

describe('implicitNumberFormat (zh-CN built-in ids, ECMA-376 §18.8.30)', () => {
  const YM = 'yyyy"年"m"月"';
  const MD = 'm"月"d"日"';
  const YMD = 'yyyy"年"m"月"d"日"';
  const HM = 'h"时"mm"分"';
  const HMS = 'h"时"mm"分"ss"秒"';
  const AHM = '上午/下午h"时"mm"分"';
  const AHMS = '上午/下午h"时"mm"分"ss"秒"';
  const TABLE: [number, string][] = [
    [27, YM],
    [28, MD],
    [29, MD],
    [30, 'm-d-yy'],
    [31, YMD],
    [32, HM],
    [33, HMS],
    [34, AHM],
    [35, AHMS],
    [36, YM],
    [50, YM],
    [51, MD],
    [52, YM],
    [53, MD],
    [54, MD],
    [55, AHM],
    [56, AHMS],
    [57, YM],
    [58, MD],
  ];

  test.each(TABLE)('id %i is %s', (id, code) => {
    expect(implicitNumberFormat(id)).toBe(code);
  });

  it('lists exactly ids 27–36 and 50–58', () => {
    expect(IMPLICIT_NUMBER_FORMAT_IDS).toEqual(TABLE.map(([id]) => id));
  });

  test.each([0, 1, 14, 22, 26, 37, 45, 49, 59, 81, 164, -1, 27.5, NaN])('id %p is not an implicit zh-CN id', (id) => {
    expect(implicitNumberFormat(id)).toBeUndefined();
  });

  it('the date ids read as dates, the time ids (时分, 上午/下午) do not', () => {
    const times = new Set([32, 33, 34, 35, 55, 56]);
    for (const [id, code] of TABLE) expect([id, isDateFormat(code)]).toEqual([id, !times.has(id)]);
  });
});
