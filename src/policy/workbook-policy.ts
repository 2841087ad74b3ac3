/**
 * The policy and the work calendar a workbook carries (SPEC §2: overrides are stored in the
 * workbook). Pure over a `getSetting`-like reader, so the task pane (either adapter), the CLI and
 * tests load them the same way:
 *
 * - setting POLICY_SETTING_KEY ('policy', the key src/functions/policy-source.ts reads): JSON of
 *   the overrides only, nested by group, e.g. {"notice":{"days":7}};
 * - setting CALENDAR_SETTING_KEY ('calendar'): JSON of the calendar overrides with ISO dates,
 *   e.g. {"extraHolidays":["2026-10-09"],"extraWorkdays":[],"years":[{"year":2027,"holidays":[…],"workdays":[…]}]}.
 *
 * Unreadable or refused values never throw: they keep the defaults and are reported as findings
 * naming the setting, like resolvePolicy does for single keys.
 */
import { msg } from '../i18n/message';
import { STATUTORY_CALENDAR, workCalendar, type CalendarOverrides, type WorkCalendar, type YearSchedule } from '../calendar';
import type { Finding } from '../values/finding';
import { formatIso, parseIso, type LocalDate } from '../values/local-date';
import type { Policy } from './policy';
import { resolvePolicy } from './validate';

export const POLICY_SETTING_KEY = 'policy';
export const CALENDAR_SETTING_KEY = 'calendar';

export type GetSetting = (key: string) => Promise<string | null>;
export type SetSetting = (key: string, value: string | null) => Promise<void>;

/** Calendar overrides as stored: ISO date texts. */
export interface StoredCalendar {
  readonly extraHolidays?: readonly string[];
  readonly extraWorkdays?: readonly string[];
  readonly years?: readonly { readonly year: number; readonly holidays: readonly string[]; readonly workdays: readonly string[] }[];
}

export interface WorkbookPolicy {
  readonly policy: Policy;
  /** The stored overrides as parsed (nested object), {} when none or unreadable. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly calendar: WorkCalendar;
  readonly calendarOverrides: CalendarOverrides;
  /** Refused policy values and unreadable settings; each names the setting or key. */
  readonly errors: readonly Finding[];
}

const badJson = (key: string, e: unknown): Finding => ({
  code: 'policy.invalid-value',
  severity: 'error',
  message: msg(
    `工作簿中的设置（${key}）不是有效的 JSON，已使用默认值：${(e as Error).message}`,
    `The workbook setting (${key}) is not valid JSON; defaults are used: ${(e as Error).message}`,
  ),
});

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parse the stored policy text; null/empty → {}. */
export function parsePolicySetting(raw: string | null): { overrides: Record<string, unknown>; errors: Finding[] } {
  if (raw === null || raw.trim() === '') return { overrides: {}, errors: [] };
  try {
    const v: unknown = JSON.parse(raw);
    if (!isPlainObject(v)) {
      return {
        overrides: {},
        errors: [
          {
            code: 'policy.invalid-value',
            severity: 'error',
            message: msg(
              `工作簿中的设置（${POLICY_SETTING_KEY}）必须是一组设置（对象），已使用默认值`,
              `The workbook setting (${POLICY_SETTING_KEY}) must be an object; defaults are used`,
            ),
          },
        ],
      };
    }
    return { overrides: v, errors: [] };
  } catch (e) {
    return { overrides: {}, errors: [badJson(POLICY_SETTING_KEY, e)] };
  }
}

const calendarError = (zh: string, en: string): Finding => ({ code: 'calendar.invalid-date', severity: 'error', message: msg(zh, en) });

/** ISO texts → dates; the first bad text is reported with where it was. */
function isoList(list: unknown, where: string, whereEn: string): { dates: LocalDate[]; error: Finding | null } {
  if (list === undefined) return { dates: [], error: null };
  if (!Array.isArray(list)) return { dates: [], error: calendarError(`${where}必须是日期列表`, `${whereEn} must be a list of dates`) };
  const dates: LocalDate[] = [];
  for (const t of list) {
    const d = typeof t === 'string' ? parseIso(t) : null;
    if (!d)
      return {
        dates: [],
        error: calendarError(`${where}中的“${String(t)}”不是 YYYY-MM-DD 格式的有效日期`, `${whereEn}: "${String(t)}" is not a valid YYYY-MM-DD date`),
      };
    dates.push(d);
  }
  return { dates, error: null };
}

/**
 * Stored calendar JSON → overrides, checked by building the calendar (conflicts, days outside
 * their year). Any problem keeps the statutory calendar and says why.
 */
