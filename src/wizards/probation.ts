/**
 * Wizard 5 · 试用期管理 (seed 二.5): from a probation ledger — or the 常委会表决结果 sheet the
 * committee-vote wizard writes (任职日期 = start of probation) — every person's end date (EDATE),
 * the quarterly report due dates, which reports are in / overdue, the status as of a chosen date,
 * and those whose probation ends within dueSoonDays listed first. Output sheet 试用期管理.
 */
import { msg, plural, type Msg } from '../i18n/message';
import type { FieldKey } from '../ledger/fields';
import { a1, qualifiedRef } from '../ledger/grid';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import type { Policy } from '../policy/policy';
import { reason, type Reason } from '../rules/decision';
import { checkProbationReports, probationEnd, probationStatus, type ProbationStatus, type QuarterReport } from '../rules/probation';
import { diffDays, formatIso, toSerial, type LocalDate } from '../values/local-date';
import type { CellWrite } from '../ledger/edit-plan';
import type { CellStyle, SheetSpec } from '../workbook/port';
import type { RangeBox } from '../ledger/grid';
import { eachChunk, optDate } from './framework';
import type { OptionValues, ResultRow, RunControl, WizardDef, WizardInputs, WizardResult } from './types';
import { stacked, worstFlag } from './types';
import { phraseMsg } from '../i18n/strings';
import { W2 } from '../i18n/strings-wizards-2';

const RULE = '二.5';
export const PROBATION_SHEET = '试用期管理';

const REPORT_FIELDS: readonly FieldKey[] = ['report1', 'report2', 'report3', 'report4'];
const COMPETENT = /^(?:胜任|合格|称职|优秀|胜任现职|正式任职|已正式任职|通过)$/;
const NOT_COMPETENT = /^(?:不胜任|不合格|不称职|不胜任现职|解除试任职务|已解除试任职务|未通过)$/;

/** Sort groups: upcoming ends first, then ended without assessment, in probation, concluded, unreadable. */
const GROUP: Readonly<Record<ProbationStatus, number>> = { 即将期满: 0, 期满待考核: 1, 试用期内: 2, 已正式任职: 3, 已解除试任职务: 3 };

export interface ProbationPerson {
  /** 0-based row of the source sheet. */
  readonly row: number;
  readonly name: string;
  readonly post: string | null;
  readonly start: LocalDate | null;
  readonly end: LocalDate | null;
  /** end − asOf in days (negative once ended). */
  readonly daysLeft: number | null;
  readonly reports: readonly QuarterReport[];
  readonly received: number;
  readonly overdue: number;
  /** The next report not yet due (pending), if any. */
  readonly nextDue: LocalDate | null;
  readonly status: ProbationStatus | null;
  /** Ends within dueSoonDays (即将期满). */
  readonly upcoming: boolean;
  readonly reasons: readonly Reason[];
}

export interface ProbationResult extends WizardResult {
  readonly sheet: string;
  readonly asOf: LocalDate;
  readonly dueSoonDays: number;
  readonly reportCount: number;
  readonly people: readonly ProbationPerson[];
  readonly counts: {
    readonly total: number;
    readonly upcoming: number;
    readonly awaiting: number;
    readonly inProbation: number;
    readonly concluded: number;
    readonly overdueReports: number;
    readonly unreadable: number;
  };
}

function postOf(row: TypedRow): string | null {
  const unit = row.texts.unit?.trim();
  const post = (row.texts.post ?? row.texts.proposedPost ?? row.texts.targetPost)?.trim();
  if (post) return unit && !post.includes(unit) ? `${unit}${post}` : post;
  return unit || null;
}

function cellOf(sheet: TypedSheet, row: TypedRow, field: FieldKey): string {
  const c = sheet.model.columns.get(field);
  return c === undefined ? `${sheet.model.sheet}!${row.row + 1}` : `${sheet.model.sheet}!${a1(row.row, c)}`;
}

