import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  diffDays,
  formatChinese,
  formatIso,
  fromEpochDay,
  fromSerial,
  isLeapYear,
  isValidDate,
  localDate,
  parseIso,
  sameDate,
  toEpochDay,
  toSerial,
  todayLocal,
  daysInMonth,
} from '../../../src/values/local-date';

const anyDate = fc.integer({ min: toEpochDay({ y: 1900, m: 3, d: 1 }), max: toEpochDay({ y: 9999, m: 12, d: 31 }) }).map(fromEpochDay);

describe('local-date (shared base, tested here for the value layer)', () => {
  test.each([
    [1900, false],
    [2000, true],
    [2024, true],
    [2023, false],
    [2100, false],
  ])('isLeapYear(%p) → %p', (y, want) => expect(isLeapYear(y)).toBe(want));

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1985, 4, 30],
    [1985, 12, 31],
  ])('daysInMonth(%p, %p) → %p', (y, m, want) => expect(daysInMonth(y, m)).toBe(want));

  test.each([
    [1, { y: 1900, m: 1, d: 1 }],
    [59, { y: 1900, m: 2, d: 28 }],
    [61, { y: 1900, m: 3, d: 1 }],
    [31107, { y: 1985, m: 3, d: 1 }],
    [45351, { y: 2024, m: 2, d: 29 }],
    [2958465, { y: 9999, m: 12, d: 31 }],
  ])('fromSerial(%p) → %j and back', (serial, date) => {
    expect(fromSerial(serial)).toEqual(date);
    expect(toSerial(date)).toBe(serial);
  });

  test.each([0, 60, 2958466, -5, Number.NaN])('fromSerial(%p) → null', (s) => expect(fromSerial(s)).toBeNull());

  test.each([
    [{ y: 2025, m: 1, d: 31 }, 1, { y: 2025, m: 2, d: 28 }],
    [{ y: 2024, m: 2, d: 29 }, 12, { y: 2025, m: 2, d: 28 }],
    [{ y: 2023, m: 9, d: 1 }, 12, { y: 2024, m: 9, d: 1 }],
    [{ y: 2024, m: 3, d: 31 }, -1, { y: 2024, m: 2, d: 29 }],
  ])('addMonths(%j, %p) → %j (EDATE)', (date, n, want) => expect(addMonths(date, n)).toEqual(want));

  test.each([
    [{ y: 2026, m: 11, d: 26 }, 4],
    [{ y: 1970, m: 1, d: 1 }, 4],
    [{ y: 1985, m: 3, d: 1 }, 5],
  ])('dayOfWeek(%j) → %p', (date, want) => expect(dayOfWeek(date)).toBe(want));

  test('formatting and strict ISO parsing', () => {
    expect(formatIso(localDate(1985, 3, 1))).toBe('1985-03-01');
    expect(formatChinese(localDate(1985, 3, 1))).toBe('1985年3月1日');
    expect(parseIso(' 1985-03-01 ')).toEqual({ y: 1985, m: 3, d: 1 });
    expect(parseIso('1985-02-29')).toBeNull();
    expect(parseIso('1985.03.01')).toBeNull();
    expect(todayLocal(new Date(2026, 10, 26, 23, 59))).toEqual({ y: 2026, m: 11, d: 26 });
    expect(isValidDate(1985, 2, 29)).toBe(false);
    expect(isValidDate(1985.5, 2, 1)).toBe(false);
  });

  test('epoch days, serials and arithmetic agree', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const later = addDays(date, n);
        return (
          sameDate(fromEpochDay(toEpochDay(date)), date) &&
          isValidDate(date.y, date.m, date.d) &&
          diffDays(date, later) === n &&
          Math.sign(compareDates(date, later)) === -Math.sign(n) &&
          sameDate(fromSerial(toSerial(date)) ?? localDate(0, 0, 0), date)
        );
      }),
    );
  });
});
