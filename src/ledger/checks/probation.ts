/**
 * 试用期台账 checks (二.5): overdue quarterly reports, probation ended without an assessment, and
 * a recorded end date that disagrees with one year by EDATE.
 */
import { msg } from '../../i18n/message';
import { findingsOf } from '../../rules/decision';
import { checkProbationReports, probationEnd, probationStatus } from '../../rules/probation';
import { formatIso, sameDate, type LocalDate } from '../../values/local-date';
import { formatDate } from '../../values/dates';
import type { FieldKey } from '../fields';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { fromReason, onField, type CheckContext, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'probation.end-mismatch',
    severity: 'warning',
    doc: msg(
      '台账记录的试用期满日期与按规定计算（一年，EDATE）的不一致。',
      'The recorded end of probation differs from the one computed by the policy (one year, EDATE).',
    ),
  },
  {
    code: 'probation.start-imprecise',
    severity: 'warning',
    doc: msg(
      '试用期开始只写到月或年，无法按日计算期满和汇报期限；该行未核对，请填写到日。',
      'The probation start is given to the month or year only, so its end and report deadlines cannot be computed to the day; the row was not checked — give the day.',
    ),
  },
];

const REPORT_FIELDS: readonly FieldKey[] = ['report1', 'report2', 'report3', 'report4'];
const COMPETENT = /^(?:胜任|合格|称职|优秀|胜任现职|正式任职|已正式任职|通过)$/;
const NOT_COMPETENT = /^(?:不胜任|不合格|不称职|不胜任现职|解除试任职务|已解除试任职务|未通过)$/;

export function checkProbationSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const cols = sheet.model.columns;
  const reportCols = REPORT_FIELDS.filter((f) => cols.has(f));
  for (const row of sheet.rows) {
    const start = row.dates.probationStart;
    if (start && start.precision !== 'day') {
      // Never a silent skip (issue 11): the row says why it was not checked.
      const shown = formatDate(start.date, start.precision);
      out.push(
        onField(
          sheet,
          row,
          'probationStart',
          'probation.start-imprecise',
          'warning',
          msg(
            `试用期开始 ${shown} 只写到${start.precision === 'month' ? '月' : '年'}，无法计算期满日期，未核对；请填写到日`,
            `Probation start ${shown} is not to the day: the end cannot be computed and the row was not checked; give the day`,
          ),
        ),
      );
      continue;
    }
    if (!start) continue;
    const endD = probationEnd(start.date, ctx.policy);
    const end: LocalDate | null = endD.outcome;
    const recorded = row.dates.probationEnd;
    if (end && recorded && recorded.precision === 'day' && !sameDate(recorded.date, end)) {
      out.push(
        onField(
          sheet,
          row,
          'probationEnd',
          'probation.end-mismatch',
          'warning',
          msg(
            `试用期满日期记为 ${formatIso(recorded.date)}，按规定应为 ${formatIso(end)}`,
            `Probation end recorded as ${formatIso(recorded.date)}; by the policy it is ${formatIso(end)}`,
          ),
        ),
      );
    }
    if (reportCols.length) {
      const received = reportCols.map((f) => row.dates[f]?.date).filter((d): d is LocalDate => d !== undefined);
      const d = checkProbationReports(start.date, received, ctx.asOf, ctx.policy);
      d.outcome.forEach((q) => {
        if (q.state !== 'overdue') return;
        const field = reportCols[q.period - 1] ?? reportCols[reportCols.length - 1];
        const r = d.reasons.find((x) => x.code === 'probation.report-overdue' && x.value === q.period);
        if (r) out.push(fromReason(sheet, row, field, r));
      });
      for (const r of findingsOf(d.reasons)) if (r.code !== 'probation.report-overdue') out.push(fromReason(sheet, row, reportCols[0], r));
    }
    const result = (row.texts.probationResult ?? '').replace(/\s+/g, '');
    const competent = COMPETENT.test(result) ? true : NOT_COMPETENT.test(result) ? false : null;
    const assessment = competent !== null && end ? { date: recorded?.date ?? end, competent } : null;
    const s = probationStatus(start.date, ctx.asOf, assessment, ctx.policy);
    for (const r of findingsOf(s.reasons)) out.push(fromReason(sheet, row, cols.has('probationResult') ? 'probationResult' : 'probationStart', r));
  }
  return out;
}
