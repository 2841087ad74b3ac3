/**
 * 工作日 working-day arithmetic over a WorkCalendar. Every answer is a Parsed result: a day in a
 * year the calendar does not know is reported (`calendar.unknown-year`), never guessed as a plain
 * Monday–Friday week, because a wrong 公示 end date is worse than none.
 */
import { msg } from '../i18n/message';
import type { CodeDoc, Finding, Parsed } from '../values/finding';
import { fail, ok } from '../values/finding';
import { addDays, dayOfWeek, formatIso, fromEpochDay, isValidDate, type LocalDate, toEpochDay } from '../values/local-date';
import { knownYears, type WorkCalendar } from './work-calendar';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'calendar.unknown-year',
    severity: 'error',
    doc: msg(
      '该年度的国务院节假日安排不在内置日历中（或尚未发布）。请在设置中录入该年度的放假和调休安排，或更新加载项。',
      "The State Council holiday schedule for that year is not in the built-in calendar (or not yet published). Enter the year's days off and make-up days in the settings, or update the add-in.",
    ),
  },
  {
    code: 'calendar.invalid-date',
    severity: 'error',
    doc: msg('日期不存在，无法计算工作日。', 'The date does not exist, so working days cannot be computed.'),
  },
  {
    code: 'calendar.bad-count',
    severity: 'error',
    doc: msg('工作日天数必须是整数（第n个工作日要求n ≥ 1）。', 'A working-day count must be an integer (n ≥ 1 for the n-th working day).'),
  },
];

function invalid(d: LocalDate): Finding {
  return {
    code: 'calendar.invalid-date',
    severity: 'error',
    message: msg(`日期无效：${d.y}-${d.m}-${d.d}`, `Invalid date: ${d.y}-${d.m}-${d.d}`),
  };
}

function badCount(n: number, atLeastOne: boolean): Finding {
  const zh = atLeastOne ? '须为不小于1的整数' : '须为整数';
  const en = atLeastOne ? 'must be an integer ≥ 1' : 'must be an integer';
  return {
    code: 'calendar.bad-count',
    severity: 'error',
    message: msg(`工作日天数无效：${n}（${zh}）`, `Invalid working-day count: ${n} (${en})`),
  };
}

function unknownYear(cal: WorkCalendar, d: LocalDate): Finding {
  const ys = knownYears(cal);
  const range = ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '—';
  return {
    code: 'calendar.unknown-year',
    severity: 'error',
    message: msg(
      `${formatIso(d)}：日历中没有${d.y}年的节假日安排（已知年度 ${range}），请在设置中录入`,
      `${formatIso(d)}: the calendar has no holiday schedule for ${d.y} (known years ${range}); enter it in the settings`,
    ),
  };
}

/** Is `date` a working day? Saturday/Sunday are days off unless they are 调休 working days. */
export function isWorkingDay(cal: WorkCalendar, date: LocalDate): Parsed<boolean> {
  if (!isValidDate(date.y, date.m, date.d)) return fail(invalid(date));
  const e = toEpochDay(date);
  if (cal.extraWorkdays.has(e)) return ok(true);
  if (cal.extraHolidays.has(e)) return ok(false);
  if (!cal.years.has(date.y)) return fail(unknownYear(cal, date));
  if (cal.holidays.has(e)) return ok(false);
  if (cal.workdays.has(e)) return ok(true);
  const dow = dayOfWeek(date);
  return ok(dow !== 0 && dow !== 6);
}

/**
 * The |n|-th working day after `date` (before it when n < 0); `date` itself is never counted.
 * n = 0 returns `date` unchanged, as date-fns addBusinessDays does.
 */
export function addWorkingDays(cal: WorkCalendar, date: LocalDate, n: number): Parsed<LocalDate> {
  if (!isValidDate(date.y, date.m, date.d)) return fail(invalid(date));
  if (!Number.isSafeInteger(n)) return fail(badCount(n, false));
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    const w = isWorkingDay(cal, d);
    if (!w.ok) return w;
    if (w.value) left--;
  }
  return ok(d);
}

/** Working days in the closed interval [start, end] (both ends counted); 0 when end < start. */
export function countWorkingDays(cal: WorkCalendar, start: LocalDate, end: LocalDate): Parsed<number> {
  if (!isValidDate(start.y, start.m, start.d)) return fail(invalid(start));
  if (!isValidDate(end.y, end.m, end.d)) return fail(invalid(end));
  let count = 0;
  const first = toEpochDay(start);
  for (let e = first, last = toEpochDay(end); e <= last; e++) {
    const w = isWorkingDay(cal, fromEpochDay(e));
    if (!w.ok) return w;
    if (w.value) count++;
  }
  return ok(count);
}

/**
 * The n-th working day counted from `start` (n ≥ 1). With countStartDay the count begins on
 * `start` itself if it is a working day (9月1日–9月5日 is five days); if `start` is a day off,
 * the first day counted is the next working day. Without it, counting begins the day after.
 */
export function nthWorkingDayFrom(cal: WorkCalendar, start: LocalDate, n: number, countStartDay: boolean): Parsed<LocalDate> {
  if (!isValidDate(start.y, start.m, start.d)) return fail(invalid(start));
  if (!Number.isSafeInteger(n) || n < 1) return fail(badCount(n, true));
  // "n-th working day in [start, ∞)" is "n working days after the day before start".
  return addWorkingDays(cal, countStartDay ? addDays(start, -1) : start, n);
}
