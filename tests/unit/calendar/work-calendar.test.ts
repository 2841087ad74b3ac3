import { isWorkingDay, knownYears, statutoryFrom, workCalendar, type CalendarOverrides, type WorkCalendar } from '../../../src/calendar';
import type { Parsed } from '../../../src/values/finding';
import { type LocalDate, parseIso } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`expected ok, got ${p.finding.code}`);
  return p.value;
}
const build = (o: CalendarOverrides): WorkCalendar => value(workCalendar(o));
const codeOf = (o: CalendarOverrides): string => {
  const r = workCalendar(o);
  return r.ok ? 'ok' : r.finding.code;
};

// A hypothetical 2027 schedule as a county would type it from the notice (illustrative days).
const Y2027 = {
  year: 2027,
  holidays: [D('2027-01-01'), D('2027-01-02'), D('2027-01-03')],
  workdays: [D('2027-02-06')],
};

describe('workCalendar overrides', () => {
  it('without overrides it is the statutory calendar', () => {
    const cal = build({});
    expect(knownYears(cal)[0]).toBe(2004);
    expect(knownYears(cal).at(-1)).toBe(2026);
  });

  it('a hand-entered year makes every day of it answerable', () => {
    const cal = build({ years: [Y2027] });
    expect(knownYears(cal)).toContain(2027);
    expect(value(isWorkingDay(cal, D('2027-01-01')))).toBe(false); // listed holiday (Fri)
    expect(value(isWorkingDay(cal, D('2027-02-06')))).toBe(true); // listed 调休 Saturday
    expect(value(isWorkingDay(cal, D('2027-03-01')))).toBe(true); // plain Monday
    expect(value(isWorkingDay(cal, D('2027-03-06')))).toBe(false); // plain Saturday
    expect(isWorkingDay(cal, D('2028-03-01')).ok).toBe(false); // still unknown
  });

  it('a single extra day answers only that day of an unknown year', () => {
    const cal = build({ extraWorkdays: [D('2027-01-04')] });
    expect(value(isWorkingDay(cal, D('2027-01-04')))).toBe(true);
    const other = isWorkingDay(cal, D('2027-01-05'));
    expect(other.ok ? 'ok' : other.finding.code).toBe('calendar.unknown-year');
  });

  it('extra days win over statutory data', () => {
    const cal = build({ extraHolidays: [D('2026-03-02')], extraWorkdays: [D('2026-10-11')] });
    expect(value(isWorkingDay(cal, D('2026-03-02')))).toBe(false);
    expect(value(isWorkingDay(cal, D('2026-10-11')))).toBe(true);
    expect(value(isWorkingDay(cal, D('2026-03-03')))).toBe(true);
  });

  it('a corrected year replaces the statutory days of that year wholesale', () => {
    const cal = build({ years: [{ year: 2026, holidays: [D('2026-10-02')], workdays: [] }] });
    expect(value(isWorkingDay(cal, D('2026-10-01')))).toBe(true); // no longer listed: plain Thursday
    expect(value(isWorkingDay(cal, D('2026-10-02')))).toBe(false);
    expect(value(isWorkingDay(cal, D('2026-10-10')))).toBe(false); // 调休 Saturday dropped with the rest
    expect(value(isWorkingDay(cal, D('2025-10-08')))).toBe(false); // other years untouched
  });

  it('two schedules for the same year are merged', () => {
    const cal = build({ years: [Y2027, { year: 2027, holidays: [D('2027-05-03')], workdays: [] }] });
    expect(value(isWorkingDay(cal, D('2027-01-01')))).toBe(false);
    expect(value(isWorkingDay(cal, D('2027-05-03')))).toBe(false);
  });

  it.each<[string, CalendarOverrides, string]>([
    ['extra day both off and on', { extraHolidays: [D('2026-03-02')], extraWorkdays: [D('2026-03-02')] }, 'calendar.override-conflict'],
    ['year lists a day both ways', { years: [{ year: 2027, holidays: [D('2027-02-06')], workdays: [D('2027-02-06')] }] }, 'calendar.override-conflict'],
    ['day from another year', { years: [{ year: 2027, holidays: [D('2026-12-31')], workdays: [] }] }, 'calendar.override-outside-year'],
    ['invalid day in a year', { years: [{ year: 2027, holidays: [{ y: 2027, m: 2, d: 29 }], workdays: [] }] }, 'calendar.invalid-date'],
    ['invalid extra day', { extraWorkdays: [{ y: 2027, m: 0, d: 1 }] }, 'calendar.invalid-date'],
    ['invalid year', { years: [{ year: 2027.5, holidays: [], workdays: [] }] }, 'calendar.invalid-date'],
  ])('%s → %s', (_what, o, expected) => {
    expect(codeOf(o)).toBe(expected);
  });

  it('statutoryFrom ignores malformed keys in a data source', () => {
    const s = statutoryFrom({ holidays: { '2030-01-01': 'x', garbage: 'y', '2030-02-30': 'z' }, workdays: {} });
    expect([...s.years]).toEqual([2030]);
    expect(s.holidays.size).toBe(1);
  });
});
