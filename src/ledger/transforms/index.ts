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
import { FixableSink, PlanSink, type EditSink, type FixableGroup } from './sink';

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

/** Every transform over every recognised, unprotected sheet, into a sink made per sheet. */
function runTransforms(ledgers: readonly TypedSheet[], ctx: CheckContext, sinkFor: (sheet: TypedSheet) => EditSink): void {
  for (const sheet of ledgers) {
    if (sheet.grid.protected || sheet.model.kind === 'unknown') continue;
    const sink = sinkFor(sheet);
    for (const t of TRANSFORMS) t(sheet, ctx, sink);
  }
}

/** The whole plan, as fix applies it. */
export function planFixes(ledgers: readonly TypedSheet[], ctx: CheckContext): EditPlan {
  const edits: CellEdit[] = [];
  runTransforms(ledgers, ctx, (sheet) => new PlanSink(sheet.model.sheet, sheet.grid, edits));
  return { edits };
}

/**
 * What check reports of the plan (fixable.*): per sheet and transform, in plan order, how many
 * cells, the first `listed` of them and the first reason — the same transforms through the same
 * calls as planFixes, without building an edit per cell.
 */
export function planSummary(ledgers: readonly TypedSheet[], ctx: CheckContext, listed: number): FixableGroup[] {
  const groups: FixableGroup[] = [];
  runTransforms(ledgers, ctx, (sheet) => new FixableSink(sheet.model.sheet, sheet.grid, groups, listed));
  return groups;
}
