/**
 * Dates in cadre ledgers (出生年月、参加工作时间、任职时间) as Excel hands them over: real dates
 * (serial numbers in a date-formatted cell), numbers typed into General cells (1985.03, 198503),
 * and text in every common Chinese form. Whatever cannot be read with certainty becomes a
 * finding; nothing is guessed.
 *
 * The General-cell number trap (SPEC §5): typing `1985.10` into a General cell stores the number
 * 1985.1, exactly as typing `1985.1` does. Excel drops trailing zeros of the fraction, so a
 * two-digit month loses its 0 only when the month ends in 0 — and the only such month is 10.
 * Hence, for yyyy.mm numbers:
 *   - one fraction digit `1` (1985.1)      → `date.ambiguous` (January or October);
 *   - one fraction digit 2–9 (1985.2)      → that month (the other reading, month 20–90, is no month);
 *   - two digits 01–12 (1985.03, 1985.11)  → that month; 00 or 13–99 → `date.invalid`.
 * Four fraction digits read as yyyy.mmdd (1985.0301); three digits are a yyyy.mmdd whose day lost
 * its trailing 0 (1985.031 = 03-10, or 03-01 typed short) → `date.ambiguous` too.
 * Text keeps what was typed, so the text `1985.1` is January and `1985.10` is October.
 */
import { msg } from '../i18n/message';
import { fail, ok, type CodeDoc, type Finding, type Parsed } from './finding';
import { cellErrorText, isBlank, showInput } from './cell-input';
import { daysInMonth, fromSerial, isValidDate, toSerial, type LocalDate } from './local-date';
import { isDateFormat } from './number-format';
import { normalizeText } from './text';

export type DatePrecision = 'day' | 'month' | 'year';

/** A date as precise as the ledger wrote it; coarser precisions use day 1 (and month 1). */
export interface ChineseDate {
  readonly date: LocalDate;
  readonly precision: DatePrecision;
}

export interface DateOptions {
  /** The cell's number format; a date format means a number is an Excel serial. */
  readonly numberFormat?: string;
  /**
   * Overrides numberFormat. true: a number is an Excel serial (date-formatted cell). false: a
   * number was typed into a General cell (1985.03, 198503, 1985). Unknown (both omitted, e.g. a
   * custom-function argument): yyyy, yyyymm, yyyymmdd and yyyy.mm numbers are read as typed, any
   * other number as a serial.
   */
  readonly dateFormatted?: boolean;
  /** Plausible years, inclusive; outside → `date.out-of-range`. Default 1900–2100. */
  readonly minYear?: number;
  readonly maxYear?: number;
}

export const DEFAULT_MIN_YEAR = 1900;
export const DEFAULT_MAX_YEAR = 2100;

export const CODES: readonly CodeDoc[] = [
  { code: 'date.empty', severity: 'info', doc: msg('日期为空。是否必填由调用方决定。', 'The date is empty. Whether it is required is up to the caller.') },
  {
    code: 'date.unrecognized',
    severity: 'error',
    doc: msg(
      '无法识别为日期。可用写法：1985.03、1985.3、1985年3月、198503、1985-03-01、1985/3/1、日期格式单元格。',
      'Not recognised as a date. Accepted forms: 1985.03, 1985.3, 1985年3月, 198503, 1985-03-01, 1985/3/1, or a date-formatted cell.',
    ),
  },
  { code: 'date.invalid', severity: 'error', doc: msg('日期不存在，如月份 13 或 2月30日。', 'The date does not exist, e.g. month 13 or 30 February.') },
  {
    code: 'date.ambiguous',
    severity: 'warning',
    doc: msg(
      '常规格式单元格中的数字 1985.1 可能是 1985.10（Excel 去掉了末尾的 0）也可能是 1985.1，不作猜测。请改为文本“1985.10”或日期格式。',
      'The number 1985.1 in a General cell may be 1985.10 (Excel dropped the trailing 0) or 1985.1; it is not guessed. Re-enter it as text "1985.10" or as a date.',
    ),
  },
  {
    code: 'date.out-of-range',
    severity: 'warning',
    doc: msg(
      '年份不在合理范围内（默认 1900–2100），多为录入错误。',
      'The year is outside the plausible range (1900–2100 by default), most likely a typing error.',
    ),
  },
  {
    code: 'date.until-now',
    severity: 'info',
    doc: msg(
      '“至今”“今”“现在”表示尚未结束，不是一个日期；由调用方按统计截止日处理。',
      '"至今" (until now) marks something still ongoing; it is not a date, and the caller decides how to treat it (usually the as-of date).',
    ),
  },
];

