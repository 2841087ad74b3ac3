/**
 * 选拔任用工作责任制 accountability for a problem a newly appointed cadre turns out to have
 * (seed 二.6): who answers for it depends on when the problem arose.
 *
 * "任现职一年内" is counted like probation (Civil Code art. 201/202): the window's last day is
 * EDATE(appointment, windowMonths), so for an appointment on 2025-03-15 a problem on 2026-03-15
 * is inside and 2026-03-16 is outside. A problem on the appointment day itself is not "任现职以前"
 * (the cadre already holds the post that day), so it falls in the window.
 */
import { msg } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addMonths, diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';

const RULE = '二.6';

/** Which branch of 二.6 applies. */
export type AccountabilityScope =
  /** 任现职以前 — before the current appointment */
  | 'before-appointment'
  /** 任现职一年内 — within the window after it */
  | 'within-window'
  /** later: this clause does not apply */
  | 'outside-clause';

/** Who is held responsible, in the seed's words. */
export type ResponsibleParty =
  /** 选拔任用过程中失察责任主体 those who failed to detect it during selection */
  | 'selection-officials'
  /** 原单位党委的主要责任人 main leader of the original unit's Party committee */
  | 'original-unit-committee-head'
  /** 干部所在单位党委的领导责任 the current unit's committee: leadership responsibility */
  | 'current-unit-committee-leadership'
  /** 干部所在单位党委的分管责任 the current unit's committee: supervising responsibility */
  | 'current-unit-committee-supervising';

export interface AccountabilityCase {
  /** 任现职 date of the current appointment. */
  readonly appointed: LocalDate;
  /** When the problem (错误) occurred. */
  readonly occurred: LocalDate;
  /** When it was found (暴露); optional, checked for consistency only. */
  readonly found?: LocalDate | null;
  /** 纪检(监察)、检察机关查清事实 — false when the facts are still being established. */
  readonly factsEstablished?: boolean;
}

export interface AccountabilityOutcome {
  readonly scope: AccountabilityScope;
  readonly responsible: readonly ResponsibleParty[];
  /** Last day of the "within a year" window. */
  readonly windowEnd: LocalDate;
}

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'accountability.selection',
    'info',
    msg(
      '问题属任现职以前：追究选拔任用过程中失察责任主体和原单位党委主要责任人。',
      'Problem predates the appointment: those who selected and the head of the original unit’s committee answer.',
    ),
  ),
  codeDoc(
    'accountability.current-unit',
    'info',
    msg(
      '问题属任现职一年内：追究干部所在单位党委的领导责任和分管责任。',
      'Problem within a year of appointment: the current unit’s committee answers (leadership and supervising responsibility).',
    ),
  ),
  codeDoc(
    'accountability.outside-clause',
    'info',
    msg('问题发生在任现职一年以后，不适用本条。', 'Problem more than a year after appointment: this clause does not apply.'),
  ),
  codeDoc(
    'accountability.facts-pending',
    'warning',
    msg(
      '追究以纪检(监察)、检察机关查清事实为前提，事实尚未查清。',
      'Accountability requires the facts to be established by discipline or procuratorial organs first.',
    ),
  ),
  codeDoc(
    'accountability.found-before-occurred',
    'error',
    msg('发现日期早于问题发生日期，请核对。', 'The problem is recorded as found before it occurred; check the dates.'),
  ),
  codeDoc('accountability.invalid-date', 'error', msg('日期不存在，请核对。', 'A date does not exist; check the record.')),
  codeDoc('accountability.policy-invalid', 'error', msg('追究期限设置无效（月数须为正整数）。', 'Invalid window setting (months must be a positive integer).')),
];

const bad = (what: string, whatEn: string, d: LocalDate): Reason =>
  reason(RULE, 'accountability.invalid-date', 'error', msg(`${what}无效：${d.y}-${d.m}-${d.d}`, `Invalid ${whatEn}: ${d.y}-${d.m}-${d.d}`));
