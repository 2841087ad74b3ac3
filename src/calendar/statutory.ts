/**
 * China's statutory calendar: 法定节假日 and 调休 make-up working days.
 *
 * Source: the State Council General Office's annual notice 国务院办公厅关于××年部分节假日安排的通知,
 * as transcribed by the `chinese-days` package (dist/chinese-days.json, years 2004–2026 in
 * v1.5.7). The JSON is imported, not read with fs, so it is bundled for the browser and works on
 * an intranet without network access.
 *
 * A year is "known" only if the package has data for it. 2027 is not in v1.5.7 (the notice for
 * 2027 is normally published in November/December of 2026); a county enters it by hand through
 * calendar overrides until the package is updated.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { isValidDate, toEpochDay } from '../values/local-date';

export interface StatutoryCalendar {
  /** Epoch days that are days off (法定节假日 and the weekends folded into them). */
  readonly holidays: ReadonlySet<number>;
  /** Epoch days that are 调休 working days (usually a Saturday or Sunday). */
  readonly workdays: ReadonlySet<number>;
  /** Years the data covers completely. */
  readonly years: ReadonlySet<number>;
}

function isoToEpoch(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? toEpochDay({ y, m: mo, d }) : null;
}

function epochSet(keys: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const k of keys) {
    const n = isoToEpoch(k);
    if (n !== null) out.add(n);
  }
  return out;
}

/** Build from the package's shape ({ holidays, workdays } keyed by ISO date); exported for tests. */
export function statutoryFrom(source: {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}): StatutoryCalendar {
  const holidayKeys = Object.keys(source.holidays);
  // Every published year has at least 元旦 and 春节, so the years with holidays are the known years.
  const years = new Set(holidayKeys.map((k) => Number(k.slice(0, 4))).filter((y) => Number.isInteger(y)));
  return { holidays: epochSet(holidayKeys), workdays: epochSet(Object.keys(source.workdays)), years };
}

/** The statutory calendar shipped with the add-in. */
export const STATUTORY: StatutoryCalendar = statutoryFrom(data);

/** First and last year the shipped data covers (2004 and 2026 with chinese-days 1.5.7). */
export function statutoryYearRange(cal: StatutoryCalendar = STATUTORY): { readonly from: number; readonly to: number } {
  const ys = [...cal.years];
  return { from: Math.min(...ys), to: Math.max(...ys) };
}
