/**
 * Read-only .xlsx reader (只读快速读取) for commands that only look at a workbook (check,
 * eliminate): unzips the package, reads workbook.xml, styles.xml, sharedStrings.xml and each
 * worksheet's XML in one forward scan, and builds the same Grids as the full exceljs reader
 * (`openFileWorkbook(...).read()`), without exceljs's per-cell objects. A 100,000-row roster reads
 * in a fraction of the time and memory of the full load; `fix` keeps the full reader because it
 * writes the workbook back.
 *
 * Identity with the full reader is the contract (tests/unit/workbook/file/grid-reader.test.ts
 * compares every fixture cell by cell), so exceljs 4.4's reading rules are followed on purpose:
 * - built-in number formats are exceljs's table, plus the implicit zh-CN formats of ids 27–36 and
 *   50–58 (src/values/number-format.ts), which the full reader gets by declaring them in styles.xml
 *   before exceljs loads it (implicit-formats.ts) — so a 2024年3月1日 cell with numFmtId 31 reads as
 *   a date formatted `yyyy"年"m"月"d"日"` in both; custom format codes lose their `\` escapes as in
 *   exceljs's NumFmtXform;
 * - a number in a date-formatted cell goes through exceljs's Date round trip (rounded to the
 *   millisecond), formula results included;
 * - merged cells other than the top-left read as null; overlapping merges make the file unreadable
 *   for exceljs, so they are handed to the full reader (`GridReaderUnsupported`);
 * - shared formulas are translated from their master exactly like exceljs's slideFormula;
 * - a formula cell carrying an external hyperlink reads as its value without a formula;
 * - `_xHHHH_` escapes are decoded in shared strings only; `str` values get exceljs's second
 *   entity decoding.
 * Anything this reader does not handle (zip64, encryption, unusual package layout, CDATA) throws
 * GridReaderUnsupported, and callers fall back to the full reader, so the result never differs.
 *
 * The add-in's settings sheet (settings-sheet.ts) is kept out of the Grids, as in the full reader,
 * and `getSetting` reads it with the full reader's decoding (decodeSetting), fed with the cells
 * exceljs reads as plain text: shared strings without runs, `str` and inline strings without runs,
 * no formula and no external hyperlink; a merged cell reads as its merge's top-left cell.
 *
 * No Node APIs: the caller passes a raw-deflate inflater (Node's zlib.inflateRawSync in the CLI).
 */
import type { CellValue, Grid, RangeBox, SheetVisibility } from '../../ledger/grid';
import type { SheetInfo } from '../port';
import { implicitNumberFormat } from '../../values/number-format';
import { decodeSetting, SETTINGS_SHEET } from './settings-sheet';

/** Raw DEFLATE (zip method 8) decompressor. */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

/** The package uses something this reader leaves to the full reader. */
export class GridReaderUnsupported extends Error {}

/** The read-only part of the file adapter: enough for check, eliminate and brief models. */
export interface GridBook {
  readonly sheetNames: readonly string[];
  listSheets(): Promise<SheetInfo[]>;
  read(sheets?: readonly string[]): Promise<Grid[]>;
  /** A setting stored by the add-in, decoded exactly as FileWorkbook.getSetting does; null when absent. */
  getSetting(key: string): Promise<string | null>;
}

const DAY_MS = 86400000;
const UNIX_EPOCH_SERIAL = 25569;

/** exceljs 4.4's built-in number formats (NumFmtXform.getDefaultFmtCode): only ids with a plain code. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

// ---------------------------------------------------------------------------------------------
// zip

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

/** The central directory of a zip: name → entry. */
function zipDirectory(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GridReaderUnsupported('no end of central directory');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new GridReaderUnsupported('zip64');
  const names = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (u32(b, p) !== 0x02014b50) throw new GridReaderUnsupported('bad central directory');
    const flags = u16(b, p + 8);
    if (flags & 1) throw new GridReaderUnsupported('encrypted entry');
    const method = u16(b, p + 10);
    const compressedSize = u32(b, p + 20);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new GridReaderUnsupported('zip64');
    out.set(names.decode(b.subarray(p + 46, p + 46 + nameLen)), { method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entryBytes(b: Uint8Array, e: ZipEntry, inflate: InflateRaw): Uint8Array {
  const p = e.localOffset;
  if (u32(b, p) !== 0x04034b50) throw new GridReaderUnsupported('bad local header');
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method === 8) return inflate(data);
  throw new GridReaderUnsupported(`zip method ${e.method}`);
}

// ---------------------------------------------------------------------------------------------
// XML scanning

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|apos|quot));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** XML character and entity references, decoded once (what a conforming parser reports). */
function xmlText(raw: string): string {
  // Line ends are normalised before references are expanded (XML 1.0 §2.11): &#13; stays a CR.
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : NAMED[name as string],
  );
}

