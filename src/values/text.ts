/**
 * Text normalisation (全角转半角、去除换行与多余空格) for headers and cell values typed by hand
 * or pasted from Word: the same word must compare equal however it was typed.
 */

// Whitespace other than line breaks that people and Word put into cells: tab, NBSP, the en/em
// family, narrow NBSP, ideographic (full-width) space U+3000.
const SPACE_LIKE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters that break comparisons: zero-width space/joiners, word joiner, BOM.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
// Full-width ASCII block U+FF01–U+FF5E maps 1:1 onto U+0021–U+007E.
const FULL_WIDTH = /[\uff01-\uff5e]/g;
// A line break (Alt+Enter in Excel, or CR LF pasted from Word) with the spaces around it.
const LINE_BREAK = / *(?:\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029])\s*/g;
const HAN = /[\p{Script=Han}\u3007]/u;
// Text made only of printable ASCII (no space) and common Han characters is already normal; most
// cells are, so they skip the replacement passes (isAlreadyNormal: /^[\x21-\x7e\u4e00-\u9fff]*$/).

/**
 * /^[\x21-\x7e\u4e00-\u9fff]*$/.test(text), as a loop: no regex call for the millions of short
 * cells of a big ledger. Such text is its own normalizeText and holds no space of any kind.
 */
export function isAlreadyNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    return false;
  }
  return true;
}

/** Full-width letters, digits and punctuation (０-９, Ａ-Ｚ, （）, ：, ．, ，, ％ …) → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Full-width → half-width, every kind of space → one ASCII space, line breaks removed (between two
 * Chinese characters, where the break only wrapped a header like `出生\n年月`) or turned into a
 * space (elsewhere), then trimmed with inner runs of spaces collapsed. Idempotent.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') return '';
  if (isAlreadyNormal(text)) return text;
  let s = toHalfWidth(text).replace(INVISIBLE, '').replace(SPACE_LIKE, ' ');
  s = s.replace(LINE_BREAK, (match: string, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const after = whole.slice(offset + match.length);
    const prev = Array.from(before.slice(-2)).pop() ?? '';
    const next = Array.from(after.slice(0, 2))[0] ?? '';
    return HAN.test(prev) && HAN.test(next) ? '' : ' ';
  });
  return s.replace(/ {2,}/g, ' ').trim();
}

/** Any cell value as normalised text: numbers by their shortest digits, blanks and errors as ''. */
export function cellText(input: unknown): string {
  if (typeof input === 'string') return normalizeText(input);
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  return '';
}
