import fc from 'fast-check';
import { formatDate, isUntilNow, parseChineseDate, serialOf, type DateOptions, type DatePrecision } from '../../../src/values/dates';
import { VALUE_CODES } from '../../../src/values';
import { fromEpochDay, toEpochDay, toSerial, type LocalDate } from '../../../src/values/local-date';

type Expect = [y: number, m: number, d: number, precision: DatePrecision];
const D = (y: number, m: number, d: number, p: DatePrecision): Expect => [y, m, d, p];

function expectDate(input: unknown, want: Expect, opts?: DateOptions): void {
  const r = parseChineseDate(input, opts);
  if (!r.ok) throw new Error(`${String(input)} → ${r.finding.code}: ${r.finding.message['en-US']}`);
  expect([r.value.date.y, r.value.date.m, r.value.date.d, r.value.precision]).toEqual(want);
}

function expectCode(input: unknown, code: string, opts?: DateOptions): void {
  const r = parseChineseDate(input, opts);
  expect(r.ok ? 'ok' : r.finding.code).toBe(code);
}

describe('parseChineseDate — text forms of SPEC §5', () => {
  test.each<[string, Expect]>([
    ['1985.03', D(1985, 3, 1, 'month')],
    ['1985.3', D(1985, 3, 1, 'month')],
    ['1985.1', D(1985, 1, 1, 'month')], // text keeps what was typed: January
    ['1985.10', D(1985, 10, 1, 'month')],
    ['1985.12', D(1985, 12, 1, 'month')],
    ['1985.03.', D(1985, 3, 1, 'month')],
    ['1985年3月', D(1985, 3, 1, 'month')],
    ['1985年03月', D(1985, 3, 1, 'month')],
    ['1985年3月1日', D(1985, 3, 1, 'day')],
    ['1985年3月1号', D(1985, 3, 1, 'day')],
    ['1985年3月1', D(1985, 3, 1, 'day')],
    ['1985 年 3 月', D(1985, 3, 1, 'month')],
    ['1985年', D(1985, 1, 1, 'year')],
    ['1985', D(1985, 1, 1, 'year')],
    ['198503', D(1985, 3, 1, 'month')],
    ['19850301', D(1985, 3, 1, 'day')],
    ['1985-03-01', D(1985, 3, 1, 'day')],
    ['1985-3-1', D(1985, 3, 1, 'day')],
    ['1985/3/1', D(1985, 3, 1, 'day')],
    ['1985/03/01', D(1985, 3, 1, 'day')],
    ['1985-03', D(1985, 3, 1, 'month')],
    ['1985/03', D(1985, 3, 1, 'month')],
    ['1985.03.01', D(1985, 3, 1, 'day')],
    ['1985.3.1', D(1985, 3, 1, 'day')],
    ['1985-03-01 00:00:00', D(1985, 3, 1, 'day')],
    ['1985-03-01T08:00:00Z', D(1985, 3, 1, 'day')],
    ['2000-02-29', D(2000, 2, 29, 'day')],
    ['2024.02.29', D(2024, 2, 29, 'day')],
  ])('%s', (input, want) => expectDate(input, want));

  test.each<[string, Expect]>([
    ['１９８５．０３', D(1985, 3, 1, 'month')],
    ['１９８５年３月', D(1985, 3, 1, 'month')],
    ['１９８５－０３－０１', D(1985, 3, 1, 'day')],
    ['１９８５／３／１', D(1985, 3, 1, 'day')],
    ['\u30001985.03\u3000', D(1985, 3, 1, 'month')],
    [' 1985.03 ', D(1985, 3, 1, 'month')],
    ['1985.\n03', D(1985, 3, 1, 'month')],
    ['\u00a01985年3月\u00a0', D(1985, 3, 1, 'month')],
  ])('full-width and stray whitespace: %j', (input, want) => expectDate(input, want));

  test.each<[string, Expect]>([
    ['1985.03生', D(1985, 3, 1, 'month')],
    ['1985年3月出生', D(1985, 3, 1, 'month')],
    ['1985年3月生', D(1985, 3, 1, 'month')],
    ['2019.03起', D(2019, 3, 1, 'month')],
    ['2021.05止', D(2021, 5, 1, 'month')],
  ])('suffix that does not change the date: %s', (input, want) => expectDate(input, want));

  test.each<[string, Expect]>([
    ['一九八五年三月', D(1985, 3, 1, 'month')],
    ['一九八五年三月一日', D(1985, 3, 1, 'day')],
    ['二〇一九年十二月', D(2019, 12, 1, 'month')],
    ['二零一九年十月', D(2019, 10, 1, 'month')],
    ['二○○八年八月八日', D(2008, 8, 8, 'day')],
    ['一九八五年十一月二十一日', D(1985, 11, 21, 'day')],
    ['一九八五年一月三十一日', D(1985, 1, 31, 'day')],
    ['一九八五年一月廿一日', D(1985, 1, 21, 'day')],
    ['一九八五年', D(1985, 1, 1, 'year')],
    ['1985年十月', D(1985, 10, 1, 'month')],
    ['1985年10月二十日', D(1985, 10, 20, 'day')],
  ])('Chinese numerals: %s', (input, want) => expectDate(input, want));

  test.each([
    ['1985.13', 'date.invalid'],
    ['1985.00', 'date.invalid'],
    ['1985年2月30日', 'date.invalid'],
    ['1985-02-29', 'date.invalid'], // 1985 is not a leap year
    ['1900-02-29', 'date.invalid'], // Gregorian: 1900 is not a leap year (Excel's fictitious day)
    ['1985-04-31', 'date.invalid'],
    ['198513', 'date.invalid'],
    ['19850230', 'date.invalid'],
    ['1985年13月', 'date.invalid'],
    ['一九八五年十三月', 'date.invalid'],
    ['1985年3月32日', 'date.invalid'],
    ['1899.12', 'date.out-of-range'],
    ['2101-01-01', 'date.out-of-range'],
    ['0000.05', 'date.out-of-range'],
    ['abc', 'date.unrecognized'],
    ['不详', 'date.unrecognized'],
    ['85.03', 'date.unrecognized'], // two-digit year: century unknown, not guessed
    ['31107', 'date.unrecognized'],
    ['1985.03-2019.05', 'date.unrecognized'],
    ['1985-03/01', 'date.unrecognized'], // mixed separators
    ['1985年二三月', 'date.unrecognized'],
    ['1985年三十五日', 'date.unrecognized'],
    ['一九八五年三二月', 'date.unrecognized'],
    ['', 'date.empty'],
    ['   ', 'date.empty'],
    ['\u3000', 'date.empty'],
    ['至今', 'date.until-now'],
    ['　至今　', 'date.until-now'],
    ['现在', 'date.until-now'],
  ])('%j → %s', (input, code) => expectCode(input, code));

  test('至今 is info and recognised by isUntilNow', () => {
    const r = parseChineseDate('至今');
    expect(isUntilNow(r)).toBe(true);
    expect(r.ok ? null : r.finding.severity).toBe('info');
    expect(isUntilNow(parseChineseDate('1985.03'))).toBe(false);
    expect(isUntilNow(parseChineseDate('abc'))).toBe(false);
  });
});

