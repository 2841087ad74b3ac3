/**
 * The cadre-ledger contract of SPEC §7, run in-process through main() with files in memory, and
 * once through the real binary.
 */
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as fsSync from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readerUse } from '../../../src/cli/main';
import { checkJson, eliminationJson, eliminationUnread } from '../../../src/cli/output';
import { unreadFor } from '../../../src/ledger/unread';
import { policyInForce } from '../../../src/cli/policy';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { eliminationOf } from '../../../src/ledger/checks/assessment';
import { FIXTURES } from '../../fixtures/build';
import { runCli } from '../../support/cli-memory';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';

const run = runCli;

describe('cadre-ledger check', () => {
  it('prints the exact JSON object of SPEC §7 and exits 1 when there are findings', async () => {
    const r = await run(['check', 'r.xlsx', '--json', '--as-of', '2023-06-30'], { 'r.xlsx': await FIXTURES['recommendation.xlsx']() });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['file', 'sheets', 'findings']);
    expect(j.file).toBe('r.xlsx');
    expect(j.sheets).toEqual([
      {
        name: '民主推荐汇总',
        kind: 'recommendation',
        headerRow: 2,
        columns: { seq: 'A', name: 'B', candidateStatus: 'C', targetPost: 'D', eligible: 'E', present: 'F', votes: 'G', recommendKind: 'H', recommender: 'I' },
      },
    ]);
    // check ⊇ fix: the formula columns fix would add are reported first (J2), then the rule findings.
    expect(j.findings[0]).toMatchObject({ cell: 'J2', severity: 'info', code: 'fixable.formula-column' });
    expect(j.findings.find((f: { code: string }) => !f.code.startsWith('fixable.'))).toEqual({
      sheet: '民主推荐汇总',
      cell: 'G5',
      severity: 'warning',
      code: 'vote.below-threshold',
      message: '原班子成员（含副职推荐正职）得票比例 29/60 = 48.33%，低于 50%',
    });
    for (const f of j.findings) expect(Object.keys(f)).toEqual(['sheet', 'cell', 'severity', 'code', 'message']);
  });

  it('exits 0 on a clean workbook and speaks English with --lang en-US', async () => {
    const r = await run(['check', 'c.xlsx', '--lang', 'en-US'], { 'c.xlsx': await FIXTURES['clean-roster.xlsx']() });
    expect(r.code).toBe(0);
    expect(r.out).toContain('No problems found.');
    expect(r.out).toContain('Sheet "干部信息": roster, header on row 2–3');
  });

  it('prints readable Chinese by default', async () => {
    const r = await run(['check', 'p.xlsx'], { 'p.xlsx': await FIXTURES['probation-protected.xlsx']() });
    expect(r.code).toBe(1);
    expect(r.out).toContain('试用期台账!G4  [警告] probation.report-overdue  第3次汇报应于2023-06-15前提交');
    expect(r.out).toContain('共 4 个问题：错误 0，警告 3，提示 1。');
  });

  it('gives one clear line on stderr and exit 2 for a missing, non-workbook, encrypted, legacy or corrupt file', async () => {
    const good = await FIXTURES['clean-roster.xlsx']();
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const enc = cfb.slice();
    Array.from('EncryptionInfo').forEach((ch, i) => (enc[1024 + i * 2] = ch.charCodeAt(0)));
    const cases: [string, Uint8Array | null, RegExp][] = [
      ['missing.xlsx', null, /找不到文件 missing\.xlsx/],
      ['text.xlsx', new TextEncoder().encode('姓名,出生年月\n'), /这是文本文件/],
      ['enc.xlsx', enc, /已加密/],
      ['old.xls', cfb, /已损坏，无法作为旧版 Excel \/ WPS 表格（\.xls \/ \.et）读取/],
      ['half.xlsx', good.slice(0, Math.floor(good.length / 2)), /已损坏/],
    ];
    for (const [name, bytes, re] of cases) {
      const r = await run(['check', name], bytes ? { [name]: bytes } : {});
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(re);
    }
  });

  it('rejects bad arguments and bad policies with exit 2', async () => {
    const file = { 'c.xlsx': await FIXTURES['clean-roster.xlsx']() };
    expect((await run(['check', 'c.xlsx', '--as-of', '2023/06/30'], file)).err).toMatch(/--as-of 应为 YYYY-MM-DD/);
    expect((await run(['frobnicate', 'c.xlsx'], file)).code).toBe(2);
    expect((await run(['check', 'c.xlsx', '--bogus'], file)).code).toBe(2);
    expect((await run(['check'], file)).err).toMatch(/缺少要处理的 \.xlsx 文件名/);
    const badJson = await run(['check', 'c.xlsx', '--policy', 'p.json'], { ...file, 'p.json': new TextEncoder().encode('{oops') });
    expect([badJson.code, /不是有效的 JSON/.test(badJson.err)]).toEqual([2, true]);
    const badValue = await run(['check', 'c.xlsx', '--policy', 'p.json'], { ...file, 'p.json': new TextEncoder().encode('{"notice":{"days":-3}}') });
    expect([badValue.code, /政策设置 p\.json 有误/.test(badValue.err)]).toEqual([2, true]);
  });

  it('applies --policy overrides', async () => {
    const file = { 'r.xlsx': await FIXTURES['recommendation.xlsx']() };
    const loose = await run(['check', 'r.xlsx', '--json', '--policy', 'p.json'], {
      ...file,
      'p.json': new TextEncoder().encode('{"recommend":{"incumbentMinRatio":0.4,"newcomerMinRatio":0.25}}'),
    });
    const codes = JSON.parse(loose.out).findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('vote.below-threshold');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('cadre-ledger check 文件.xlsx');
  });
});

