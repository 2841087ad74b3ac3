/**
 * Date functions: CADRE.NOTICEEND / NOTICEOK (二.4 公示), CADRE.PROBATIONEND / PROBATIONSTATUS /
 * REPORTSDUE (二.5 试用期), CADRE.ACCOUNTABILITY (二.6 选拔任用工作责任制), CADRE.TODATE. Dates come
 * back as Excel serials (1900 system), like Excel's own EDATE and WORKDAY, so they sort, compare
 * and format as dates.
 */
import { STATUTORY_CALENDAR, type WorkCalendar } from '../../calendar';
import type { Policy } from '../../policy/policy';
import { accountability, type AccountabilityScope } from '../../rules/accountability';
import { hasError } from '../../rules/decision';
import { checkNotice, noticeEnd } from '../../rules/notice';
import { checkProbationReports, probationEnd, probationStatus, type ProbationStatus } from '../../rules/probation';
import { isBlank, isUntilNow, normalizeText, parseChineseDate, toSerial, type LocalDate } from '../../values';
import { arg, dateArg, expected, isOmitted, plain, textOf } from './args';
import { mainReason, outcomeOr, ruleError } from './decide';
import { invalid, isFnError, notAvailable, type FnErrorKind, type Result } from './result';

export const NOTICE_START = arg('公示开始日期', 'notice start');
export const NOTICE_END = arg('公示截止日期', 'notice end');
export const NOTICE_ITEMS = arg('公示内容', 'notice contents');
export const NOTICE_ITEM_NAMES = arg('内容名称', 'content names');
export const START = arg('任职日期', 'start date');
export const AS_OF = arg('检查日期', 'as-of date');
export const ASSESSED_ON = arg('考核日期', 'assessment date');
export const ASSESSMENT = arg('考核结果', 'assessment result');
export const RECEIVED = arg('汇报日期', 'report dates');
export const APPOINTED = arg('任现职日期', 'appointment date');
export const OCCURRED = arg('问题发生日期', 'date of the problem');
export const FOUND = arg('发现日期', 'date found');
export const DATE_VALUE = arg('日期', 'date');

/** Calendar gaps (a year whose holidays are not published yet) have no answer yet: #N/A. */
const kindOf = (code: string | undefined): FnErrorKind => (code === 'calendar.unknown-year' ? 'notAvailable' : 'invalidValue');

/** CADRE.NOTICEEND: last day of a notice starting on `start` (5 working days by default). */
export function noticeEndFn(start: unknown, policy: Policy, cal: WorkCalendar = STATUTORY_CALENDAR): Result<number> {
  const s = dateArg(start, NOTICE_START);
  if (isFnError(s)) return s;
  const d = noticeEnd(s, policy, cal);
  if (d.outcome === null) return ruleError(d.reasons, [NOTICE_START], kindOf(mainReason(d.reasons)?.code));
  return toSerial(d.outcome);
}

/**
 * CADRE.NOTICEOK: TRUE when the notice ran long enough and (when `items` is given) carries every
 * required content. `items` is the notice's content cells (any shape, e.g. one row of the
 * ledger); `names` the matching header cells. Without `names` the items are read in the order of
 * the policy's required fields. Without `items` only the period is checked.
 */