const valid = (d: LocalDate): boolean => isValidDate(d.y, d.m, d.d);

/** Classify a problem under 二.6 and name who answers for it (SPEC ACCOUNTABILITY). */
export function accountability(c: AccountabilityCase, policy: Policy): Decision<AccountabilityOutcome | null> {
  if (!valid(c.appointed)) return decision(null, [bad('任现职日期', 'appointment date', c.appointed)]);
  if (!valid(c.occurred)) return decision(null, [bad('问题发生日期', 'occurrence date', c.occurred)]);
  if (c.found && !valid(c.found)) return decision(null, [bad('发现日期', 'date found', c.found)]);
  const months = policy.accountability.windowMonths;
  if (!Number.isSafeInteger(months) || months < 1) {
    return decision(null, [
      reason(RULE, 'accountability.policy-invalid', 'error', msg(`追究期限设置无效：${months}`, `Invalid window: ${months}`), {
        policyKey: 'accountability.windowMonths',
      }),
    ]);
  }
  if (c.found && diffDays(c.found, c.occurred) > 0) {
    return decision(null, [
      reason(
        RULE,
        'accountability.found-before-occurred',
        'error',
        msg(`发现日期${formatIso(c.found)}早于发生日期${formatIso(c.occurred)}`, `Found ${formatIso(c.found)} before it occurred ${formatIso(c.occurred)}`),
      ),
    ]);
  }

  const windowEnd = addMonths(c.appointed, months);
  const numbers = { threshold: months, policyKey: 'accountability.windowMonths' };
  const when = `${formatIso(c.occurred)}`;
  if (diffDays(c.occurred, c.appointed) > 0) {
    const reasons: Reason[] = [
      reason(
        RULE,
        'accountability.selection',
        'info',
        msg(
          `问题发生于${when}，在任现职（${formatIso(c.appointed)}）以前：追究选拔任用过程中失察责任主体和原单位党委的主要责任人`,
          `Problem on ${when}, before the appointment (${formatIso(c.appointed)}): those who failed to detect it in selection and the head of the original unit's committee answer`,
        ),
        { ...numbers, value: diffDays(c.appointed, c.occurred) },
      ),
    ];
    if (c.factsEstablished === false) {
      reasons.push(
        reason(
          RULE,
          'accountability.facts-pending',
          'warning',
          msg('须在纪检(监察)、检察机关查清事实的基础上追究', 'Pursue only once discipline or procuratorial organs have established the facts'),
        ),
      );
    }
    return decision({ scope: 'before-appointment', responsible: ['selection-officials', 'original-unit-committee-head'], windowEnd }, reasons);
  }
  if (diffDays(c.occurred, windowEnd) >= 0) {
    return decision({ scope: 'within-window', responsible: ['current-unit-committee-leadership', 'current-unit-committee-supervising'], windowEnd }, [
      reason(
        RULE,
        'accountability.current-unit',
        'info',
        msg(
          `问题发生于${when}，在任现职一年内（至${formatIso(windowEnd)}）：追究干部所在单位党委的领导责任和分管责任`,
          `Problem on ${when}, within the window ending ${formatIso(windowEnd)}: the current unit's committee answers (leadership and supervising responsibility)`,
        ),
        { ...numbers, value: diffDays(c.appointed, c.occurred) },
      ),
    ]);
  }
  return decision({ scope: 'outside-clause', responsible: [], windowEnd }, [
    reason(
      RULE,
      'accountability.outside-clause',
      'info',
      msg(
        `问题发生于${when}，已超过任现职一年（${formatIso(windowEnd)}），不适用本条`,
        `Problem on ${when}, after the window ending ${formatIso(windowEnd)}: this clause does not apply`,
      ),
      { ...numbers, value: diffDays(c.appointed, c.occurred) },
    ),
  ]);
}
