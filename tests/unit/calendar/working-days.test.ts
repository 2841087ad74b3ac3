import fc from 'fast-check';
import * as chineseDays from 'chinese-days';
import {
  addWorkingDays,
  CODES,
  countWorkingDays,
  isWorkingDay,
  nthWorkingDayFrom,
  STATUTORY,
  STATUTORY_CALENDAR as CAL,
  statutoryYearRange,
} from '../../../src/calendar';
import type { Parsed } from '../../../src/values/finding';
import { addDays, formatIso, fromEpochDay, type LocalDate, parseIso, toEpochDay } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`expected ok, got ${p.finding.code}: ${p.finding.message['en-US']}`);
  return p.value;
}
function code<T>(p: Parsed<T>): string {
  return p.ok ? 'ok' : p.finding.code;
}

describe('statutory data (国务院办公厅部分节假日安排的通知 via chinese-days)', () => {
  it('covers 2004–2026 and has no 2027 yet (today is 2026-11-26)', () => {
    expect(statutoryYearRange()).toEqual({ from: 2004, to: 2026 });
    for (let y = 2004; y <= 2026; y++) expect(STATUTORY.years.has(y)).toBe(true);
    expect(STATUTORY.years.has(2027)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-01', false, '国庆节 Thu'],
    ['2026-10-07', false, '国庆节 last day, Wed'],
    ['2026-10-08', true, 'first day back, Thu'],
    ['2026-10-10', true, '调休 Saturday for 国庆'],
    ['2026-10-11', false, 'plain Sunday'],
    ['2026-09-20', true, '调休 Sunday before 国庆'],
    ['2026-09-25', false, '中秋 Fri'],
    ['2026-01-04', true, '调休 Sunday after 元旦'],
    ['2026-02-14', true, '调休 Saturday before 春节'],
    ['2026-02-23', false, '春节 last day, Mon'],
    ['2026-02-28', true, '调休 Saturday after 春节'],
    ['2026-03-02', true, 'plain Monday'],
    ['2026-11-26', true, 'plain Thursday'],
    ['2025-10-08', false, '2025 国庆/中秋 eight days'],
    ['2025-09-28', true, '2025 调休 Sunday'],
    ['2020-01-31', false, '2020 春节 extended (国办发明电〔2020〕1号)'],
    ['2020-02-02', false, '2020 extension, Sunday'],
    ['2004-01-01', false, 'first known day'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(value(isWorkingDay(CAL, D(iso)))).toBe(expected);
  });

  it.each(['2027-01-04', '2027-02-06', '2003-12-31', '1999-10-01'])('%s is outside the known years → calendar.unknown-year', (iso) => {
    const r = isWorkingDay(CAL, D(iso));
    expect(code(r)).toBe('calendar.unknown-year');
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toContain('2004–2026');
      expect(r.finding.message['en-US']).toContain(iso.slice(0, 4));
    }
  });

  it('an invalid date is a finding, not a guess', () => {
    expect(code(isWorkingDay(CAL, { y: 2026, m: 2, d: 30 }))).toBe('calendar.invalid-date');
  });

  it('agrees with the package’s own isWorkday on every day 2004–2026 (property)', () => {
    const first = toEpochDay(D('2004-01-01'));
    const last = toEpochDay(D('2026-12-31'));
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (e) => {
        const d = fromEpochDay(e);
        expect(value(isWorkingDay(CAL, d))).toBe(chineseDays.isWorkday(formatIso(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('the package itself guesses 2027 as plain weekdays — which is why we refuse', () => {
    expect(chineseDays.isWorkday('2027-02-06')).toBe(false); // a guess: 2027 is not published in the data
    expect(code(isWorkingDay(CAL, D('2027-02-06')))).toBe('calendar.unknown-year');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08', 'National Day 10-01..10-07 skipped'],
    ['2026-09-30', 3, '2026-10-10', '调休 Saturday counts'],
    ['2026-09-30', 4, '2026-10-12', 'Sunday 10-11 skipped'],
    ['2026-10-08', -1, '2026-09-30', 'backwards over the holiday'],
    ['2026-09-18', 1, '2026-09-20', '调休 Sunday 09-20 is a working day'],
    ['2026-10-03', 0, '2026-10-03', 'n = 0 leaves the date alone'],
    ['2026-12-30', 1, '2026-12-31', 'last known working day'],
  ])('%s + %i → %s (%s)', (start, n, expected) => {
    expect(formatIso(value(addWorkingDays(CAL, D(start), n)))).toBe(expected);
  });

  it('running past 2026 is calendar.unknown-year', () => {
    expect(code(addWorkingDays(CAL, D('2026-12-30'), 2))).toBe('calendar.unknown-year');
  });
  it.each([1.5, NaN, Infinity])('count %p is calendar.bad-count', (n) => {
    expect(code(addWorkingDays(CAL, D('2026-03-02'), n))).toBe('calendar.bad-count');
  });
  it('invalid start date', () => {
    expect(code(addWorkingDays(CAL, { y: 2026, m: 13, d: 1 }, 1))).toBe('calendar.invalid-date');
  });

  const knownDay = fc.integer({ min: toEpochDay(D('2004-01-01')), max: toEpochDay(D('2026-09-30')) }).map(fromEpochDay);
  it('lands on a working day and exactly n working days lie in (d, result] (property)', () => {
    fc.assert(
      fc.property(knownDay, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const r = value(addWorkingDays(CAL, d, n));
        expect(value(isWorkingDay(CAL, r))).toBe(true);
        expect(value(countWorkingDays(CAL, addDays(d, 1), r))).toBe(n);
      }),
    );
  });
  it('going back n from the result returns to d when d is a working day (property)', () => {
    fc.assert(
      fc.property(knownDay, fc.integer({ min: 1, max: 40 }), (d, n) => {
        fc.pre(value(isWorkingDay(CAL, d)));
        expect(formatIso(value(addWorkingDays(CAL, value(addWorkingDays(CAL, d, n)), -n)))).toBe(formatIso(d));
      }),
    );
  });
});

describe('countWorkingDays (closed interval)', () => {
  it.each([
    ['2026-09-28', '2026-10-12', 7, 'Mon–Wed before the holiday (3) + 10-08, 09, 10, 12 (4)'],
    ['2026-10-01', '2026-10-07', 0, 'the whole National Day holiday'],
    ['2026-03-02', '2026-03-06', 5, 'a plain week'],
    ['2026-03-02', '2026-03-02', 1, 'one working day'],
    ['2026-03-06', '2026-03-02', 0, 'end before start'],
  ])('[%s, %s] → %i (%s)', (a, b, n) => {
    expect(value(countWorkingDays(CAL, D(a), D(b)))).toBe(n);
  });
  it('findings for a bad date or an unknown year', () => {
    expect(code(countWorkingDays(CAL, { y: 2026, m: 2, d: 29 }, D('2026-03-02')))).toBe('calendar.invalid-date');
    expect(code(countWorkingDays(CAL, D('2026-03-02'), { y: 2026, m: 2, d: 29 }))).toBe('calendar.invalid-date');
    expect(code(countWorkingDays(CAL, D('2026-12-28'), D('2027-01-05')))).toBe('calendar.unknown-year');
  });
});

describe('nthWorkingDayFrom', () => {
  it.each([
    ['2025-09-01', 5, true, '2025-09-05', 'Mon start counts: 1st–5th'],
    ['2025-09-01', 5, false, '2025-09-08', 'start not counted'],
    ['2026-10-03', 1, true, '2026-10-08', 'start on a holiday: the first counted day is the next working day'],
    ['2026-10-03', 1, false, '2026-10-08', 'same without counting the start'],
    ['2026-09-30', 1, true, '2026-09-30', 'n = 1 on a working day is the day itself'],
  ])('%s, n=%i, countStartDay=%s → %s (%s)', (start, n, countStart, expected) => {
    expect(formatIso(value(nthWorkingDayFrom(CAL, D(start), n, countStart)))).toBe(expected);
  });
  it.each([0, -3, 2.5])('n = %p is calendar.bad-count', (n) => {
    expect(code(nthWorkingDayFrom(CAL, D('2026-03-02'), n, true))).toBe('calendar.bad-count');
  });
  it('invalid start', () => {
    expect(code(nthWorkingDayFrom(CAL, { y: 2026, m: 4, d: 31 }, 1, true))).toBe('calendar.invalid-date');
  });
  it('is monotone in the start date (property)', () => {
    const day = fc.integer({ min: toEpochDay(D('2004-01-01')), max: toEpochDay(D('2026-10-31')) });
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 20 }), fc.boolean(), (a, b, n, cs) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = value(nthWorkingDayFrom(CAL, fromEpochDay(lo), n, cs));
        const y = value(nthWorkingDayFrom(CAL, fromEpochDay(hi), n, cs));
        expect(toEpochDay(x)).toBeLessThanOrEqual(toEpochDay(y));
      }),
    );
  });
});

describe('CODES', () => {
  it('documents every calendar code once, in both languages', () => {
    const codes = CODES.map((c) => c.code).sort();
    expect(codes).toEqual([
      'calendar.bad-count',
      'calendar.invalid-date',
      'calendar.override-conflict',
      'calendar.override-outside-year',
      'calendar.unknown-year',
    ]);
    for (const c of CODES) expect(c.doc['zh-CN'].length && c.doc['en-US'].length).toBeGreaterThan(0);
  });
});
