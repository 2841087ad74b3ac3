/**
 * 公示 public notice before appointment (seed 二.4): required contents and a period of 5 days.
 *
 * In working-day mode (the default, SPEC §2) a notice that starts on a day off is counted from the
 * next working day: the national rule 公示期不少于五个工作日 counts only working days, so a
 * weekend or holiday start adds nothing to the period.
 */
import { isWorkingDay, nthWorkingDayFrom, countWorkingDays, STATUTORY_CALENDAR, type WorkCalendar } from '../calendar';
import { msg } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addDays, diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { codeDoc, decision, hasError, reason, type Decision, type Reason } from './decision';

const RULE = '二.4';

export const CODES: readonly CodeDoc[] = [
  codeDoc('notice.end', 'info', msg('按政策计算的公示截止日期。', 'Notice end date computed from the policy.')),
  codeDoc(
    'notice.start-not-working-day',
    'info',
    msg(
      '公示开始日是节假日，按工作日计算时从下一个工作日起算。',
      'The notice starts on a day off; in working-day mode counting starts on the next working day.',
    ),
  ),
  codeDoc(
    'notice.field-missing',
    'error',
    msg('公示缺少规定内容（二.4）。补充后重新公示。', 'The notice lacks a required item (二.4); add it and publish again.'),
  ),
  codeDoc(
    'notice.too-short',
    'error',
    msg(
      '公示实际截止早于规定截止日期，公示期不足（二.4 公示期限为5天）。',
      'The notice ended before the required end date; the period is too short (二.4: five days).',
    ),
  ),
  codeDoc('notice.end-before-start', 'error', msg('公示截止日期早于开始日期，请核对。', 'The notice end date is before its start date; check the record.')),
  codeDoc('notice.invalid-date', 'error', msg('公示日期不存在，请核对。', 'A notice date does not exist; check the record.')),
  codeDoc('notice.policy-invalid', 'error', msg('公示天数设置无效（须为正整数）。', 'The notice-days setting is invalid (must be a positive integer).')),
  codeDoc('notice.ok', 'info', msg('公示内容齐全，期限符合规定。', 'The notice has every item and lasts long enough.')),
];

/** A calendar finding (e.g. calendar.unknown-year) forwarded as a reason of this rule. */
const fromCalendar = (f: { code: string; message: { 'zh-CN': string; 'en-US': string } }): Reason => reason(RULE, f.code, 'error', f.message);

const badDate = (what: string, whatEn: string, d: LocalDate): Reason =>
  reason(RULE, 'notice.invalid-date', 'error', msg(`${what}无效：${d.y}-${d.m}-${d.d}`, `Invalid ${whatEn}: ${d.y}-${d.m}-${d.d}`));

/**
 * The last day of a notice that starts on `start` (SPEC NOTICEEND). Calendar mode: start + days − 1
 * (9月1日–9月5日), or start + days without counting the start day. Working mode: the n-th working day.
 */
export function noticeEnd(start: LocalDate, policy: Policy, cal: WorkCalendar = STATUTORY_CALENDAR): Decision<LocalDate | null> {
  const { days, dayKind, countStartDay } = policy.notice;
  if (!isValidDate(start.y, start.m, start.d)) return decision(null, [badDate('公示开始日期', 'notice start date', start)]);
  if (!Number.isSafeInteger(days) || days < 1) {
    return decision(null, [
      reason(RULE, 'notice.policy-invalid', 'error', msg(`公示天数设置无效：${days}`, `Invalid notice days: ${days}`), {
        value: days,
        policyKey: 'notice.days',
      }),
    ]);
  }
  const reasons: Reason[] = [];
  let end: LocalDate;
  if (dayKind === 'calendar') {
    end = addDays(start, countStartDay ? days - 1 : days);
  } else {
    const r = nthWorkingDayFrom(cal, start, days, countStartDay);
    if (!r.ok) return decision(null, [fromCalendar(r.finding)]);
    end = r.value;
    const w = isWorkingDay(cal, start);
    if (countStartDay && w.ok && !w.value) {
      reasons.push(
        reason(
          RULE,
          'notice.start-not-working-day',
          'info',
          msg(`${formatIso(start)}不是工作日，从下一个工作日起算`, `${formatIso(start)} is not a working day; counting starts on the next working day`),
        ),
      );
    }
  }
  const kindZh = dayKind === 'calendar' ? '天' : '个工作日';
  const kindEn = dayKind === 'calendar' ? 'calendar days' : 'working days';
  reasons.push(
    reason(
      RULE,
      'notice.end',
      'info',
      msg(
        `公示${days}${kindZh}，${formatIso(start)}开始，${formatIso(end)}截止${countStartDay ? '（开始当日计入）' : '（开始当日不计入）'}`,
        `${days} ${kindEn} from ${formatIso(start)} end on ${formatIso(end)}${countStartDay ? ' (start day counted)' : ' (start day not counted)'}`,
      ),
      { threshold: days, policyKey: 'notice.days' },
    ),
  );
  return decision(end, reasons);
}

