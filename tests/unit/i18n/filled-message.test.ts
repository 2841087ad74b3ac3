/**
 * A filled message reads like msg() with the value put in, and its template's JSON parts around the
 * value's escaped text are JSON.stringify of that text byte for byte — for any value: quotes,
 * backslashes, control characters, surrogates. (The CLI's bytes: tests/unit/cli/output-pieces.)
 */
import fc from 'fast-check';
import { MsgTemplate } from '../../../src/i18n/filled-message';
import { msg, say } from '../../../src/i18n/message';

describe('MsgTemplate.fill', () => {
  it('gives both texts, in JSON too', () => {
    const m = new MsgTemplate('姓名 "{}" 有误', 'Name "{}" is wrong').fill('干部1');
    expect([say(m, 'zh-CN'), say(m, 'en-US')]).toEqual(['姓名 "干部1" 有误', 'Name "干部1" is wrong']);
    expect(JSON.parse(JSON.stringify(m))).toEqual(msg('姓名 "干部1" 有误', 'Name "干部1" is wrong'));
  });

  it('refuses a template without exactly one {}, or cut inside a surrogate pair', () => {
    expect(() => new MsgTemplate('无', 'none {}')).toThrow();
    expect(() => new MsgTemplate('{}{}', '{}')).toThrow();
    expect(() => new MsgTemplate('a\ud83d{}', '{}')).toThrow();
    expect(() => new MsgTemplate('{}\ude00b', '{}')).toThrow();
  });

  it('json parts + escaped value = JSON.stringify(text) for any value and template (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 10 });
    // Fixed parts as the product writes them: no half surrogate pair at the value's side.
    const part = text.map((t) => t.replace(/[{}]/g, '')).filter((t) => !/[\ud800-\udbff]$/.test(t) && !/^[\udc00-\udfff]/.test(t));
    fc.assert(
      fc.property(part, part, text, (before, after, value) => {
        const template = new MsgTemplate(`${before}{}${after}`, `${after}{}${before}`);
        const m = template.fill(value);
        expect(say(m, 'zh-CN')).toBe(before + value + after);
        expect(say(m, 'en-US')).toBe(after + value + before);
        for (const lang of ['zh-CN', 'en-US'] as const) {
          const [a, b] = template.json[lang];
          expect(`"${a}${JSON.stringify(value).slice(1, -1)}${b}"`).toBe(JSON.stringify(say(m, lang)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
