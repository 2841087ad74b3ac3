/**
 * Counts (票数、人数) and ratios (得票比例、不称职票比例) in the forms people type them. Ratios are
 * compared exactly against thresholds later (SPEC §2: 29.96 % shown as "30.0%" fails 30 %), so a
 * ratio is returned as the double nearest to the decimal the user wrote, never rounded for show.
 */
import { msg } from '../i18n/message';
import { fail, ok, type CodeDoc, type Finding, type Parsed } from './finding';
import { cellErrorText, isBlank, showInput } from './cell-input';
import { isPercentFormat } from './number-format';
import { normalizeText } from './text';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'count.empty',
    severity: 'info',
    doc: msg(
      '数量为空（或只有“-”“/”占位）。是否必填由调用方决定。',
      'The count is empty (or only a "-" or "/" placeholder). Whether it is required is up to the caller.',
    ),
  },
  {
    code: 'count.unrecognized',
    severity: 'error',
    doc: msg('无法识别为数量：应为非负整数，如 12、“12票”“12 人”。', 'Not recognised as a count: expected a whole number ≥ 0 such as 12, "12票", "12 人".'),
  },
  {
    code: 'count.not-integer',
    severity: 'error',
    doc: msg('数量不是整数（如 12.5）；票数和人数必须是整数。', 'The count is not a whole number (e.g. 12.5); votes and head counts must be whole numbers.'),
  },
  {
    code: 'count.negative',
    severity: 'error',
    doc: msg('数量为负数；票数和人数不能小于 0。', 'The count is negative; votes and head counts cannot be below 0.'),
  },
  {
    code: 'count.out-of-range',
    severity: 'error',
    doc: msg('数量大到无法精确表示（超过 2^53−1）。', 'The count is too large to be represented exactly (above 2^53−1).'),
  },
  { code: 'ratio.empty', severity: 'info', doc: msg('比例为空。是否必填由调用方决定。', 'The ratio is empty. Whether it is required is up to the caller.') },
  {
    code: 'ratio.unrecognized',
    severity: 'error',
    doc: msg('无法识别为比例：应为 45.5%、0.455 或百分比格式的单元格。', 'Not recognised as a ratio: expected 45.5%, 0.455 or a percent-formatted cell.'),
  },
  {
    code: 'ratio.ambiguous',
    severity: 'warning',
    doc: msg(
      '大于 1 的数字没有百分号也不是百分比格式（如 45.5）：可能是 45.5%，也可能录错，不作猜测。请写成 45.5% 或 0.455，或在列标题中注明“(%)”。',
      'A number above 1 with neither a % sign nor a percent format (e.g. 45.5): it may mean 45.5 % or be a mistake, so it is not guessed. Write 45.5% or 0.455, or mark the column header "(%)".',
    ),
  },
  {
    code: 'ratio.out-of-range',
    severity: 'error',
    doc: msg(
      '比例小于 0 或大于 100%；票数超过基数是数据错误，不是大于 1 的比例。',
      'The ratio is below 0 or above 100 %; votes above their base are a data error, not a ratio above 1.',
    ),
  },
];

const MAX_COUNT = Number.MAX_SAFE_INTEGER;
// Units typed after a count: 票 votes, 人/名/位 people, 个/张/份/次 items, 户 households.
const COUNT_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))? ?(?:票|人|名|位|个|张|份|次|户)?$/;
const PLACEHOLDER = /^(?:-|—|–|——|\/|\\)$/;

/** A whole number ≥ 0: 12, '12', '１２', '12票', '12 人', ' 12 ', 12.0, '1,234'. */
export function parseCount(input: unknown): Parsed<number> {
  const err = cellErrorText(input);
  if (err !== null) return fail(countUnrecognized(err));
  if (isBlank(input)) return fail(countEmpty());
  if (typeof input === 'number') return countFromNumber(input, showInput(input));
  if (typeof input !== 'string') return fail(countUnrecognized(showInput(input)));

  const text = normalizeText(input);
  if (PLACEHOLDER.test(text)) return fail(countEmpty());
  const m = COUNT_TEXT.exec(text);
  if (!m) return fail(countUnrecognized(showInput(input)));
  const digits = m[2].replace(/,/g, '');
  const fraction = m[3] ?? '';
  const shown = showInput(input);
  if (/[1-9]/.test(fraction)) return fail(countFinding('count.not-integer', shown));
  const n = Number(digits);
  if (m[1] === '-' && n !== 0) return fail(countFinding('count.negative', shown));
  if (n > MAX_COUNT) return fail(countFinding('count.out-of-range', shown));
  return ok(n);
}

function countFromNumber(n: number, shown: string): Parsed<number> {
  if (!Number.isFinite(n)) return fail(countUnrecognized(shown));
  // A formula like =A1*0.3/0.3 may give 11.999999999999998: that is float noise, not a fraction.
  const whole = Math.round(n);
  const noise = Math.abs(n - whole) <= 1e-9 * Math.max(1, Math.abs(n));
  if (!noise) return n < 0 ? fail(countFinding('count.negative', shown)) : fail(countFinding('count.not-integer', shown));
  if (whole < 0) return fail(countFinding('count.negative', shown));
  if (whole > MAX_COUNT) return fail(countFinding('count.out-of-range', shown));
  return ok(whole === 0 ? 0 : whole);
}

