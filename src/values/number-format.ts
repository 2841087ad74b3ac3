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