/** One person's probation as of a date; a row without a usable start gets an error naming the cell. */
export function probationPerson(sheet: TypedSheet, row: TypedRow, policy: Policy, asOf: LocalDate): ProbationPerson {
  const name = row.names.name ?? '';
  const base = { row: row.row, name, post: postOf(row) };
  const start = row.dates.probationStart;
  if (!start || start.precision !== 'day') {
    const where = cellOf(sheet, row, 'probationStart');
    const what = !start ? (row.unreadable.has('probationStart') ? W2.probUnreadableStart : W2.probMissingStart) : W2.probMonthOnlyStart;
    return {
      ...base,
      start: null,
      end: null,
      daysLeft: null,
      reports: [],
      received: 0,
      overdue: 0,
      nextDue: null,
      status: null,
      upcoming: false,
      reasons: [reason(RULE, 'probation.invalid-date', 'error', msg(`${where}：${what['zh-CN']}`, `${where}: ${what['en-US']}`))],
    };
  }
  const reasons: Reason[] = [];
  const endD = probationEnd(start.date, policy);
  reasons.push(...endD.reasons);
  const end = endD.outcome;
  const received = REPORT_FIELDS.map((f) => row.dates[f]?.date).filter((d): d is LocalDate => d !== undefined);
  const q = checkProbationReports(start.date, received, asOf, policy);
  reasons.push(...q.reasons.filter((r) => r.code !== 'probation.report-pending' && r.code !== 'probation.report-received'));
  const result = (row.texts.probationResult ?? '').replace(/\s+/g, '');
  const competent = COMPETENT.test(result) ? true : NOT_COMPETENT.test(result) ? false : null;
  const s = probationStatus(start.date, asOf, competent !== null && end ? { date: end, competent } : null, policy);
  reasons.push(...s.reasons);
  const status = s.outcome;
  const nextDue = q.outcome.find((x) => x.state === 'pending')?.due ?? null;
  return {
    ...base,
    start: start.date,
    end,
    daysLeft: end ? diffDays(asOf, end) : null,
    reports: q.outcome,
    received: q.outcome.filter((x) => x.state === 'received').length,
    overdue: q.outcome.filter((x) => x.state === 'overdue').length,
    nextDue,
    status,
    upcoming: status === '即将期满',
    reasons,
  };
}

function order(a: ProbationPerson, b: ProbationPerson): number {
  const ga = a.status ? GROUP[a.status] : 4;
  const gb = b.status ? GROUP[b.status] : 4;
  if (ga !== gb) return ga - gb;
  if (a.end && b.end) {
    const d = diffDays(b.end, a.end);
    if (d !== 0) return d;
  }
  return a.row - b.row;
}

const STATUS_EN: Readonly<Record<ProbationStatus, string>> = {
  试用期内: 'in probation',
  即将期满: 'ends soon',
  期满待考核: 'ended, awaiting assessment',
  已正式任职: 'formally appointed',
  已解除试任职务: 'trial post revoked',
};

export function statusText(s: ProbationStatus | null): Msg {
  return s ? msg(s, STATUS_EN[s]) : W2.probNoStatus;
}

