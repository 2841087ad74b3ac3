/**
 * Sheet recognition (表格识别): find the header row(s) under title and unit lines, map columns by
 * synonyms, tell data rows from 序号/合计/blank/section/note rows, and classify the sheet.
 * Works on a Grid only; nothing is read cell by cell from Excel.
 */
import { isBlank } from '../values/cell-input';
import { isAlreadyNormal, normalizeText } from '../values/text';
import type { FieldKey } from './fields';
import { type CellValue, type Grid, type RangeBox } from './grid';
import { headerKey, lookupAmbiguous, lookupHeader, splitYear } from './header-text';
import { mergeAt, textAt } from './grid-text';
import { mapColumns, type TaughtColumn, type TaughtProblem } from './columns';
import type { SheetKind } from './sheet-kind';

export type { TaughtColumn, TaughtProblem };

/** How far down a header may start (title, unit line, date line, blank rows above it). */
const HEADER_SCAN_ROWS = 40;
/** A header names at least this many known fields. */
const MIN_HEADER_FIELDS = 2;

export type SkipReason = 'blank' | 'total' | 'column-numbers' | 'repeated-header' | 'section';

export interface SheetModel {
  readonly sheet: string;
  readonly kind: SheetKind;
  /** 0-based first and last header rows; -1 when no header was found. */
  readonly headerTop: number;
  readonly headerBottom: number;
  /** field → 0-based column. */
  readonly columns: ReadonlyMap<FieldKey, number>;
  /** Fields whose header says the numbers are percentage points (得票率(%)). */
  readonly percentFields: ReadonlySet<FieldKey>;
  /** Date fields whose header says the column holds a month (出生年月, 任现职年月): compared at month precision. */
  readonly monthFields: ReadonlySet<FieldKey>;
  /** Header text of every column (`group|sub` for a two-row header), '' where none. */
  readonly headers: readonly string[];
  /** Fields found by their values under a header no synonym names (证照号码 holding ID numbers). */
  readonly inferred: ReadonlyMap<FieldKey, number>;
  /** Taught columns (a user's mapping) that do not fit this sheet: stale or wrong. */
  readonly taughtProblems: readonly TaughtProblem[];
  /** Header cells that name no known field: { col, text }. */
  readonly unmatched: readonly { readonly col: number; readonly text: string }[];
  /** 0-based data rows, in order. */
  readonly dataRows: readonly number[];
  readonly skipped: readonly { readonly row: number; readonly why: SkipReason }[];
  /** 0-based first row of notes under the table (注：…, 填表人…), or -1. */
  readonly notesFrom: number;
  /** Title and unit lines above the header, joined (used for classification and the brief). */
  readonly title: string;
  /** Last column of the table (0-based), for columns the transforms add. */
  readonly lastCol: number;
}

const TOTAL = /^(?:合计|总计|小计|共计|总数|合计人数|累计)/;
const NOTE = /^(?:注|说明|备注|附注|附：|附:|填表|制表|审核|负责人|联系|单位负责人|填报|统计人|经办人|分管领导|主要领导|签字|盖章)/;

function headerHits(g: Grid, r: number): number {
  const seen = new Set<FieldKey>();
  for (let c = 0; c < g.colCount; c++) {
    const t = textAt(g, r, c);
    if (!t) continue;
    const year = splitYear(t);
    const f = lookupHeader('', t) ?? lookupAmbiguous('', t)?.otherwise ?? (year?.rest ? lookupHeader('', year.rest) : null);
    if (f) seen.add(f);
  }
  return seen.size;
}

function nonEmpty(row: readonly CellValue[]): { col: number; v: CellValue }[] {
  const out: { col: number; v: CellValue }[] = [];
  row.forEach((v, col) => {
    if (!isBlank(v)) out.push({ col, v });
  });
  return out;
}

/**
 * Cell text normalised with every space removed. Text of printable ASCII and common Han is its own
 * normal form and holds no space (normalizeText's shortcut), so the usual cell costs no allocation.
 */
function squeezed(v: string): string {
  return isAlreadyNormal(v) ? v : normalizeText(v).replace(/\s+/g, '');
}

/** textAt(name cell) without spaces. */
function nameTextAt(v: CellValue | undefined): string {
  return typeof v === 'string' ? squeezed(v) : '';
}

// First characters of the TOTAL and NOTE words: text starting with anything else cannot match,
// so the usual data cell is told apart by one character lookup instead of a regex run.
const TOTAL_FIRST = charSet('合总小共累');
const NOTE_FIRST = charSet('注说备附填制审负联单统经分主签盖');

/** A lookup table of UTF-16 code units. */
function charSet(chars: Iterable<string>): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (const ch of chars) set[ch.charCodeAt(0)] = 1;
  return set;
}

function isTotal(t: string): boolean {
  return t !== '' && TOTAL_FIRST[t.charCodeAt(0)] === 1 && TOTAL.test(t);
}