describe('cadre-ledger fix', () => {
  it('writes the fixed workbook to -o, leaves the input bytes untouched, and lists old → new', async () => {
    const input = await FIXTURES['roster-messy.xlsx']();
    const copy = input.slice();
    const r = await run(['fix', 'in.xlsx', '-o', 'out.xlsx', '--json'], { 'in.xlsx': input });
    expect(r.code).toBe(0);
    expect(Buffer.from(r.files.get('in.xlsx')!).equals(Buffer.from(copy))).toBe(true);
    expect(r.files.get('out.xlsx')!.length).toBeGreaterThan(0);
    const j = JSON.parse(r.out);
    expect(j.edits).toContainEqual({ sheet: '花名册', cell: 'B6', code: 'fix.name-normalize', old: '李　四 ', new: '李四', why: '姓名“李　四 ”规范为“李四”' });
    const again = await run(['check', 'out.xlsx', '--json'], { 'out.xlsx': r.files.get('out.xlsx')! });
    expect(again.code).toBe(1); // what cannot be fixed safely stays a finding
    expect(JSON.parse(again.out).findings.map((f: { cell: string }) => f.cell)).toContain('D7');
  });

  it('refuses to write over its input, or without -o', async () => {
    const files = { 'in.xlsx': await FIXTURES['roster-messy.xlsx']() };
    const same = await run(['fix', 'in.xlsx', '-o', './in.xlsx'], files);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/输出文件不能与原文件相同/);
    expect((await run(['fix', 'in.xlsx'], files)).err).toMatch(/fix 需要用 -o 指定输出文件/);
  });
});

