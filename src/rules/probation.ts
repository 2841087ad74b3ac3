/**
 * 试用期 probation of newly promoted leaders (seed 二.5): one year; report to the organization
 * department about once a quarter (原则上一季度一次); assessed at the end.
 *
 * Period counting follows the Civil Code: art. 201 — the start day is not counted, the period
 * runs from the next day; art. 202 — a period in months/years ends on the corresponding day of
 * the last month, or on that month's last day when it has none. So the last day of probation is
 * EDATE(start, months): 2025-03-15 → 2026-03-15, 2024-02-29 → 2025-02-28. Art. 203 (a period
 * ending on a holiday runs to the next working day) governs deadlines for acts and is not applied
 * to the end of probation, which is a status, not a deadline.
 */
import { msg, plural } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addDays, addMonths, diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';

const RULE = '二.5';

/** Status names as the ledger shows them. */
export type ProbationStatus =
  /** in probation */
  | '试用期内'
  /** within dueSoonDays of the end */
  | '即将期满'
  /** ended, not yet assessed */
  | '期满待考核'
  /** assessed competent: formally appointed */
  | '已正式任职'
  /** assessed not competent: trial post revoked */
  | '已解除试任职务';

export const CODES: readonly CodeDoc[] = [
  codeDoc('probation.end', 'info', msg('试用期满日期（EDATE）。', 'Last day of probation (EDATE).')),
  codeDoc(
    'probation.report-overdue',
    'warning',
    msg('该季度的思想和工作汇报已过期未交（二.5 原则上一季度一次）。', "The quarter's report is past due and missing (二.5: about once a quarter)."),
  ),
  codeDoc('probation.report-received', 'info', msg('该季度汇报已按期提交。', "The quarter's report was received in time.")),
  codeDoc('probation.report-pending', 'info', msg('该季度汇报尚未到期。', "The quarter's report is not yet due.")),
  codeDoc('probation.report-before-start', 'warning', msg('汇报日期早于试用期开始，未计入。', 'A report is dated before probation began; it is not counted.')),
  codeDoc('probation.report-after-as-of', 'error', msg('汇报日期晚于检查日期，请核对。', 'A report is dated after the as-of date; check the record.')),
  codeDoc('probation.status', 'info', msg('截至检查日期的试用期状态。', 'Probation status as of the date.')),
  codeDoc('probation.due-soon', 'info', msg('试用期即将期满，请准备考核。', 'Probation ends soon; prepare the assessment.')),
  codeDoc(
    'probation.awaiting-assessment',
    'warning',
    msg('试用期已满，尚未考核（二.5 试用期满由组织部门全面考核）。', 'Probation has ended without an assessment (二.5).'),
  ),
  codeDoc('probation.assessed-early', 'warning', msg('考核日期早于试用期满，请核对。', 'The assessment is dated before probation ended; check it.')),
  codeDoc('probation.not-started', 'warning', msg('检查日期早于试用期开始。', 'The as-of date is before probation began.')),
  codeDoc('probation.invalid-date', 'error', msg('日期不存在，请核对。', 'A date does not exist; check the record.')),
  codeDoc('probation.policy-invalid', 'error', msg('试用期设置无效（月数须为正整数）。', 'Invalid probation setting (months must be positive integers).')),
];

const valid = (d: LocalDate): boolean => isValidDate(d.y, d.m, d.d);
const badDate = (what: string, whatEn: string, d: LocalDate): Reason =>
  reason(RULE, 'probation.invalid-date', 'error', msg(`${what}无效：${d.y}-${d.m}-${d.d}`, `Invalid ${whatEn}: ${d.y}-${d.m}-${d.d}`));

function policyProblem(policy: Policy): Reason | null {
  const { months, reportEveryMonths, dueSoonDays } = policy.probation;
  const posInt = (x: number) => Number.isSafeInteger(x) && x >= 1;
  if (posInt(months) && posInt(reportEveryMonths) && Number.isSafeInteger(dueSoonDays) && dueSoonDays >= 0) return null;
  return reason(
    RULE,
    'probation.policy-invalid',
    'error',
    msg(
      `试用期设置无效：${months}个月，每${reportEveryMonths}个月汇报，提前${dueSoonDays}天提醒`,
      `Invalid: ${months} ${plural(months, 'month', 'months')}, report every ${reportEveryMonths}, remind ${dueSoonDays} ${plural(dueSoonDays, 'day', 'days')} ahead`,
    ),
  );
}

