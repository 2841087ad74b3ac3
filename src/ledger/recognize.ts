/**
 * Sheet recognition (表格识别): find the header row(s) under title and unit lines, map columns by
 * synonyms, tell data rows from 序号/合计/blank/section/note rows, and classify the sheet.
 * Works on a Grid only; nothing is read cell by cell from Excel.
 */
import { isBlank } from '../values/cell-input';
import { normalizeText } from '../values/text';
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

/** Lower-case ASCII letters, digits and Han only: text that is its own headerKey (the usual data cell). */
const PLAIN_KEY = /^[a-z0-9\u4e00-\u9fff]*$/;

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

function isBlankRow(row: readonly CellValue[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

function nonEmpty(row: readonly CellValue[]): { col: number; v: CellValue }[] {
  const out: { col: number; v: CellValue }[] = [];
  row.forEach((v, col) => {
    if (!isBlank(v)) out.push({ col, v });
  });
  return out;
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
  for (let r = bottom + 1; r < g.rowCount; r++) {
    const row = g.values[r] ?? [];
    if (isBlankRow(row)) {
      skipped.push({ row: r, why: 'blank' });
      continue;
    }
    const cells = nonEmpty(row);
    const first = cells[0];
    const firstText = typeof first.v === 'string' ? normalizeText(first.v).replace(/\s+/g, '') : '';
    const nameText = nameCol !== undefined ? textAt(g, r, nameCol).replace(/\s+/g, '') : '';
    if (dataRows.length === 0 && isColumnNumbers(row)) {
      skipped.push({ row: r, why: 'column-numbers' });
      continue;
    }
    if (cells.slice(0, 3).some((x) => typeof x.v === 'string' && TOTAL.test(normalizeText(x.v).replace(/\s+/g, ''))) || TOTAL.test(nameText)) {
      skipped.push({ row: r, why: 'total' });
      continue;
    }
    if (NOTE.test(firstText) && (nameCol === undefined || first.col <= nameCol || nameText === firstText)) {
      notesFrom = r;
      break;
    }
    const merge = cells.length === 1 ? mergeAt(g.merges, r, first.col) : undefined;
    if (merge && merge.right - merge.left >= 2 && firstText.length > 12) {
      // One long text merged across the table under the data: a note without a 注 prefix.
      notesFrom = r;
      break;
    }
    const repeats = cells.filter((x) => typeof x.v === 'string' && headerKeys.has(PLAIN_KEY.test(x.v) ? x.v : keyOf(x.v))).length;
    if (repeats >= Math.max(2, Math.ceil(cells.length / 2))) {
      skipped.push({ row: r, why: 'repeated-header' });
      continue;
    }
    if (cells.length === 1 && first.col !== nameCol) {
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
