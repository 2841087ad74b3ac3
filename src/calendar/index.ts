/** 工作日历 public surface of the calendar module. */
import type { CodeDoc } from '../values/finding';
import { CODES as CALENDAR_BUILD_CODES } from './work-calendar';
import { CODES as WORKING_DAY_CODES } from './working-days';

export { STATUTORY, statutoryFrom, statutoryYearRange, type StatutoryCalendar } from './statutory';
export { workCalendar, knownYears, STATUTORY_CALENDAR, type WorkCalendar, type CalendarOverrides, type YearSchedule } from './work-calendar';
export { isWorkingDay, addWorkingDays, countWorkingDays, nthWorkingDayFrom } from './working-days';

/** Every code the calendar emits, once (calendar.invalid-date is shared by both files). */
export const CODES: readonly CodeDoc[] = [...WORKING_DAY_CODES, ...CALENDAR_BUILD_CODES.filter((c) => !WORKING_DAY_CODES.some((w) => w.code === c.code))];
