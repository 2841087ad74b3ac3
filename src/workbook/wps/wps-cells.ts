/**
 * Reading and writing cell matrices over the WPS 表格 (ET) object model (WPS 单元格读写), whole
 * ranges at a time: Range.Value2 / Formula give and take 2-D arrays, so the number of ET calls
 * depends on the number of rectangles and format runs, never on the number of rows.
 *
 * - Values come from Value2 (dates as serial numbers, as the engine expects), formulas from
 *   Formula (the formula, or the constant as text), as in Excel's VBA object model that ET mirrors
 *   (src/workbook/wps/et.ts).
 * - Number formats: Range.NumberFormat answers one format for a uniform range and null for a mixed
 *   one (Excel VBA semantics, unverified on WPS), and cannot take an array. So formats are read
 *   per column, splitting a mixed column into its header row and the rest, then halves, until each
 *   part is uniform; and written per vertical run of equal formats. A ledger's columns are uniform
 *   below the header: one or two calls per column.
 * - Writes: contents first, then formats, as in the Office adapter (a formula entered into a Text
 *   "@" cell would stay text, so such cells are set to General first).
 */
import { boxAddress } from '../../ledger/a1-areas';
import { cellBlocks, type CellItem } from '../../ledger/chunk';
import type { CellValue, RangeBox } from '../../ledger/grid';
import { cellValueOf } from '../office/office-read';
import { isFormulaEntry, type CellEntry } from '../plan-writes';
import type { EtMatrix, EtRange, EtWorksheet } from './et';

/**
 * Excel's CVErr numbers (xlErrDiv0 2007 … as HRESULT-style negative longs), in case ET hands an
 * error cell's Value2 over as a number rather than as its text (unverified which it does).
 */
const CVERR: Record<number, string> = {
  [-2146826281]: '#DIV/0!',
  [-2146826246]: '#N/A',
  [-2146826259]: '#NAME?',
  [-2146826288]: '#NULL!',
  [-2146826252]: '#NUM!',
  [-2146826265]: '#REF!',
  [-2146826273]: '#VALUE!',
};

/** A Value2 entry → CellValue. */
export function etValue(v: unknown): CellValue {
  if (typeof v === 'number' && CVERR[v] !== undefined) return { error: CVERR[v] };
  return cellValueOf(v);
}

/** ET's answer as rows × cols (a single cell comes back as a scalar). */
export function toMatrix(v: EtMatrix, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) out.push(new Array(cols).fill(v));
  return out;
}

export const rangeAt = (ws: EtWorksheet, box: RangeBox): EtRange => ws.Range(boxAddress(box));

/** Number formats of `box` (rows × cols), read per column as described above. */
export function readFormats(ws: EtWorksheet, box: RangeBox, whole?: EtRange): string[][] {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const out: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const fill = (b: RangeBox, f: string): void => {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out[r - box.top][c - box.left] = f === '' ? 'General' : f;
  };
  const uniform = (b: RangeBox, range?: EtRange): string | null => {
    const f = (range ?? rangeAt(ws, b)).NumberFormat;
    return typeof f === 'string' ? f : null;
  };
  const all = uniform(box, whole);
  if (all !== null) {
    fill(box, all);
    return out;
  }
  const split = (b: RangeBox, first: boolean): void => {
    const f = b.top === b.bottom && b.left === b.right ? (uniform(b) ?? 'General') : uniform(b);
    if (f !== null) return fill(b, f);
    if (b.left < b.right) {
      for (let c = b.left; c <= b.right; c++) split({ ...b, left: c, right: c }, true);
      return;
    }
    // A column: the header row alone first (the usual case), then halves.
    const cut = first ? b.top : Math.floor((b.top + b.bottom) / 2);
    split({ ...b, bottom: cut }, false);
    split({ ...b, top: cut + 1 }, false);
  };
  split(box, true);
  return out;
}

/** Vertical runs of equal non-null values in each column of a block: [box, value]. */
function runs<T>(top: number, left: number, items: readonly (readonly T[])[], pick: (x: T) => string | null): [RangeBox, string][] {
  const out: [RangeBox, string][] = [];
  const cols = items[0]?.length ?? 0;
  for (let c = 0; c < cols; c++) {
    let start = -1;
    let value: string | null = null;
    for (let r = 0; r <= items.length; r++) {
      const v = r < items.length ? pick(items[r][c]) : null;
      if (v !== value || r === items.length) {
        if (value !== null && start >= 0) out.push([{ top: top + start, left: left + c, bottom: top + r - 1, right: left + c }, value]);
        start = r;
        value = v;
      }
    }
  }
  // Merge equal runs of adjacent columns spanning the same rows into one rectangle.
  const merged: [RangeBox, string][] = [];
  for (const [b, v] of out) {
    const prev = merged.find(([p, pv]) => pv === v && p.top === b.top && p.bottom === b.bottom && p.right === b.left - 1);
    if (prev) prev[0] = { ...prev[0], right: b.right };
    else merged.push([b, v]);
  }
  return merged;
}

/** Write the cells of one sheet: one Formula matrix per rectangle, formats per run. Returns the number of rectangles. */
export function writeEntries(ws: EtWorksheet, cells: readonly CellItem<CellEntry>[]): number {
  const blocks = cellBlocks(cells);
  for (const b of blocks) {
    const box = { top: b.top, left: b.left, bottom: b.top + b.items.length - 1, right: b.left + b.items[0].length - 1 };
    for (const [run] of runs(b.top, b.left, b.items, (x) => (isFormulaEntry(x) && x.numberFormat !== null ? 'General' : null)))
      rangeAt(ws, run).NumberFormat = 'General';
    rangeAt(ws, box).Formula = b.items.map((row) => row.map((x) => x.entry));
    for (const [run, f] of runs(b.top, b.left, b.items, (x) => x.numberFormat)) rangeAt(ws, run).NumberFormat = f;
  }
  return blocks.length;
}
