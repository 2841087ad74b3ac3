/**
 * The mapping a user teaches once (issue 11, point 2): stored per sheet by header text, so it
 * survives inserted columns; it beats the automatic reading; a stale or wrong one is a finding
 * naming sheet and header; the CLI takes --map 'Sheet!Header=field' over the stored one.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { mergeTaught, parseMapArg, parseTaughtMap, teach, taughtMapText, EMPTY_TAUGHT } from '../../../src/ledger/taught-map';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { runCli } from '../../support/cli-memory';
import { D, sheet, unguessableProbationXlsx } from '../../fixtures/layouts/kit';

const AS_OF = { y: 2025, m: 3, d: 10 };
const ctx = { policy: DEFAULT_POLICY, asOf: AS_OF };

/** A probation ledger whose start column has a header nobody would guess: 到岗日期. */
const ledger = (extraCol = false) =>
  sheet('试用期干部', [
    ['试用期干部管理台账'],
    extraCol ? ['姓名', '备注', '职务', '到岗日期', '期满考核结果'] : ['姓名', '职务', '到岗日期', '期满考核结果'],
    extraCol ? ['许一', '', '局长', D(2023, 6, 1), ''] : ['许一', '局长', D(2023, 6, 1), ''],
  ]);

describe('taught columns', () => {
  const taught = teach(EMPTY_TAUGHT, '试用期干部', '到岗日期', 'probationStart');

  it('are used by recognition and by the checks', () => {
    expect(recognizeSheet(ledger()).columns.has('probationStart')).toBe(false);
    const { findings } = checkWorkbook([ledger()], { ...ctx, taught });
    expect(findings.map((f) => f.code)).toContain('probation.awaiting-assessment');
  });

  it('follow the header, not the column letter, when a column is inserted', () => {
    const m = recognizeSheet(ledger(true), taught.get('试用期干部'));
    expect(m.columns.get('probationStart')).toBe(3);
  });

  it('beat the automatic reading of a header', () => {
    const g = sheet('花名册', [
      ['姓名', '出生年月', '任现职时间', '任职时间'],
      ['张三', '1985.03', '2019.03', '2020.01'],
    ]);
    const m = recognizeSheet(g, [{ header: '任职时间', field: 'postSince' }]);
    expect(m.columns.get('postSince')).toBe(3);
    expect(m.unmatched.map((u) => u.text)).toContain('任现职时间');
  });

  it('a stale mapping is a finding naming the sheet and the header', () => {
    const stale = teach(EMPTY_TAUGHT, '试用期干部', '任职时间', 'probationStart');
    const gone = teach(EMPTY_TAUGHT, '旧表', '任职时间', 'probationStart');
    const f1 = checkWorkbook([ledger()], { ...ctx, taught: stale }).findings.find((f) => f.code === 'mapping.header-not-found');
    expect(f1?.message['zh-CN']).toBe('工作表“试用期干部”中没有表头“任职时间”，指定为试用期开始的列未使用；请在检查台账中重新指定');
    const f2 = checkWorkbook([ledger()], { ...ctx, taught: gone }).findings.find((f) => f.code === 'mapping.sheet-not-found');
    expect(f2?.message['zh-CN']).toContain('“旧表!任职时间”');
  });

  it('round-trip through the setting text; unknown fields are reported, not dropped silently', () => {
    const text = taughtMapText(taught);
    expect(text).toBe('{"试用期干部":{"到岗日期":"probationStart"}}');
    expect(parseTaughtMap(text).map).toEqual(taught);
    const bad = parseTaughtMap('{"试用期干部":{"到岗日期":"probationBegin"}}');
    expect(bad.map.size).toBe(0);
    expect(bad.problems[0].message['zh-CN']).toBe('工作表“试用期干部”的表头“到岗日期”指定为未知字段 "probationBegin"，未使用');
    const f = checkWorkbook([ledger()], { ...ctx, taughtProblems: bad.problems }).findings.find((x) => x.code === 'mapping.unknown-field');
    expect(f?.sheet).toBe('试用期干部');
    expect(parseTaughtMap('not json').problems).toHaveLength(1);
    expect(taughtMapText(teach(taught, '试用期干部', '到岗日期', null))).toBeNull();
  });

  it('a header holds one field and a field one header; later maps win header by header', () => {
    const a = teach(teach(EMPTY_TAUGHT, 'S', 'A', 'birth'), 'S', 'B', 'birth');
    expect(a.get('S')).toEqual([{ header: 'B', field: 'birth' }]);
    const merged = mergeTaught(teach(EMPTY_TAUGHT, 'S', 'A', 'birth'), teach(EMPTY_TAUGHT, 'S', 'A', 'workStart'));
    expect(merged.get('S')).toEqual([{ header: 'A', field: 'workStart' }]);
  });

  it.each([
    ['试用期干部!任职时间=probationStart', { sheet: '试用期干部', column: { header: '任职时间', field: 'probationStart' } }],
    ["'My Sheet'!任职时间=probationStart", { sheet: 'My Sheet', column: { header: '任职时间', field: 'probationStart' } }],
    ['试用期干部!任职时间=试用期开始', { sheet: '试用期干部', column: { header: '任职时间', field: 'probationStart' } }],
  ])('--map %s', (arg, want) => {
    expect(parseMapArg(arg)).toEqual({ ok: true, ...want });
  });

  it.each([
    ['任职时间=probationStart', '格式不对'],
    ['试用期干部!=probationStart', '格式不对'],
    ['试用期干部!任职时间=', '格式不对'],
    ['试用期干部!任职时间=start', '不认识的字段“start”'],
  ])('--map %s is refused: %s', (arg, says) => {
    const r = parseMapArg(arg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message['zh-CN']).toContain(says);
  });
});