describe('cadre-ledger eliminate', () => {
  it('prints population, counts and ranked rows with tiers and ties', async () => {
    const r = await run(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': await FIXTURES['assessment-two-row-header.xlsx']() });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // SPEC §7 keys, then `unread` (issue 11: what could not be read).
    expect(Object.keys(j)).toEqual(['population', 'counts', 'rows', 'unread']);
    expect(j.population).toBe(50);
    expect(j.counts).toEqual({ preliminary: 1, removal: 1, admonition: 0 });
    expect(j.rows.slice(0, 2)).toEqual([
      { sheet: '考核测评', row: 12, name: '王八', ratio: 0.5, rank: 1, tier: 'removal', tie: true },
      { sheet: '考核测评', row: 26, name: '吕二', ratio: 0.5, rank: 1, tier: 'removal', tie: true },
    ]);
    for (const row of j.rows) expect(Object.keys(row)).toEqual(['sheet', 'row', 'name', 'ratio', 'rank', 'tier', 'tie']);
  });

  it('says so when there is no assessment tally', async () => {
    const r = await run(['eliminate', 'c.xlsx'], { 'c.xlsx': await FIXTURES['clean-roster.xlsx']() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有年度考核测评表/);
  });
});

describe('the real binary', () => {
  const root = path.join(__dirname, '..', '..', '..');
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.cli.json')], {
      cwd: root,
      stdio: 'pipe',
    });
    // The binary runs the one-file build (webpack.cli.config.js), as npm run build:cli makes it.
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', path.join(root, 'webpack.cli.config.js')], {
      cwd: root,
      stdio: 'pipe',
    });
  }, 180000);

  it('loads the commands kept in their own chunks: brief, forms, lrmx, the legacy reader', async () => {
    const bin = path.join(root, 'bin', 'cadre-ledger.js');
    for (const command of ['brief', 'forms', 'lrmx']) {
      const help = spawnSync(process.execPath, [bin, command, '--help'], { encoding: 'utf8' });
      expect([command, help.status, help.stderr]).toEqual([command, 0, '']);
      expect(help.stdout.length).toBeGreaterThan(50);
    }
    const odsDir = path.join(root, 'tests', 'fixtures', 'formats', 'ods');
    const ods = path.join(odsDir, fsSync.readdirSync(odsDir).find((f) => f.endsWith('.ods')) as string);
    const check = spawnSync(process.execPath, [bin, 'check', ods, '--json', '--as-of', '2023-06-30'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout).sheets.length).toBeGreaterThan(0);
  }, 60000);

  it('runs check and fix end to end with the documented exit codes', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-cli-'));
    const input = path.join(dir, '花名册.xlsx');
    await fs.writeFile(input, await FIXTURES['roster-messy.xlsx']());
    const bin = path.join(root, 'bin', 'cadre-ledger.js');
    const check = spawnSync(process.execPath, [bin, 'check', input, '--json', '--as-of', '2023-06-30'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    // 9 findings of the rules and values, and 4 fixable.* (one per transform fix then applies).
    expect(JSON.parse(check.stdout).findings).toHaveLength(13);
    const before = await fs.readFile(input);
    const out = path.join(dir, 'out.xlsx');
    const fix = spawnSync(process.execPath, [bin, 'fix', input, '-o', out], { encoding: 'utf8' });
    expect(fix.status).toBe(0);
    expect((await fs.readFile(input)).equals(before)).toBe(true);
    const over = spawnSync(process.execPath, [bin, 'fix', input, '-o', input], { encoding: 'utf8' });
    expect(over.status).toBe(2);
    const junk = path.join(dir, 'junk.xlsx');
    await fs.writeFile(junk, 'not a workbook');
    const bad = spawnSync(process.execPath, [bin, 'check', junk], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    await fs.rm(dir, { recursive: true, force: true });
  }, 60000);
});