function isNote(t: string): boolean {
  return t !== '' && NOTE_FIRST[t.charCodeAt(0)] === 1 && NOTE.test(t);
}

/** One of the first three filled cells (from `firstCol`) starts with 合计/总计…. */
function totalInFirstThree(row: readonly CellValue[], firstCol: number): boolean {
  let seen = 0;
  for (let c = firstCol; c < row.length && seen < 3; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    seen++;
    if (typeof v === 'string' && isTotal(squeezed(v))) return true;
  }
  return false;
}

/** The header keys of a table, and the first characters they start with. */
interface HeaderKeys {
  readonly keys: ReadonlySet<string>;
  readonly first: Uint8Array;
  /** Header key of any text, remembered per distinct text. */
  readonly keyOf: (t: string) => string;
}

/** How many header texts make a row a repeated header: at least half the filled cells, at least two. */
function repeatNeed(count: number): number {
  return Math.max(2, Math.ceil(count / 2));
}

function isRepeatedHeader(row: readonly CellValue[], count: number, h: HeaderKeys): boolean {
  let hits = 0;
  for (const v of row) if (typeof v === 'string' && !isBlank(v) && h.keys.has(isPlainKey(v) ? v : h.keyOf(v))) hits++;
  return hits >= repeatNeed(count);
}

/** Lower-case ASCII letters, digits and Han only: text that is its own headerKey (the usual data cell). */
function isPlainKey(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    return false;
  }
  return true;
}

/**
 * False only when neither the squeezed text (TOTAL, NOTE) nor the header key of `t` can start with
 * a character of `first`. A first character that is an ASCII letter or digit or a common Han
 * character survives normalizeText, space removal and headerKey (which only lower-cases it), so
 * that character (lower-cased) decides; any other first character may be dropped or changed, so
 * the text stays possible.
 */
function mayStartWith(t: string, first: Uint8Array): boolean {
  return mayStartWithCode(t.charCodeAt(0), first);
}

/** mayStartWith on the text's first UTF-16 code unit (NaN for ''). */
function mayStartWithCode(c: number, first: Uint8Array): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return first[c] === 1;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return first[c] === 1;
  if (c >= 0x41 && c <= 0x5a) return first[c + 0x20] === 1;
  return true;
}

/** A row that only numbers the columns (1 2 3 … under the header). */
function isColumnNumbers(row: readonly CellValue[]): boolean {
  const cells = nonEmpty(row);
  if (cells.length < 3) return false;
  return cells.every((x, i) => Number(typeof x.v === 'string' ? normalizeText(x.v).replace(/[()（）]/g, '') : x.v) === i + 1);
}

