import { isDateFormat, isPercentFormat } from '../../../src/values/number-format';

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
