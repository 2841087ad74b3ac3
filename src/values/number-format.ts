/**
 * Excel number formats (数字格式): only the two questions the parsers need answered — does this
 * format show a date, does it show a percentage. The value Excel hands over is a number either
 * way; the format decides what the user sees and therefore what they meant.
 */

/**
 * Removes quoted literals, escaped characters and [..] sections (colours, locales, DBNum), but
 * keeps the letters of elapsed-time codes ([h], [mm], [ss]) so `[h]:mm` stays a time.
 */
function codesOf(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/**
 * True for formats such as `yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `m/d/yy`, `yyyy.mm`, `[$-804]…`.
 * `m`/`mm` next to `h` or `s` are minutes, so a time-only format (`h:mm:ss`) is not a date.
 */
export function isDateFormat(format: string): boolean {
  if (typeof format !== 'string') return false;
  const first = codesOf(format).split(';')[0].toLowerCase();
  if (first.includes('general') || first === '@') return false;
  if (/[yd]/.test(first)) return true;
  // Month-only formats like `mmm` or `m"月"` (quotes already removed); minutes need h or s.
  return /m/.test(first) && !/[hs]/.test(first);
}

/** True when the (first section of the) format displays the value × 100 with a % sign. */
export function isPercentFormat(format: string): boolean {
  if (typeof format !== 'string') return false;
  return codesOf(format).split(';')[0].includes('%');
}

/**
 * Implicit (built-in, locale-dependent) number formats of a zh-CN Excel (简体中文内置数字格式): the
 * formatCode of numFmtIds 27–36 and 50–58, which Excel writes on the cell's xf without a <numFmt>
 * element, so a reader must know them. ECMA-376 Part 1 §18.8.30 (numFmt) lists ids 27–81 as
 * depending on the UI language and gives this table for zh-cn; exceljs 4.4 carries the same table
 * in lib/xlsx/defaultnumformats.js under 'zh-cn' but never uses it (NumFmtXform.getDefaultFmtCode
 * reads only the language-neutral `f` entries, so such cells load as General), and SheetJS's
 * SSF_default_map (ssf table.js) maps every one of 27–31 and 50–58 to 14 (m/d/yy), i.e. reads
 * them as dates. ECMA's spelling is kept (`上午/下午h`, where exceljs's table has a space).
 *
 * Ids 14–22 and 45–47 are language-neutral in §18.8.30 and exceljs already resolves them; 5–8,
 * 23–26 and 41–44 are always written with an explicit <numFmt>; 59–81 are Thai (th-th) only.
 */
const ZH_CN_IMPLICIT_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The zh-CN format code of an implicit locale-dependent numFmtId (27–36, 50–58), else undefined. */
export function implicitNumberFormat(numFmtId: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(ZH_CN_IMPLICIT_FORMATS, numFmtId) ? ZH_CN_IMPLICIT_FORMATS[numFmtId] : undefined;
}

/** Every numFmtId implicitNumberFormat knows, ascending. */
export const IMPLICIT_NUMBER_FORMAT_IDS: readonly number[] = Object.keys(ZH_CN_IMPLICIT_FORMATS).map(Number);
