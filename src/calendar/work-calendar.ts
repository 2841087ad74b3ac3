/**
 * 工作日历 work calendar: the statutory calendar plus the county's own overrides.
 *
 * Overrides exist because the State Council publishes next year's schedule only late in the year
 * (and a package update may lag further): a county types in 2027 when the notice is out, or a
 * local extra day off / make-up day. Nothing here guesses a year it has no data for.
 */
import { msg } from '../i18n/message';
import type { CodeDoc, Finding, Parsed } from '../values/finding';
import { fail, ok } from '../values/finding';
import { formatIso, fromEpochDay, isValidDate, type LocalDate, toEpochDay } from '../values/local-date';
import { STATUTORY, type StatutoryCalendar } from './statutory';

/** One whole year entered by hand, as listed in that year's 部分节假日安排的通知. */
export interface YearSchedule {
  readonly year: number;
  /** Every day off of the holidays (including the weekend days inside a holiday block). */
  readonly holidays: readonly LocalDate[];
  /** 调休 make-up working days. */
  readonly workdays: readonly LocalDate[];
}

export interface CalendarOverrides {
  /** Single extra days off; they win over everything else, in any year. */
  readonly extraHolidays?: readonly LocalDate[];
  /** Single extra working days; they win over everything else, in any year. */
  readonly extraWorkdays?: readonly LocalDate[];
  /** Whole years: an unpublished year (2027) or a correction; replaces the statutory data of that year. */
  readonly years?: readonly YearSchedule[];
}

/** Immutable lookup tables; days are epoch days (see values/local-date). */
export interface WorkCalendar {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  readonly extraHolidays: ReadonlySet<number>;
  readonly extraWorkdays: ReadonlySet<number>;
  /** Years whose every day can be answered. */
  readonly years: ReadonlySet<number>;
}

export const CODES: readonly CodeDoc[] = [
  {
    code: 'calendar.override-conflict',
    severity: 'error',
    doc: msg(
      '同一天既被设为节假日又被设为调休工作日，请更正工作日历设置。',
      'The same day is entered both as a day off and as a working day; correct the calendar settings.',
    ),
  },
  {
    code: 'calendar.override-outside-year',
    severity: 'error',
    doc: msg('手工录入的年度安排中有不属于该年度的日期。', 'A hand-entered year schedule lists a day from another year.'),
  },
  {
    code: 'calendar.invalid-date',
    severity: 'error',
    doc: msg('日期不存在（如2月30日），无法判断是否工作日。', 'The date does not exist (e.g. 30 February), so it cannot be classified.'),
  },
];

const err = (code: string, zh: string, en: string): Finding => ({ code, severity: 'error', message: msg(zh, en) });

function checkDay(d: LocalDate): Finding | null {
  return isValidDate(d.y, d.m, d.d) ? null : err('calendar.invalid-date', `日期无效：${d.y}-${d.m}-${d.d}`, `Invalid date: ${d.y}-${d.m}-${d.d}`);
}

function conflict(d: LocalDate): Finding {
  return err('calendar.override-conflict', `${formatIso(d)} 同时被设为节假日和工作日`, `${formatIso(d)} is entered both as a day off and as a working day`);
}

/**
 * Build a calendar. Precedence, strongest first: extra single days → hand-entered year →
 * statutory data → Monday–Friday rule inside a known year. Contradictory overrides are refused
 * rather than resolved by an arbitrary order.
 */
export function workCalendar(overrides: CalendarOverrides = {}, base: StatutoryCalendar = STATUTORY): Parsed<WorkCalendar> {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  const years = new Set(base.years);

  const byYear = new Map<number, YearSchedule[]>();
  for (const s of overrides.years ?? []) byYear.set(s.year, [...(byYear.get(s.year) ?? []), s]);

  for (const [year, schedules] of byYear) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      return fail(err('calendar.invalid-date', `年度无效：${year}`, `Invalid year: ${year}`));
    }
    // A hand-entered year replaces the statutory one wholesale: a correction must not be mixed
    // with the package's (possibly wrong) days.
    for (const set of [holidays, workdays]) {
      for (const e of [...set]) if (yearOfEpoch(e) === year) set.delete(e);
    }
    years.add(year);
    const off = new Map<number, LocalDate>();
    const on = new Map<number, LocalDate>();
    for (const s of schedules) {
      for (const [list, into] of [
        [s.holidays, off],
        [s.workdays, on],
      ] as const) {
        for (const d of list) {
          const bad = checkDay(d);
          if (bad) return fail(bad);
          if (d.y !== year) {
            return fail(err('calendar.override-outside-year', `${year}年安排中出现了${formatIso(d)}`, `The ${year} schedule lists ${formatIso(d)}`));
          }
          into.set(toEpochDay(d), d);
        }
      }
    }
    for (const [e, d] of off) if (on.has(e)) return fail(conflict(d));
    for (const e of off.keys()) holidays.add(e);
    for (const e of on.keys()) workdays.add(e);
  }

  const extraHolidays = new Map<number, LocalDate>();
  const extraWorkdays = new Map<number, LocalDate>();
  for (const [list, into] of [
    [overrides.extraHolidays ?? [], extraHolidays],
    [overrides.extraWorkdays ?? [], extraWorkdays],
  ] as const) {
    for (const d of list) {
      const bad = checkDay(d);
      if (bad) return fail(bad);
      into.set(toEpochDay(d), d);
    }
  }
  for (const [e, d] of extraHolidays) if (extraWorkdays.has(e)) return fail(conflict(d));

  return ok({
    holidays,
    workdays,
    extraHolidays: new Set(extraHolidays.keys()),
    extraWorkdays: new Set(extraWorkdays.keys()),
    years,
  });
}

/** The calendar with statutory data only (no overrides). */
export const STATUTORY_CALENDAR: WorkCalendar = {
  holidays: STATUTORY.holidays,
  workdays: STATUTORY.workdays,
  extraHolidays: new Set(),
  extraWorkdays: new Set(),
  years: STATUTORY.years,
};

/** Sorted list of the years the calendar can answer for (for the settings page and the brief). */
export function knownYears(cal: WorkCalendar): readonly number[] {
  return [...cal.years].sort((a, b) => a - b);
}

function yearOfEpoch(e: number): number {
  return fromEpochDay(e).y;
}