export function noticeOkFn(
  start: unknown,
  end: unknown,
  items: unknown,
  names: unknown,
  policy: Policy,
  cal: WorkCalendar = STATUTORY_CALENDAR,
): Result<boolean> {
  const s = dateArg(start, NOTICE_START);
  if (isFnError(s)) return s;
  const e = dateArg(end, NOTICE_END);
  if (isFnError(e)) return e;
  const required = policy.notice.requiredFields;
  const contents: Record<string, string> = {};
  let p = policy;
  if (items === null || items === undefined) {
    // Only the period is asked about: no required contents for this check.
    p = { ...policy, notice: { ...policy.notice, requiredFields: [] } };
  } else {
    const values = flat(items);
    if (names === null || names === undefined) {
      if (values.length !== required.length) {
        return invalid(
          `「${NOTICE_ITEMS.zh}」应为 ${required.length} 个单元格，依次为：${required.join('、')}（或同时给出「${NOTICE_ITEM_NAMES.zh}」），收到 ${values.length} 个`,
          `${NOTICE_ITEMS.en} should be ${required.length} cells, in order: ${required.join(', ')} (or give ${NOTICE_ITEM_NAMES.en} too); got ${values.length}`,
        );
      }
      required.forEach((f, i) => (contents[f] = textOf(values[i])));
    } else {
      const labels = flat(names).map(textOf);
      if (labels.length !== values.length) {
        return invalid(
          `「${NOTICE_ITEM_NAMES.zh}」应与「${NOTICE_ITEMS.zh}」的单元格数相同（${values.length}），收到 ${labels.length}`,
          `${NOTICE_ITEM_NAMES.en} should have as many cells as ${NOTICE_ITEMS.en} (${values.length}); got ${labels.length}`,
        );
      }
      const byName = new Map(labels.map((l, i) => [key(l), textOf(values[i])]));
      for (const f of required) contents[f] = byName.get(key(f)) ?? '';
    }
  }
  const d = checkNotice({ start: s, end: e, contents }, p, cal);
  const blocking = d.reasons.filter((r) => r.severity === 'error' && r.code !== 'notice.field-missing' && r.code !== 'notice.too-short');
  if (blocking.length) return ruleError(blocking, [], kindOf(blocking[0].code));
  return d.outcome.ok;
}

const key = (label: string): string => normalizeText(label).replace(/\s+/g, '');

function flat(v: unknown): unknown[] {
  if (!Array.isArray(v)) return [plain(v)];
  return (v as unknown[]).flatMap((r) => (Array.isArray(r) ? r : [r])).map(plain);
}

/** CADRE.PROBATIONEND: EDATE(start, probation months) — 2024-02-29 → 2025-02-28. */
export function probationEndFn(start: unknown, policy: Policy): Result<number> {
  const s = dateArg(start, START);
  if (isFnError(s)) return s;
  const d = probationEnd(s, policy);
  return d.outcome === null ? ruleError(d.reasons) : toSerial(d.outcome);
}

const NOT_COMPETENT = /^(?:不胜任|不称职|不合格|未通过|解除|FALSE|否)/i;
const COMPETENT = /^(?:胜任|称职|合格|通过|优秀|TRUE|是)/i;

/** The assessment pair, both or neither: null when no assessment yet. */
function assessmentArgs(assessedOn: unknown, result: unknown): Result<{ date: LocalDate; competent: boolean } | null> {
  const noDate = isOmitted(assessedOn);
  const noResult = isOmitted(result);
  if (noDate && noResult) return null;
  if (noDate) return expected(ASSESSED_ON, '考核日期（已填写考核结果时必填）', 'the assessment date (required once a result is given)', assessedOn);
  const date = dateArg(assessedOn, ASSESSED_ON);
  if (isFnError(date)) return date;
  const r = plain(result);
  if (typeof r === 'boolean') return { date, competent: r };
  const t = textOf(result).replace(/\s+/g, '');
  if (NOT_COMPETENT.test(t)) return { date, competent: false };
  if (COMPETENT.test(t)) return { date, competent: true };
  return expected(ASSESSMENT, '“胜任”或“不胜任”（或 TRUE/FALSE）', '"胜任" (competent) or "不胜任" (not competent), or TRUE/FALSE', result);
}

/**
 * CADRE.PROBATIONSTATUS: 试用期内 / 即将期满 / 期满待考核 / 已正式任职 / 已解除试任职务 as of
 * `asOf`. An as-of date before the start has no status: #N/A.
 */