function countEmpty(): Finding {
  return { code: 'count.empty', severity: 'info', message: msg('数量为空', 'The count is empty') };
}

function countUnrecognized(shown: string): Finding {
  return {
    code: 'count.unrecognized',
    severity: 'error',
    message: msg(
      `无法将 ${shown} 识别为数量；应为非负整数，如 12 或“12票”`,
      `Cannot read ${shown} as a count; expected a whole number ≥ 0 such as 12 or "12票"`,
    ),
  };
}

function countFinding(code: 'count.not-integer' | 'count.negative' | 'count.out-of-range', shown: string): Finding {
  const text = {
    'count.not-integer': msg(`数量 ${shown} 不是整数；票数、人数应为整数`, `Count ${shown} is not a whole number; votes and head counts must be whole`),
    'count.negative': msg(`数量 ${shown} 为负数；应不小于 0`, `Count ${shown} is negative; expected 0 or more`),
    'count.out-of-range': msg(`数量 ${shown} 过大，无法精确表示`, `Count ${shown} is too large to be exact`),
  }[code];
  return { code, severity: 'error', message: text };
}

export interface RatioOptions {
  /** The cell's number format; a `%` format means the stored number is already the fraction. */
  readonly numberFormat?: string;
  /** Overrides numberFormat: the cell is percent-formatted (Excel stores 45.5 % as 0.455). */
  readonly isPercentFormat?: boolean;
  /**
   * The column is in percentage points, e.g. its header reads `得票率(%)`: bare numbers such as
   * 45.5 mean 45.5 % (0.455). Without this, a bare number above 1 is `ratio.ambiguous`.
   */
  readonly percentUnit?: boolean;
}

const RATIO_TEXT = /^([+-]?)(\d+(?:\.\d*)?|\.\d+) ?(%)?$/;

/**
 * A ratio in [0, 1]: '45.5%', '45.5％', 0.455, '0.455'; 45.5 only when the column is in percent
 * (`percentUnit`). A percent-formatted cell holds the fraction itself (Excel shows 0.455 as
 * 45.5%), so its number is taken as is and 1.2 there (shown 120%) is out of range.
 */
export function parseRatio(input: unknown, opts: RatioOptions = {}): Parsed<number> {
  const err = cellErrorText(input);
  if (err !== null) return fail(ratioUnrecognized(err));
  if (isBlank(input)) return fail({ code: 'ratio.empty', severity: 'info', message: msg('比例为空', 'The ratio is empty') });
  const shown = showInput(input);
  const percentFormat = opts.isPercentFormat ?? (opts.numberFormat !== undefined && isPercentFormat(opts.numberFormat));

  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(ratioUnrecognized(shown));
    if (percentFormat) return inUnitRange(input, shown);
    if (opts.percentUnit) return inUnitRange(shiftDecimal(input, -2), shown);
    return bare(input, shown);
  }
  if (typeof input !== 'string') return fail(ratioUnrecognized(shown));

  const m = RATIO_TEXT.exec(normalizeText(input));
  if (!m) return fail(ratioUnrecognized(shown));
  // Parse the decimal text once, shifted by the % sign, so the double is the one nearest to what
  // was written (Number('0.2996'), not 29.96 / 100, which may be one ulp off).
  const decimal = `${m[1]}${m[2]}`;
  if (m[3] === '%' || opts.percentUnit) return inUnitRange(Number(`${decimal}e-2`), shown);
  return bare(Number(decimal), shown);
}

/** A number without % sign or format: a fraction when ≤ 1, otherwise not guessed. */
function bare(n: number, shown: string): Parsed<number> {
  if (n > 1 && n <= 100) {
    return fail({
      code: 'ratio.ambiguous',
      severity: 'warning',
      message: msg(
        `比例 ${shown} 大于 1 却没有百分号：应写成 ${shown.replace(/"/g, '')}% 或小数（如 0.455），不作猜测`,
        `Ratio ${shown} is above 1 but has no % sign: expected ${shown.replace(/"/g, '')}% or a fraction such as 0.455; not guessed`,
      ),
    });
  }
  return inUnitRange(n, shown);
}

function inUnitRange(n: number, shown: string): Parsed<number> {
  if (n >= 0 && n <= 1) return ok(n === 0 ? 0 : n);
  return fail({
    code: 'ratio.out-of-range',
    severity: 'error',
    message: msg(`比例 ${shown} 超出 0–100% 的范围`, `Ratio ${shown} is outside 0–100 %`),
  });
}

/** n × 10^k computed on the shortest decimal text of n, so 29.96 → 0.2996 exactly as typed. */
export function shiftDecimal(n: number, k: number): number {
  const s = String(n);
  const e = s.indexOf('e');
  return e < 0 ? Number(`${s}e${k}`) : Number(`${s.slice(0, e)}e${Number(s.slice(e + 1)) + k}`);
}

function ratioUnrecognized(shown: string): Finding {
  return {
    code: 'ratio.unrecognized',
    severity: 'error',
    message: msg(`无法将 ${shown} 识别为比例；应为 45.5%、0.455 之类`, `Cannot read ${shown} as a ratio; expected something like 45.5% or 0.455`),
  };
}
