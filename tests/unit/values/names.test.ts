import fc from 'fast-check';
import { normalizePersonName } from '../../../src/values/names';
import { VALUE_CODES } from '../../../src/values';
import { msg, say } from '../../../src/i18n/message';

const value = (input: unknown) => {
  const r = normalizePersonName(input);
  return r.ok ? r.value : `!${r.finding.code}`;
};
const notes = (input: unknown) => {
  const r = normalizePersonName(input);
  return r.ok ? r.notes.map((n) => n.code) : [];
};

describe('normalizePersonName', () => {
  test.each([
    ['王五', '王五'],
    ['王  五', '王五'],
    ['王 五', '王五'],
    ['王\u3000五', '王五'],
    [' 王五 ', '王五'],
    ['王\n五', '王五'],
    ['王\r\n五', '王五'],
    ['欧阳 小 明', '欧阳小明'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽･买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['阿依古丽 • 买买提', '阿依古丽·买买提'],
    ['Li  Ming', 'Li Ming'],
    ['Ｌｉ Ｍｉｎｇ', 'Li Ming'],
    ['John F. Kennedy', 'John F. Kennedy'],
    ["O'Brien", "O'Brien"],
    ['𠮷野', '𠮷野'],
    ['', '!name.empty'],
    ['   ', '!name.empty'],
    ['\u3000', '!name.empty'],
    [null, '!name.empty'],
    [undefined, '!name.empty'],
    ['\u200b', '!name.empty'],
    ['\u0085', '!name.empty'], // NEL is no whitespace to isBlank but a line break to normalizeText
  ])('%j → %j', (input, want) => expect(value(input)).toBe(want));

  test.each([
    ['王五2', '王五2'],
    ['李明(大)', '李明(大)'],
    ['李明（大）', '李明(大)'],
    ['张三#', '张三#'],
    ['·张三', '·张三'],
    ['张三·', '张三·'],
    ['张··三', '张··三'],
  ])('%j keeps the name but notes name.suspicious', (input, want) => {
    expect(value(input)).toBe(want);
    expect(notes(input)).toEqual(['name.suspicious']);
  });

  test.each([['王五'], ['阿依古丽·买买提'], ['Li Ming']])('%j has no notes', (input) => expect(notes(input)).toEqual([]));

  test.each<[unknown]>([[12], [true], [{ error: '#REF!' }], [{}]])('non-text %p is not a plain name', (input) => {
    const r = normalizePersonName(input);
    const code = r.ok ? r.notes[0]?.code : r.finding.code;
    expect(code).toBe('name.suspicious');
  });

  test('suspicious message names the value and what is expected', () => {
    const r = normalizePersonName('王五2');
    const m = r.ok ? r.notes[0].message : null;
    expect(m?.['zh-CN']).toContain('王五2');
    expect(m?.['en-US']).toContain('middle dot');
  });

  test('never throws; idempotent on its own output; no spaces left between Chinese characters', () => {
    const documented = new Set(VALUE_CODES.map((c) => c.code));
    const nameish = fc.string({ unit: fc.constantFrom(...'王五阿依·•・．. \u3000\nLiM2'.split('')) });
    fc.assert(
      fc.property(fc.oneof(nameish, fc.string(), fc.anything()), (input) => {
        const r = normalizePersonName(input);
        if (!r.ok) return documented.has(r.finding.code);
        const again = normalizePersonName(r.value);
        return again.ok && again.value === r.value && !/[王五阿依] [王五阿依]/.test(r.value) && r.notes.every((n) => documented.has(n.code));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the name.suspicious message (texts made when read)', () => {
  const message = (input: unknown) => {
    const r = normalizePersonName(input);
    const f = r.ok ? r.notes[0] : r.finding;
    expect(f.code).toBe('name.suspicious');
    return f.message;
  };
  test.each([
    ['干部12', '"干部12"'],
    ['张三#', '"张三#"'],
    [{ error: '#N/A' }, '#N/A'],
    [true, 'TRUE'],
    ['王五\n2', '"王五⏎2"'],
  ])('%j shows the cell as %s, in both languages and in JSON', (input, shown) => {
    const m = message(input);
    const zh = `姓名 ${shown} 含有数字或符号；姓名应只含文字和间隔号“·”`;
    const en = `Name ${shown} contains digits or symbols; a name should contain only letters and the middle dot "·"`;
    expect([say(m, 'zh-CN'), say(m, 'en-US')]).toEqual([zh, en]);
    expect(JSON.parse(JSON.stringify(m))).toEqual(msg(zh, en));
    // Read twice, the same text (nothing cached that could go stale).
    expect(m['zh-CN']).toBe(zh);
  });
});