export function parseCalendarValue(v: unknown): { overrides: CalendarOverrides; calendar: WorkCalendar; errors: Finding[] } {
  const none = { overrides: {}, calendar: STATUTORY_CALENDAR };
  if (v === null || v === undefined) return { ...none, errors: [] };
  if (!isPlainObject(v))
    return {
      ...none,
      errors: [
        calendarError(`工作日历设置（${CALENDAR_SETTING_KEY}）必须是一组设置（对象）`, `The calendar setting (${CALENDAR_SETTING_KEY}) must be an object`),
      ],
    };
  const h = isoList(v.extraHolidays, '另行放假的日期', 'Extra days off');
  const w = isoList(v.extraWorkdays, '另行上班的日期', 'Extra working days');
  for (const x of [h, w]) if (x.error) return { ...none, errors: [x.error] };
  const years: YearSchedule[] = [];
  if (v.years !== undefined) {
    if (!Array.isArray(v.years)) return { ...none, errors: [calendarError('年度安排必须是列表', 'Year schedules must be a list')] };
    for (const y of v.years as unknown[]) {
      if (!isPlainObject(y) || typeof y.year !== 'number' || !Number.isInteger(y.year)) {
        return { ...none, errors: [calendarError('年度安排缺少年份（year）', 'A year schedule lacks its year')] };
      }
      const yh = isoList(y.holidays, `${y.year}年放假日期`, `${y.year} days off`);
      const yw = isoList(y.workdays, `${y.year}年调休上班日期`, `${y.year} make-up working days`);
      for (const x of [yh, yw]) if (x.error) return { ...none, errors: [x.error] };
      years.push({ year: y.year, holidays: yh.dates, workdays: yw.dates });
    }
  }
  const overrides: CalendarOverrides = { extraHolidays: h.dates, extraWorkdays: w.dates, years };
  const built = workCalendar(overrides);
  if (!built.ok) return { ...none, errors: [built.finding] };
  return { overrides, calendar: built.value, errors: [] };
}

export function parseCalendarSetting(raw: string | null): { overrides: CalendarOverrides; calendar: WorkCalendar; errors: Finding[] } {
  if (raw === null || raw.trim() === '') return { overrides: {}, calendar: STATUTORY_CALENDAR, errors: [] };
  try {
    return parseCalendarValue(JSON.parse(raw));
  } catch (e) {
    return { overrides: {}, calendar: STATUTORY_CALENDAR, errors: [{ ...badJson(CALENDAR_SETTING_KEY, e), code: 'calendar.invalid-date' }] };
  }
}

/** Calendar overrides → the stored JSON (null when there are none, so the setting is removed). */
export function calendarSettingText(o: CalendarOverrides): string | null {
  const stored: StoredCalendar = {
    extraHolidays: (o.extraHolidays ?? []).map(formatIso),
    extraWorkdays: (o.extraWorkdays ?? []).map(formatIso),
    years: (o.years ?? []).map((y) => ({ year: y.year, holidays: y.holidays.map(formatIso), workdays: y.workdays.map(formatIso) })),
  };
  if (!stored.extraHolidays?.length && !stored.extraWorkdays?.length && !stored.years?.length) return null;
  return JSON.stringify(stored);
}

/** Overrides → the stored JSON (null when empty, so the setting is removed). */
export function policySettingText(overrides: Readonly<Record<string, unknown>>): string | null {
  const groups = Object.entries(overrides).filter(([, v]) => !isPlainObject(v) || Object.keys(v).length > 0);
  return groups.length ? JSON.stringify(Object.fromEntries(groups)) : null;
}

/** Load the policy and calendar in force for a workbook. */
export async function loadWorkbookPolicy(getSetting: GetSetting): Promise<WorkbookPolicy> {
  const policyText = await getSetting(POLICY_SETTING_KEY);
  return workbookPolicyFrom(policyText, await getSetting(CALENDAR_SETTING_KEY));
}

/**
 * The same from the two setting texts already read (null = not stored): the one resolver behind
 * loadWorkbookPolicy and the CADRE functions' policy source (src/functions/policy-source.ts),
 * which must apply settings synchronously.
 */
export function workbookPolicyFrom(policyText: string | null, calendarText: string | null): WorkbookPolicy {
  const p = parsePolicySetting(policyText);
  const resolved = resolvePolicy(p.overrides);
  const c = parseCalendarSetting(calendarText);
  return {
    policy: resolved.policy,
    overrides: p.overrides,
    calendar: c.calendar,
    calendarOverrides: c.overrides,
    errors: [...p.errors, ...resolved.errors, ...c.errors],
  };
}
