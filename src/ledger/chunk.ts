/**
 * Splitting a set of cell writes into rectangular range writes (区域写入) and packing them into
 * requests below a byte budget. Excel on the web refuses a request or response above 5 MB
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * "Excel add-ins": payload size limit for requests and responses), so the Office adapter writes
 * whole matrices but never more than one budget per `context.sync()`.
 *
 * Only cells that are actually written are covered: a rectangle is made of vertical runs of
 * written cells in adjacent columns that span the same rows, so no untouched cell is rewritten
 * (rewriting it would turn a formula into its value, or lose a format). Pure.
 */

/** One cell to write, 0-based. */
export interface CellItem<T> {
  readonly row: number;
  readonly col: number;
  readonly item: T;
}

/** A rectangle of written cells: items[r][c] is the cell at (top + r, left + c). */
export interface Block<T> {
  readonly top: number;
  readonly left: number;
  readonly items: readonly (readonly T[])[];
}

/**
 * Rectangles covering exactly the given cells (each cell once; the last item wins for a cell
 * given twice). A column edited on 20,000 consecutive rows is one block, not 20,000.
 */
export function cellBlocks<T>(cells: readonly CellItem<T>[]): Block<T>[] {
  const byKey = new Map<number, CellItem<T>>();
  for (const c of cells) byKey.set(c.col * 1_048_576 + c.row, c);
  const sorted = [...byKey.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  // Vertical runs per column.
  interface Run {
    col: number;
    top: number;
    items: T[];
  }
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.top + last.items.length === c.row) last.items.push(c.item);
    else runs.push({ col: c.col, top: c.row, items: [c.item] });
  }
  // Merge runs of adjacent columns with the same row span into one rectangle.
  const open = new Map<string, { top: number; left: number; nextCol: number; columns: T[][] }>();
  const blocks: Block<T>[] = [];
  const close = (b: { top: number; left: number; columns: T[][] }): void => {
    const height = b.columns[0].length;
    const items: T[][] = [];
    for (let r = 0; r < height; r++) items.push(b.columns.map((col) => col[r]));
    blocks.push({ top: b.top, left: b.left, items });
  };
  for (const run of runs) {
    const key = `${run.top}:${run.items.length}`;
    const b = open.get(key);
    if (b && b.nextCol === run.col) {
      b.columns.push(run.items);
      b.nextCol++;
    } else {
      if (b) close(b);
      open.set(key, { top: run.top, left: run.col, nextCol: run.col + 1, columns: [run.items] });
    }
  }
  for (const b of open.values()) close(b);
  return blocks.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Bytes of a string in UTF-8, the encoding the request travels in (CJK text is 3 bytes a char). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated JSON bytes of one matrix entry (quotes, escapes and the comma included). */
export function entryBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === 'string') return utf8Length(JSON.stringify(v)) + 1;
  return String(v).length + 1;
}

/**
 * Cut blocks into pieces of at most `budget` bytes (by whole rows; a single row above the
 * budget is an error the caller reports) and pack them greedily into batches of at most
 * `budget` bytes each. `rowBytes(block, r)` estimates the payload of row r of a block.
 */
export function packBlocks<T>(blocks: readonly Block<T>[], rowBytes: (items: readonly T[]) => number, budget: number, overheadPerBlock = 200): Block<T>[][] {
  const pieces: { block: Block<T>; bytes: number }[] = [];
  for (const b of blocks) {
    let start = 0;
    let bytes = overheadPerBlock;
    for (let r = 0; r < b.items.length; r++) {
      const rb = rowBytes(b.items[r]);
      if (rb + overheadPerBlock > budget) throw new RangeError(`row ${b.top + r} of a write is larger than the request budget`);
      if (bytes + rb > budget) {
        pieces.push({ block: { top: b.top + start, left: b.left, items: b.items.slice(start, r) }, bytes });
        start = r;
        bytes = overheadPerBlock;
      }
      bytes += rb;
    }
    pieces.push({ block: start === 0 ? b : { top: b.top + start, left: b.left, items: b.items.slice(start) }, bytes });
  }
  const batches: Block<T>[][] = [];
  let current: Block<T>[] = [];
  let used = 0;
  for (const p of pieces) {
    if (current.length > 0 && used + p.bytes > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(p.block);
    used += p.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