describe('parseChineseDate — numbers typed into a General cell', () => {
  const general: DateOptions = { numberFormat: 'General' };
  test.each<[number, Expect]>([
    [1985.03, D(1985, 3, 1, 'month')],
    [1985.01, D(1985, 1, 1, 'month')],
    [1985.09, D(1985, 9, 1, 'month')],
    [1985.11, D(1985, 11, 1, 'month')],
    [1985.12, D(1985, 12, 1, 'month')],
    [1985.2, D(1985, 2, 1, 'month')], // 1985.20 would be month 20: only February is possible
    [1985.9, D(1985, 9, 1, 'month')],
    [198503, D(1985, 3, 1, 'month')],
    [19850301, D(1985, 3, 1, 'day')],
    [1985, D(1985, 1, 1, 'year')],
    [1985.0301, D(1985, 3, 1, 'day')],
    [1985.1231, D(1985, 12, 31, 'day')],
    [1985 + 0.03, D(1985, 3, 1, 'month')], // formula result with float noise
  ])('%p', (n, want) => {
    expectDate(n, want, general);
    expectDate(n, want); // unknown format reads typed forms the same way
  });

  test('every yyyy.mm number is read as typed, except the one that ends in 0', () => {
    for (const y of [1900, 1949, 1985, 2000, 2024, 2100]) {
      for (let m = 1; m <= 12; m++) {
        const typed = `${y}.${String(m).padStart(2, '0')}`;
        const n = Number(typed); // what Excel stores for the typed text
        const r = parseChineseDate(n, general);
        if (m === 10) expect(r.ok ? 'ok' : r.finding.code).toBe('date.ambiguous');
        else expect(r.ok && [r.value.date.y, r.value.date.m, r.value.precision]).toEqual([y, m, 'month']);
      }
    }
  });

  test.each([
    [1985.1, 'date.ambiguous'],
    [1985.1, 'date.ambiguous'],
    [2000.1, 'date.ambiguous'],
    [1985.031, 'date.ambiguous'], // 1985.0310 lost its 0, or 1985-03-01 typed short
    [1985.101, 'date.ambiguous'],
    [1985.13, 'date.invalid'],
    [1985.99, 'date.invalid'],
    [198513, 'date.invalid'],
    [19850230, 'date.invalid'],
    [1985.0231, 'date.invalid'],
    [1899.05, 'date.out-of-range'],
    [2101.05, 'date.out-of-range'],
    [1985.134, 'date.unrecognized'],
    [1985.00001, 'date.unrecognized'],
    [-1985.03, 'date.unrecognized'],
    [Number.NaN, 'date.unrecognized'],
    [Number.POSITIVE_INFINITY, 'date.unrecognized'],
  ])('%p → %s', (n, code) => expectCode(n, code as string, general));

  test('a serial number in a cell known to be General is not guessed, but the message says what it would be', () => {
    const r = parseChineseDate(31107, { dateFormatted: false });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.code).toBe('date.unrecognized');
      expect(r.finding.message['en-US']).toContain('1985-03-01');
      expect(r.finding.message['zh-CN']).toContain('1985-03-01');
    }
    expectCode(1e21, 'date.unrecognized', { dateFormatted: false });
  });
});