/** The pure core: people sorted (upcoming ends first), counts and the results table. */
export async function runProbation(sheet: TypedSheet, policy: Policy, asOf: LocalDate, control: RunControl = {}): Promise<ProbationResult> {
  const people: ProbationPerson[] = [];
  const rows = sheet.rows.filter((r) => r.names.name !== undefined || r.dates.probationStart !== undefined);
  await eachChunk(rows, control, (row) => people.push(probationPerson(sheet, row, policy, asOf)));
  people.sort(order);
  const count = (f: (p: ProbationPerson) => boolean) => people.filter(f).length;
  const counts = {
    total: people.length,
    upcoming: count((p) => p.status === '即将期满'),
    awaiting: count((p) => p.status === '期满待考核'),
    inProbation: count((p) => p.status === '试用期内'),
    concluded: count((p) => p.status === '已正式任职' || p.status === '已解除试任职务'),
    overdueReports: people.reduce((n, p) => n + p.overdue, 0),
    unreadable: count((p) => p.status === null),
  };
  const reportCount = Math.floor(policy.probation.months / policy.probation.reportEveryMonths);
  const summary: Reason[] = [
    reason(
      RULE,
      'probation.status',
      'info',
      msg(
        `截至${formatIso(asOf)}：共${counts.total}人，${policy.probation.dueSoonDays}天内期满${counts.upcoming}人，期满待考核${counts.awaiting}人，试用期内${counts.inProbation}人，已考核${counts.concluded}人；逾期未交汇报${counts.overdueReports}次`,
        `As of ${formatIso(asOf)}: ${counts.total} ${plural(counts.total, 'person', 'people')}, ${counts.upcoming} ending within ${policy.probation.dueSoonDays} ${plural(policy.probation.dueSoonDays, 'day', 'days')}, ${counts.awaiting} ended awaiting assessment, ${counts.inProbation} in probation, ${counts.concluded} assessed; ${counts.overdueReports} ${plural(counts.overdueReports, 'report', 'reports')} overdue`,
      ),
      { value: counts.total, policyKey: 'probation.dueSoonDays', threshold: policy.probation.dueSoonDays },
    ),
  ];
  // A count that rests on a column the ledger lacks is "not checked", never 0 (issue 11).
  const cols = sheet.model.columns;
  const lacking = [
    ...(REPORT_FIELDS.some((f) => cols.has(f)) ? [] : [msg('思想工作汇报', 'quarterly reports')]),
    ...(cols.has('probationResult') ? [] : [msg('期满考核结果', 'probation assessment result')]),
  ];
  if (lacking.length) {
    summary.push(
      reason(
        RULE,
        'ledger.column-missing',
        'warning',
        msg(
          `“${sheet.model.sheet}”没有${lacking.map((l) => l['zh-CN']).join('、')}列：相应的次数和结论未能核对（不是 0）；如有此列，请在检查台账中指定`,
          `"${sheet.model.sheet}" has no ${lacking.map((l) => l['en-US']).join(' or ')} column: those counts and conclusions were not checked (they are not 0); if the column exists, map it in Check ledgers`,
        ),
      ),
    );
  }
  if (counts.unreadable) {
    summary.push(
      reason(
        RULE,
        'probation.invalid-date',
        'error',
        msg(
          `${counts.unreadable}人的试用期开始日期缺失或无法读取，未能计算`,
          `${counts.unreadable} ${plural(counts.unreadable, 'person has', 'people have')} a missing or unreadable probation start`,
        ),
        {
          value: counts.unreadable,
        },
      ),
    );
  }
  // The pane's table is narrow (320–350 px): name with post; status with the period and the days
  // left; the reports. On screen in the UI language; the 试用期管理 sheet writes one column each.
  const resultRows: ResultRow[] = people.map((p) => ({
    cells: [
      stacked(p.name, p.post),
      stacked(
        p.status ? statusText(p.status) : null,
        p.start ? phraseMsg(W2.cellFrom, { date: formatIso(p.start) }) : null,
        p.end ? phraseMsg(W2.cellEnds, { date: formatIso(p.end) }) : null,
        p.daysLeft === null ? null : phraseMsg(p.daysLeft >= 0 ? W2.cellDaysLeft : W2.cellDaysPast, { n: Math.abs(p.daysLeft) }),
      ),
      stacked(
        p.start ? phraseMsg(W2.cellReportsIn, { received: p.received, total: p.reports.length }) : null,
        p.overdue ? phraseMsg(W2.cellOverdue, { n: p.overdue }) : null,
        p.nextDue ? phraseMsg(W2.cellNextDue, { date: formatIso(p.nextDue) }) : null,
      ),
    ],
    flag: worstFlag(p.reasons) ?? (p.upcoming ? 'info' : null),
    reasons: p.reasons,
    sourceRow: p.row + 1,
  }));
  return {
    columns: [W2.colNamePost, W2.colStatusPeriod, W2.colReportsDue],
    rows: resultRows,
    summary,
    sheet: sheet.model.sheet,
    asOf,
    dueSoonDays: policy.probation.dueSoonDays,
    reportCount,
    people,
    counts,
  };
}

