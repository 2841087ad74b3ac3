/**
 * Shared pieces of the safe transforms (安全修复): each transform looks at a typed sheet and
 * proposes CellEdits with old → new and why. A transform never guesses: a value the parsers could
 * not read with certainty (ambiguous dates, lost ID digits) is left as it is, with its finding.
 * Formula cells and protected sheets are never touched.
 */
import type { Msg } from '../../i18n/message';
import { cellStateAt } from '../apply-plan';
import type { CellEdit, CellWrite } from '../edit-plan';
import type { TypedSheet } from '../rows';
import type { CheckContext } from '../checks/context';

export type Transform = (sheet: TypedSheet, ctx: CheckContext) => CellEdit[];

export function edit(sheet: TypedSheet, row: number, col: number, next: CellWrite, code: string, why: Msg): CellEdit {
  return { sheet: sheet.model.sheet, row, col, old: cellStateAt(sheet.grid, row, col), new: next, why, code };
}

/** A constant (non-formula) cell of the grid. */
export function isConstant(sheet: TypedSheet, row: number, col: number): boolean {
  return (sheet.grid.formulas[row]?.[col] ?? null) === null;
}
