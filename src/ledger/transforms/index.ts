/**
 * The fix plan (修复计划) of a workbook: every safe transform over every recognised, unprotected
 * sheet, as one EditPlan to preview, apply and undo. At most one edit per cell: when two
 * transforms touch the same cell the first one listed wins.
 */
import type { EditPlan, CellEdit } from '../edit-plan';
import type { TypedSheet } from '../rows';
import type { CheckContext } from '../checks/context';
import type { Transform } from './context';
import { normalizeDates } from './dates';
import { cleanNamesAndText } from './text';
import { idsToText } from './id-text';
import { formulaColumns } from './formula-columns';

export const TRANSFORMS: readonly Transform[] = [idsToText, normalizeDates, cleanNamesAndText, formulaColumns];

/** Codes of the transforms, for the preview legend and docs. */
export const TRANSFORM_CODES = [
  'fix.id-to-text',
  'fix.date-normalize',
  'fix.name-normalize',
  'fix.text-normalize',
  'fix.count-to-number',
  'fix.formula-column',
] as const;

export function planFixes(ledgers: readonly TypedSheet[], ctx: CheckContext): EditPlan {
  const edits: CellEdit[] = [];
  for (const sheet of ledgers) {
    if (sheet.grid.protected || sheet.model.kind === 'unknown') continue;
    // Cells already planned on this sheet, as row · 16384 + column (Excel's column limit): a number
    // per cell, not a string, since a big ledger plans hundreds of thousands of edits.
    const seen = new Set<number>();
    for (const t of TRANSFORMS) {
      for (const e of t(sheet, ctx)) {
        const key = e.row * 16384 + e.col;
        if (seen.has(key)) continue;
        seen.add(key);
        edits.push(e);
      }
    }
  }
  return { edits };
}