/** Text meaning "until now" in an end-date column (任职时间 2019.03—至今). */
const UNTIL_NOW = /^(?:至今|今|迄今|现在|现今|目前|至现在)$/;
// Words after a date that do not change it: 生/出生 born, 起 from, 止 until, 入党/参工 are not here
// on purpose (they name a different field).
const SUFFIX = /\s*(?:出生|生|起|止)$/;
const DIGITS = /^\d+$/;
// 1985.03 / 1985.3 / 1985-03-01 / 1985/3/1 / 1985.03.01 — the same separator throughout.
const SEPARATED = /^(\d{4}) ?([./-]) ?(\d{1,2})(?: ?\2 ?(\d{1,2}))?\.?$/;
// 1985年3月 / 1985年3月1日 / 1985年 / 1985年3月1号.
const CHINESE = /^(\d{4}) ?年(?: ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?[日号]?)?)?$/;
// ISO or Excel text with a time part: 1985-03-01 00:00:00, 1985-03-01T08:00:00Z.
const WITH_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_NUMERAL =
  /^(?:[〇零○Oo一二三四五六七八九]{4}|\d{4}) ?年(?: ?([一二三四五六七八九十\d]{1,3}) ?月(?: ?([一二三四五六七八九十廿卅\d]{1,3}) ?[日号]?)?)?$/;

/**
 * Reads a ledger date. Never throws: every input gives a value or exactly one finding.
 * Returns `date.until-now` (info) for 至今, so end-date columns can substitute the as-of date.
 */
export function parseChineseDate(input: unknown, opts: DateOptions = {}): Parsed<ChineseDate> {
  const err = cellErrorText(input);
  if (err !== null) return fail(unrecognized(err));
  if (isBlank(input)) return fail({ code: 'date.empty', severity: 'info', message: msg('日期为空', 'The date is empty') });
  if (typeof input === 'number') return fromNumber(input, opts);
  if (typeof input === 'string') return fromText(input, opts);
  if (input instanceof Date) return fromJsDate(input, opts);
  return fail(unrecognized(showInput(input)));
}

/** True when the result is the 至今 ("until now") marker rather than a date or an error. */
export function isUntilNow(parsed: Parsed<ChineseDate>): boolean {
  return !parsed.ok && parsed.finding.code === 'date.until-now';
}

/**
 * Canonical text of a date at its precision: `1985-03-01` (day), `1985.03` (month), `1985`
 * (year). parseChineseDate reads each of them back to the same date and precision.
 */
