/**
 * Argument coercion for CADRE.* functions: values as Excel passes them (numbers, date serials of
 * the 1900 system, text in any width, booleans, null or "" for blank cells, `any[][]` for ranges)
 * → typed values, or an FnError naming the argument (「得票数」…) and what it expected. The
 * parsing itself is src/values' (parseCount, parseChineseDate, parseRatio); this file only adds
 * the argument's name and the Excel conventions around blanks and ranges.
 */
import { isBlank, isDateFormat, normalizeText, parseChineseDate, parseCount, parseRatio, showInput, type LocalDate } from '../../values';
import type { CandidateStatus } from '../../rules/recommendation';
import { invalid, isFnError, type FnError, type Result } from './result';

// Hot paths run once per cell of a 100,000-row range. Globals are looked up once here: in some
// hosts (Node's vm contexts, which Jest runs in) every `Array.` / `Number.` access in a loop is a
// slow interceptor call.
const isArray = Array.isArray;
const MAX_COUNT = Number.MAX_SAFE_INTEGER;
const PLAIN_DIGITS = /^[0-9]{1,15}$/;

/**
 * A cell value as a plain number, text or boolean. Custom-function metadata generated from JSDoc
 * sets allowCustomDataForDataTypeAny, so an `any` argument may arrive as an Excel data-type
 * object ({ type: "Double", basicValue: 46000, numberFormat: "yyyy-mm-dd" }, an entity, an
 * error); its basicValue is what the cell shows and what the rules read.
 */
export function plain(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || isArray(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown };
  if (o.type === 'Error' || o.type === 'error') return { error: String(o.basicValue ?? '#VALUE!') };
  return 'basicValue' in o ? o.basicValue : v;
}

/** True when the argument is a number Excel formatted as a date (a data-type Double with a date format). */
function dateFormatted(v: unknown): boolean | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const f = (v as { numberFormat?: unknown }).numberFormat;
  return typeof f === 'string' ? isDateFormat(f) : undefined;
}

/** An argument's name as the help page and the error messages call it. */
export interface ArgName {
  readonly zh: string;
  readonly en: string;
}

export const arg = (zh: string, en: string): ArgName => ({ zh, en });

const shownEn = (v: unknown): string => showInput(v).replace('(empty)', 'an empty cell');
const shownZh = (v: unknown): string => (isBlank(v) ? '空白' : showInput(v));

/** 「name」应为…，收到 "x" — the one shape of every argument error. */
export function expected(name: ArgName, whatZh: string, whatEn: string, v: unknown): FnError {
  return invalid(`「${name.zh}」应为${whatZh}，收到 ${shownZh(v)}`, `${name.en} should be ${whatEn}; got ${shownEn(v)}`);
}

/**
 * Omitted optional argument: Excel passes null (or undefined) for an omitted argument and for a
 * reference to an empty cell; "" and whitespace-only text count as blank too.
 */
export function isOmitted(v: unknown): boolean {
  return isBlank(plain(v)) || (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && isBlank(v[0][0]));
}

/**
 * What parseCount reads from a plain cell value: the count, or NaN when parseCount refuses it
 * (call parseCount for the reason). The forms ledgers mostly hold — a whole number ≥ 0, a string
 * of at most 15 ASCII digits — are answered without building a Parsed or a message; everything
 * else goes through parseCount itself. tests/unit/functions/args.property.test.ts checks that
 * both agree on every input.
 */
export function countOf(v: unknown): number {
  if (typeof v === 'number') {
    // v % 1 === 0 also refuses NaN and ±Infinity; + 0 turns -0 into 0, as parseCount does.
    if (v >= 0 && v <= MAX_COUNT && v % 1 === 0) return v + 0;
  } else if (typeof v === 'string' && PLAIN_DIGITS.test(v)) {
    return +v;
  }
  const p = parseCount(v);
  return p.ok ? p.value : NaN;
}

/**
 * isBlank for a plain cell value, answering the common cases (no value, a number, text starting
 * with a printable ASCII or CJK character) without a regular expression.
 */
export function blankCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  if (v.length === 0) return true;
  const c = v.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return isBlank(v);
}

/** A vote or head count: 12, "12", "１２", "12票", 12.0 (float noise from a formula is tolerated). */
export function countArg(raw: unknown, name: ArgName): Result<number> {
  const v = plain(raw);
  const n = countOf(v);
  if (n === n) return n;
  return expected(name, '不小于0的整数', 'a whole number ≥ 0', v);
}

/**
 * A date to the day: a date serial (1900 system), 20250315, "2025-03-15", "2025年3月15日",
 * "2025.3.15", full-width digits. A date known only to the month or year is refused rather than
 * read as the 1st, since every rule using it counts days.
 */
