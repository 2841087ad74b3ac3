/**
 * Calendar dates without time or time zone, as integers. JS `Date` is avoided on purpose: its
 * time-zone shifts are a classic source of off-by-one-day bugs in ledgers.
 */
export interface LocalDate {
  readonly y: number;
  readonly m: number; // 1..12
  readonly d: number; // 1..31
}

export function localDate(y: number, m: number, d: number): LocalDate {
  return { y, m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of month m (1–12) of year y; undefined for any other m. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's days_from_civil. */
export function toEpochDay(date: LocalDate): number {
  const y = date.m <= 2 ? date.y - 1 : date.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

// Excel's 1900 date system: serial 1 = 1900-01-01, and serial 60 is the fictitious 1900-02-29
// (Lotus compatibility). From 1900-03-01 on, serial = days since 1899-12-30.
const EXCEL_EPOCH = toEpochDay({ y: 1899, m: 12, d: 30 });

/** Excel serial (1900 system) of a date. Dates before 1900-03-01 follow Excel's numbering too. */
export function toSerial(date: LocalDate): number {
  const n = toEpochDay(date) - EXCEL_EPOCH;
  return n < 61 ? n - 1 : n;
}

/**
 * Date of an Excel serial (1900 system); the fraction (time of day) is dropped. Returns null for
 * serials Excel cannot show as a date (< 1, or 60, the fictitious 1900-02-29, or past 9999).
 */
export function fromSerial(serial: number): LocalDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60 || whole > 2958465) return null;
  return fromEpochDay(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Excel EDATE: same day `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** b − a in days. */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `2026-09-30` */
export function formatIso(date: LocalDate): string {
  return `${pad(date.y, 4)}-${pad(date.m, 2)}-${pad(date.d, 2)}`;
}

/** `2026年9月30日` */
export function formatChinese(date: LocalDate): string {
  return `${date.y}年${date.m}月${date.d}日`;
}

/** Strict `YYYY-MM-DD` (for CLI flags and settings, not for user data: see values/dates.ts). */
export function parseIso(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Today in the local time zone of the machine (the shell passes it in; the core never asks). */
export function todayLocal(now: Date = new Date()): LocalDate {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}