const date = (d: LocalDate | null): CellWrite | null => (d ? { value: toSerial(d), numberFormat: 'yyyy-mm-dd' } : null);
const HEAD: CellStyle = { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F2DCDB', border: true };
const BODY: CellStyle = { border: true, vertical: 'middle', wrap: true };
const TITLE: CellStyle = { bold: true, fontSize: 16, horizontal: 'center' };

/** The output sheet: title, as-of line, one row per person in the same order as the results. */
export function probationSheet(result: ProbationResult, name: string): SheetSpec {
  const k = result.reportCount;
  const header: string[] = ['序号', '姓名', '单位及职务', '任职日期（试用期开始）', '试用期满', '距期满天数'];
  for (let i = 1; i <= k; i++) header.push(`第${i}次汇报应交`);
  header.push('已交汇报', '逾期未交', '下次汇报应交', '状态', '说明', '来源');
  const width = header.length;
  const rows: (CellWrite | string | number | null)[][] = [
    [`试用期管理（截至${formatIso(result.asOf)}）`],
    [`依据：《机关干部改革方案》二.5 试用期为一年，原则上一季度汇报一次；${result.dueSoonDays}天内期满的排在最前。来源工作表：${result.sheet}`],
    header,
  ];
  const links: { row: number; col: number; target: string }[] = [];
  result.people.forEach((p, i) => {
    const dues: (CellWrite | null)[] = [];
    for (let q = 0; q < k; q++) dues.push(date(p.reports[q]?.due ?? null));
    const notes = p.reasons.filter((r) => r.severity !== 'info' || r.code === 'probation.due-soon').map((r) => r.message['zh-CN']);
    rows.push([
      i + 1,
      p.name,
      p.post,
      date(p.start),
      date(p.end),
      p.daysLeft,
      ...dues,
      p.start ? p.received : null,
      p.start ? p.overdue : null,
      date(p.nextDue),
      p.status ?? '无法计算',
      notes.join('；'),
      `${result.sheet}!${p.row + 1}行`,
    ]);
    links.push({ row: rows.length - 1, col: width - 1, target: qualifiedRef(result.sheet, p.row, 1) });
  });
  const last = rows.length - 1;
  const styles: { box: RangeBox; style: CellStyle }[] = [
    { box: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: TITLE },
    { box: { top: 2, left: 0, bottom: 2, right: width - 1 }, style: HEAD },
  ];
  if (last >= 3) styles.push({ box: { top: 3, left: 0, bottom: last, right: width - 1 }, style: BODY });
  result.people.forEach((p, i) => {
    if (p.upcoming) styles.push({ box: { top: 3 + i, left: 0, bottom: 3 + i, right: width - 1 }, style: { ...BODY, fill: '#FFF2CC' } });
    else if (p.overdue > 0 || p.status === '期满待考核' || p.status === null)
      styles.push({ box: { top: 3 + i, left: width - 5, bottom: 3 + i, right: width - 3 }, style: { ...BODY, fill: '#FCE4D6' } });
  });
  return {
    name,
    rows,
    styles,
    merges: [
      { top: 0, left: 0, bottom: 0, right: width - 1 },
      { top: 1, left: 0, bottom: 1, right: width - 1 },
    ],
    columnWidths: [6, 10, 22, 14, 12, 8, ...Array<number>(k).fill(12), 8, 8, 12, 14, 40, 16],
    links,
    freezeRows: 3,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { first: 2, last: 2 } },
  };
}

export const probationWizard: WizardDef<ProbationResult> = {
  id: 'probation',
  title: W2.probTitle,
  description: W2.probDescription,
  rule: RULE,
  sources: [
    {
      role: 'main',
      label: W2.probSource,
      kinds: ['probation'],
      chainFrom: ['committee'],
      requiredFields: ['name', 'probationStart'],
      optionalFields: ['unit', 'post', 'probationEnd', 'report1', 'report2', 'report3', 'report4', 'probationResult'],
    },
  ],
  outputKind: 'probation',
  optionFields: (inputs) => [{ key: 'asOf', kind: 'date', label: W2.optAsOf, help: W2.optAsOfHelp, default: formatIso(inputs.asOf), required: true }],
  async run(inputs: WizardInputs, control: RunControl): Promise<ProbationResult> {
    const sheet = inputs.sources.main;
    if (!sheet) throw new Error(W2.noSource['en-US']);
    return runProbation(sheet, inputs.policy, optDate(inputs.options, 'asOf') ?? inputs.asOf, control);
  },
  outputSheetName: () => PROBATION_SHEET,
  toSheet: (result: ProbationResult, name: string, _options: OptionValues) => probationSheet(result, name),
};
