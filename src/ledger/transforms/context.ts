/**
 * Shared pieces of the safe transforms (安全修复): each transform looks at a typed sheet and
 * proposes CellEdits with old → new and why. A transform never guesses: a value the parsers could
 * not read with certainty (ambiguous dates, lost ID digits) is left as it is, with its finding.
 * Formula cells and protected sheets are never touched.
 */
import type { FieldKey, FieldType } from '../fields';
import { FIELDS } from '../fields';
import type { Grid } from '../grid';
import type { TypedSheet } from '../rows';
import type { CheckContext } from '../checks/context';
import type { EditSink } from './sink';

/** A transform plans its edits of one sheet into `sink` (the whole plan for fix, a summary for check). */
export type Transform = (sheet: TypedSheet, ctx: CheckContext, sink: EditSink) => void;

/** A formula cell (never touched by a transform); takes the grid's formulas, read once per sheet. */
export function hasFormula(formulas: Grid['formulas'], row: number, col: number): boolean {
  return (formulas[row]?.[col] ?? null) !== null;
}

/**
 * The recognised columns whose field type is one of `types`, in the model's order, as parallel
 * arrays: a transform's row loop reads them by index (no array destructured per cell, which V8
 * runs slower than indexed reads in a loop visited for every row of a 100k-row roster).
 */
export function columnsOfTypes(sheet: TypedSheet, types: readonly FieldType[]): { fields: FieldKey[]; cols: number[]; types: FieldType[] } {
  const fields: FieldKey[] = [];
  const cols: number[] = [];
  const of: FieldType[] = [];
  for (const [f, col] of sheet.model.columns) {
    const type = FIELDS[f].type;
    if (!types.includes(type)) continue;
    fields.push(f);
    cols.push(col);
    of.push(type);
  }
  return { fields, cols, types: of };
}