const xlsx = unguessableProbationXlsx;

describe('the CLI uses the stored mapping and --map', () => {
  const codes = (out: string) => (JSON.parse(out) as { findings: { code: string }[] }).findings.map((f) => f.code);

  it('without a mapping the probation check cannot run', async () => {
    const r = await runCli(['check', 'p.xlsx', '--json', '--as-of', '2025-03-10'], { 'p.xlsx': await xlsx(null) });
    expect(codes(r.out)).toContain('ledger.column-missing');
    expect(codes(r.out)).not.toContain('probation.awaiting-assessment');
  });

  it('--map teaches the column for this run', async () => {
    const r = await runCli(['check', 'p.xlsx', '--json', '--as-of', '2025-03-10', '--map', '试用期干部!到岗日期=probationStart'], {
      'p.xlsx': await xlsx(null),
    });
    expect(codes(r.out)).toContain('probation.awaiting-assessment');
    const sheets = (JSON.parse(r.out) as { sheets: { columns: Record<string, string> }[] }).sheets;
    expect(sheets[0].columns.probationStart).toBe('C');
  });

  it('the mapping stored in the workbook is used, and a wrong field in --map is exit 2 naming it', async () => {
    const stored = await xlsx('{"试用期干部":{"到岗日期":"probationStart"}}');
    const r = await runCli(['check', 'p.xlsx', '--json', '--as-of', '2025-03-10'], { 'p.xlsx': stored });
    expect(codes(r.out)).toContain('probation.awaiting-assessment');
    const bad = await runCli(['check', 'p.xlsx', '--map', '试用期干部!到岗日期=start'], { 'p.xlsx': stored });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不认识的字段“start”');
  });

  it('eliminate --json names a missing 不称职票 column under unread', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度考核');
    ws.addRow(['年度考核测评汇总表']);
    ws.addRow(['姓名', '职务', '优秀票', '称职票', '考核等次']);
    ws.addRow(['戚三', '局长', 20, 17, '称职']);
    const r = await runCli(['eliminate', 'a.xlsx', '--json'], { 'a.xlsx': new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(JSON.parse(r.out).unread).toEqual([
      { sheet: '年度考核', field: 'incompetentVotes', rows: [], message: '年度考核测评“年度考核”缺少不称职票列，未能核对；请在检查台账中指定' },
    ]);
  });
});
