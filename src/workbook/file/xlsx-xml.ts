/**
 * The string-level XML scanning shared by the read-only reader's parts (xlsx-grid-reader.ts) and
 * the worksheet scanner's rare cells (xlsx-sheet.ts): one forward tag scan, attribute lookup,
 * entity decoding as exceljs's parser and its own second decoding do it, A1 references and
 * exceljs's shared-formula slide. No Node APIs.
 */

import type { Msg } from '../../i18n/message';
import { DAMAGE_MSG } from './format-messages';

/** The package uses something this reader leaves to the full reader. */
export class GridReaderUnsupported extends Error {}

/**
 * A part of the package is damaged (cut short, content after its end, a reference to nothing):
 * left to the full reader like the unsupported, and if that refuses the file too, `userMessage`
 * says what and where, naming the sheet.
 */
export class GridReaderDamaged extends GridReaderUnsupported {
  constructor(readonly userMessage: Msg) {
    super(userMessage['en-US']);
  }
}

/**
 * Throws GridReaderUnsupported unless `xml` ends with the end tag of its root element `root` (any
 * namespace prefix) or is that element empty (`<root …/>`), followed only by what XML allows
 * there: whitespace, comments, processing instructions. A part cut short or with anything else
 * after its root is damaged: the full reader, which refuses it in its own words, decides — never
 * a part read in half.
 */
export function endsWithRoot(xml: string, root: string, path: string): void {
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  let end = xml.length;
  for (;;) {
    while (end > 0 && isSpace(xml.charCodeAt(end - 1))) end--;
    // A trailing comment or processing instruction: look before it.
    if (xml.endsWith('-->', end)) {
      const start = xml.lastIndexOf('<!--', end - 3);
      if (start < 0) break;
      end = start;
    } else if (xml.endsWith('?>', end)) {
      const start = xml.lastIndexOf('<?', end - 2);
      if (start < 0) break;
      end = start;
    } else break;
  }
  const tail = xml.slice(Math.max(0, end - 1024), end);
  const open = tail.lastIndexOf('<');
  const last = open >= 0 ? tail.slice(open) : '';
  if (new RegExp(`^</(?:[\\w.-]+:)?${root}[ \\t\\r\\n]*>$`).test(last)) return;
  if (new RegExp(`^<(?:[\\w.-]+:)?${root}(?:[ \\t\\r\\n][^<>]*)?/>$`).test(last)) return;
  throw new GridReaderDamaged(DAMAGE_MSG.part(path));
}

// ---------------------------------------------------------------------------------------------
// XML scanning

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|apos|quot));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** XML character and entity references, decoded once (what a conforming parser reports). */
export function xmlText(raw: string): string {
  // Line ends are normalised before references are expanded (XML 1.0 §2.11): &#13; stays a CR.
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : NAMED[name as string],
  );
}

/** exceljs's utils.xmlDecode, applied by exceljs on top of the parser's decoding. */
export function excelJsXmlDecode(s: string): string {
  return s.replace(/&([a-z]*);/g, (c) => (c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c));
}

/** `_x000D_` escapes of OOXML strings, as exceljs's TextXform decodes them (upper-case hex). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One tag of an XML text: local name (prefix dropped), raw attribute text, flags. */
export interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
  /** Index just past '>'. */
  end: number;
}

/** Interned one-letter tag names (c, v, f, t, r): no string is cut for the commonest tags. */
const ONE_CHAR: Record<number, string> = { 99: 'c', 118: 'v', 102: 'f', 116: 't', 114: 'r' };

/** Scan the next tag at or after `from`; null at the end. Comments, PIs and declarations are skipped. */
export function nextTag(xml: string, from: number, t: Tag): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<![CDATA[', i)) throw new GridReaderUnsupported('CDATA');
      const e = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) + 3 : xml.indexOf('>', i) + 1;
      if (e <= 0) return null;
      i = xml.indexOf('<', e);
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', i);
      if (e < 0) return null;
      i = xml.indexOf('<', e + 2);
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) return null;
    const close = c === 47; /* / */
    let s = close ? i + 2 : i + 1;
    let e = s;
    while (e < gt) {
      const ch = xml.charCodeAt(e);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      e++;
    }
    let name: string;
    if (e === s + 1) name = ONE_CHAR[xml.charCodeAt(s)] ?? xml[s];
    else {
      name = xml.slice(s, e);
      const colon = name.indexOf(':');
      if (colon >= 0) name = name.slice(colon + 1);
    }
    const selfClose = xml.charCodeAt(gt - 1) === 47;
    s = e;
    t.name = name;
    t.close = close;
    t.selfClose = selfClose;
    t.attrs = xml.slice(s, selfClose ? gt - 1 : gt);
    t.end = gt + 1;
    return t;
  }
  return null;
}

/** The value of one attribute in a tag's attribute text (prefix-insensitive for `r:id`). */
export function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) return undefined;
    if (key === name) return xmlText(attrs.slice(q + 1, close));
    i = close + 1;
  }
  return undefined;
}

/** The r, s and t attributes of a <c> tag. */
export interface CellAttrs {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

/** The r, s and t attributes of a <c> tag, in one pass. */
export function cellAttrs(attrs: string, out: CellAttrs): void {
  out.r = out.s = out.t = undefined;
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return;
    let k = i;
    while (k < eq && attrs.charCodeAt(k) <= 32) k++;
    let ke = eq;
    while (ke > k && attrs.charCodeAt(ke - 1) <= 32) ke--;
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const close = attrs.indexOf(attrs[q], q + 1);
    if (close < 0) return;
    if (ke === k + 1) {
      const ch = attrs.charCodeAt(k);
      const raw = attrs.slice(q + 1, close);
      const v = raw.indexOf('&') < 0 ? raw : xmlText(raw);
      if (ch === 114) out.r = v;
      else if (ch === 115) out.s = v;
      else if (ch === 116) out.t = v;
    }
    i = close + 1;
  }
}

/** Text up to the closing tag `</name>` from `from` (elements inside are not expected). */
export function textUntil(xml: string, from: number): { text: string; end: number } {
  const lt = xml.indexOf('<', from);
  const end = lt < 0 ? xml.length : lt;
  return { text: xml.slice(from, end), end };
}

// ---------------------------------------------------------------------------------------------
// A1

export function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function letters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB12" → 1-based { row, col }. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { row, col: colOf(ref.slice(0, i)) };
}

const SLIDE_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** exceljs's slideFormula: move a shared formula's relative references from its master to a clone. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(SLIDE_CANDIDATE, (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL_REF.exec(addr);
    if (!m) return match;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return match;
    let col = colOf(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return (sheet || '') + (m[1] || '') + letters(col) + (m[3] || '') + row;
  });
}

/** exceljs's utils.isDateFmt. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}