describe('parseChineseDate — date-formatted cells (serials)', () => {
  test.each<[number, string, Expect]>([
    [toSerial({ y: 1985, m: 3, d: 1 }), 'yyyy-mm-dd', D(1985, 3, 1, 'day')],
    [toSerial({ y: 1985, m: 3, d: 1 }) + 0.75, 'yyyy/m/d h:mm', D(1985, 3, 1, 'day')],
    [toSerial({ y: 2024, m: 2, d: 29 }), 'yyyy"年"m"月"d"日"', D(2024, 2, 29, 'day')],
    [toSerial({ y: 1900, m: 3, d: 1 }), 'm/d/yy', D(1900, 3, 1, 'day')],
    [toSerial({ y: 2100, m: 12, d: 31 }), '[$-804]yyyy.mm', D(2100, 12, 31, 'day')],
    [1985, 'yyyy-mm-dd', D(1905, 6, 7, 'day')], // the format wins: the cell shows 1905-06-07
  ])('serial %p with %s', (serial, numberFormat, want) => expectDate(serial, want, { numberFormat }));

  test('dateFormatted overrides numberFormat', () => {
    expectDate(31107, D(1985, 3, 1, 'day'), { dateFormatted: true, numberFormat: 'General' });
    expectDate(1985.03, D(1985, 3, 1, 'month'), { dateFormatted: false, numberFormat: 'yyyy-mm-dd' });
  });

  test('unknown format: numbers that are no typed form are serials', () => {
    expectDate(31107, D(1985, 3, 1, 'day'));
    expectDate(45000.5, D(2023, 3, 15, 'day'));
  });

  test.each([
    [0, 'date.invalid'],
    [60, 'date.invalid'], // Excel's fictitious 1900-02-29
    [2958466, 'date.invalid'],
    [59, 'date.out-of-range'], // 1900-02-28 is valid, but too early with minYear 1901
  ])('serial %p → %s', (serial, code) => expectCode(serial, code, { dateFormatted: true, minYear: serial === 59 ? 1901 : undefined }));
});