export function formatDate(date: LocalDate, precision: DatePrecision): string {
  const y = String(date.y).padStart(4, '0');
  const m = String(date.m).padStart(2, '0');
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}.${m}`;
  return `${y}-${m}-${String(date.d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------

function fromNumber(n: number, opts: DateOptions): Parsed<ChineseDate> {
  const raw = n; // messages show it via showInput only when something is wrong
  if (!Number.isFinite(n) || n < 0) return fail(unrecognized(String(n)));
  const formatted = opts.dateFormatted ?? (opts.numberFormat !== undefined ? isDateFormat(opts.numberFormat) : undefined);
  if (formatted === true) return fromSerialNumber(n, raw, opts);

  // Excel keeps 15 significant digits; printing at that precision removes float noise such as
  // 1985.0300000000002 from a formula, and gives back what the user typed.
  const typed = String(Number(n.toPrecision(15)));
  const [whole, fraction = ''] = typed.split('.');
  if (fraction === '' && DIGITS.test(whole) && (whole.length === 4 || whole.length === 6 || whole.length === 8)) {
    return fromDigits(whole, raw, opts);
  }
  if (fraction !== '' && whole.length === 4) return fromYearFraction(whole, fraction, raw, opts);
  if (formatted === false) {
    const asSerial = fromSerial(n);
    const hint = asSerial ? `${asSerial.y}-${pad2(asSerial.m)}-${pad2(asSerial.d)}` : null;
    return fail({
      code: 'date.unrecognized',
      severity: 'error',
      message: hint
        ? msg(
            `常规格式的数字 ${showInput(raw)} 不是日期写法；若它是 Excel 日期序号则为 ${hint}，请把单元格设为日期格式`,
            `The plain number ${showInput(raw)} is not a date form; as an Excel date serial it would be ${hint} — format the cell as a date`,
          )
        : msg(
            `无法将数字 ${showInput(raw)} 识别为日期；应为 1985.03、198503 或日期格式单元格`,
            `Cannot read the number ${showInput(raw)} as a date; expected 1985.03, 198503 or a date-formatted cell`,
          ),
    });
  }
  return fromSerialNumber(n, raw, opts);
}

function fromSerialNumber(n: number, raw: unknown, opts: DateOptions): Parsed<ChineseDate> {
  const date = fromSerial(n);
  if (date === null) {
    return fail({
      code: 'date.invalid',
      severity: 'error',
      message: msg(
        `日期序号 ${showInput(raw)} 不对应任何日期；应为 1 至 2958465 之间（且不是 60）`,
        `Date serial ${showInput(raw)} is not a date; expected 1 to 2958465 (and not 60)`,
      ),
    });
  }
  return checked(date.y, date.m, date.d, 'day', raw, opts);
}

/** The fraction of a yyyy.mm number typed into a General cell; see the module comment. */
function fromYearFraction(year: string, fraction: string, raw: unknown, opts: DateOptions): Parsed<ChineseDate> {
  if (fraction === '1') {
    return fail({
      code: 'date.ambiguous',
      severity: 'warning',
      message: msg(
        `数字 ${showInput(raw)} 可能是 ${year}.10（10月，Excel 去掉了末尾的 0）也可能是 ${year}.1（1月）；请录入为文本或日期`,
        `The number ${showInput(raw)} may be ${year}.10 (October; Excel dropped the trailing 0) or ${year}.1 (January); enter it as text or as a date`,
      ),
    });
  }
  if (fraction.length <= 2) return checked(Number(year), Number(fraction), 1, 'month', raw, opts);
  if (fraction.length === 4) return checked(Number(year), Number(fraction.slice(0, 2)), Number(fraction.slice(2)), 'day', raw, opts);
  if (fraction.length === 3) {
    const m = Number(fraction.slice(0, 2));
    const d = Number(fraction[2]);
    if (isValidDate(Number(year), m, d)) {
      return fail({
        code: 'date.ambiguous',
        severity: 'warning',
        message: msg(
          `数字 ${showInput(raw)} 可能是 ${year}.${fraction}0（末尾的 0 被 Excel 去掉）也可能是 ${year}年${m}月${d}日；请录入为文本或日期`,
          `The number ${showInput(raw)} may be ${year}.${fraction}0 (Excel dropped the trailing 0) or ${year}-${pad2(m)}-${pad2(d)}; enter it as text or as a date`,
        ),
      });
    }
  }
  return fail(unrecognized(showInput(raw)));
}

/** yyyy, yyyymm or yyyymmdd written as digits only (callers pass only these three lengths). */
function fromDigits(digits: string, raw: unknown, opts: DateOptions): Parsed<ChineseDate> {
  const y = Number(digits.slice(0, 4));
  if (digits.length === 4) return checked(y, 1, 1, 'year', raw, opts);
  const m = Number(digits.slice(4, 6));
  if (digits.length === 6) return checked(y, m, 1, 'month', raw, opts);
  return checked(y, m, Number(digits.slice(6, 8)), 'day', raw, opts);
}

function fromText(raw: string, opts: DateOptions): Parsed<ChineseDate> {
  const text = normalizeText(raw);
  if (UNTIL_NOW.test(text)) {
    return fail({
      code: 'date.until-now',
      severity: 'info',
      message: msg(`${showInput(raw)} 表示“至今”，不是具体日期`, `${showInput(raw)} means "until now", not a specific date`),
    });
  }
  const s = text.replace(SUFFIX, '');
  if (DIGITS.test(s)) return s.length === 4 || s.length === 6 || s.length === 8 ? fromDigits(s, raw, opts) : fail(unrecognized(showInput(raw)));

  let m = SEPARATED.exec(s);
  if (m) {
    const precision: DatePrecision = m[4] === undefined ? 'month' : 'day';
    return checked(Number(m[1]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4]), precision, raw, opts);
  }
  m = CHINESE.exec(s);
  if (m) {
    if (m[2] === undefined) return checked(Number(m[1]), 1, 1, 'year', raw, opts);
    return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]), m[3] === undefined ? 'month' : 'day', raw, opts);
  }
  m = WITH_TIME.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), 'day', raw, opts);
  m = CN_NUMERAL.exec(s);
  if (m) return fromChineseNumerals(s, m, raw, opts);
  return fail(unrecognized(showInput(raw)));
}

