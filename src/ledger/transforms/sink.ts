/**
 * Where the safe transforms put their edits (修复计划的去向). `fix` needs every CellEdit with the
 * cell's old state (PlanSink); `check` only reports, per sheet and transform, how many cells fix
 * would change, the first few addresses and the first reason (FixableSink, issue 14: a 100k-row
 * roster plans 266,667 date edits, and building each one cost check half a second). Both sinks
 * take the same calls from the same transforms in the same order, so check ⊇ fix holds by
 * construction: at most one edit per cell, the first transform listed wins.
 */
import type { Msg } from '../../i18n/message';
import { cellStateAt } from '../apply-plan';
import type { CellEdit, CellWrite } from '../edit-plan';
import type { Grid } from '../grid';

/** A value, or how to make it: a transform that plans a formula per row need not build it for check. */
export type Lazy<T> = T | (() => T);

export interface EditSink {
  /**
   * Plan `code`'s edit of the cell (row, col) of this sheet, unless an earlier transform planned
   * that cell. `next` and `why` are built (when given as functions) only if they are needed.
   */
  add(row: number, col: number, code: string, next: Lazy<CellWrite>, why: Lazy<Msg>): void;
}

const force = <T>(x: Lazy<T>): T => (typeof x === 'function' ? (x as () => T)() : x);

/** Cells already planned on one sheet: a byte per row for each column touched (no key per cell). */
class PlannedCells {
  private readonly byCol = new Map<number, Uint8Array>();
  private readonly beyond = new Set<number>();
  // The column of the previous claim: a transform walks a column (or a row's few columns) at a time.
  private lastCol = -1;
  private last: Uint8Array | null = null;
  constructor(private readonly rows: number) {}

  /** Marks the cell; false when it was marked already. */
  claim(row: number, col: number): boolean {
    if (row >= this.rows) {
      // Past the used rows (never so far: transforms write in data and header rows): one key per cell.
      const key = row * 16384 + col;
      if (this.beyond.has(key)) return false;
      this.beyond.add(key);
      return true;
    }
    let c = col === this.lastCol ? this.last : this.byCol.get(col);
    if (!c) this.byCol.set(col, (c = new Uint8Array(this.rows)));
    this.lastCol = col;
    this.last = c;
    if (c[row]) return false;
    c[row] = 1;
    return true;
  }
}

/** Every edit, as `fix` applies it. */
export class PlanSink implements EditSink {
  private readonly planned: PlannedCells;
  constructor(
    private readonly sheet: string,
    private readonly grid: Grid,
    private readonly edits: CellEdit[],
  ) {
    this.planned = new PlannedCells(grid.rowCount);
  }

  add(row: number, col: number, code: string, next: Lazy<CellWrite>, why: Lazy<Msg>): void {
    if (!this.planned.claim(row, col)) return;
    this.edits.push({ sheet: this.sheet, row, col, old: cellStateAt(this.grid, row, col), new: force(next), why: force(why), code });
  }
}

/** What check reports of one sheet's edits of one transform. */
export interface FixableGroup {
  readonly sheet: string;
  readonly code: string;
  /** How many cells. */
  count: number;
  /** The first cells, in plan order (at most `listed`). */
  readonly cells: { readonly row: number; readonly col: number }[];
  /** The reason of the first edit. */
  readonly why: Msg;
}

/** Counts and the first cells per transform, in the order the plan would list them. */
export class FixableSink implements EditSink {
  private readonly planned: PlannedCells;
  private readonly byCode = new Map<string, FixableGroup>();
  private last: FixableGroup | null = null;
  constructor(
    private readonly sheet: string,
    grid: Grid,
    private readonly groups: FixableGroup[],
    private readonly listed: number,
  ) {
    this.planned = new PlannedCells(grid.rowCount);
  }

  add(row: number, col: number, code: string, _next: Lazy<CellWrite>, why: Lazy<Msg>): void {
    if (!this.planned.claim(row, col)) return;
    let g = code === this.last?.code ? this.last : this.byCode.get(code);
    if (!g) {
      g = { sheet: this.sheet, code, count: 0, cells: [], why: force(why) };
      this.byCode.set(code, g);
      this.groups.push(g);
    }
    this.last = g;
    g.count++;
    if (g.cells.length < this.listed) g.cells.push({ row, col });
  }
}
