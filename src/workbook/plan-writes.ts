/**
 * What every live-workbook adapter (Office, WPS) does the same way around an apply or an undo
 * (计划写入): the undo snapshot from the cells' current states, and the cell entries to write for
 * a plan or to restore a snapshot, grouped by sheet. Pure.
 */
import type { Msg } from '../i18n/message';
import type { CellState, EditPlan, UndoSnapshot } from '../ledger/edit-plan';
import { newSnapshotId, restoreWrites } from '../ledger/apply-plan';
import type { CellItem } from '../ledger/chunk';
import { writeEntry } from '../ledger/text-entry';

/** One cell's matrix entry (see src/ledger/text-entry.ts) and its new number format (null: leave it). */
export interface CellEntry {
  readonly entry: string | number | boolean;
  readonly numberFormat: string | null;
}

export interface SheetWrites {
  readonly sheet: string;
  readonly cells: readonly CellItem<CellEntry>[];
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;

/** The snapshot that undoes `plan`, given the current state of every planned cell. */
export function snapshotOf(plan: EditPlan, states: ReadonlyMap<string, CellState>, label: Msg, now: Date): UndoSnapshot {
  return {
    id: newSnapshotId(now),
    createdAt: now.toISOString(),
    label,
    cells: plan.edits.map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, state: states.get(cellKey(e.sheet, e.row, e.col)) as CellState })),
    createdSheets: [],
  };
}

function bySheet(items: readonly { sheet: string; row: number; col: number; item: CellEntry }[]): SheetWrites[] {
  const out = new Map<string, CellItem<CellEntry>[]>();
  for (const x of items) {
    let list = out.get(x.sheet);
    if (!list) out.set(x.sheet, (list = []));
    list.push({ row: x.row, col: x.col, item: x.item });
  }
  return [...out].map(([sheet, cells]) => ({ sheet, cells }));
}

/** The entries that carry out `plan`. Formula cells always get their (kept) format, so a Text cell can take the formula. */
export function planWrites(plan: EditPlan, states: ReadonlyMap<string, CellState>): SheetWrites[] {
  return bySheet(
    plan.edits.map((e) => {
      const keep = e.new.formula !== undefined ? (states.get(cellKey(e.sheet, e.row, e.col))?.numberFormat ?? null) : null;
      return { sheet: e.sheet, row: e.row, col: e.col, item: { entry: writeEntry(e.new), numberFormat: e.new.numberFormat ?? keep } };
    }),
  );
}

/** The entries that restore a snapshot exactly (format included). */
export function undoWrites(snapshot: UndoSnapshot): SheetWrites[] {
  return bySheet(
    restoreWrites(snapshot).map((w) => ({
      sheet: w.sheet,
      row: w.row,
      col: w.col,
      item: { entry: writeEntry(w.write), numberFormat: w.write.numberFormat ?? 'General' },
    })),
  );
}

export const isFormulaEntry = (x: CellEntry): boolean => typeof x.entry === 'string' && x.entry.startsWith('=') && x.entry.length > 1;
