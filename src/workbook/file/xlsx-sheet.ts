/**
 * One worksheet's XML to a Grid, scanned as bytes (工作表字节扫描): the read-only reader's hot
 * path. The XML may arrive whole or in chunks (an inflating stream): `scan` consumes every complete
 * tag and cell of what it is given and returns where it stopped, so the caller keeps only the
 * unfinished tail and the sheet is never held whole. No string is cut for the usual cell
 * (`<c r="B3" s="1" t="s"><v>13</v></c>`): its reference, style, type and value are read from the
 * bytes; shared strings are the table's strings (each decoded once), numbers are parsed from the
 * digits. Any other cell (formulas, inline strings, entities in values, odd spacing) is decoded and
 * read by the string-level rules of xlsx-xml.ts, which follow exceljs 4.4 (see xlsx-grid-reader.ts
 * for the rules), so both ways give the same cell.
 *
 * No Node APIs (TextDecoder is a web standard).
 */
import type { CellValue, Grid, RangeBox, SheetVisibility } from '../../ledger/grid';
import { a1 } from '../../ledger/grid';
import {
  attr,
  cellAttrs,
  decodeRef,
  excelJsXmlDecode,
  GridReaderDamaged,
  GridReaderUnsupported,
  isDateFmt,
  nextTag,
  slideFormula,
  textUntil,
  xmlText,
  type CellAttrs,
  type Tag,
} from './xlsx-xml';
import { DAMAGE_MSG } from './format-messages';

const DAY_MS = 86400000;
const UNIX_EPOCH_SERIAL = 25569;
const MAX_TIME = 8.64e15;

export interface SheetRef {
  readonly name: string;
  readonly path: string;
  readonly visibility: SheetVisibility;
}