/** Find the header block: the row naming the most fields, widened to a two-row header. */
function findHeader(g: Grid): { top: number; bottom: number } | null {
  let best = -1;
  let bestHits = 0;
  const limit = Math.min(g.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const hits = headerHits(g, r);
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  if (best < 0 || bestHits < MIN_HEADER_FIELDS) return null;
  let top = best;
  let bottom = best;
  // A vertical merge in the header row (姓名 over two rows) makes it a two-row header, downwards…
  for (const m of g.merges) {
    if (m.top === best && m.bottom > best && m.bottom <= best + 2 && m.left === m.right) bottom = Math.max(bottom, m.bottom);
    // …or upwards, when the best row is the lower one (应到 | 实到 under 推荐人数).
    if (m.bottom === best && m.top < best && m.top >= best - 2 && m.left === m.right) top = Math.min(top, m.top);
  }
  if (top === best && bottom === best) {
    // A group cell merged across columns with sub-headers below it.
    const groupHere = g.merges.some((m) => m.top === best && m.bottom === best && m.right > m.left && m.right - m.left + 1 < g.colCount);
    if (groupHere && best + 1 < g.rowCount && headerHits(g, best + 1) > 0) bottom = best + 1;
    const groupAbove = g.merges.some((m) => m.top === best - 1 && m.bottom === best - 1 && m.right > m.left && !spansTable(g, m));
    if (groupAbove && bottom === best) top = best - 1;
  }
  return { top, bottom };
}

/** A merge as wide as the used area: a title, not a group header. */
function spansTable(g: Grid, m: RangeBox): boolean {
  return m.left === 0 && m.right >= g.colCount - 2;
}

/** Recognise one sheet. */
export function recognizeSheet(g: Grid, taught: readonly TaughtColumn[] = []): SheetModel {
  const header = findHeader(g);
  const empty: SheetModel = {
    sheet: g.sheet,
    kind: 'unknown',
    headerTop: -1,
    headerBottom: -1,
    columns: new Map(),
    percentFields: new Set(),
    monthFields: new Set(),
    headers: [],
    unmatched: [],
    inferred: new Map(),
    taughtProblems: taught.map((t) => ({ header: t.header, field: t.field, why: 'no-header' as const })),
    dataRows: [],
    skipped: [],
    notesFrom: -1,
    title: g.sheet,
    lastCol: g.colCount - 1,
  };
  if (!header) return empty;
  const { top, bottom } = header;
  const titleParts: string[] = [g.sheet];
  for (let r = 0; r < top; r++) {
    const texts = (g.values[r] ?? []).filter((v): v is string => typeof v === 'string').map((v) => normalizeText(v));
    if (texts.length) titleParts.push(texts.join(' '));
  }
  const title = titleParts.join(' ');
  const cols = mapColumns(g, top, bottom, title, taught);
  const { columns, percentFields, monthFields, unmatched, labels, lastCol, kind, taughtProblems, inferred } = cols;
  const dataRows: number[] = [];
  const skipped: { row: number; why: SkipReason }[] = [];
  let notesFrom = -1;
  const nameCol = columns.get('name');
  const headerKeys = new Set(labels.map((l) => headerKey(l.replace('|', ''))).filter(Boolean));
  // Data cells repeat (dates, posts, units): each distinct text's header key is computed once.
  const keys = new Map<string, string>();
  const keyOf = (t: string): string => {
    let k = keys.get(t);
    if (k === undefined) keys.set(t, (k = headerKey(t)));
    return k;
  };
  const hk: HeaderKeys = { keys: headerKeys, first: charSet([...headerKeys].map((k) => k[0])), keyOf };
  for (let r = bottom + 1; r < g.rowCount; r++) {
    const row = g.values[r] ?? [];
    // One pass over the row, no allocation: how many cells are filled, where the first one is, and
    // whether a first character leaves a total (in the first three) or header texts possible.
    let count = 0;
    let firstCol = -1;
    let maybeTotal = false;
    let maybeHeaders = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') {
        // isBlank of anything but text: only an absent value is blank.
        if (v === null || v === undefined) continue;
        if (count++ === 0) firstCol = c;
        continue;
      }
      // Text: its first character is read once for isBlank's own shortcut (printable ASCII or a
      // common Han character is not blank) and both first-character tests; the empty string (an
      // empty 备注 on every row) is blank without isBlank's regex run.
      const ch = v.charCodeAt(0);
      if (v.length === 0 || (!((ch >= 0x21 && ch <= 0x7e) || (ch >= 0x4e00 && ch <= 0x9fff)) && isBlank(v))) continue;
      if (count++ === 0) firstCol = c;
      if (count <= 3 && mayStartWithCode(ch, TOTAL_FIRST)) maybeTotal = true;
      if (mayStartWithCode(ch, hk.first)) maybeHeaders++;
    }
    if (count === 0) {
      skipped.push({ row: r, why: 'blank' });
      continue;
    }
    const firstV = row[firstCol];
    const firstText = typeof firstV === 'string' ? squeezed(firstV) : '';
    const nameV = nameCol !== undefined ? row[nameCol] : undefined;
    if (dataRows.length === 0 && isColumnNumbers(row)) {
      skipped.push({ row: r, why: 'column-numbers' });
      continue;
    }
    if ((maybeTotal && totalInFirstThree(row, firstCol)) || (typeof nameV === 'string' && mayStartWith(nameV, TOTAL_FIRST) && isTotal(squeezed(nameV)))) {
      skipped.push({ row: r, why: 'total' });
      continue;
    }
    if (isNote(firstText) && (nameCol === undefined || firstCol <= nameCol || nameTextAt(nameV) === firstText)) {
      notesFrom = r;
      break;
    }
    const merge = count === 1 ? mergeAt(g.merges, r, firstCol) : undefined;
    if (merge && merge.right - merge.left >= 2 && firstText.length > 12) {
      // One long text merged across the table under the data: a note without a 注 prefix.
      notesFrom = r;
      break;
    }
    // Every header text passed mayStartWith, so fewer candidates than needed cannot make a repeat.
    if (maybeHeaders >= repeatNeed(count) && isRepeatedHeader(row, count, hk)) {
      skipped.push({ row: r, why: 'repeated-header' });
      continue;
    }
    if (count === 1 && firstCol !== nameCol) {
      // 一、正科级干部 — a section line inside the table.
      skipped.push({ row: r, why: 'section' });
      continue;
    }
    dataRows.push(r);
  }
  return {
    sheet: g.sheet,
    kind,
    headerTop: top,
    headerBottom: bottom,
    columns,
    percentFields,
    monthFields,
    headers: labels,
    unmatched,
    inferred,
    taughtProblems,
    dataRows,
    skipped,
    notesFrom,
    title,
    lastCol,
  };
}

/** The first-character shortcuts of the data-row loop, for the property test that they never skip a match. */
export const ROW_SHORTCUTS = { TOTAL, NOTE, TOTAL_FIRST, NOTE_FIRST, charSet, mayStartWith, squeezed } as const;