/** A notice as recorded in the ledger (already parsed). */
export interface NoticeRecord {
  readonly start: LocalDate;
  /** The day the notice actually ended (or is planned to end). */
  readonly end: LocalDate;
  /** Contents by item name (names as in policy.notice.requiredFields); blank counts as missing. */
  readonly contents: Readonly<Record<string, string | null | undefined>>;
}

export interface NoticeCheck {
  /** Every required item present and the period long enough. */
  readonly ok: boolean;
  /** The earliest permitted end date, when it could be computed. */
  readonly requiredEnd: LocalDate | null;
  readonly missingFields: readonly string[];
}

/** Days the notice actually covered, counted the way the policy counts (the `value` of too-short). */
function coveredDays(record: NoticeRecord, policy: Policy, cal: WorkCalendar): number | null {
  const first = policy.notice.countStartDay ? record.start : addDays(record.start, 1);
  if (policy.notice.dayKind === 'calendar') return Math.max(0, diffDays(first, record.end) + 1);
  const n = countWorkingDays(cal, first, record.end);
  return n.ok ? n.value : null;
}

/** Check a notice record (SPEC NOTICEOK): every missing item, and a period that ended too early. */
export function checkNotice(record: NoticeRecord, policy: Policy, cal: WorkCalendar = STATUTORY_CALENDAR): Decision<NoticeCheck> {
  const reasons: Reason[] = [];
  const missingFields = policy.notice.requiredFields.filter((f) => {
    const v = record.contents[f];
    return v === null || v === undefined || v.trim() === '';
  });
  for (const f of missingFields) {
    reasons.push(reason(RULE, 'notice.field-missing', 'error', msg(`公示缺少“${f}”`, `The notice lacks “${f}”`), { policyKey: 'notice.requiredFields' }));
  }

  if (!isValidDate(record.end.y, record.end.m, record.end.d)) reasons.push(badDate('公示截止日期', 'notice end date', record.end));
  const computed = noticeEnd(record.start, policy, cal);
  reasons.push(...computed.reasons.filter((r) => r.severity !== 'info'));
  const requiredEnd = computed.outcome;

  if (!hasError(reasons) && requiredEnd) {
    if (diffDays(record.start, record.end) < 0) {
      reasons.push(
        reason(
          RULE,
          'notice.end-before-start',
          'error',
          msg(
            `截止日期${formatIso(record.end)}早于开始日期${formatIso(record.start)}`,
            `End ${formatIso(record.end)} is before start ${formatIso(record.start)}`,
          ),
        ),
      );
    } else if (diffDays(record.end, requiredEnd) > 0) {
      const covered = coveredDays(record, policy, cal);
      const unit = policy.notice.dayKind === 'calendar' ? ['天', 'days'] : ['个工作日', 'working days'];
      reasons.push(
        reason(
          RULE,
          'notice.too-short',
          'error',
          msg(
            `公示${formatIso(record.start)}至${formatIso(record.end)}${covered === null ? '' : `仅${covered}${unit[0]}`}，应至少到${formatIso(requiredEnd)}（${policy.notice.days}${unit[0]}）`,
            `Notice ${formatIso(record.start)} to ${formatIso(record.end)}${covered === null ? '' : ` covers only ${covered} ${unit[1]}`}; it must run to at least ${formatIso(requiredEnd)} (${policy.notice.days} ${unit[1]})`,
          ),
          { threshold: policy.notice.days, ...(covered === null ? {} : { value: covered }), policyKey: 'notice.days' },
        ),
      );
    }
  }
  const ok = reasons.length === 0;
  if (ok) {
    reasons.push(
      reason(
        RULE,
        'notice.ok',
        'info',
        msg(`公示内容齐全，期限至${formatIso(record.end)}，符合规定`, `Notice complete and long enough (to ${formatIso(record.end)})`),
      ),
    );
  }
  return decision({ ok, requiredEnd, missingFields }, reasons);
}