export interface SheetCtx {
  readonly formats: readonly (string | undefined)[];
  readonly strings: readonly (string | null)[];
  /** Indexes of the shared strings exceljs reads as rich text. */
  readonly richStrings: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** The cells exceljs reads as a JS string, by 1-based row then column (see getSetting). */
export type TextCells = Map<number, Map<number, string>>;

/** exceljs's Date round trip for a value in a date-formatted cell (excelToDate → dateToSerial). */
export function viaDate(v: unknown, date1904: boolean): number {
  const ms = Math.round(((v as number) - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  // new Date(ms).getTime() without the Date: TimeClip (ECMA-262 §21.4.1.31) keeps an integer
  // within ±8.64e15 ms (−0 becomes +0) and gives NaN for anything else.
  const t = Math.abs(ms) <= MAX_TIME ? ms + 0 : NaN;
  return t / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** plainValue of a formula result, as the full reader computes it. */
function plainResult(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return { error: (v as { error: string }).error };
  return null;
}

function addText(texts: TextCells, row: number, col: number, text: string): void {
  let r = texts.get(row);
  if (!r) texts.set(row, (r = new Map()));
  r.set(col, text);
}

// ---------------------------------------------------------------------------------------------
// bytes

const LT = 60;
const GT = 62;
const SLASH = 47;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const CDATA = ascii('<![CDATA[');
const COMMENT = ascii('<!--');
const COMMENT_END = ascii('-->');
const PI_END = ascii('?>');
const R = ascii('r');
const S = ascii('s');
const HIDDEN = ascii('hidden');
const TRUE = ascii('true');
const NAMES = {
  worksheet: ascii('worksheet'),
  sheetData: ascii('sheetData'),
  row: ascii('row'),
  col: ascii('col'),
  mergeCell: ascii('mergeCell'),
  sheetProtection: ascii('sheetProtection'),
  hyperlink: ascii('hyperlink'),
};

// ignoreBOM: a value that starts with U+FEFF keeps it, as when the whole document is decoded.
/** How much of a new chunk is joined to the previous chunk's unfinished tail (SheetFeeder). */
const HEAD_BYTES = 4096;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of b[s, e): ASCII without a decoder call (the usual attribute and number). */
function text(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 24) {
    let out = '';
    for (let i = s; i < e; i++) {
      const c = b[i];
      if (c >= 128) return utf8.decode(b.subarray(s, e));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return utf8.decode(b.subarray(s, e));
}

function startsWith(b: Uint8Array, at: number, seq: Uint8Array): boolean {
  if (at + seq.length > b.length) return false;
  for (let i = 0; i < seq.length; i++) if (b[at + i] !== seq[i]) return false;
  return true;
}

function indexOfSeq(b: Uint8Array, seq: Uint8Array, from: number): number {
  let i = b.indexOf(seq[0], from);
  while (i >= 0) {
    if (startsWith(b, i, seq)) return i;
    i = b.indexOf(seq[0], i + 1);
  }
  return -1;
}

function nameIs(b: Uint8Array, s: number, e: number, name: Uint8Array): boolean {
  if (e - s !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[s + i] !== name[i]) return false;
  return true;
}

/** b[s, e) holds the byte `c`. */
function hasByte(b: Uint8Array, s: number, e: number, c: number): boolean {
  for (let i = s; i < e; i++) if (b[i] === c) return true;
  return false;
}

/** b[s, e) holds only the digits 0–9 (and at least one). */
function allDigits(b: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  for (let i = s; i < e; i++) if (b[i] < 48 || b[i] > 57) return false;
  return true;
}

/** The integer of b[s, e), digits only and at most 15 of them (exact, as parseFloat/parseInt give it). */
function digitsValue(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) n = n * 10 + (b[i] - 48);
  return n;
}

/** Where an attribute's value starts and ends (set by findAttr). */
let valueStart = 0;
let valueEnd = 0;

/** The key of the attribute nextAttr found: b[keyStart, keyEnd). */
let keyStart = 0;
let keyEnd = 0;

/**
 * The next attribute in the attribute bytes b[i, e) with xlsx-xml.ts attr()'s parse (keys trimmed,
 * either quote): its key is then b[keyStart, keyEnd) and its value b[valueStart, valueEnd).
 * Returns the index after it, or -1 when there is none.
 */
function nextAttr(b: Uint8Array, from: number, e: number): number {
  let i = from;
  while (i < e && b[i] <= 32) i++;
  let eq = i;
  while (eq < e && b[eq] !== 61 /* = */) eq++;
  if (eq >= e) return -1;
  let ke = eq;
  while (ke > i && b[ke - 1] <= 32) ke--;
  let q = eq + 1;
  while (q < e && b[q] <= 32) q++;
  if (q >= e) return -1;
  const quote = b[q];
  let close = q + 1;
  while (close < e && b[close] !== quote) close++;
  if (close >= e) return -1;
  keyStart = i;
  keyEnd = ke;
  valueStart = q + 1;
  valueEnd = close;
  return close + 1;
}

/**
 * Find attribute `name` in the attribute bytes b[s, e) (prefix-sensitive); its value's bytes are
 * then b[valueStart, valueEnd).
 */
function findAttr(b: Uint8Array, s: number, e: number, name: Uint8Array): boolean {
  for (let i = nextAttr(b, s, e); i >= 0; i = nextAttr(b, i, e)) if (nameIs(b, keyStart, keyEnd, name)) return true;
  return false;
}

/** An attribute's decoded value, or undefined when absent. */
function attrValue(b: Uint8Array, s: number, e: number, name: Uint8Array): string | undefined {
  if (!findAttr(b, s, e, name)) return undefined;
  const v = text(b, valueStart, valueEnd);
  return v.indexOf('&') < 0 ? v : xmlText(v);
}

const CELL_TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'n', 'd'];

/** A cell's t attribute as an interned string. */
function cellType(b: Uint8Array, s: number, e: number): string {
  for (const t of CELL_TYPES) {
    if (t.length !== e - s) continue;
    let same = true;
    for (let i = 0; i < t.length; i++) if (b[s + i] !== t.charCodeAt(i)) same = false;
    if (same) return t;
  }
  return text(b, s, e);
}

/**
 * `row` cut or filled to `length` cells, holes filled with `fill`, in place. No cell holds
 * undefined, so reading undefined means a hole (cheaper than the `in` operator).
 */
function dense<T>(row: T[], length: number, fill: T): void {
  if (row.length > length) row.length = length;
  for (let c = 0; c < length; c++) if (row[c] === undefined) row[c] = fill;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// the scanner

/** One worksheet read incrementally: `scan` what has arrived, then `finish`. */
export class SheetScanner {
  private readonly values: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private readonly numberFormats: string[][] = [];
  private readonly hiddenRows: number[] = [];
  private readonly merges: RangeBox[] = [];
  private readonly hyperlinkRefs: string[] = [];
  private readonly rowNumFmt = new Map<number, string | undefined>();
  private readonly colNumFmt: { min: number; max: number; fmt: string | undefined }[] = [];
  private readonly sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  private protectedSheet = false;
  private rowNo = 0;
  private prevCol = 0;
  /** The widest row so far: a new row's array is made that long, so it never grows (less memory, no copy). */
  private width = 1;
  private inSheetData = false;
  /** The worksheet element has ended: only whitespace may follow (see finish). */
  private rootEnded = false;
  /** By style id: the number format name of the Grid and whether exceljs reads it as a date. */
  private readonly formatName: string[];
  private readonly dateStyle: boolean[];
  private readonly tag = {} as Tag;
  private readonly attrs: CellAttrs = { r: undefined, s: undefined, t: undefined };

  constructor(
    private readonly ref: SheetRef,
    private readonly ctx: SheetCtx,
    private readonly texts?: TextCells,
  ) {
    this.formatName = ctx.formats.map((f) => (typeof f === 'string' && f !== '' ? f : 'General'));
    this.dateStyle = ctx.formats.map((f) => isDateFmt(f));
  }

  /**
   * Read every complete tag and cell of `b`; returns how many bytes were consumed (the rest must
   * be given again, followed by more, on the next call). With `final`, `b` is the end of the XML.
   */
  scan(bytes: Uint8Array, final: boolean, from = 0): number {
    // A plain Uint8Array view: a Node Buffer's own indexOf is slow for short searches, and one
    // element kind keeps the byte reads monomorphic.
    const b = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = b.length;
    const usual = this.texts === undefined;
    let i = from;
    for (;;) {
      if (this.rootEnded) return this.afterRoot(b, i, final);
      // Tags follow each other without text in between, mostly: look at the next byte first.
      const lt = i < n && b[i] === LT ? i : b.indexOf(LT, i);
      if (lt < 0) return n;
      if (lt + 1 >= n) return final ? n : lt;
      const c1 = b[lt + 1];
      if (c1 === 99 /* c */ && usual && this.inSheetData && lt + 2 < n && b[lt + 2] === 32) {
        const next = this.usualCells(b, lt);
        if (next > lt) {
          i = next;
          continue;
        }
      }
      // </row> and <row …> without the general tag scan (what it would do with them).
      if (c1 === SLASH && lt + 5 < n && b[lt + 2] === 114 /* r */ && b[lt + 3] === 111 /* o */ && b[lt + 4] === 119 /* w */ && b[lt + 5] === GT) {
        i = lt + 6;
        continue;
      }
      if (c1 === 114 /* r */ && lt + 4 < n && b[lt + 2] === 111 /* o */ && b[lt + 3] === 119 /* w */ && b[lt + 4] === 32) {
        let gt = lt + 5;
        while (gt < n && b[gt] !== GT) gt++;
        if (gt >= n) return final ? n : lt;
        this.row(b, lt + 4, b[gt - 1] === SLASH ? gt - 1 : gt);
        i = gt + 1;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (lt + CDATA.length > n && !final) return lt;
        if (startsWith(b, lt, CDATA)) throw new GridReaderUnsupported('CDATA');
        const comment = startsWith(b, lt, COMMENT);
        const x = comment ? indexOfSeq(b, COMMENT_END, lt + 4) : b.indexOf(GT, lt);
        if (x < 0) {
          if (final) throw new GridReaderUnsupported('unterminated declaration');
          return lt;
        }
        i = comment ? x + 3 : x + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const x = indexOfSeq(b, PI_END, lt + 2);
        if (x < 0) return final ? n : lt;
        i = x + 2;
        continue;
      }
      let gt = lt + 1;
      while (gt < n && b[gt] !== GT) gt++;
      if (gt >= n) return final ? n : lt;
      const close = c1 === SLASH;
      const s = close ? lt + 2 : lt + 1;
      let e = s;
      while (e < gt) {
        const ch = b[e];
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === SLASH) break;
        e++;
      }
      let ns = s;
      for (let k = s; k < e; k++) {
        if (b[k] === 58 /* : */) {
          ns = k + 1;
          break;
        }
      }
      const selfClose = b[gt - 1] === SLASH;
      if (!close && this.inSheetData && e - ns === 1 && b[ns] === 99 /* c */) {
        const next = this.cell(b, lt, e, gt, selfClose, final);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (close) {
        if (nameIs(b, ns, e, NAMES.sheetData)) this.inSheetData = false;
        else if (nameIs(b, ns, e, NAMES.worksheet)) {
          // </worksheet> with <sheetData> still open: cut inside the rows and closed by hand.
          if (this.inSheetData) throw new GridReaderDamaged(DAMAGE_MSG.sheetCut(this.ref.name, this.rowNo));
          this.rootEnded = true;
        }
      } else {
        if (selfClose && nameIs(b, ns, e, NAMES.worksheet)) this.rootEnded = true;
        this.element(b, ns, e, selfClose ? gt - 1 : gt, selfClose);
      }
      i = gt + 1;
    }
  }

  /**
   * After </worksheet>: XML allows whitespace, comments and processing instructions there, and
   * exceljs refuses anything else ("only one root", "text data outside of root node"), so anything
   * else is damage. Returns how many bytes were consumed, as scan.
   */
  private afterRoot(b: Uint8Array, from: number, final: boolean): number {
    const n = b.length;
    let i = from;
    while (i < n) {
      const c = b[i];
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      if (c !== LT) throw new GridReaderDamaged(DAMAGE_MSG.sheetTail(this.ref.name));
      const comment = i + 1 < n && b[i + 1] === 33; /* ! */
      const pi = i + 1 < n && b[i + 1] === 63; /* ? */
      if (i + (comment ? 4 : 2) > n) {
        if (final) throw new GridReaderDamaged(DAMAGE_MSG.sheetTail(this.ref.name));
        return i;
      }
      if (!pi && !(comment && startsWith(b, i, COMMENT))) throw new GridReaderDamaged(DAMAGE_MSG.sheetTail(this.ref.name));
      const x = pi ? indexOfSeq(b, PI_END, i + 2) : indexOfSeq(b, COMMENT_END, i + 4);
      if (x < 0) {
        if (final) throw new GridReaderDamaged(DAMAGE_MSG.sheetTail(this.ref.name));
        return i;
      }
      i = x + (pi ? 2 : 3);
    }
    return n;
  }

  /**
   * A <row> tag's attributes b[s, e): r, hidden and s, in one pass over the usual row (`<row r="3"
   * spans="1:12" …>`: no entity in any value); otherwise by attrValue, one attribute at a time.
   */
  private row(b: Uint8Array, s: number, e: number): void {
    // -1: absent; -2: present but not plain digits (or hidden's value other than 1/true, 0).
    let rNo = -1;
    let hidden = -1;
    let style = -1;
    let general = false;
    for (let i = nextAttr(b, s, e); i >= 0; i = nextAttr(b, i, e)) {
      const vs = valueStart;
      const close = valueEnd;
      const k = keyStart;
      const ke = keyEnd;
      const isR = rNo === -1 && nameIs(b, k, ke, R);
      const isHidden = !isR && hidden === -1 && nameIs(b, k, ke, HIDDEN);
      const isS = !isR && !isHidden && style === -1 && nameIs(b, k, ke, S);
      if ((isR || isHidden || isS) && hasByte(b, vs, close, 38 /* & */)) general = true;
      else if (isR) rNo = allDigits(b, vs, close) && close - vs <= 9 ? digitsValue(b, vs, close) : -2;
      else if (isHidden) hidden = (close - vs === 1 && b[vs] === 49) /* 1 */ || nameIs(b, vs, close, TRUE) ? 1 : 0;
      else if (isS) style = close === vs ? 0 : allDigits(b, vs, close) && close - vs <= 9 ? digitsValue(b, vs, close) + 1 : -2;
    }
    if (general || rNo === -2 || style === -2) {
      // Entities, or a number that is not plain digits: attrValue's decoding and parseInt.
      const r = attrValue(b, s, e, R);
      this.rowNo = r !== undefined ? parseInt(r, 10) : this.rowNo + 1;
      const h = attrValue(b, s, e, HIDDEN);
      hidden = h === '1' || h === 'true' ? 1 : 0;
      const st = attrValue(b, s, e, S);
      style = st ? parseInt(st, 10) + 1 : 0;
    } else this.rowNo = rNo >= 0 ? rNo : this.rowNo + 1;
    this.prevCol = 0;
    if (hidden === 1) this.hiddenRows.push(this.rowNo - 1);
    // style: 1 + the style id; 0 or -1 for none (NaN for an unreadable id, as parseInt gives it).
    if (style > 0 || Number.isNaN(style)) this.rowNumFmt.set(this.rowNo, this.ctx.formats[style - 1]);
  }

  /** A tag other than a cell: the sheet-level facts the Grid needs. */
  private element(b: Uint8Array, ns: number, e: number, attrsEnd: number, selfClose: boolean): void {
    if (nameIs(b, ns, e, NAMES.row)) {
      this.row(b, e, attrsEnd);
      return;
    }
    if (nameIs(b, ns, e, NAMES.sheetData)) {
      this.inSheetData = !selfClose;
      return;
    }
    const isCol = nameIs(b, ns, e, NAMES.col);
    const isMerge = !isCol && nameIs(b, ns, e, NAMES.mergeCell);
    const isProtection = !isCol && !isMerge && nameIs(b, ns, e, NAMES.sheetProtection);
    const isLink = !isCol && !isMerge && !isProtection && nameIs(b, ns, e, NAMES.hyperlink);
    if (!isCol && !isMerge && !isProtection && !isLink) return;
    const attrs = text(b, e, attrsEnd);
    if (isCol) {
      const s = attr(attrs, 'style');
      const fmt = s ? this.ctx.formats[parseInt(s, 10)] : undefined;
      if (fmt) this.colNumFmt.push({ min: Number(attr(attrs, 'min')), max: Number(attr(attrs, 'max')), fmt });
    } else if (isMerge) {
      const ref = attr(attrs, 'ref') ?? '';
      const [a, z] = ref.split(':');
      const p = decodeRef(a);
      const q = z === undefined ? p : decodeRef(z);
      if (!p || !q) throw new GridReaderUnsupported(`merge ${ref}`);
      this.merges.push({
        top: Math.min(p.row, q.row) - 1,
        left: Math.min(p.col, q.col) - 1,
        bottom: Math.max(p.row, q.row) - 1,
        right: Math.max(p.col, q.col) - 1,
      });
    } else if (isProtection) {
      this.protectedSheet = attr(attrs, 'sheet') === '1';
    } else {
      const ref = attr(attrs, 'ref');
      if (ref !== undefined && (attr(attrs, 'r:id') !== undefined || attr(attrs, 'id') !== undefined)) this.hyperlinkRefs.push(ref);
    }
  }

  /**
   * A run of usual cells, each read in one pass: `<c r="B3" s="1" t="s"><v>13</v></c>` with s and
   * t optional (in this order, one space before each, double quotes), t "s" with a plain index or
   * no t with a number. Returns the index after the last one read (`lt` when none): any other
   * shape, or a cell not complete in `b`, is left to `cell`, which reads these shapes the same way.
   * Stores as `put` does, with the run's row arrays and the context held in locals.
   */
  private usualCells(b: Uint8Array, lt: number): number {
    const n = b.length;
    const { strings, date1904 } = this.ctx;
    const { values, formulas, numberFormats, formatName, dateStyle } = this;
    let at = lt;
    let rowIndex = -1;
    let vr: CellValue[] = [];
    let fr: (string | null)[] | undefined;
    let nr: string[] | undefined;
    // No read beyond the end (an out-of-bounds read deoptimizes): the tag up to <v> is at most
    // 43 bytes, the loops are bounded and the value is checked against the end.
    while (at + 48 <= n && b[at] === LT && b[at + 1] === 99 /* c */ && b[at + 2] === 32) {
      let p = at + 3;
      if (b[p] !== 114 /* r */ || b[p + 1] !== 61 /* = */ || b[p + 2] !== 34 /* " */) break;
      p += 3;
      const cs = p;
      let col = 0;
      while (p - cs < 4 && b[p] >= 65 && b[p] <= 90) col = col * 26 + (b[p++] - 64);
      if (p === cs || p - cs > 3) break;
      const rs = p;
      let row = 0;
      while (p - rs < 10 && b[p] >= 48 && b[p] <= 57) row = row * 10 + (b[p++] - 48);
      if (p === rs || p - rs > 9 || row < 1 || b[p] !== 34) break;
      p++;
      let styleId = -1;
      if (b[p] === 32 && b[p + 1] === 115 /* s */ && b[p + 2] === 61 && b[p + 3] === 34) {
        p += 4;
        const ss = p;
        let id = 0;
        while (p - ss < 10 && b[p] >= 48 && b[p] <= 57) id = id * 10 + (b[p++] - 48);
        if (p === ss || p - ss > 9 || b[p] !== 34) break;
        styleId = id;
        p++;
      }
      let shared = false;
      if (b[p] === 32 && b[p + 1] === 116 /* t */ && b[p + 2] === 61 && b[p + 3] === 34) {
        if (b[p + 4] !== 115 /* s */ || b[p + 5] !== 34) break;
        shared = true;
        p += 6;
      }
      // ><v>
      if (b[p] !== GT || b[p + 1] !== LT || b[p + 2] !== 118 /* v */ || b[p + 3] !== GT) break;
      p += 4;
      const vs = p;
      let num = 0;
      while (p < n && b[p] >= 48 && b[p] <= 57) num = num * 10 + (b[p++] - 48);
      // Digits only and at most 15 of them (9 for an index) are exact; anything else is parseFloat's.
      let plain = p - vs <= (shared ? 9 : 15);
      if (p < n && b[p] !== LT) {
        if (shared) break;
        plain = false;
        while (p < n && b[p] !== LT && b[p] !== 38 /* & */ && b[p] !== 13 /* CR */) p++;
        if (p < n && b[p] !== LT) break;
      }
      const ve = p;
      if (ve === vs || (shared && !plain) || p + 8 > n) break;
      // </v></c>
      if (b[p + 1] !== SLASH || b[p + 2] !== 118 || b[p + 3] !== GT || b[p + 4] !== LT || b[p + 5] !== SLASH || b[p + 6] !== 99 || b[p + 7] !== GT) break;
      let v: CellValue;
      if (shared) {
        const s = strings[num];
        if (s === undefined) throw new GridReaderDamaged(DAMAGE_MSG.missingString(this.ref.name, a1(row - 1, col - 1), num));
        v = s;
      } else {
        const x = plain ? num : parseFloat(text(b, vs, ve));
        v = styleId >= 0 && dateStyle[styleId] ? viaDate(x, date1904) : x;
      }
      const fmt = styleId >= 0 ? (formatName[styleId] ?? 'General') : 'General';
      const r = row - 1;
      const c = col - 1;
      if (r !== rowIndex) {
        rowIndex = r;
        vr = values[r] ?? (values[r] = new Array<CellValue>(this.width));
        fr = formulas[r];
        nr = numberFormats[r];
      }
      vr[c] = v;
      if (col > this.width) this.width = col;
      if (fr) fr[c] = null;
      if (fmt !== 'General' || nr) (nr ??= numberFormats[r] = new Array<string>(this.width))[c] = fmt;
      this.prevCol = col;
      at = p + 8;
    }
    return at;
  }

  /**
   * The cell whose tag is b[lt, gt]; returns the index after it, or -1 when it is not complete in
   * `b` yet (never when `final`).
   */
  private cell(b: Uint8Array, lt: number, nameEnd: number, gt: number, selfClose: boolean, final: boolean): number {
    const n = b.length;
    let end = gt + 1;
    let vS = -1;
    let vE = -1;
    let simple = true;
    let vDigits = true;
    let vSpecial = false;
    if (!selfClose) {
      // The usual cell: <c …><v>text</v></c>, read in one pass (digits, and entities or CRs, noted).
      if (end + 3 > n && !final) return -1;
      if (b[end] === LT && b[end + 1] === 118 /* v */ && b[end + 2] === GT) {
        let p = end + 3;
        while (p < n) {
          const c = b[p];
          if (c === LT) break;
          if (c < 48 || c > 57) {
            vDigits = false;
            if (c === 38 /* & */ || c === 13 /* CR */) vSpecial = true;
          }
          p++;
        }
        if (p + 8 > n && !final) return -1;
        // </v></c>
        if (b[p + 1] === SLASH && b[p + 2] === 118 && b[p + 3] === GT && b[p + 4] === LT && b[p + 5] === SLASH && b[p + 6] === 99 && b[p + 7] === GT) {
          vS = end + 3;
          vE = p;
          end = p + 8;
        } else simple = false;
      } else simple = false;
    }
    if (!simple) {
      const cellEnd = this.cellEnd(b, end, final);
      if (cellEnd < 0) return -1;
      this.slowCell(text(b, lt, cellEnd));
      return cellEnd;
    }
    // Entities and line ends in the value: xmlText's decoding, by the string way.
    if (vSpecial) {
      this.slowCell(text(b, lt, end));
      return end;
    }
    // Attributes: r, s and t (cellAttrs's rules); anything unusual goes the string way.
    const attrsEnd = selfClose ? gt - 1 : gt;
    let rS = -1;
    let rE = -1;
    let sS = -1;
    let sE = -1;
    let tS = -1;
    let tE = -1;
    for (let i = nextAttr(b, nameEnd, attrsEnd); i >= 0; i = nextAttr(b, i, attrsEnd)) {
      if (keyEnd !== keyStart + 1) continue;
      if (hasByte(b, valueStart, valueEnd, 38 /* & */)) {
        this.slowCell(text(b, lt, end));
        return end;
      }
      const ch = b[keyStart];
      if (ch === 114) {
        rS = valueStart;
        rE = valueEnd;
      } else if (ch === 115) {
        sS = valueStart;
        sE = valueEnd;
      } else if (ch === 116) {
        tS = valueStart;
        tE = valueEnd;
      }
    }
    let col: number;
    let row = this.rowNo;
    if (rS >= 0) {
      let p = rS;
      let c = 0;
      while (p < rE && b[p] >= 65 && b[p] <= 90) c = c * 26 + (b[p++] - 64);
      if (p > rS && p < rE && allDigits(b, p, rE) && rE - p <= 9 && digitsValue(b, p, rE) >= 1) {
        col = c;
        row = digitsValue(b, p, rE);
      } else {
        const r = text(b, rS, rE);
        const a = decodeRef(r);
        if (!a) throw new GridReaderUnsupported(`cell reference ${r}`);
        col = a.col;
        row = a.row;
      }
    } else col = this.prevCol + 1;
    const styleId = sS < 0 || sE === sS ? undefined : allDigits(b, sS, sE) && sE - sS <= 9 ? digitsValue(b, sS, sE) : parseInt(text(b, sS, sE), 10);
    const type = tS < 0 ? undefined : cellType(b, tS, tE);
    const hasValue = vS >= 0 && vE > vS;
    if (!hasValue && !styleId) return end; // exceljs: a cell with neither value nor style is a merge placeholder
    this.prevCol = col;
    const fmtName = styleId !== undefined ? (this.formatName[styleId] ?? 'General') : 'General';
    let v: CellValue = null;
    if (hasValue) {
      switch (type) {
        case 's': {
          const k = vDigits && vE - vS <= 9 ? digitsValue(b, vS, vE) : parseInt(text(b, vS, vE), 10);
          const s = this.ctx.strings[k];
          if (s === undefined) throw new GridReaderDamaged(DAMAGE_MSG.missingString(this.ref.name, a1(row - 1, col - 1), k));
          v = s;
          if (this.texts && typeof v === 'string' && !this.ctx.richStrings.has(k)) addText(this.texts, row, col, v);
          break;
        }
        case 'str':
          v = excelJsXmlDecode(text(b, vS, vE));
          if (this.texts) addText(this.texts, row, col, v);
          break;
        case 'inlineStr':
          v = text(b, vS, vE);
          if (this.texts) addText(this.texts, row, col, v);
          break;
        case 'b':
          v = parseInt(text(b, vS, vE), 10) !== 0;
          break;
        case 'e':
          v = { error: text(b, vS, vE) };
          break;
        default: {
          const num = vDigits && vE - vS <= 15 ? digitsValue(b, vS, vE) : parseFloat(text(b, vS, vE));
          v = styleId !== undefined && this.dateStyle[styleId] ? viaDate(num, this.ctx.date1904) : num;
        }
      }
    }
    this.put(row - 1, col - 1, v, null, fmtName);
    return end;
  }

  /** Index after the `</c>` closing the cell whose children start at `from`; -1 when not in `b` yet. */
  private cellEnd(b: Uint8Array, from: number, final: boolean): number {
    const n = b.length;
    let i = from;
    for (;;) {
      const lt = b.indexOf(LT, i);
      if (lt < 0 || lt + 1 >= n) break;
      const c1 = b[lt + 1];
      if (c1 === 33 /* ! */) {
        if (lt + CDATA.length > n && !final) return -1;
        if (startsWith(b, lt, CDATA)) throw new GridReaderUnsupported('CDATA');
        const comment = startsWith(b, lt, COMMENT);
        const x = comment ? indexOfSeq(b, COMMENT_END, lt + 4) : b.indexOf(GT, lt);
        if (x < 0) break;
        i = comment ? x + 3 : x + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const x = indexOfSeq(b, PI_END, lt + 2);
        if (x < 0) break;
        i = x + 2;
        continue;
      }
      const gt = b.indexOf(GT, lt);
      if (gt < 0) break;
      if (c1 === SLASH) {
        let e = lt + 2;
        while (e < gt) {
          const ch = b[e];
          if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === SLASH) break;
          e++;
        }
        let ns = lt + 2;
        for (let k = ns; k < e; k++) {
          if (b[k] === 58 /* : */) {
            ns = k + 1;
            break;
          }
        }
        if (e - ns === 1 && b[ns] === 99 /* c */) return gt + 1;
      }
      i = gt + 1;
    }
    if (final) throw new GridReaderUnsupported('unterminated cell');
    return -1;
  }

  /** Any cell, read from its XML text (`<c …>…</c>` or `<c …/>`) by the string rules. */
  private slowCell(xml: string): void {
    const ctx = this.ctx;
    const t = this.tag;
    const tag = nextTag(xml, 0, t) as Tag;
    const a = this.attrs;
    cellAttrs(tag.attrs, a);
    const r = a.r;
    let col: number;
    let row = this.rowNo;
    if (r !== undefined) {
      const ref = decodeRef(r);
      if (!ref) throw new GridReaderUnsupported(`cell reference ${r}`);
      col = ref.col;
      row = ref.row;
    } else col = this.prevCol + 1;
    const sAttr = a.s;
    const styleId = sAttr ? parseInt(sAttr, 10) : undefined;
    const type = a.t;
    let fText: string | undefined;
    let fShare: string | undefined;
    let fSi: string | undefined;
    let fRef: string | undefined;
    let vText: string | undefined;
    let rich: string[] | null = null;
    if (!tag.selfClose) {
      // children until </c>
      let inner = nextTag(xml, tag.end, t);
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
        inner = nextTag(xml, inner.end, t);
      }
      if (!inner) throw new GridReaderUnsupported('unterminated cell');
    }
    if (rich) vText = rich.join('');
    const hasValue = vText !== undefined && (rich !== null || vText !== '');
    const isFormula = !!fText || !!fShare;
    // exceljs: a cell with neither value nor style is a merge placeholder, never read.
    if (!isFormula && !hasValue && !styleId) return;
    this.prevCol = col;
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
          if (fSi !== undefined) this.sharedMasters.set(fSi, { formula: text, row, col });
        } else if (!text) {
          const m = fSi !== undefined ? this.sharedMasters.get(fSi) : undefined;
          text = m ? slideFormula(m.formula, m, { row, col }) : '';
        }
      }
      formula = text ? `=${text}` : null;
      v = plainResult(result);
    } else if (hasValue) {
      const raw = vText as string;
      const texts = this.texts;
      switch (type) {
        case 's': {
          const i = parseInt(raw, 10);
          const s = ctx.strings[i];
          if (s === undefined) throw new GridReaderDamaged(DAMAGE_MSG.missingString(this.ref.name, a1(row - 1, col - 1), i));
          v = s;
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
    this.put(row - 1, col - 1, v, formula, n);
  }

  /**
   * Record a cell. A row's formulas and formats arrays are made only when it has a formula or a
   * format other than General: most rows share one all-null and one all-General row in finish().
   */
  private put(r: number, c: number, v: CellValue, f: string | null, n: string): void {
    let vr = this.values[r];
    if (!vr) vr = this.values[r] = new Array<CellValue>(this.width);
    vr[c] = v;
    if (c >= this.width) this.width = c + 1;
    if (f !== null || this.formulas[r]) (this.formulas[r] ??= [])[c] = f;
    if (n !== 'General' || this.numberFormats[r]) (this.numberFormats[r] ??= [])[c] = n;
  }

  /** The Grid, once the whole XML has been scanned. */
  finish(): Grid {
    // A worksheet cut short (no </worksheet>) is damaged: read in part it would check some rows
    // and say nothing of the rest.
    if (!this.rootEnded) throw new GridReaderDamaged(DAMAGE_MSG.sheetCut(this.ref.name, this.rowNo));
    const { values, formulas, numberFormats, merges, texts } = this;
    // Hyperlinked formula cells lose their formula in exceljs (the cell becomes a hyperlink), and a
    // hyperlinked text reads as a hyperlink object, not a string.
    for (const ref of this.hyperlinkRefs) {
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
            if (formulas[r]) delete formulas[r][c];
            if (numberFormats[r]) delete numberFormats[r][c];
          }
        }
      }
      // A master cell absent from the XML is created by the merge with the row's, else the column's, format.
      const mr = values[m.top];
      if (!mr || !(m.left in mr)) {
        const fmt = this.rowNumFmt.get(m.top + 1) ?? this.colNumFmt.find((x) => m.left + 1 >= x.min && m.left + 1 <= x.max)?.fmt;
        if (fmt && fmt !== 'General') this.put(m.top, m.left, null, null, fmt);
      }
    }

