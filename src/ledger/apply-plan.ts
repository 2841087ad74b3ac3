/**
 * Adapter-independent logic of applying and undoing an EditPlan (修改计划), shared by the file
 * adapter (exceljs) and the Office adapter (Excel JS API) so both refuse the same plans and undo
 * the same way:
 *
 * - `checkPlan` — refuse before writing anything: target sheet missing or protected, a cell
 *   planned twice, a write that is neither a value nor a formula (or a formula without '=').
 * - `cellStateAt` / `snapshotFromGrids` — the exact previous state of every planned cell, taken
 *   from Grids read before the apply (the Office adapter reads once, then writes).
 * - `stateToWrite` / `restoreWrites` — what undo writes back: a formula with its cached result,
 *   or the value, and always the previous number format.
 * - `applyPlanToGrid` — the plan applied to a Grid in memory (previews, tests, property checks).
 *
 * Pure: no Office, no exceljs, no I/O.
 */
import { msg, type Msg } from '../i18n/message';
import { a1, type CellValue, type Grid } from './grid';
import type { CellState, CellWrite, EditPlan, UndoSnapshot } from './edit-plan';

export type PlanProblemCode = 'sheet-protected' | 'sheet-missing' | 'unsupported';

/** Why a plan must not be applied; the adapter turns it into its own error (PortError). */
export interface PlanProblem {
  readonly code: PlanProblemCode;
  readonly sheet: string;
  readonly message: Msg;
}

/** A write is valid when it sets exactly one of value / formula, and a formula starts with '='. */
export function isValidWrite(w: CellWrite): boolean {
  const hasValue = w.value !== undefined;
  const hasFormula = w.formula !== undefined;
  if (hasValue === hasFormula) return false;
  if (hasFormula && !/^=./.test(w.formula as string)) return false;
  if (w.cached !== undefined && !hasFormula) return false;
  return true;
}

/** The first reason the plan cannot be applied to these sheets, or null when it can. */
export function checkPlan(plan: EditPlan, sheets: readonly { readonly name: string; readonly protected: boolean }[]): PlanProblem | null {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const seen = new Set<string>();
  // The first planned cell on a sheet and how many there are, so a refusal names the cell.
  const cellsOn = (sheet: string): { zh: string; en: string } => {
    const on = plan.edits.filter((x) => x.sheet === sheet && Number.isInteger(x.row) && Number.isInteger(x.col) && x.row >= 0 && x.col >= 0);
    const ref = on.length ? a1(on[0].row, on[0].col) : '';
    return {
      zh: `计划修改“${sheet}”${ref && `!${ref}`}${on.length > 1 ? ` 等 ${on.length} 个单元格` : ''}`,
      en: `the plan changes "${sheet}"${ref && `!${ref}`}${on.length > 1 ? ` and ${on.length - 1} more` : ''}`,
    };
  };
  for (const e of plan.edits) {
    const info = byName.get(e.sheet);
    if (!info) {
      const c = cellsOn(e.sheet);
      return {
        code: 'sheet-missing',
        sheet: e.sheet,
        message: msg(
          `找不到工作表“${e.sheet}”（${c.zh}），未做任何修改；该工作表可能已被改名或删除，请重新预览`,
          `Sheet "${e.sheet}" not found (${c.en}); nothing was changed. It may have been renamed or deleted: preview again`,
        ),
      };
    }
    if (info.protected) {
      const c = cellsOn(e.sheet);
      return {
        code: 'sheet-protected',
        sheet: e.sheet,
        message: msg(
          `工作表“${e.sheet}”受保护（${c.zh}），未做任何修改；请先撤销工作表保护`,
          `Sheet "${e.sheet}" is protected (${c.en}); nothing was changed. Unprotect it first`,
        ),
      };
    }
    const ref = a1(e.row, e.col);
    if (!Number.isInteger(e.row) || !Number.isInteger(e.col) || e.row < 0 || e.col < 0) {
      return { code: 'unsupported', sheet: e.sheet, message: msg(`修改计划的单元格位置无效（${e.sheet}）`, `Invalid cell position in the plan (${e.sheet})`) };
    }
    if (!isValidWrite(e.new)) {
      return {
        code: 'unsupported',
        sheet: e.sheet,
        message: msg(
          `“${e.sheet}”!${ref} 的新内容应为一个值或以 = 开头的公式`,
          `"${e.sheet}"!${ref}: the new content must be one value or one formula starting with =`,
        ),
      };
    }
    const key = `${e.sheet}\u0000${e.row}\u0000${e.col}`;
    if (seen.has(key)) {
      return { code: 'unsupported', sheet: e.sheet, message: msg(`“${e.sheet}”!${ref} 在修改计划中出现两次`, `"${e.sheet}"!${ref} appears twice in the plan`) };
    }
    seen.add(key);
  }
  return null;
}