/** Last day of probation: EDATE(start, policy.probation.months). */
export function probationEnd(start: LocalDate, policy: Policy): Decision<LocalDate | null> {
  if (!valid(start)) return decision(null, [badDate('任职日期', 'start date', start)]);
  const bad = policyProblem(policy);
  if (bad) return decision(null, [bad]);
  const end = addMonths(start, policy.probation.months);
  return decision(end, [
    reason(
      RULE,
      'probation.end',
      'info',
      msg(
        `试用期${policy.probation.months}个月，${formatIso(start)}起，${formatIso(end)}期满`,
        `${policy.probation.months}-month probation from ${formatIso(start)} ends on ${formatIso(end)}`,
      ),
      { threshold: policy.probation.months, policyKey: 'probation.months' },
    ),
  ]);
}

/**
 * Report due dates: EDATE(start, k × reportEveryMonths) for every k whose month falls within the
 * probation (months 3, 6, 9, 12 by default). Each is taken from the start, not chained, so a
 * 31st start gives 3-31 → 6-30 → 9-30 → 12-31, not a drift to the 28th.
 */
export function reportDueDates(start: LocalDate, policy: Policy): Decision<readonly LocalDate[]> {
  if (!valid(start)) return decision([], [badDate('任职日期', 'start date', start)]);
  const bad = policyProblem(policy);
  if (bad) return decision([], [bad]);
  const { months, reportEveryMonths } = policy.probation;
  const out: LocalDate[] = [];
  for (let k = reportEveryMonths; k <= months; k += reportEveryMonths) out.push(addMonths(start, k));
  return decision(out);
}

export interface QuarterReport {
  /** 1-based quarter (report period) number. */
  readonly period: number;
  /** First day a report counts for this period (the start day for the first period). */
  readonly from: LocalDate;
  readonly due: LocalDate;
  /** Earliest report received within [from, due], if any. */
  readonly receivedOn: LocalDate | null;
  readonly state: 'received' | 'overdue' | 'pending';
}

/**
 * Which quarterly reports are in, overdue or not yet due, as of `asOf`. A report satisfies the
 * period it was received in: after the previous due date up to and including this due date (the
 * first period starts on the start day). A late report counts for the period it falls in, not
 * the one it was late for, so a missed quarter stays visible; several reports in one period
 * count once. A period is overdue only once its due date has passed (asOf > due).
 */
export function checkProbationReports(start: LocalDate, received: readonly LocalDate[], asOf: LocalDate, policy: Policy): Decision<readonly QuarterReport[]> {
  if (!valid(asOf)) return decision([], [badDate('检查日期', 'as-of date', asOf)]);
  const dues = reportDueDates(start, policy);
  if (dues.reasons.length) return decision([], dues.reasons);

  const reasons: Reason[] = [];
  const usable: LocalDate[] = [];
  for (const r of received) {
    if (!valid(r)) reasons.push(badDate('汇报日期', 'report date', r));
    else if (diffDays(r, asOf) < 0) {
      reasons.push(
        reason(
          RULE,
          'probation.report-after-as-of',
          'error',
          msg(`汇报日期${formatIso(r)}晚于检查日期${formatIso(asOf)}`, `Report dated ${formatIso(r)} is after the as-of date ${formatIso(asOf)}`),
        ),
      );
    } else if (diffDays(start, r) < 0) {
      reasons.push(
        reason(
          RULE,
          'probation.report-before-start',
          'warning',
          msg(`汇报日期${formatIso(r)}早于试用期开始${formatIso(start)}`, `Report dated ${formatIso(r)} is before probation began on ${formatIso(start)}`),
        ),
      );
    } else usable.push(r);
  }
  usable.sort((a, b) => diffDays(b, a));

  const out: QuarterReport[] = [];
  let from = start;
  dues.outcome.forEach((due, i) => {
    const windowStart = from;
    const receivedOn = usable.find((r) => diffDays(windowStart, r) >= 0 && diffDays(r, due) >= 0) ?? null;
    const state = receivedOn ? 'received' : diffDays(due, asOf) > 0 ? 'overdue' : 'pending';
    out.push({ period: i + 1, from, due, receivedOn, state });
    const n = { threshold: policy.probation.reportEveryMonths, value: i + 1, policyKey: 'probation.reportEveryMonths' };
    if (state === 'overdue') {
      reasons.push(
        reason(
          RULE,
          'probation.report-overdue',
          'warning',
          msg(
            `第${i + 1}次汇报应于${formatIso(due)}前提交，截至${formatIso(asOf)}未收到`,
            `Report ${i + 1} was due by ${formatIso(due)}; none received as of ${formatIso(asOf)}`,
          ),
          n,
        ),
      );
    } else if (state === 'received') {
      reasons.push(
        reason(
          RULE,
          'probation.report-received',
          'info',
          msg(`第${i + 1}次汇报于${formatIso(receivedOn!)}收到`, `Report ${i + 1} received on ${formatIso(receivedOn!)}`),
          n,
        ),
      );
    } else {
      reasons.push(
        reason(RULE, 'probation.report-pending', 'info', msg(`第${i + 1}次汇报${formatIso(due)}到期`, `Report ${i + 1} is due by ${formatIso(due)}`), n),
      );
    }
    // The next period begins the day after this due date.
    from = addDays(due, 1);
  });
  return decision(out, reasons);
}