    // Used area: rows and columns of the cells that count (a value, a formula or a format), and the merges.
    let rowCount = 0;
    let colCount = 0;
    for (let r = 0; r < values.length; r++) {
      const vr = values[r];
      if (!vr) continue;
      const fr = formulas[r];
      const nr = numberFormats[r];
      for (let c = vr.length - 1; c >= 0; c--) {
        if (vr[c] === undefined || (vr[c] === null && (fr?.[c] ?? null) === null && (nr?.[c] ?? 'General') === 'General')) continue;
        if (r + 1 > rowCount) rowCount = r + 1;
        if (c + 1 > colCount) colCount = c + 1;
        break;
      }
    }
    for (const m of merges) {
      rowCount = Math.max(rowCount, m.bottom + 1);
      colCount = Math.max(colCount, m.right + 1);
    }
    // Dense rows, filled in place: absent cells read as null / no formula / General. Rows without
    // a formula or a format share one array each (a Grid is read-only; applyPlanToGrid copies).
    const V: CellValue[][] = values;
    const F: (string | null)[][] = formulas;
    const N: string[][] = numberFormats;
    const noFormulas = new Array<string | null>(colCount).fill(null);
    const allGeneral = new Array<string>(colCount).fill('General');
    // A row of formats like the previous one shares its array too (a date column: one array, not
    // one per row).
    V.length = F.length = N.length = rowCount;
    let lastFormats = allGeneral;
    for (let r = 0; r < rowCount; r++) {
      const vr = V[r];
      if (!vr) V[r] = new Array<CellValue>(colCount).fill(null);
      else dense(vr, colCount, null);
      if (F[r]) dense(F[r], colCount, null);
      else F[r] = noFormulas;
      const nr = N[r];
      if (nr) {
        dense(nr, colCount, 'General');
        if (sameStrings(nr, lastFormats)) N[r] = lastFormats;
        else lastFormats = nr;
      } else N[r] = allGeneral;
    }
    return {
      sheet: this.ref.name,
      rowCount,
      colCount,
      values: V,
      formulas: F,
      numberFormats: N,
      merges,
      hiddenRows: this.hiddenRows.filter((r) => r < rowCount),
      protected: this.protectedSheet,
      visibility: this.ref.visibility,
    };
  }
}