describe('the policy stored in the workbook (SPEC §2), with --policy on top', () => {
  /** A fixture with settings saved as the add-in's 政策设置 page saves them. */
  async function withSettings(bytes: Uint8Array, settings: Record<string, string>): Promise<Uint8Array> {
    const wb = await openFileWorkbook(bytes);
    for (const [k, v] of Object.entries(settings)) await wb.setSetting(k, v);
    return wb.save();
  }
  const STORED = { policy: '{"notice":{"days":7}}', calendar: '{"extraHolidays":["2022-09-02"]}' };
  const tooShort = (out: string) =>
    JSON.parse(out)
      .findings.filter((f: { code: string }) => f.code === 'notice.too-short')
      .map((f: { cell: string; message: string }) => `${f.cell} ${f.message}`);

  it('check: notice.days 7 and an extra day off from the workbook apply; --policy wins key by key', async () => {
    const plain = await FIXTURES['appointment.xlsx']();
    const before = await run(['check', 'a.xlsx', '--json', '--as-of', '2022-09-20'], { 'a.xlsx': plain });
    expect(tooShort(before.out)).toEqual(['I4 公示2022-09-01至2022-09-05仅3个工作日，应至少到2022-09-07（5个工作日）']);
    const files = { 'a.xlsx': await withSettings(plain, STORED), 'p.json': new TextEncoder().encode('{"notice":{"days":5}}') };
    const stored = await run(['check', 'a.xlsx', '--json', '--as-of', '2022-09-20'], files);
    expect(tooShort(stored.out)).toEqual([
      'I3 公示2022-09-01至2022-09-07仅4个工作日，应至少到2022-09-13（7个工作日）',
      'I4 公示2022-09-01至2022-09-05仅2个工作日，应至少到2022-09-13（7个工作日）',
      'I6 公示2022-09-01至2022-09-07仅4个工作日，应至少到2022-09-13（7个工作日）',
    ]);
    // --policy sets notice.days back to 5; the workbook's calendar (2022-09-02 off) still applies
    const layered = await run(['check', 'a.xlsx', '--json', '--as-of', '2022-09-20', '--policy', 'p.json'], files);
    expect(tooShort(layered.out)).toEqual([
      'I3 公示2022-09-01至2022-09-07仅4个工作日，应至少到2022-09-08（5个工作日）',
      'I4 公示2022-09-01至2022-09-05仅2个工作日，应至少到2022-09-08（5个工作日）',
      'I6 公示2022-09-01至2022-09-07仅4个工作日，应至少到2022-09-08（5个工作日）',
    ]);
  });

  it('eliminate: the stored shares decide the counts', async () => {
    const a = await FIXTURES['assessment-two-row-header.xlsx']();
    const r = await run(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': await withSettings(a, { policy: '{"elimination":{"preliminaryShare":0.04}}' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).counts).toEqual({ preliminary: 2, removal: 1, admonition: 1 });
  });

  it('brief: states the values in force and marks the stored keys and calendar days as changed', async () => {
    const files = { 'a.xlsx': await withSettings(await FIXTURES['appointment.xlsx'](), STORED) };
    const r = await run(['brief', 'a.xlsx', '-o', 'b.docx', '--sheet', 'b.xlsx', '--as-of', '2022-09-20'], files);
    expect([r.code, r.err]).toEqual([0, '']);
    const book = await openFileWorkbook(r.files.get('b.xlsx')!);
    const sheet = (await book.read(['常委会材料2022-09-20']))[0];
    const rows = sheet.values.map((row) => row.map((v) => (v === null ? '' : String(v))));
    const rowOf = (label: string) => rows.find((row) => row.includes(label)) ?? [];
    expect(rowOf('任前公示期限（天）')).toContain('7（已调整）');
    expect(rowOf('另行放假的日期')).toContain('2022-09-02（已调整）');
    expect(rowOf('公示期计算方式')).toContain('工作日');
    expect(rowOf('公示期计算方式')).not.toContain('工作日（已调整）');
  });

  it('a refused stored value stops the command and names the workbook and the key; a bad --policy names the file', async () => {
    const bad = { 'a.xlsx': await withSettings(await FIXTURES['clean-roster.xlsx'](), { policy: '{"notice":{"days":-1}}' }) };
    const r = await run(['check', 'a.xlsx'], bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cadre-ledger: a\.xlsx 中保存的政策设置有误：notice\.days/);
    const cal = { 'a.xlsx': await withSettings(await FIXTURES['clean-roster.xlsx'](), { calendar: '{"extraHolidays":["2022-02-30"]}' }) };
    const c = await run(['check', 'a.xlsx', '--lang', 'en-US'], cal);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/The policy stored in a\.xlsx is invalid: .*2022-02-30/);
    const b = await run(['brief', 'a.xlsx', '-o', 'b.docx'], cal);
    expect([b.code, /a\.xlsx 中保存的政策设置有误/.test(b.err)]).toEqual([2, true]);
    const mixed = await run(['check', 'a.xlsx', '--policy', 'p.json'], {
      'a.xlsx': await withSettings(await FIXTURES['clean-roster.xlsx'](), { policy: '{"elimination":{"removalShare":0.015}}' }),
      'p.json': new TextEncoder().encode('{"elimination":{"preliminaryShare":0.01}}'),
    });
    // each source is consistent alone; together the removal share exceeds the preliminary share
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/a\.xlsx 中保存的政策设置与 p\.json 合并后有误：elimination\.removalShare（0\.015）不能大于/);
  });

  const elimination = (r: ReturnType<typeof eliminationOf>, sheets: Parameters<typeof unreadFor>[0]) => ({
    ...eliminationJson(r),
    unread: eliminationUnread(r, unreadFor(sheets, 'elimination'), 'zh-CN'),
  });

  /** check and eliminate --json as the full reader gives them: its Grids and its getSetting. */
  async function viaFullReader(bytes: Uint8Array, file: string, asOf: { y: number; m: number; d: number }) {
    const book = await openFileWorkbook(bytes);
    const p = await policyInForce(file, (k) => book.getSetting(k), null, null);
    if (!p.ok) throw new Error(p.error['en-US']);
    const result = checkWorkbook(await book.read(), { policy: p.value.policy, calendar: p.value.calendar, asOf });
    const sheets = result.ledgers.filter((l) => l.model.kind === 'assessment');
    return {
      check: `${JSON.stringify(checkJson(file, result.models, result.findings, 'zh-CN'))}\n`,
      eliminate: sheets.length ? `${JSON.stringify(elimination(eliminationOf(sheets, p.value.policy), sheets))}\n` : null,
    };
  }

  it('check and eliminate read a workbook with stored settings (a long, chunked undo.last too) with the fast reader, same JSON', async () => {
    const undo = JSON.stringify({ cells: Array.from({ length: 2000 }, (_, i) => ({ sheet: '考核测评', row: i, value: `张三${i}` })) });
    expect(undo.length).toBeGreaterThan(60000);
    const cases: [string, Record<string, string>][] = [
      ['appointment.xlsx', { ...STORED, 'undo.last': undo }],
      ['assessment-two-row-header.xlsx', { policy: '{"elimination":{"preliminaryShare":0.04}}', 'undo.last': undo }],
    ];
    for (const [fixture, settings] of cases) {
      const bytes = await withSettings(await FIXTURES[fixture as keyof typeof FIXTURES](), settings);
      const expected = await viaFullReader(bytes, 'a.xlsx', { y: 2022, m: 9, d: 20 });
      const before = { ...readerUse };
      const check = await run(['check', 'a.xlsx', '--json', '--as-of', '2022-09-20'], { 'a.xlsx': bytes });
      expect([check.err, check.out]).toEqual(['', expected.check]);
      if (expected.eliminate !== null) {
        const elim = await run(['eliminate', 'a.xlsx', '--json', '--as-of', '2022-09-20'], { 'a.xlsx': bytes });
        expect([elim.code, elim.out]).toEqual([0, expected.eliminate]);
      }
      const runs = expected.eliminate === null ? 1 : 2;
      expect({ fast: readerUse.fast - before.fast, full: readerUse.full - before.full }).toEqual({ fast: runs, full: 0 });
    }
  });

  it('the stored settings really apply on the fast path', async () => {
    const a = await FIXTURES['assessment-two-row-header.xlsx']();
    const before = { ...readerUse };
    const plain = await run(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': a });
    const stored = await run(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': await withSettings(a, { policy: '{"elimination":{"preliminaryShare":0.04}}' }) });
    expect([JSON.parse(plain.out).counts.preliminary, JSON.parse(stored.out).counts.preliminary]).toEqual([1, 2]);
    expect({ fast: readerUse.fast - before.fast, full: readerUse.full - before.full }).toEqual({ fast: 2, full: 0 });
  });

  it('fix still uses the full reader (it writes the workbook back)', async () => {
    const before = { ...readerUse };
    const r = await run(['fix', 'in.xlsx', '-o', 'out.xlsx'], { 'in.xlsx': await withSettings(await FIXTURES['roster-messy.xlsx'](), STORED) });
    expect(r.code).toBe(0);
    expect(readerUse.fast - before.fast).toBe(0);
  });

  describe('policy errors stop, policy warnings are printed and the command goes on', () => {
    const SUM_ZH = 'elimination.removalShare + elimination.admonitionShare 大于 elimination.preliminaryShare；诫勉人数将以初步淘汰人数减免职人数为上限（四.4）';
    const SUM_EN =
      'elimination.removalShare + elimination.admonitionShare exceed elimination.preliminaryShare; the admonition count is capped at preliminary − removal (四.4)';
    const warnOnly = '{"elimination":{"admonitionShare":0.02}}'; // kept; 1 % + 2 % exceed the 2 % pool

    it('check --json: exit as without the warning, stdout exactly the SPEC §7 object, one warning line on stderr', async () => {
      const roster = await FIXTURES['recommendation.xlsx']();
      const plain = await run(['check', 'a.xlsx', '--json', '--as-of', '2023-06-30'], { 'a.xlsx': roster });
      const files = { 'a.xlsx': await withSettings(roster, { policy: warnOnly }) };
      const r = await run(['check', 'a.xlsx', '--json', '--as-of', '2023-06-30'], files);
      expect([r.code, r.out]).toEqual([plain.code, plain.out]);
      expect(Object.keys(JSON.parse(r.out))).toEqual(['file', 'sheets', 'findings']);
      expect(r.err).toBe(`cadre-ledger: 警告：a.xlsx 中保存的政策设置：${SUM_ZH}\n`);
      const plainEn = await run(['check', 'a.xlsx', '--json', '--as-of', '2023-06-30', '--lang', 'en-US'], { 'a.xlsx': roster });
      const en = await run(['check', 'a.xlsx', '--json', '--as-of', '2023-06-30', '--lang', 'en-US'], files);
      expect([en.code, en.out]).toEqual([plainEn.code, plainEn.out]);
      expect(en.err).toBe(`cadre-ledger: Warning: the policy stored in a.xlsx: ${SUM_EN}\n`);
    });

    it('text output and eliminate go on under the kept values; every warning is its own line', async () => {
      const stored = '{"elimination":{"admonitionShare":0.02},"probation":{"months":6,"reportEveryMonths":12}}';
      const a = await withSettings(await FIXTURES['assessment-two-row-header.xlsx'](), { policy: stored });
      const check = await run(['check', 'a.xlsx', '--lang', 'en-US'], { 'a.xlsx': a });
      expect(check.code).toBe(1);
      expect(check.out).toContain('Checking a.xlsx');
      expect(check.out).not.toContain('Warning: the policy');
      expect(check.err.split('\n').filter(Boolean)).toEqual([
        `cadre-ledger: Warning: the policy stored in a.xlsx: probation.reportEveryMonths (12) exceeds probation.months (6); no report would fall due`,
        `cadre-ledger: Warning: the policy stored in a.xlsx: ${SUM_EN}`,
      ]);
      const elim = await run(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': a });
      expect(elim.code).toBe(0);
      expect(JSON.parse(elim.out).counts).toEqual({ preliminary: 1, removal: 1, admonition: 0 }); // capped at preliminary − removal
      // The two policy warnings, then the cadre with bad vote data who counts towards N but has no rank.
      const lines = elim.err.split('\n').filter(Boolean);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^cadre-ledger: 警告：1 人计入总数但票数数据有误，未排名/);
    });

    it('a warning from --policy names the file; one from both sources together names both', async () => {
      const roster = await FIXTURES['clean-roster.xlsx']();
      const fromFile = await run(['check', 'c.xlsx', '--policy', 'p.json'], { 'c.xlsx': roster, 'p.json': new TextEncoder().encode(warnOnly) });
      expect([fromFile.code, fromFile.err]).toEqual([0, `cadre-ledger: 警告：政策设置 p.json：${SUM_ZH}\n`]);
      const together = await run(['check', 'c.xlsx', '--policy', 'p.json'], {
        // each source adds up alone (1.5 % + 0.5 %, 1 % + 1 %); together 1.5 % + 1 % exceed 2 %
        'c.xlsx': await withSettings(roster, { policy: '{"elimination":{"removalShare":0.015,"admonitionShare":0.005}}' }),
        'p.json': new TextEncoder().encode('{"elimination":{"admonitionShare":0.01}}'),
      });
      expect([together.code, together.err]).toEqual([0, `cadre-ledger: 警告：c.xlsx 中保存的政策设置与 p.json 合并后：${SUM_ZH}\n`]);
      const stored = await run(['check', 'c.xlsx', '--policy', 'p.json'], {
        'c.xlsx': await withSettings(roster, { policy: warnOnly }),
        'p.json': new TextEncoder().encode('{"notice":{"days":7}}'),
      });
      expect([stored.code, stored.err]).toEqual([0, `cadre-ledger: 警告：c.xlsx 中保存的政策设置：${SUM_ZH}\n`]);
    });

    it('brief prints the warnings too and still writes the brief', async () => {
      const files = { 'a.xlsx': await withSettings(await FIXTURES['appointment.xlsx'](), { policy: warnOnly }) };
      const r = await run(['brief', 'a.xlsx', '-o', 'b.docx', '--as-of', '2022-09-20'], files);
      expect(r.code).toBe(0);
      expect(r.err).toBe(`cadre-ledger brief: 警告：a.xlsx 中保存的政策设置：${SUM_ZH}\n`);
      expect(r.files.get('b.docx')!.length).toBeGreaterThan(0);
    });

    it('errors still stop with exit 2: an unknown key, a wrong value, a contradiction that falls back to the defaults', async () => {
      const roster = await FIXTURES['clean-roster.xlsx']();
      const cases: [string, RegExp][] = [
        ['{"notice":{"dayz":7}}', /a\.xlsx 中保存的政策设置有误：未知的设置项 notice\.dayz/],
        ['{"notice":{"days":0},"elimination":{"admonitionShare":0.02}}', /a\.xlsx 中保存的政策设置有误：notice\.days/],
        ['{"inspection":{"candidatesPerPost":3,"finalistsPerPost":5}}', /a\.xlsx 中保存的政策设置有误：inspection\.finalistsPerPost（5）不能大于/],
      ];
      for (const [policy, re] of cases) {
        const r = await run(['check', 'a.xlsx', '--json'], { 'a.xlsx': await withSettings(roster, { policy }) });
        expect([policy, r.code, r.out]).toEqual([policy, 2, '']);
        expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(r.err).toMatch(re);
      }
      const file = await run(['check', 'c.xlsx', '--policy', 'p.json'], {
        'c.xlsx': roster,
        'p.json': new TextEncoder().encode('{"elimination":{"removalShare":0.03}}'),
      });
      expect([file.code, /政策设置 p\.json 有误：elimination\.removalShare（0\.03）不能大于/.test(file.err)]).toEqual([2, true]);
    });
  });

  it('--help states the precedence', async () => {
    const r = await run(['--help', '--lang', 'en-US']);
    expect(r.out).toContain('built-in defaults → the settings stored in the workbook');
    const b = await run(['brief', '--help']);
    expect(b.out).toContain('内置默认值 → 工作簿中保存的设置');
  });
});