/** The state of a cell in a Grid; cells outside the used area are empty 'General' cells. */
export function cellStateAt(grid: Grid, row: number, col: number): CellState {
  if (row >= grid.rowCount || col >= grid.colCount) return { value: null, formula: null, numberFormat: 'General' };
  return { value: grid.values[row][col], formula: grid.formulas[row][col], numberFormat: grid.numberFormats[row][col] };
}

let counter = 0;
/** A snapshot id unique within this session (time + counter; no randomness needed). */
export function newSnapshotId(now: Date = new Date()): string {
  counter = (counter + 1) % 1e6;
  return `undo-${now.getTime().toString(36)}-${counter.toString(36)}`;
}

/** The undo snapshot of a plan, from Grids read before applying it. */
export function snapshotFromGrids(plan: EditPlan, grids: readonly Grid[], label: Msg, now: Date = new Date()): UndoSnapshot {
  const byName = new Map(grids.map((g) => [g.sheet, g]));
  const cells = plan.edits.map((e) => {
    const g = byName.get(e.sheet);
    const state = g ? cellStateAt(g, e.row, e.col) : { value: null, formula: null, numberFormat: 'General' };
    return { sheet: e.sheet, row: e.row, col: e.col, state };
  });
  return { id: newSnapshotId(now), createdAt: now.toISOString(), label, cells, createdSheets: [] };
}

/** The write that puts a cell back into a recorded state. */
export function stateToWrite(state: CellState): CellWrite {
  return state.formula !== null
    ? { formula: state.formula, cached: state.value, numberFormat: state.numberFormat }
    : { value: state.value, numberFormat: state.numberFormat };
}

/** The writes undo performs, last recorded first (so the earliest state of a cell wins). */
export function restoreWrites(snapshot: UndoSnapshot): { sheet: string; row: number; col: number; write: CellWrite }[] {
  const out: { sheet: string; row: number; col: number; write: CellWrite }[] = [];
  for (let i = snapshot.cells.length - 1; i >= 0; i--) {
    const c = snapshot.cells[i];
    out.push({ sheet: c.sheet, row: c.row, col: c.col, write: stateToWrite(c.state) });
  }
  return out;
}

/** The state a cell has after a write, given its previous state. */
export function stateAfterWrite(old: CellState, w: CellWrite): CellState {
  const numberFormat = w.numberFormat ?? old.numberFormat;
  if (w.formula !== undefined) return { value: w.cached ?? null, formula: w.formula, numberFormat };
  return { value: (w.value ?? null) as CellValue, formula: null, numberFormat };
}

/** The plan's edits for one sheet applied to a copy of its Grid (the Grid grows when needed). */
export function applyPlanToGrid(grid: Grid, plan: EditPlan): Grid {
  const edits = plan.edits.filter((e) => e.sheet === grid.sheet);
  if (edits.length === 0) return grid;
  let rowCount = grid.rowCount;
  let colCount = grid.colCount;
  for (const e of edits) {
    rowCount = Math.max(rowCount, e.row + 1);
    colCount = Math.max(colCount, e.col + 1);
  }
  const grow = <T>(rows: readonly (readonly T[])[], fill: T): T[][] => {
    const out: T[][] = [];
    for (let r = 0; r < rowCount; r++) {
      const src = rows[r] ?? [];
      const row = src.slice();
      while (row.length < colCount) row.push(fill);
      out.push(row);
    }
    return out;
  };
  const values = grow<CellValue>(grid.values, null);
  const formulas = grow<string | null>(grid.formulas, null);
  const numberFormats = grow<string>(grid.numberFormats, 'General');
  for (const e of edits) {
    const after = stateAfterWrite(cellStateAt(grid, e.row, e.col), e.new);
    values[e.row][e.col] = after.value;
    formulas[e.row][e.col] = after.formula;
    numberFormats[e.row][e.col] = after.numberFormat;
  }
  return { ...grid, rowCount, colCount, values, formulas, numberFormats };
}