describe('parseChineseDate — other inputs', () => {
  test.each([
    [null, 'date.empty'],
    [undefined, 'date.empty'],
    [true, 'date.unrecognized'],
    [{ error: '#DIV/0!' }, 'date.unrecognized'],
    [{ error: '#N/A' }, 'date.unrecognized'],
    [{}, 'date.unrecognized'],
    [[1985, 3], 'date.unrecognized'],
    [new Date(Number.NaN), 'date.unrecognized'],
  ])('%p → %s', (input, code) => expectCode(input, code));

  test('an Excel error value is named in the message', () => {
    const r = parseChineseDate({ error: '#DIV/0!' });
    expect(r.ok ? '' : r.finding.message['zh-CN']).toContain('#DIV/0!');
  });

  test('JS Date (exceljs: UTC midnight) is read in UTC', () => {
    expectDate(new Date(Date.UTC(1985, 2, 1)), D(1985, 3, 1, 'day'));
    expectDate(new Date(Date.UTC(1985, 2, 1, 23, 59)), D(1985, 3, 1, 'day'));
  });

  test('plausible-year range is configurable', () => {
    expectCode('1850.01', 'date.out-of-range');
    expectDate('1850.01', D(1850, 1, 1, 'month'), { minYear: 1800 });
    expectCode('2030.01', 'date.out-of-range', { maxYear: 2029 });
  });

  test('messages name what was found and what was expected, in both languages', () => {
    const r = parseChineseDate('1985.13');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toMatch(/1985\.13.*1–12.*13/);
      expect(r.finding.message['en-US']).toMatch(/1985\.13.*1–12.*13/);
      expect(r.finding.message['en-US']).toContain('Date "1985.13" is invalid');
    }
    const n = parseChineseDate(1985.13, { dateFormatted: false });
    if (!n.ok) expect(n.finding.message['en-US']).toContain('Date 1985.13 is invalid');
    const d = parseChineseDate('1985年2月30日');
    if (!d.ok) expect(d.finding.message['en-US']).toMatch(/28 days, not day 30/);
    const a = parseChineseDate(1985.1, { dateFormatted: false });
    if (!a.ok) expect(a.finding.message['zh-CN']).toMatch(/1985\.10.*1985\.1/);
  });
});

describe('formatDate', () => {
  test.each<[LocalDate, DatePrecision, string]>([
    [{ y: 1985, m: 3, d: 1 }, 'day', '1985-03-01'],
    [{ y: 1985, m: 3, d: 1 }, 'month', '1985.03'],
    [{ y: 1985, m: 12, d: 31 }, 'month', '1985.12'],
    [{ y: 1985, m: 3, d: 1 }, 'year', '1985'],
    [{ y: 2024, m: 2, d: 29 }, 'day', '2024-02-29'],
  ])('%j at %s → %s', (date, precision, text) => expect(formatDate(date, precision)).toBe(text));

  test('serialOf gives the Excel serial of the parsed date', () => {
    const r = parseChineseDate('1985-03-01');
    expect(r.ok && serialOf(r.value)).toBe(31107);
  });
});

describe('properties', () => {
  const anyDate = fc.integer({ min: toEpochDay({ y: 1900, m: 1, d: 1 }), max: toEpochDay({ y: 2100, m: 12, d: 31 }) }).map(fromEpochDay);

  test('never throws, always returns a value or exactly one documented finding', () => {
    const documented = new Map(VALUE_CODES.map((c) => [c.code, c.severity]));
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789.-/年月日号生至今〇一二三十廿 \n１２．'.split('')) }),
      fc.double(),
      fc.integer(),
      fc.anything(),
      fc.date(),
    );
    const options = fc.record({
      numberFormat: fc.option(fc.constantFrom('General', 'yyyy-mm-dd', '0.00', '@', 'h:mm'), { nil: undefined }),
      dateFormatted: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(inputs, options, (input, opts) => {
        const r = parseChineseDate(input, opts);
        if (r.ok) {
          const { y, m, d } = r.value.date;
          return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
        }
        return documented.get(r.finding.code) === r.finding.severity && r.finding.message['zh-CN'] !== '' && r.finding.message['en-US'] !== '';
      }),
      { numRuns: 3000 },
    );
  });

  test.each<DatePrecision>(['day', 'month', 'year'])('formatDate then parseChineseDate round-trips at %s precision', (precision) => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const shown = formatDate(date, precision);
        const r = parseChineseDate(shown);
        const want = precision === 'day' ? date : precision === 'month' ? { ...date, d: 1 } : { y: date.y, m: 1, d: 1 };
        return r.ok && r.value.precision === precision && r.value.date.y === want.y && r.value.date.m === want.m && r.value.date.d === want.d;
      }),
    );
  });

  test('a serial in a date-formatted cell round-trips', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const r = parseChineseDate(toSerial(date), { numberFormat: 'yyyy-mm-dd' });
        return r.ok && r.value.date.y === date.y && r.value.date.m === date.m && r.value.date.d === date.d;
      }),
    );
  });

  test('yyyy年m月d日 and full-width text parse to the same date as the canonical form', () => {
    const fw = (s: string) => s.replace(/[0-9.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(anyDate, (date) => {
        const a = parseChineseDate(`${date.y}年${date.m}月${date.d}日`);
        const b = parseChineseDate(fw(formatDate(date, 'day')));
        return a.ok && b.ok && a.value.date.d === date.d && b.value.date.m === date.m && b.value.date.y === date.y;
      }),
    );
  });
});