export function probationStatusFn(start: unknown, asOf: LocalDate | unknown, assessedOn: unknown, result: unknown, policy: Policy): Result<ProbationStatus> {
  const s = dateArg(start, START);
  if (isFnError(s)) return s;
  const a = asLocalDate(asOf);
  if (isFnError(a)) return a;
  const assessment = assessmentArgs(assessedOn, result);
  if (isFnError(assessment)) return assessment;
  const d = probationStatus(s, a, assessment, policy);
  const main = mainReason(d.reasons);
  return outcomeOr(d, [], main?.code === 'probation.not-started' ? 'notAvailable' : 'invalidValue');
}

/**
 * CADRE.REPORTSDUE: how many quarterly reports are overdue as of `asOf` (due date passed, none
 * received in that quarter). `received` holds the dates reports came in, blanks ignored.
 */
export function reportsDueFn(start: unknown, asOf: LocalDate | unknown, received: unknown, policy: Policy): Result<number> {
  const s = dateArg(start, START);
  if (isFnError(s)) return s;
  const a = asLocalDate(asOf);
  if (isFnError(a)) return a;
  const dates: LocalDate[] = [];
  if (received !== null && received !== undefined) {
    const cells = flat(received);
    for (let i = 0; i < cells.length; i++) {
      if (isBlank(cells[i])) continue;
      const d = dateArg(cells[i], cells.length > 1 ? { zh: `${RECEIVED.zh}（第${i + 1}个）`, en: `${RECEIVED.en} (#${i + 1})` } : RECEIVED);
      if (isFnError(d)) return d;
      dates.push(d);
    }
  }
  const d = checkProbationReports(s, dates, a, policy);
  if (hasError(d.reasons)) return ruleError(d.reasons);
  return d.outcome.filter((q) => q.state === 'overdue').length;
}

/** The as-of date: a LocalDate from the *_TODAY twin, or a user argument. */
function asLocalDate(asOf: unknown): Result<LocalDate> {
  if (typeof asOf === 'object' && asOf !== null && !Array.isArray(asOf) && 'y' in asOf && 'm' in asOf && 'd' in asOf) return asOf as LocalDate;
  return dateArg(asOf, AS_OF);
}

/** What CADRE.ACCOUNTABILITY shows for each branch of 二.6. */
export const ACCOUNTABILITY_LABELS: Readonly<Record<AccountabilityScope, string>> = {
  'before-appointment': '任职前问题：追究选拔任用失察责任主体和原单位党委主要责任人',
  'within-window': '任职一年内问题：追究所在单位党委领导责任和分管责任',
  'outside-clause': '不适用本条（问题发生在任现职一年以后）',
};

/** CADRE.ACCOUNTABILITY: who answers for a problem, by when it occurred (二.6). */
export function accountabilityFn(appointed: unknown, occurred: unknown, found: unknown, policy: Policy): Result<string> {
  const ap = dateArg(appointed, APPOINTED);
  if (isFnError(ap)) return ap;
  const oc = dateArg(occurred, OCCURRED);
  if (isFnError(oc)) return oc;
  let fo: LocalDate | null = null;
  if (!isOmitted(found)) {
    const f = dateArg(found, FOUND);
    if (isFnError(f)) return f;
    fo = f;
  }
  const d = outcomeOr(accountability({ appointed: ap, occurred: oc, found: fo }, policy));
  return isFnError(d) ? d : ACCOUNTABILITY_LABELS[d.scope];
}

/**
 * CADRE.TODATE: a ledger date (1985.03, 1985年3月, 198503, "1985-03-01", a date cell…) as a date
 * serial; month or year precision gives the 1st. Blank stays blank; 至今 is #N/A (not a date);
 * an ambiguous General-cell number such as 1985.1 (January or October?) is #VALUE!, not a guess.
 */
export function toDateFn(raw: unknown): Result<number | string> {
  const value = plain(raw);
  if (isBlank(value)) return '';
  const p = parseChineseDate(value);
  if (p.ok) return toSerial(p.value.date);
  const f = p.finding.message;
  const text = { zh: `「${DATE_VALUE.zh}」${f['zh-CN']}`, en: `${DATE_VALUE.en}: ${f['en-US']}` };
  return isUntilNow(p) ? notAvailable(text.zh, text.en) : invalid(text.zh, text.en);
}
