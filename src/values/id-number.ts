/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character (0–9 or X). Legacy 15-digit
 * numbers (before 1999: 2-digit year, no check character) are upgraded to 18 digits.
 */
import { msg, plural } from '../i18n/message';
import { fail, ok, type CodeDoc, type Finding, type Parsed } from './finding';
import { cellErrorText, isBlank, showInput } from './cell-input';
import { isValidDate, type LocalDate } from './local-date';
import { normalizeText } from './text';
import { plainRecord } from './plain-record';

export type Sex = 'male' | 'female';

export interface IdNumber {
  /** 18 characters, check character upper-case. */
  readonly id18: string;
  readonly birth: LocalDate;
  readonly sex: Sex;
  /** The 6-digit administrative region code (GB/T 2260) at issue time. */
  readonly region: string;
}

export interface IdOptions {
  /** Birth dates after this day are invalid (the shell passes today / the as-of date). */
  readonly asOf?: LocalDate;
  /** Birth dates and region codes the numbers read with these options may share (see IdParts). */
  readonly parts?: IdParts;
}

/**
 * The birth dates and region codes of the ID numbers one caller reads (typeRows: one sheet), each
 * made once: 100,000 numbers of a county roster hold a few thousand birth dates and a few dozen
 * regions, not 100,000 of each. They are read-only values, so numbers may share them. Bounded:
 * past LIMIT distinct ones, new ones are made for their number alone.
 */
export class IdParts {
  static readonly LIMIT = 100000;
  private readonly births = new Map<number, LocalDate>();
  private readonly regions = new Map<number, string>();
  /** The date y-m-d (valid: the caller checked it). */
  birth(y: number, m: number, d: number): LocalDate {
    const key = y * 10000 + m * 100 + d;
    let b = this.births.get(key);
    if (b === undefined) {
      b = new BirthDate(y, m, d);
      if (this.births.size < IdParts.LIMIT) this.births.set(key, b);
    }
    return b;
  }
  /** The first 6 characters of id18 (all digits). */
  region(id18: string): string {
    const key = digitsAt(id18, 0, 6);
    let r = this.regions.get(key);
    if (r === undefined) {
      r = id18.slice(0, 6);
      if (this.regions.size < IdParts.LIMIT) this.regions.set(key, r);
    }
    return r;
  }
}

export const CODES: readonly CodeDoc[] = [
  {
    code: 'id.empty',
    severity: 'info',
    doc: msg('身份证号为空。是否必填由调用方决定。', 'The ID number is empty. Whether it is required is up to the caller.'),
  },
  {
    code: 'id.format',
    severity: 'error',
    doc: msg(
      '身份证号长度或字符不对：应为 18 位（前 17 位数字，末位数字或 X）或 15 位数字。',
      'Wrong length or characters: expected 18 characters (17 digits then a digit or X) or 15 digits.',
    ),
  },
  {
    code: 'id.precision-lost',
    severity: 'error',
    doc: msg(
      '身份证号被存成了数字：Excel 只保留 15 位有效数字，后几位已变成 0，无法恢复。请把单元格设为文本后按原件重新录入。',
      'The ID number was stored as a number: Excel keeps only 15 significant digits, so the last digits became 0 and cannot be recovered. Format the cell as text and re-enter it from the document.',
    ),
  },
  {
    code: 'id.checksum',
    severity: 'error',
    doc: msg(
      '第 18 位校验码与前 17 位不符（GB 11643-1999，ISO 7064 MOD 11-2），号码中至少有一位录错。',
      'The 18th (check) character does not match the first 17 (GB 11643-1999, ISO 7064 MOD 11-2): at least one character is mistyped.',
    ),
  },
  {
    code: 'id.birthdate-invalid',
    severity: 'error',
    doc: msg('号码第 7–14 位（15 位号码为第 7–12 位）不是有效的出生日期。', 'Characters 7–14 (7–12 for 15-digit numbers) are not a valid birth date.'),
  },
  {
    code: 'id.region',
    severity: 'error',
    doc: msg(
      '前两位不是有效的省级行政区划代码（11–15、21–23、31–37、41–46、50–54、61–65、71、81–83）。',
      'The first two digits are not a valid province code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83).',
    ),
  },
  {
    code: 'id.legacy-15',
    severity: 'info',
    doc: msg(
      '15 位旧号码，已按国家标准升为 18 位（补“19”并计算校验码）。',
      'Legacy 15-digit number, upgraded to 18 digits as the standard prescribes (insert "19", compute the check character).',
    ),
  },
];

