/**
 * Issue 15: every file a county office has is read (.xls, WPS .et in the same container, .ods) or
 * refused with exit 2 and one line naming the format and what to do — never "no problems" for a
 * file that was not read — and the input bytes are never changed. The table is shared with the
 * standalone page's e2e test (tests/support/bad-files.ts).
 */
import { FIXTURES } from '../../fixtures/build';
import { BAD_FILES, LEGACY_FILES, matches } from '../../support/bad-files';
import { runCli } from '../../support/cli-memory';

const LANGS = ['zh-CN', 'en-US'] as const;
const SEP = { 'zh-CN': '：', 'en-US': ': ' } as const;

describe.each(LANGS)('refused files (%s)', (lang) => {
  test.each(BAD_FILES.map((f) => [f.name, f] as const))('%s', async (_name, bad) => {
    for (const command of ['check', 'eliminate', 'fix', 'brief']) {
      const bytes = await bad.bytes();
      const copy = bytes.slice();
      const files: Record<string, Uint8Array> = { [bad.name]: bytes };
      const out = command === 'fix' ? ['-o', 'out.xlsx'] : command === 'brief' ? ['-o', 'out.docx'] : [];
      const r = await runCli([command, bad.name, ...out, '--lang', lang], files);
      expect([command, r.code, r.out]).toEqual([command, 2, '']);
      const line = r.err.trim().split('\n');
      expect(line).toHaveLength(1);
      const prefix = `cadre-ledger${command === 'brief' ? ' brief' : ''}: ${bad.name}${SEP[lang]}`;
      expect(line[0].startsWith(prefix)).toBe(true);
      expect([command, line[0].slice(prefix.length), matches(bad.message, lang, line[0].slice(prefix.length))]).toEqual([
        command,
        line[0].slice(prefix.length),
        true,
      ]);
      expect([...r.files.keys()]).toEqual([bad.name]); // nothing written
      expect(r.files.get(bad.name)).toEqual(copy); // input unchanged
    }
  });
});

test("a worksheet cut short: the refusal names the sheet and the row where it breaks off (not exceljs's words)", async () => {
  const bad = BAD_FILES.find((f) => f.name === 'cut-sheet.xlsx')!;
  for (const command of ['check', 'eliminate', 'brief']) {
    const out = command === 'brief' ? ['-o', 'out.docx'] : [];
    const zh = await runCli([command, bad.name, ...out], { [bad.name]: await bad.bytes() });
    expect([command, zh.code, zh.err]).toEqual([
      command,
      2,
      expect.stringMatching(/^cadre-ledger(?: brief)?: cut-sheet\.xlsx：文件已损坏：工作表“干部信息”的内容在第 \d+ 行处中断，此行及以后的行无法读取\n$/),
    ]);
    const en = await runCli([command, bad.name, ...out, '--lang', 'en-US'], { [bad.name]: await bad.bytes() });
    expect(en.err).toMatch(
      /^cadre-ledger(?: brief)?: cut-sheet\.xlsx: The file is damaged: sheet "干部信息" breaks off at row \d+; that row and the rows after it cannot be read\n$/,
    );
  }
});

describe('legacy formats are read like the .xlsx they were saved from', () => {
  test('--help says which formats are read and that fix writes .xlsx', async () => {
    expect((await runCli(['--help'])).out).toContain('也可读取旧版 .xls、WPS 表格 .et 和 .ods（按内容识别）；fix 总是写出 .xlsx');
    expect((await runCli(['--help', '--lang', 'en-US'])).out).toContain(
      'Legacy .xls, WPS .et and .ods are read too (told by content); fix always writes .xlsx.',
    );
  });

  test.each(LEGACY_FILES.map((f) => [f.name, f] as const))('check %s gives the .xlsx findings, exit 1, input unchanged', async (name, f) => {
    const xlsx = await runCli(['check', 'probation.xlsx', '--as-of', '2023-06-30'], { 'probation.xlsx': await FIXTURES[f.fixture]() });
    const bytes = await f.bytes();
    const copy = bytes.slice();
    const r = await runCli(['check', name, '--as-of', '2023-06-30'], { [name]: bytes });
    expect(r.code).toBe(xlsx.code);
    expect(r.code).toBe(1);
    expect(r.out).toBe(xlsx.out.replace('probation.xlsx', name));
    expect(r.err).toBe('');
    expect(r.files.get(name)).toEqual(copy);
  });

  test('fix on an .xls writes .xlsx beside it, says so, and names the output .xlsx even when -o says .xls', async () => {
    const bytes = await LEGACY_FILES[0].bytes();
    const copy = bytes.slice();
    const r = await runCli(['fix', 'probation.xls', '-o', 'probation-fixed.xls', '--as-of', '2023-06-30'], { 'probation.xls': bytes });
    expect(r.code).toBe(0);
    expect(r.out).toContain('修复 probation.xls → probation-fixed.xlsx');
    expect(r.out).toContain('原文件是旧版 Excel / WPS 表格（.xls / .et）格式，已读入并按 .xlsx 格式写出；原文件未修改');
    expect(r.out).toContain('输出文件总是 .xlsx 格式，已写入 probation-fixed.xlsx（而非 probation-fixed.xls）');
    expect([...r.files.keys()].sort()).toEqual(['probation-fixed.xlsx', 'probation.xls']);
    expect(r.files.get('probation.xls')).toEqual(copy);
    // The output is a real .xlsx that checks like the original ledger.
    const again = await runCli(['check', 'p.xlsx', '--as-of', '2023-06-30', '--lang', 'en-US'], {
      'p.xlsx': r.files.get('probation-fixed.xlsx') as Uint8Array,
    });
    expect(again.code).toBe(1);
    expect(again.out).toContain('probation.report-overdue');
  });

  test('fix -o without an extension appends .xlsx; -o naming the input after renaming is refused', async () => {
    const bytes = await LEGACY_FILES[2].bytes();
    const r = await runCli(['fix', 'p.ods', '-o', 'result', '--lang', 'en-US', '--json'], { 'p.ods': bytes });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: 'p.ods', output: 'result.xlsx', inputFormat: 'ods' });
    expect(r.err).toContain('The input was read as OpenDocument spreadsheet (.ods) and the output is written as .xlsx; the input is unchanged');
    expect(r.err).toContain('written to result.xlsx (not result)');
    const same = await runCli(['fix', 'a.xlsx', '-o', 'a.xls'], { 'a.xlsx': await FIXTURES['clean-roster.xlsx']() });
    expect(same.code).toBe(2);
    expect(same.err).toContain('输出文件不能与原文件相同（a.xlsx）');
  });

  test('brief on an .et says it read the legacy format; --sheet writes .xlsx', async () => {
    const bytes = await LEGACY_FILES[1].bytes();
    const r = await runCli(['brief', 'probation.et', '-o', 'b.docx', '--sheet', 'b.et', '--as-of', '2023-06-30'], { 'probation.et': bytes });
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ b.xlsx');
    expect(r.out).toContain('原文件是旧版 Excel / WPS 表格（.xls / .et）格式');
    expect([...r.files.keys()].sort()).toEqual(['b.docx', 'b.xlsx', 'probation.et']);
  });
});