/** exceljs's utils.xmlDecode, applied by exceljs on top of the parser's decoding. */
function excelJsXmlDecode(s: string): string {
  return s.replace(/&([a-z]*);/g, (c) => (c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c));
}

/** `_x000D_` escapes of OOXML strings, as exceljs's TextXform decodes them (upper-case hex). */
function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One tag of an XML text: local name (prefix dropped), raw attribute text, flags. */
interface Tag {
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
function nextTag(xml: string, from: number, t: Tag): Tag | null {
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
function attr(attrs: string, name: string): string | undefined {
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

let cellR: string | undefined;
let cellS: string | undefined;
let cellT: string | undefined;

/** The r, s and t attributes of a <c> tag, in one pass (the hot path of a big sheet). */
function cellAttrs(attrs: string): void {
  cellR = cellS = cellT = undefined;
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
      if (ch === 114) cellR = v;
      else if (ch === 115) cellS = v;
      else if (ch === 116) cellT = v;
    }
    i = close + 1;
  }
}

/** Text up to the closing tag `</name>` from `from` (elements inside are not expected). */
function textUntil(xml: string, from: number): { text: string; end: number } {
  const lt = xml.indexOf('<', from);
  const end = lt < 0 ? xml.length : lt;
  return { text: xml.slice(from, end), end };
}

// ---------------------------------------------------------------------------------------------
// A1

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function letters(col: number): string {
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
function decodeRef(ref: string): { row: number; col: number } | null {
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

// ---------------------------------------------------------------------------------------------
// package parts

interface SheetRef {
  readonly name: string;
  readonly path: string;
  readonly visibility: SheetVisibility;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function workbookParts(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, string>();
  const t = {} as Tag;
  for (let tag = nextTag(relsXml, 0, t); tag; tag = nextTag(relsXml, tag.end, t)) {
    if (tag.name === 'Relationship' && !tag.close) {
      const id = attr(tag.attrs, 'Id');
      const target = attr(tag.attrs, 'Target');
      if (id && target) rels.set(id, resolveTarget(target));
    }
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  for (let tag = nextTag(workbookXml, 0, t); tag; tag = nextTag(workbookXml, tag.end, t)) {
    if (tag.close) continue;
    if (tag.name === 'workbookPr') date1904 = attr(tag.attrs, 'date1904') === '1';
    if (tag.name !== 'sheet') continue;
    const rid = attr(tag.attrs, 'r:id') ?? attr(tag.attrs, 'id');
    const path = rid ? rels.get(rid) : undefined;
    const name = attr(tag.attrs, 'name');
    if (!path || name === undefined) throw new GridReaderUnsupported('sheet without a part');
    const state = attr(tag.attrs, 'state');
    sheets.push({ name: excelJsXmlDecode(name), path, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
  }
  return { sheets, date1904 };
}

/**
 * Number format of each cellXfs index (exceljs's getStyleModel: numFmtId 0 or unknown → none),
 * the implicit zh-CN ids resolved as the full reader's declared styles.xml resolves them.
 */
function styleFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let inXfs = false;
  let inNumFmts = false;
  const t = {} as Tag;
  for (let tag = nextTag(xml, 0, t); tag; tag = nextTag(xml, tag.end, t)) {
    if (tag.name === 'numFmts') {
      inNumFmts = !tag.close && !tag.selfClose;
    } else if (inNumFmts && tag.name === 'numFmt' && !tag.close) {
      // Only the list's entries: exceljs indexes numFmts, not the numFmt of a dxf.
      const id = Number(attr(tag.attrs, 'numFmtId'));
      const code = attr(tag.attrs, 'formatCode');
      if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
    } else if (tag.name === 'cellXfs') {
      inXfs = !tag.close && !tag.selfClose;
    } else if (inXfs && tag.name === 'xf' && !tag.close) {
      const id = parseInt(attr(tag.attrs, 'numFmtId') ?? '0', 10);
      out.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? implicitNumberFormat(id)) : undefined);
    }
  }
  return out;
}

/**
 * Shared strings; null for an <si> with no text at all (exceljs reads it as null). `rich` holds
 * the indexes of the <si> with runs (<r>), which exceljs reads as rich text, not as a JS string.
 */
function sharedStrings(xml: string | null): { strings: (string | null)[]; rich: Set<number> } {
  const out: (string | null)[] = [];
  const rich = new Set<number>();
  if (xml === null) return { strings: out, rich };
  const t = {} as Tag;
  let parts: string[] | null = null;
  let phonetic = 0;
  for (let tag = nextTag(xml, 0, t); tag; tag = nextTag(xml, tag.end, t)) {
    switch (tag.name) {
      case 'si':
        if (!tag.close) {
          parts = tag.selfClose ? null : [];
          if (tag.selfClose) out.push(null);
        } else {
          out.push(parts === null || parts.length === 0 ? null : parts.join(''));
          parts = null;
        }
        break;
      case 'r':
        if (!tag.close && parts && phonetic === 0) rich.add(out.length);
        break;
      case 'rPh':
        if (!tag.selfClose) phonetic += tag.close ? -1 : 1;
        break;
      case 't':
        if (!tag.close && parts && phonetic === 0) {
          if (tag.selfClose) parts.push('');
          else {
            const x = textUntil(xml, tag.end);
            parts.push(unescapeOoxml(xmlText(x.text)));
          }
        }
        break;
      default:
        break;
    }
  }
  return { strings: out, rich };
}

// ---------------------------------------------------------------------------------------------
// worksheet

interface SheetCtx {
  readonly formats: readonly (string | undefined)[];
  readonly strings: readonly (string | null)[];
  /** Indexes of the shared strings exceljs reads as rich text. */
  readonly richStrings: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** The cells exceljs reads as a JS string, by 1-based row then column (see getSetting). */
type TextCells = Map<number, Map<number, string>>;

/** exceljs's Date round trip for a value in a date-formatted cell (excelToDate → dateToSerial). */
export function viaDate(v: unknown, date1904: boolean): number {
  const ms = Math.round(((v as number) - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** One worksheet as a Grid; with `texts`, also collects the cells exceljs reads as a JS string. */
function readSheet(xml: string, ref: SheetRef, ctx: SheetCtx, texts?: TextCells): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  const merges: RangeBox[] = [];
  const hyperlinkRefs: string[] = [];
  const rowNumFmt = new Map<number, string | undefined>();
  const colNumFmt: { min: number; max: number; fmt: string | undefined }[] = [];
  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  let protectedSheet = false;
  let rowCount = 0;
  let colCount = 0;

  const t = {} as Tag;
  let rowNo = 0;
  let prevCol = 0;
  let inSheetData = false;
  let tag = nextTag(xml, 0, t);
  while (tag) {
    const name = tag.name;
    if (name === 'c' && !tag.close && inSheetData) {
      // --- one cell ---------------------------------------------------------------------------
      cellAttrs(tag.attrs);
      const r = cellR;
      let col: number;
      let row = rowNo;
      if (r !== undefined) {
        const a = decodeRef(r);
        if (!a) throw new GridReaderUnsupported(`cell reference ${r}`);
        col = a.col;
        row = a.row;
      } else col = prevCol + 1;
      const sAttr = cellS;
      const styleId = sAttr ? parseInt(sAttr, 10) : undefined;
      const type = cellT;
      let fText: string | undefined;
      let fShare: string | undefined;
      let fSi: string | undefined;
      let fRef: string | undefined;
      let vText: string | undefined;
      let rich: string[] | null = null;
      let end = tag.end;
      if (!tag.selfClose && xml.startsWith('<v>', end)) {
        // The usual cell: <c …><v>text</v></c>.
        const lt = xml.indexOf('<', end + 3);
        if (lt > 0 && xml.startsWith('</v></c>', lt)) {
          vText = xmlText(xml.slice(end + 3, lt));
          end = lt + 8;
          tag.selfClose = true;
        }
      }
      if (!tag.selfClose) {
        // children until </c>
        let inner = nextTag(xml, end, t);
        let inIs = false;
        let phonetic = 0;
        while (inner && !(inner.close && inner.name === 'c')) {
          if (!inner.close) {
            if (inner.name === 'f') {
              fShare = attr(inner.attrs, 't');
              fSi = attr(inner.attrs, 'si');
              fRef = attr(inner.attrs, 'ref');
              if (!inner.selfClose) {
                const x = textUntil(xml, inner.end);
                const text = xmlText(x.text);
                fText = fText ? fText + text : text || fText;
              }
            } else if (inner.name === 'v') {
              if (!inner.selfClose) {
                const x = textUntil(xml, inner.end);
                vText = (vText ?? '') + xmlText(x.text);
              }
            } else if (inner.name === 'is') {
              inIs = !inner.selfClose;
            } else if (inner.name === 'rPh') {
              if (!inner.selfClose) phonetic++;
            } else if (inner.name === 'r' && inIs && phonetic === 0) {
              rich = rich ?? [];
            } else if (inner.name === 't' && inIs && phonetic === 0) {
              const text = inner.selfClose ? '' : xmlText(textUntil(xml, inner.end).text);
              if (rich) rich.push(text);
              else vText = (vText ?? '') + text;
            }
          } else if (inner.name === 'rPh') phonetic--;
          else if (inner.name === 'is') inIs = false;
          end = inner.end;
          inner = nextTag(xml, inner.end, t);
        }
        if (!inner) throw new GridReaderUnsupported('unterminated cell');
        end = inner.end;
      }
      if (rich) vText = rich.join('');
      const hasValue = vText !== undefined && (rich !== null || vText !== '');
      const isFormula = !!fText || !!fShare;
      if (!isFormula && !hasValue && !styleId) {
        // exceljs: a cell with neither value nor style is a merge placeholder, never read.
        tag = nextTag(xml, end, t);
        continue;
      }
      prevCol = col;
      const fmt = styleId !== undefined ? ctx.formats[styleId] : undefined;
      const n = typeof fmt === 'string' && fmt !== '' ? fmt : 'General';
      let v: CellValue = null;
      let formula: string | null = null;
      if (isFormula) {
        let result: unknown = undefined;
        if (hasValue) {
          const raw = vText as string;
          result = type === 'str' ? excelJsXmlDecode(raw) : type === 'b' ? parseInt(raw, 10) !== 0 : type === 'e' ? { error: raw } : parseFloat(raw);
        }
        if (result !== undefined && isDateFmt(fmt)) result = viaDate(result, ctx.date1904);
        let text = fText ?? '';
        if (fShare === 'shared') {
          if (fRef !== undefined) {
            if (fSi !== undefined) sharedMasters.set(fSi, { formula: text, row, col });
          } else if (!text) {
            const m = fSi !== undefined ? sharedMasters.get(fSi) : undefined;
            text = m ? slideFormula(m.formula, m, { row, col }) : '';
          }
        }
        formula = text ? `=${text}` : null;
        v = plainResult(result);
      } else if (hasValue) {
        const raw = vText as string;
        switch (type) {
          case 's': {
            const i = parseInt(raw, 10);
            const s = ctx.strings[i];
            v = s === undefined ? null : s;
            if (texts && typeof v === 'string' && !ctx.richStrings.has(i)) addText(texts, row, col, v);
            break;
          }
          case 'str':
            v = excelJsXmlDecode(raw);
            if (texts) addText(texts, row, col, v);
            break;
          case 'inlineStr':
            v = raw;
            if (texts && rich === null) addText(texts, row, col, v);
            break;
          case 'b':
            v = parseInt(raw, 10) !== 0;
            break;
          case 'e':
            v = { error: raw };
            break;
          default: {
            const num = parseFloat(raw);
            v = isDateFmt(fmt) ? viaDate(num, ctx.date1904) : num;
          }
        }
      }
      put(row - 1, col - 1, v, formula, n);
      tag = nextTag(xml, end, t);
      continue;
    }
    if (!tag.close) {
      switch (name) {
        case 'sheetData':
          inSheetData = !tag.selfClose;
          break;
        case 'row': {
          const r = attr(tag.attrs, 'r');
          rowNo = r !== undefined ? parseInt(r, 10) : rowNo + 1;
          prevCol = 0;
          const hidden = attr(tag.attrs, 'hidden');
          if (hidden === '1' || hidden === 'true') hiddenRows.push(rowNo - 1);
          const s = attr(tag.attrs, 's');
          if (s) rowNumFmt.set(rowNo, ctx.formats[parseInt(s, 10)]);
          break;
        }
        case 'col': {
          const s = attr(tag.attrs, 'style');
          const fmt = s ? ctx.formats[parseInt(s, 10)] : undefined;
          if (fmt) colNumFmt.push({ min: Number(attr(tag.attrs, 'min')), max: Number(attr(tag.attrs, 'max')), fmt });
          break;
        }
        case 'mergeCell': {
          const ref = attr(tag.attrs, 'ref') ?? '';
          const [a, b] = ref.split(':');
          const p = decodeRef(a);
          const q = b === undefined ? p : decodeRef(b);
          if (!p || !q) throw new GridReaderUnsupported(`merge ${ref}`);
          const box = {
            top: Math.min(p.row, q.row) - 1,
            left: Math.min(p.col, q.col) - 1,
            bottom: Math.max(p.row, q.row) - 1,
            right: Math.max(p.col, q.col) - 1,
          };
          merges.push(box);
          break;
        }
        case 'sheetProtection':
          protectedSheet = attr(tag.attrs, 'sheet') === '1';
          break;
        case 'hyperlink': {
          const ref = attr(tag.attrs, 'ref');
          if (ref !== undefined && (attr(tag.attrs, 'r:id') !== undefined || attr(tag.attrs, 'id') !== undefined)) hyperlinkRefs.push(ref);
          break;
        }
        default:
          break;
      }
    } else if (name === 'sheetData') inSheetData = false;
    tag = nextTag(xml, tag.end, t);
  }

  function put(r: number, c: number, v: CellValue, f: string | null, n: string): void {
    let vr = values[r];
    if (!vr) {
      vr = values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
    vr[c] = v;
    formulas[r][c] = f;
    numberFormats[r][c] = n;
  }

  // Hyperlinked formula cells lose their formula in exceljs (the cell becomes a hyperlink), and a
  // hyperlinked text reads as a hyperlink object, not a string.
  for (const ref of hyperlinkRefs) {
    const a = decodeRef(ref);
    if (a && formulas[a.row - 1]?.[a.col - 1] !== undefined) formulas[a.row - 1][a.col - 1] = null;
    if (a) texts?.get(a.row)?.delete(a.col);
  }

  // Merges: slaves read as null; exceljs refuses overlapping merges, so leave those to it.
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    for (let j = i + 1; j < merges.length && merges[j].top <= m.bottom; j++) {
      const o = merges[j];
      if (o.left <= m.right && o.right >= m.left) throw new GridReaderUnsupported('overlapping merges');
    }
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const vr = values[r];
      if (!vr) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r > m.top || c > m.left) && c in vr) {
          delete vr[c];
          delete formulas[r][c];
          delete numberFormats[r][c];
        }
      }
    }
    // A master cell absent from the XML is created by the merge with the row's, else the column's, format.
    const mr = values[m.top];
    if (!mr || !(m.left in mr)) {
      const fmt = rowNumFmt.get(m.top + 1) ?? colNumFmt.find((x) => m.left + 1 >= x.min && m.left + 1 <= x.max)?.fmt;
      if (fmt && fmt !== 'General') put(m.top, m.left, null, null, fmt);
    }
  }

  // Used area: rows and columns of the cells that count (a value, a formula or a format), and the merges.
  for (let r = 0; r < values.length; r++) {
    const vr = values[r];
    if (!vr) continue;
    const fr = formulas[r];
    const nr = numberFormats[r];
    for (let c = vr.length - 1; c >= 0; c--) {
      if (!(c in vr) || (vr[c] === null && fr[c] === null && nr[c] === 'General')) continue;
      if (r + 1 > rowCount) rowCount = r + 1;
      if (c + 1 > colCount) colCount = c + 1;
      break;
    }
  }
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  // Dense rows, filled in place: absent cells read as null / no formula / General.
  const V: CellValue[][] = values;
  const F: (string | null)[][] = formulas;
  const N: string[][] = numberFormats;
  V.length = F.length = N.length = rowCount;
  for (let r = 0; r < rowCount; r++) {
    const vr = V[r];
    if (!vr) {
      V[r] = new Array<CellValue>(colCount).fill(null);
      F[r] = new Array<string | null>(colCount).fill(null);
      N[r] = new Array<string>(colCount).fill('General');
      continue;
    }
    const fr = F[r];
    const nr = N[r];
    vr.length = fr.length = nr.length = Math.min(vr.length, colCount);
    for (let c = 0; c < colCount; c++) {
      if (c in vr) continue;
      vr[c] = null;
      fr[c] = null;
      nr[c] = 'General';
    }
  }
  return {
    sheet: ref.name,
    rowCount,
    colCount,
    values: V,
    formulas: F,
    numberFormats: N,
    merges,
    hiddenRows: hiddenRows.filter((r) => r < rowCount),
    protected: protectedSheet,
    visibility: ref.visibility,
  };
}

function addText(texts: TextCells, row: number, col: number, text: string): void {
  let r = texts.get(row);
  if (!r) texts.set(row, (r = new Map()));
  r.set(col, text);
}

/**
 * The settings sheet's cells as exceljs's `cell.value` gives them, for decodeSetting: the plain
 * texts collected by readSheet, anything else undefined; a merged cell other than the top-left one
 * reads as the top-left one (exceljs's merge cells give their master's value).
 */
function settingsCells(xml: string, ref: SheetRef, ctx: SheetCtx): { rowCount: number; cell: (row: number, col: number) => unknown } {
  const texts: TextCells = new Map();
  const grid = readSheet(xml, ref, ctx, texts);
  const cell = (row: number, col: number): unknown => {
    const m = grid.merges.find((b) => row - 1 >= b.top && row - 1 <= b.bottom && col - 1 >= b.left && col - 1 <= b.right);
    return m ? texts.get(m.top + 1)?.get(m.left + 1) : texts.get(row)?.get(col);
  };
  return { rowCount: grid.rowCount, cell };
}

/** plainValue of a formula result, as the full reader computes it. */
function plainResult(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return { error: (v as { error: string }).error };
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Open workbook bytes for reading only. Throws GridReaderUnsupported for anything it leaves to the
 * full reader (including every damaged or non-xlsx input: the full reader words those errors).
 */
export function openGridBook(bytes: Uint8Array, inflate: InflateRaw): GridBook {
  const dir = zipDirectory(bytes);
  const utf8 = new TextDecoder('utf-8');
  const text = (path: string): string | null => {
    const e = dir.get(path);
    return e ? utf8.decode(entryBytes(bytes, e, inflate)) : null;
  };
  const wbXml = text('xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  if (wbXml === null || relsXml === null) throw new GridReaderUnsupported('no xl/workbook.xml');
  const { sheets: all, date1904 } = workbookParts(wbXml, relsXml);
  for (const s of all) if (!dir.has(s.path)) throw new GridReaderUnsupported(`missing ${s.path}`);
  const sheets = all.filter((s) => s.name !== SETTINGS_SHEET);
  const settingsRef = all.find((s) => s.name === SETTINGS_SHEET);
  let ctx: SheetCtx | null = null;
  const context = (): SheetCtx => {
    if (ctx) return ctx;
    const shared = sharedStrings(text('xl/sharedStrings.xml'));
    return (ctx = { formats: styleFormats(text('xl/styles.xml')), strings: shared.strings, richStrings: shared.rich, date1904 });
  };
  let settings: ReturnType<typeof settingsCells> | null = null;
  return {
    sheetNames: sheets.map((s) => s.name),
    async listSheets(): Promise<SheetInfo[]> {
      const c = context();
      return sheets.map((s) => {
        const g = readSheet(text(s.path) as string, s, c);
        return { name: s.name, visibility: s.visibility, protected: g.protected };
      });
    },
    async read(names?: readonly string[]): Promise<Grid[]> {
      const c = context();
      return (names ?? sheets.map((s) => s.name)).map((name) => {
        const s = sheets.find((x) => x.name === name);
        if (!s) throw new GridReaderUnsupported(`sheet ${name}`);
        return readSheet(text(s.path) as string, s, c);
      });
    },
    async getSetting(key: string): Promise<string | null> {
      if (!settingsRef) return null;
      settings ??= settingsCells(text(settingsRef.path) as string, settingsRef, context());
      return decodeSetting(settings.rowCount, settings.cell, key);
    },
  };
}