// Province-level codes of GB/T 2260, plus 71 Taiwan and 81/82/83 (HK, Macao, Taiwan residence permits).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A legacy 15-digit number as 18 digits: '19' before the 2-digit year, check character appended. */
export function upgradeId15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/**
 * Reads an ID number given as text (any width, spaces allowed, lower-case x accepted) or as a
 * number. A number with more than 15 digits has already lost its last digits in Excel and is
 * `id.precision-lost`; a 15-digit number is a legacy ID and is fine.
 */
export function parseIdNumber(input: unknown, opts: IdOptions = {}): Parsed<IdNumber> {
  const err = cellErrorText(input);
  if (err !== null) return fail(format(err, msg('Excel 错误值', 'an Excel error value')));
  if (isBlank(input)) return fail({ code: 'id.empty', severity: 'info', message: msg('身份证号为空', 'The ID number is empty') });
  // The usual cell: 17 digits and a digit or X, nothing to normalise (what the general path below gives it).
  if (typeof input === 'string' && isPlain18(input)) return from18(input.charCodeAt(17) === 120 ? input.toUpperCase() : input, input, opts);
  const shown = showInput(input);

  let s: string;
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0) return fail(format(shown, msg('非整数或负数', 'not a whole positive number')));
    if (input >= 1e15) return fail(precisionLost(shown));
    s = String(input);
  } else if (typeof input === 'string') {
    // A leading apostrophe (Excel's "store as text" prefix) may survive CSV round trips.
    s = normalizeText(input).replace(/^'/, '').replace(/[ -]/g, '');
    // Text like 1.10101E+17 was copied from a number cell: the digits are gone already.
    if (/^\d(?:\.\d+)?E\+?\d+$/i.test(s)) return fail(precisionLost(shown));
  } else {
    return fail(format(shown, msg('不是文本', 'not text')));
  }

  if (/^\d{17}[\dXx]$/.test(s)) return from18(s.toUpperCase(), input, opts);
  if (/^\d{15}$/.test(s)) return from15(s, shown, opts);
  const what = /^[\dXx]*$/.test(s)
    ? msg(`${Array.from(s).length} 位`, `${Array.from(s).length} ${plural(Array.from(s).length, 'character', 'characters')}`)
    : msg('含有数字和 X 以外的字符', 'characters other than digits and X');
  return fail(format(shown, what));
}

/** 17 ASCII digits and a digit, X or x: text parseIdNumber reads as it is. */
function isPlain18(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88 || last === 120;
}

/** The number of the ASCII digits s[from, to) (callers pass digits only). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** An 18-character ID (17 digits, then a digit or X); `input` is the cell, quoted in findings. */
function from18(id: string, input: unknown, opts: IdOptions): Parsed<IdNumber> {
  const y = digitsAt(id, 6, 10);
  const m = digitsAt(id, 10, 12);
  const d = digitsAt(id, 12, 14);
  const parts = opts.parts;
  const birth = isValidDate(y, m, d) ? (parts ? parts.birth(y, m, d) : new BirthDate(y, m, d)) : null;
  if (birth === null || !plausibleBirth(birth, opts)) return fail(birthInvalid(showInput(input), id.slice(6, 14)));
  if (!PROVINCES.has(digitsAt(id, 0, 2))) return fail(region(showInput(input), id.slice(0, 2)));
  const expected = idCheckChar(id);
  if (id[17] !== expected) {
    const shown = showInput(input);
    return fail({
      code: 'id.checksum',
      severity: 'error',
      message: msg(
        `身份证号 ${shown} 校验码不符：末位为 ${id[17]}，按前 17 位应为 ${expected}；号码中至少有一位录错`,
        `ID number ${shown} fails the check: last character is ${id[17]}, the first 17 digits require ${expected}; at least one character is mistyped`,
      ),
    });
  }
  return ok(valueOf(id, birth, parts));
}

