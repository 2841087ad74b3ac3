import ExcelJS from 'exceljs';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { detectByKinds, recognizeAll, typeSource, WizardCancelled } from '../../../src/wizards/framework';
import { probationSheet, probationWizard, runProbation, statusText } from '../../../src/wizards/probation';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { STATUTORY_CALENDAR } from '../../../src/calendar';
import type { TypedSheet } from '../../../src/ledger/rows';
import type { CellWrite } from '../../../src/ledger/edit-plan';
import { parseIso, toSerial, type LocalDate } from '../../../src/values/local-date';
import { addCommitteeOutput, PROBATION_AS_OF, probationLedger } from '../../fixtures/wizards-5-7';
import { d } from '../../fixtures/build';
import { cellText } from '../../../src/wizards/types';

const day = (s: string): LocalDate => parseIso(s) as LocalDate;

async function typed(bytes: Uint8Array, sheet = '试用期台账'): Promise<TypedSheet> {
  const book = await openFileWorkbook(bytes);
  const rec = recognizeAll(await book.read()).find((s) => s.grid.sheet === sheet);
  if (!rec) throw new Error(`no sheet ${sheet}`);
  return typeSource(rec, rec.model.columns);
}

/** One row per start date, for boundary cases. */
async function single(start: Date, reports: (Date | null)[] = []): Promise<TypedSheet> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试用期台账');
  ws.getRow(1).values = ['姓名', '任职日期', '第一次汇报', '第二次汇报', '第三次汇报', '第四次汇报'];
  ws.getRow(2).values = ['测试', start, ...reports];
  for (let c = 2; c <= 6; c++) ws.getCell(2, c).numFmt = 'yyyy-mm-dd';
  return typed(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('wizard 5 · 试用期管理 (pure)', () => {
  test('fixture ledger: statuses, ends by EDATE, overdue reports, upcoming first', async () => {
    const sheet = await typed(await probationLedger());
    const r = await runProbation(sheet, DEFAULT_POLICY, day(PROBATION_AS_OF));
    const by = Object.fromEntries(r.people.map((p) => [p.name, p]));
    // 31 January start: EDATE month ends, end 2026-01-31, reports due 04-30, 07-31, 10-31, 01-31
    expect(by['李一'].end).toEqual(day('2026-01-31'));
    expect(by['李一'].reports.map((q) => q.due)).toEqual(['2025-04-30', '2025-07-31', '2025-10-31', '2026-01-31'].map(day));
    expect(by['李一'].reports.map((q) => q.state)).toEqual(['received', 'received', 'overdue', 'pending']);
    expect(by['李一'].overdue).toBe(1);
    expect(by['李一'].status).toBe('试用期内');
    expect(by['李一'].reasons.some((x) => x.code === 'probation.report-overdue' && x.message['zh-CN'].includes('2025-10-31'))).toBe(true);
    // 29 February start ends on 28 February; ended, not assessed
    expect(by['王二'].end).toEqual(day('2025-02-28'));
    expect(by['王二'].status).toBe('期满待考核');
    // exactly dueSoonDays (30) before the end → 即将期满; 31 days → still 试用期内
    expect(by['张三'].daysLeft).toBe(30);
    expect(by['张三'].status).toBe('即将期满');
    expect(by['赵四'].daysLeft).toBe(31);
    expect(by['赵四'].status).toBe('试用期内');
    expect(by['孙六'].status).toBe('已正式任职');
    expect(by['吴八'].status).toBe('试用期内');
    expect(by['吴八'].reports.every((q) => q.state === 'pending')).toBe(true);
    // missing start: an error naming the sheet and cell, and what was expected
    expect(by['周七'].status).toBeNull();
    expect(by['周七'].reasons[0].severity).toBe('error');
    expect(by['周七'].reasons[0].message['zh-CN']).toBe('试用期台账!E8：试用期开始（任职日期）未填写，应为日期，如 2024-03-15');
    // order: upcoming first, then ended awaiting assessment, in probation by end, concluded, unreadable
    expect(r.people.map((p) => p.name)).toEqual(['张三', '王二', '赵四', '李一', '吴八', '孙六', '周七']);
    expect(r.counts).toEqual({ total: 7, upcoming: 1, awaiting: 1, inProbation: 3, concluded: 1, overdueReports: 1, unreadable: 1 });
    // the pane's narrow table: name with post; status, period and days left; reports
    expect(r.rows[0].cells.map((c) => cellText(c, 'zh-CN'))).toEqual([
      '张三\n县教育局局长',
      '即将期满\n自 2025-01-14\n至 2026-01-14\n还有 30 天',
      '已交 3/4\n下次 2026-01-14',
    ]);
    expect(r.rows[0].cells.map((c) => cellText(c, 'en-US'))).toEqual([
      '张三\n县教育局局长',
      `${statusText('即将期满')['en-US']}\nfrom 2025-01-14\nto 2026-01-14\n30 days left`,
      '3 of 4 in\nnext 2026-01-14',
    ]);
    expect(r.rows[0].sourceRow).toBe(5);
    expect(r.summary.some((s) => s.severity === 'error' && s.message['zh-CN'].includes('1人'))).toBe(true);
  });

  test('boundaries of a 31 January start: 30 days before the end is due soon, 31 is not; the end day itself', async () => {
    const sheet = await single(d(2025, 1, 31));
    const at = async (asOf: string) => (await runProbation(sheet, DEFAULT_POLICY, day(asOf))).people[0];
    expect((await at('2026-01-01')).status).toBe('即将期满');
    expect((await at('2026-01-01')).daysLeft).toBe(30);
    expect((await at('2025-12-31')).status).toBe('试用期内');
    expect((await at('2026-01-31')).status).toBe('即将期满');
    expect((await at('2026-02-01')).status).toBe('期满待考核');
  });

  test('a 29 February start: end and report dues clamp to month ends; a late report counts for its own quarter', async () => {
    const sheet = await single(d(2024, 2, 29), [d(2024, 5, 29), d(2024, 9, 2)]);
    const p = (await runProbation(sheet, DEFAULT_POLICY, day('2024-10-01'))).people[0];
    expect(p.end).toEqual(day('2025-02-28'));
    expect(p.reports.map((q) => q.due)).toEqual(['2024-05-29', '2024-08-29', '2024-11-29', '2025-02-28'].map(day));
    // the 2 September report is late for the second quarter (due 08-29): that quarter is overdue
    expect(p.reports.map((q) => q.state)).toEqual(['received', 'overdue', 'received', 'pending']);
    expect(p.overdue).toBe(1);
  });

  test('dueSoonDays from the policy is used', async () => {
    const sheet = await single(d(2025, 1, 31));
    const policy = { ...DEFAULT_POLICY, probation: { ...DEFAULT_POLICY.probation, dueSoonDays: 60 } };
    const r = await runProbation(sheet, policy, day('2025-12-02'));
    expect(r.people[0].daysLeft).toBe(60);
    expect(r.people[0].status).toBe('即将期满');
  });

  test('the output sheet: dates as real dates, links to the source rows, the as-of date in the title', async () => {
    const sheet = await typed(await probationLedger());
    const r = await runProbation(sheet, DEFAULT_POLICY, day(PROBATION_AS_OF));
    const spec = probationSheet(r, '试用期管理');
    expect(spec.rows[0][0]).toBe('试用期管理（截至2025-12-15）');
    expect(spec.rows[2]).toEqual([
      '序号',
      '姓名',
      '单位及职务',
      '任职日期（试用期开始）',
      '试用期满',
      '距期满天数',
      '第1次汇报应交',
      '第2次汇报应交',
      '第3次汇报应交',
      '第4次汇报应交',
      '已交汇报',
      '逾期未交',
      '下次汇报应交',
      '状态',
      '说明',
      '来源',
    ]);
    const first = spec.rows[3];
    expect(first[1]).toBe('张三');
    expect((first[4] as CellWrite).value).toBe(toSerial(day('2026-01-14')));
    expect((first[4] as CellWrite).numberFormat).toBe('yyyy-mm-dd');
    expect(first[13]).toBe('即将期满');
    expect(spec.rows.length).toBe(3 + 7);
    expect(spec.links?.[0]).toEqual({ row: 3, col: 15, target: "'试用期台账'!B5" });
  });

  test('run is cancellable and reports progress', async () => {
    const sheet = await typed(await probationLedger());
    const ctl = new AbortController();
    const seen: number[] = [];
    const p = runProbation(sheet, DEFAULT_POLICY, day(PROBATION_AS_OF), { signal: ctl.signal, onProgress: (done) => seen.push(done) });
    ctl.abort();
    await expect(p).rejects.toBeInstanceOf(WizardCancelled);
    expect(seen).toEqual([0, 7]);
  });

  test('the wizard runs through its WizardDef with the as-of option; the chain finds the committee output first', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await probationLedger()) as unknown as ArrayBuffer);
    addCommitteeOutput(wb);
    const book = await openFileWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheets = recognizeAll(await book.read());
    const spec = probationWizard.sources[0];
    expect(sheets.find((s) => s.grid.sheet === '常委会表决结果')?.model.kind).toBe('probation');
    const chained = detectByKinds(spec, sheets, { committee: { sheet: '常委会表决结果', writtenAt: '' } });
    expect(chained.best?.sheet).toBe('常委会表决结果');
    expect(chained.best?.fromWizard).toBe('committee');
    const rec = sheets.find((s) => s.grid.sheet === '常委会表决结果');
    if (!rec) throw new Error('missing');
    const main = typeSource(rec, rec.model.columns);
    const base = { sources: { main }, policy: DEFAULT_POLICY, calendar: STATUTORY_CALENDAR, asOf: day('2026-10-25') };
    const fields = probationWizard.optionFields(base);
    expect(fields.map((f) => [f.key, f.default])).toEqual([['asOf', '2026-10-25']]);
    const r = await probationWizard.run({ ...base, options: { asOf: '2026-10-25' } }, {});
    expect(r.people.map((p) => [p.name, p.end, p.status, p.post])).toEqual([['郑九', day('2026-11-20'), '即将期满', '县文旅局局长']]);
    expect(probationWizard.outputSheetName({})).toBe('试用期管理');
  });
});