/** The end-of-probation assessment (二.5 试用期满…全面考核). */
export interface ProbationAssessment {
  readonly date: LocalDate;
  /** 胜任现职 competent for the post. */
  readonly competent: boolean;
}

/**
 * Status as of `asOf` (SPEC PROBATIONSTATUS). An assessment dated after `asOf` is ignored, so a
 * past as-of date reproduces the status the ledger showed then.
 */
export function probationStatus(start: LocalDate, asOf: LocalDate, assessment: ProbationAssessment | null, policy: Policy): Decision<ProbationStatus | null> {
  if (!valid(asOf)) return decision(null, [badDate('检查日期', 'as-of date', asOf)]);
  if (assessment && !valid(assessment.date)) return decision(null, [badDate('考核日期', 'assessment date', assessment.date)]);
  const endD = probationEnd(start, policy);
  const end = endD.outcome;
  if (!end) return decision(null, endD.reasons);

  if (diffDays(start, asOf) < 0) {
    return decision(null, [
      reason(
        RULE,
        'probation.not-started',
        'warning',
        msg(`检查日期${formatIso(asOf)}早于任职日期${formatIso(start)}`, `As-of ${formatIso(asOf)} is before the start ${formatIso(start)}`),
      ),
    ]);
  }
  const reasons: Reason[] = [];
  const say = (s: ProbationStatus, en: string): Reason =>
    reason(
      RULE,
      'probation.status',
      'info',
      msg(`截至${formatIso(asOf)}：${s}（${formatIso(end)}期满）`, `As of ${formatIso(asOf)}: ${en} (ends ${formatIso(end)})`),
    );

  if (assessment && diffDays(assessment.date, asOf) >= 0) {
    if (diffDays(assessment.date, end) > 0) {
      reasons.push(
        reason(
          RULE,
          'probation.assessed-early',
          'warning',
          msg(
            `考核日期${formatIso(assessment.date)}早于试用期满${formatIso(end)}`,
            `Assessed on ${formatIso(assessment.date)}, before the end ${formatIso(end)}`,
          ),
        ),
      );
    }
    const s: ProbationStatus = assessment.competent ? '已正式任职' : '已解除试任职务';
    reasons.push(say(s, assessment.competent ? 'formally appointed' : 'trial post revoked'));
    return decision(s, reasons);
  }

  const left = diffDays(asOf, end);
  if (left < 0) {
    return decision('期满待考核', [
      reason(
        RULE,
        'probation.awaiting-assessment',
        'warning',
        msg(`试用期已于${formatIso(end)}期满，尚未考核`, `Probation ended on ${formatIso(end)}; no assessment yet`),
        { value: -left },
      ),
    ]);
  }
  if (left <= policy.probation.dueSoonDays) {
    return decision('即将期满', [
      reason(
        RULE,
        'probation.due-soon',
        'info',
        msg(`距试用期满（${formatIso(end)}）还有${left}天`, `${left} ${plural(left, 'day', 'days')} until probation ends (${formatIso(end)})`),
        {
          threshold: policy.probation.dueSoonDays,
          value: left,
          policyKey: 'probation.dueSoonDays',
        },
      ),
    ]);
  }
  return decision('试用期内', [say('试用期内', 'in probation')]);
}
