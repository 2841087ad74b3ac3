/**
 * Shared pieces of the safe transforms (安全修复): each transform looks at a typed sheet and
 * proposes CellEdits with old → new and why. A transform never guesses: a value the parsers could
 * not read with certainty (ambiguous dates, lost ID digits) is left as it is, with its finding.
 * Formula cells and protected sheets are never touched.
 */
import type { TypedSheet } from '../rows';
import type { CheckContext } from '../checks/context';
import type { EditSink } from './sink';

/** A transform plans its edits of one sheet into `sink` (the whole plan for fix, a summary for check). */
export type Transform = (sheet: TypedSheet, ctx: CheckContext, sink: EditSink) => void;

/** A constant (non-formula) cell of the grid. */
export function isConstant(sheet: TypedSheet, row: number, col: number): boolean {
  return (sheet.grid.formulas[row]?.[col] ?? null) === null;
}
