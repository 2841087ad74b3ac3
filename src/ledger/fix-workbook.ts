/**
 * "Plan all safe fixes" of a workbook (修复计划), as the CLI's `fix` and the task pane's fix
 * preview both do it: check the workbook, plan every safe transform over its recognised sheets,
 * and name the protected sheets the plan leaves alone. Pure.
 */
import type { Grid } from './grid';
import type { EditPlan } from './edit-plan';
import type { CheckContext } from './checks/context';
import { checkWorkbook, type WorkbookCheck } from './check-workbook';
import { planFixes } from './transforms';

export interface WorkbookFixPlan {
  readonly check: WorkbookCheck;
  readonly plan: EditPlan;
  /** Recognised ledger sheets that are protected: checked, never changed. */
  readonly protectedSheets: readonly string[];
}

export function planWorkbookFixes(grids: readonly Grid[], ctx: CheckContext): WorkbookFixPlan {
  const check = checkWorkbook(grids, ctx);
  return {
    check,
    plan: planFixes(check.ledgers, ctx),
    protectedSheets: check.ledgers.filter((l) => l.grid.protected).map((l) => l.model.sheet),
  };
}
