import fc from 'fast-check';
import { cellText, normalizeText, toHalfWidth } from '../../../src/values/text';

describe('normalizeText', () => {
  test.each([
    ['１９８５．０３', '1985.03'],
    ['ＡＢＣ　ａｂｃ', 'ABC abc'],
    ['不称职（票）', '不称职(票)'],
    ['得票率：４５．５％', '得票率:45.5%'],
    ['１，２３４', '1,234'],
    ['１２／３０', '12/30'],
    ['！＂＃＄＆＇＊＋－＜＝＞？＠［＼］＾＿｀｛｜｝～', '!"#$&\'*+-<=>?@[\\]^_`{|}~'],
    ['出生\n年月', '出生年月'],
    ['出生\r\n年月', '出生年月'],
    ['出生 \r\n 年月', '出生年月'],
    ['出生\r年月', '出生年月'],
    ['Date of\nbirth', 'Date of birth'],
    ['不称职\n(票)', '不称职 (票)'],
    ['2022\n年度', '2022 年度'],
    ['身份证号\u2028码', '身份证号码'],
    ['  姓名  ', '姓名'],
    ['\u3000姓名\u3000', '姓名'],
    ['\u00a0姓\u00a0\u00a0名\u00a0', '姓 名'],
    ['a\t\tb', 'a b'],
    ['a\u2003\u2009b', 'a b'],
    ['\ufeff姓名', '姓名'],
    ['姓\u200b名', '姓名'],
    ['学历学位 · 毕业院校及专业', '学历学位 · 毕业院校及专业'],
    ['合\n\n计', '合计'],
    ['𠮷\n野', '𠮷野'], // a Han character outside the BMP
    ['〇\n一', '〇一'],
    ['', ''],
    ['\n\r\n', ''],
    ['。、「」', '。、「」'], // CJK punctuation is not in the full-width ASCII block and stays
  ])('%j → %j', (input, want) => expect(normalizeText(input)).toBe(want));

  test('non-string input gives empty text instead of throwing', () => {
    expect(normalizeText(42 as unknown as string)).toBe('');
    expect(normalizeText(null as unknown as string)).toBe('');
  });

  test('toHalfWidth maps exactly the block U+FF01–U+FF5E', () => {
    for (let c = 0xff01; c <= 0xff5e; c++) expect(toHalfWidth(String.fromCharCode(c)).charCodeAt(0)).toBe(c - 0xfee0);
    expect(toHalfWidth('\uff00\uff5f\uff61')).toBe('\uff00\uff5f\uff61');
  });

  const messy = fc.string({
    unit: fc.constantFrom(...'ab王五 \u3000\u00a0\t\n\r\u2028０Ａ（）：．，％\u200b\ufeff'.split('')),
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), messy, fc.string({ unit: 'grapheme' })), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
      {
        numRuns: 3000,
      },
    );
  });

  test('leaves no full-width ASCII, line breaks, double or edge spaces', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const t = normalizeText(s);
        return !/[\uff01-\uff5e\r\n\u3000\u00a0\t\u2028]/.test(t) && !/ {2}/.test(t) && t === t.trim();
      }),
    );
  });

  test('keeps every letter, digit and Han character, in order', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const keep = (x: string) => x.replace(/[^ab王五0A]/g, '');
        return keep(normalizeText(s)) === keep(toHalfWidth(s));
      }),
    );
  });
});

describe('cellText', () => {
  test.each<[unknown, string]>([
    ['　１２　', '12'],
    [12, '12'],
    [1985.03, '1985.03'],
    [Number.NaN, ''],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [null, ''],
    [undefined, ''],
    [{ error: '#N/A' }, ''],
  ])('%p → %j', (input, want) => expect(cellText(input)).toBe(want));
});