function from15(id15: string, shown: string, opts: IdOptions): Parsed<IdNumber> {
  const birth = birthOf(`19${id15.slice(6, 12)}`);
  if (birth === null || !plausibleBirth(birth, opts)) return fail(birthInvalid(shown, id15.slice(6, 12)));
  if (!PROVINCES.has(Number(id15.slice(0, 2)))) return fail(region(shown, id15.slice(0, 2)));
  const id18 = upgradeId15(id15);
  const note: Finding = {
    code: 'id.legacy-15',
    severity: 'info',
    message: msg(`15 位旧身份证号 ${shown} 已升为 18 位 ${id18}`, `Legacy 15-digit ID number ${shown} upgraded to 18 digits: ${id18}`),
  };
  return ok(valueOf(id18, birth, opts.parts), [note]);
}

// An ID number and its birth date as plain records made by constructors: one per distinct number
// of a roster (see plain-record.ts).
const IdValue = plainRecord<[string, LocalDate, Sex, string], IdNumber>(function (id18, birth, sex, region) {
  this.id18 = id18;
  this.birth = birth;
  this.sex = sex;
  this.region = region;
});
const BirthDate = plainRecord<[number, number, number], LocalDate>(function (y, m, d) {
  this.y = y;
  this.m = m;
  this.d = d;
});

function valueOf(id18: string, birth: LocalDate, parts: IdParts | undefined): IdNumber {
  return new IdValue(id18, birth, (id18.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female', parts ? parts.region(id18) : id18.slice(0, 6));
}

function birthOf(yyyymmdd: string): LocalDate | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return isValidDate(y, m, d) ? { y, m, d } : null;
}

function plausibleBirth(b: LocalDate, opts: IdOptions): boolean {
  if (b.y < MIN_BIRTH_YEAR) return false;
  const a = opts.asOf;
  if (!a) return true;
  return b.y < a.y || (b.y === a.y && (b.m < a.m || (b.m === a.m && b.d <= a.d)));
}

/**
 * For public notices (SPEC §3): first 6 + `********` + last 4 of an 18-character ID; a 15-digit
 * ID keeps first 6 and last 4 as well. Anything else is starred out completely, so a malformed
 * or precision-lost value never leaks more than a well-formed one would.
 */
export function maskIdNumber(input: unknown): string {
  let s = '';
  if (typeof input === 'string') s = normalizeText(input).replace(/^'/, '').replace(/[ -]/g, '').toUpperCase();
  else if (typeof input === 'number' && Number.isInteger(input) && input >= 1e14 && input < 1e15) s = String(input);
  else if (typeof input === 'number' && Number.isFinite(input) && input >= 1e15) return '*'.repeat(18);
  if (/^\d{17}[\dX]$/.test(s)) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (/^\d{15}$/.test(s)) return `${s.slice(0, 6)}*****${s.slice(11)}`;
  return s === '' ? '' : '*'.repeat(Math.min(Array.from(s).length, 18));
}

function format(shown: string, what: { 'zh-CN': string; 'en-US': string }): Finding {
  return {
    code: 'id.format',
    severity: 'error',
    message: msg(
      `身份证号 ${shown} 格式不对（${what['zh-CN']}）；应为 18 位（末位可为 X）或 15 位数字`,
      `ID number ${shown} is malformed (${what['en-US']}); expected 18 characters (last may be X) or 15 digits`,
    ),
  };
}

function precisionLost(shown: string): Finding {
  return {
    code: 'id.precision-lost',
    severity: 'error',
    message: msg(
      `身份证号 ${shown} 被存成数字，第 16 位之后已丢失，无法恢复；请设为文本格式后按原件重新录入`,
      `ID number ${shown} was stored as a number and its digits after the 15th are lost for good; format the cell as text and re-enter it`,
    ),
  };
}

function birthInvalid(shown: string, digits: string): Finding {
  return {
    code: 'id.birthdate-invalid',
    severity: 'error',
    message: msg(
      `身份证号 ${shown} 中的出生日期 ${digits} 无效；应为 ${MIN_BIRTH_YEAR} 年以后真实存在且不晚于今天的日期`,
      `ID number ${shown} contains birth date ${digits}, which is not valid; expected a real date from ${MIN_BIRTH_YEAR} on, not in the future`,
    ),
  };
}

function region(shown: string, code: string): Finding {
  return {
    code: 'id.region',
    severity: 'error',
    message: msg(
      `身份证号 ${shown} 的前两位 ${code} 不是省级行政区划代码（应为 11–82 中的有效代码）`,
      `ID number ${shown} starts with ${code}, which is not a province code (expected a valid code between 11 and 82)`,
    ),
  };
}