/** 一九八五年三月一日, 二〇一九年十二月, 1985年十月 (〇/零/○ all mean zero). */
function fromChineseNumerals(s: string, m: RegExpExecArray, raw: unknown, opts: DateOptions): Parsed<ChineseDate> {
  const yearText = s.slice(0, 4);
  const y = DIGITS.test(yearText) ? Number(yearText) : Array.from(yearText).reduce((acc, c) => acc * 10 + CN_DIGIT[c], 0);
  if (m[1] === undefined) return checked(y, 1, 1, 'year', raw, opts);
  const month = smallNumber(m[1]);
  const day = m[2] === undefined ? 1 : smallNumber(m[2]);
  if (month === null || day === null) return fail(unrecognized(showInput(raw)));
  return checked(y, month, day, m[2] === undefined ? 'month' : 'day', raw, opts);
}

/** 1–39 in Chinese numerals (三, 十, 十二, 二十一, 廿一, 卅) or digits; null otherwise. */
function smallNumber(t: string): number | null {
  if (DIGITS.test(t)) return Number(t);
  const s = t.replace(/^廿/, '二十').replace(/^卅/, '三十');
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, tens, ten, unit] = m;
  if (tens !== undefined && ten === undefined) return unit === undefined ? CN_DIGIT[tens] : null;
  const u = unit === undefined ? 0 : CN_DIGIT[unit];
  return ten === undefined ? u : (tens === undefined ? 1 : CN_DIGIT[tens]) * 10 + u;
}

function fromJsDate(d: Date, opts: DateOptions): Parsed<ChineseDate> {
  // exceljs hands date cells over as JS Dates at UTC midnight; read them in UTC.
  if (Number.isNaN(d.getTime())) return fail(unrecognized('Invalid Date'));
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'day', d, opts);
}

/** Validates the parts, then the plausible-year range. */
function checked(y: number, m: number, d: number, precision: DatePrecision, raw: unknown, opts: DateOptions): Parsed<ChineseDate> {
  if (!(m >= 1 && m <= 12)) {
    return fail(invalid(showInput(raw), msg(`月份应为 1–12，实为 ${m}`, `month must be 1–12, found ${m}`)));
  }
  const last = daysInMonth(y, m);
  if (!(d >= 1 && d <= last)) {
    return fail(invalid(showInput(raw), msg(`${y}年${m}月只有 ${last} 天，没有 ${d} 日`, `${y}-${pad2(m)} has ${last} days, not day ${d}`)));
  }
  const min = opts.minYear ?? DEFAULT_MIN_YEAR;
  const max = opts.maxYear ?? DEFAULT_MAX_YEAR;
  if (y < min || y > max) {
    return fail({
      code: 'date.out-of-range',
      severity: 'warning',
      message: msg(
        `日期 ${showInput(raw)} 的年份 ${y} 不在合理范围 ${min}–${max} 内`,
        `Date ${showInput(raw)} has year ${y}, outside the plausible range ${min}–${max}`,
      ),
    });
  }
  return ok({ date: { y, m, d }, precision });
}

function invalid(shown: string, why: { 'zh-CN': string; 'en-US': string }): Finding {
  return {
    code: 'date.invalid',
    severity: 'error',
    message: msg(`日期 ${shown} 无效：${why['zh-CN']}`, `Date ${shown} is invalid: ${why['en-US']}`),
  };
}

function unrecognized(shown: string): Finding {
  return {
    code: 'date.unrecognized',
    severity: 'error',
    message: msg(
      `无法将 ${shown} 识别为日期；应为 1985.03、1985年3月、1985-03-01 等写法或日期格式单元格`,
      `Cannot read ${shown} as a date; expected a form like 1985.03, 1985年3月, 1985-03-01 or a date-formatted cell`,
    ),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel serial of a parsed date (for writing a normalised date back as a real date). */
export function serialOf(value: ChineseDate): number {
  return toSerial(value.date);
}
