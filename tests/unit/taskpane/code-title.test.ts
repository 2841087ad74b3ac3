import { msg } from '../../../src/i18n/message';
import { ALL_CODES } from '../../../src/ledger/codes';
import { codeTitle } from '../../../src/taskpane/check/code-title';

describe('codeTitle', () => {
  test.each([
    [
      msg('身份证号中的出生日期与“出生年月”不一致。', 'The birth date in the ID number disagrees with the date of birth column.'),
      '身份证号中的出生日期与“出生年月”不一致',
      'The birth date in the ID number disagrees with the date of birth column',
    ],
    [msg('无法识别为日期。可用写法：1985.03', 'Not recognised as a date. Accepted forms: 1985.03'), '无法识别为日期', 'Not recognised as a date'],
    [
      msg(
        '第 18 位校验码与前 17 位不符（GB 11643-1999，ISO 7064 MOD 11-2），号码中至少有一位录错。',
        'The 18th (check) character does not match the first 17 (GB 11643-1999, ISO 7064 MOD 11-2): at least one character is mistyped.',
      ),
      '第 18 位校验码与前 17 位不符，号码中至少有一位录错',
      'The 18th character does not match the first 17',
    ],
  ])('%#: first clause in each language', (doc, zh, en) => {
    expect(codeTitle(doc, 'x.y', 'zh-CN')).toBe(zh);
    expect(codeTitle(doc, 'x.y', 'en-US', 80)).toBe(en);
  });

  test('long clauses are shortened with an ellipsis, and a missing doc falls back to the code', () => {
    expect(codeTitle(msg('一二三四五六七八九十', 'a'), 'c.d', 'zh-CN', 5)).toBe('一二三四…');
    expect(codeTitle(msg('一二三，四五六七八九十', 'a'), 'c.d', 'zh-CN', 6)).toBe('一二三');
    expect(codeTitle(undefined, 'c.d', 'zh-CN')).toBe('c.d');
    expect(codeTitle(msg('。', '.'), 'c.d', 'zh-CN')).toBe('c.d');
  });

  test('every documented code gets a non-empty title of at most 40 characters in both languages', () => {
    for (const c of ALL_CODES) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const title = codeTitle(c.doc, c.code, locale);
        expect(title.length).toBeGreaterThan(0);
        expect(title.length).toBeLessThanOrEqual(40);
      }
    }
  });
});