/** A whole worksheet's XML bytes to a Grid; with `texts`, also the cells exceljs reads as a JS string. */
export function readSheet(xml: Uint8Array, ref: SheetRef, ctx: SheetCtx, texts?: TextCells): Grid {
  const s = new SheetScanner(ref, ctx, texts);
  s.scan(xml, true);
  return s.finish();
}

/** Feeds a chunked XML to a scanner, keeping only the unfinished tail between chunks. */
export class SheetFeeder {
  private tail: Uint8Array | null = null;
  constructor(private readonly scanner: SheetScanner) {}

  push(chunk: Uint8Array): void {
    const tail = this.tail;
    let b = chunk;
    let from = 0;
    if (tail) {
      // The tail is an unfinished tag or cell, mostly a few bytes: finish it with the chunk's first
      // bytes, then scan the chunk itself from there, without copying the whole chunk.
      const head = Math.min(chunk.length, HEAD_BYTES);
      const joined = new Uint8Array(tail.length + head);
      joined.set(tail);
      joined.set(chunk.subarray(0, head), tail.length);
      const used = this.scanner.scan(joined, false);
      if (used > tail.length) from = used - tail.length;
      else {
        // An element longer than the head (a long inline string): join it all.
        b = new Uint8Array(tail.length + chunk.length);
        b.set(tail);
        b.set(chunk, tail.length);
        from = used;
      }
    }
    const used = this.scanner.scan(b, false, from);
    this.tail = used < b.length ? b.slice(used) : null;
  }

  end(): Grid {
    this.scanner.scan(this.tail ?? new Uint8Array(0), true);
    this.tail = null;
    return this.scanner.finish();
  }
}