export function dateArg(raw: unknown, name: ArgName): Result<LocalDate> {
  const v = plain(raw);
  if (isBlank(v)) return expected(name, '具体到日的日期（如 2025-03-15 或日期单元格）', 'a date to the day (e.g. 2025-03-15 or a date cell)', v);
  const formatted = dateFormatted(raw);
  const p = parseChineseDate(v, formatted === undefined ? {} : { dateFormatted: formatted });
  if (!p.ok) {
    const f = p.finding.message;
    return invalid(`「${name.zh}」${f['zh-CN']}`, `${name.en}: ${f['en-US']}`);
  }
  if (p.value.precision !== 'day') {
    return expected(
      name,
      '具体到日的日期（只写到月或年无法计算天数），如 2025-03-15',
      'a date to the day (a month or year alone cannot be counted in days), e.g. 2025-03-15',
      v,
    );
  }
  return p.value.date;
}

/** A threshold: "30%", "30％", 0.3, a percent-formatted 0.3. A bare 30 is refused, not guessed. */
export function ratioArg(raw: unknown, name: ArgName): Result<number> {
  const v = plain(raw);
  const f = typeof raw === 'object' && raw !== null ? (raw as { numberFormat?: unknown }).numberFormat : undefined;
  const p = parseRatio(v, typeof f === 'string' ? { numberFormat: f } : {});
  if (p.ok) return p.value;
  return expected(name, '0到1之间的比例，如 30% 或 0.3', 'a ratio from 0 to 1 such as 30% or 0.3', v);
}

const TRUE_TEXT = /^(?:TRUE|是|对|有|√|✓|Y|YES|1)$/i;
const FALSE_TEXT = /^(?:FALSE|否|不|无|×|✗|N|NO|0)$/i;

/** TRUE/FALSE, 1/0, 是/否 and the like. */
export function boolArg(raw: unknown, name: ArgName): Result<boolean> {
  const v = plain(raw);
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = normalizeText(v);
    if (TRUE_TEXT.test(t)) return true;
    if (FALSE_TEXT.test(t)) return false;
  }
  return expected(name, 'TRUE/FALSE 或“是/否”', 'TRUE/FALSE or 是/否', v);
}

/** Any cell as trimmed, half-width text ("" for blanks); numbers by their digits. */
export function textOf(raw: unknown): string {
  const v = plain(raw);
  if (typeof v === 'string') return normalizeText(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

// The words ledgers use in 人员类别 (二.2: 原班子成员(副职推荐正职) vs 新推荐人选). Newcomer is
// tested first: "新推荐" never names an incumbent, while "班子" may appear in either.
const NEWCOMER = /新推荐|新提名|新人选|^新$|^newcomer$/i;
const INCUMBENT = /原班子|班子成员|现任|副职推荐正职|^原$|^incumbent$/i;

/** 原班子成员 (incl. 副职推荐正职) or 新推荐人选. */
export function statusArg(v: unknown, name: ArgName): Result<CandidateStatus> {
  const t = textOf(v).replace(/\s+/g, '');
  if (NEWCOMER.test(t)) return 'newcomer';
  if (INCUMBENT.test(t)) return 'incumbent';
  return expected(
    name,
    '“原班子”（原班子成员、副职推荐正职）或“新推荐”（新推荐人选）',
    '"原班子" (incumbent, incl. deputy for the head post) or "新推荐" (newcomer)',
    v,
  );
}

/**
 * A range argument as one value per row. Excel passes ranges as row-major `any[][]`; a single
 * cell may arrive as a scalar. Only one column is accepted: the functions answer one row each.
 */
export function columnArg(v: unknown, name: ArgName): Result<unknown[]> {
  if (!isArray(v)) return [plain(v)];
  const rows = v as unknown[];
  const n = rows.length;
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!isArray(r)) {
      out[i] = plain(r);
      continue;
    }
    if (r.length === 1) {
      const c: unknown = r[0];
      // Numbers, text, booleans and blanks are already plain; only objects need plain().
      out[i] = typeof c === 'object' && c !== null ? plain(c) : c;
      continue;
    }
    return invalid(
      `「${name.zh}」应为单列区域（每行一人），收到 ${rows.length} 行 × ${r.length} 列`,
      `${name.en} should be a single-column range (one row per person); got ${rows.length} rows × ${r.length} columns`,
    );
  }
  return out;
}

/** Several per-row ranges of the same height; the first error wins. */
export function columnsArg(ranges: readonly { readonly value: unknown; readonly name: ArgName; readonly optional?: boolean }[]): Result<(unknown[] | null)[]> {
  const cols: (unknown[] | null)[] = [];
  let height = -1;
  let first: ArgName | null = null;
  for (const r of ranges) {
    if (r.optional && isOmittedRange(r.value)) {
      cols.push(null);
      continue;
    }
    const c = columnArg(r.value, r.name);
    if (isFnError(c)) return c;
    if (height < 0) {
      height = c.length;
      first = r.name;
    } else if (c.length !== height && first) {
      return invalid(
        `「${r.name.zh}」的行数（${c.length}）应与「${first.zh}」相同（${height}）`,
        `${r.name.en} should have as many rows as ${first.en} (${height}); got ${c.length}`,
      );
    }
    cols.push(c);
  }
  return cols;
}

/** An omitted optional range: Excel passes null/undefined, never an empty matrix. */
function isOmittedRange(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v === '');
}
