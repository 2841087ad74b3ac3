/**
 * Checking a whole workbook (台账检查): recognise every sheet, type its rows, run the checks its
 * kind carries, then the cross-sheet checks. Pure: takes Grids, returns models and findings.
 */
import type { Grid } from './grid';
import { sortFindingsInPlace, type LedgerFinding } from './findings';
import { recognizeSheet, type SheetModel } from './recognize';
import { typeRows, type TypedSheet } from './rows';
import type { SheetKind } from './sheet-kind';
import type { CheckContext, SheetCheck } from './checks/context';
import { checkRequired } from './checks/required';
import { checkDuplicates } from './checks/duplicates';
import { checkCrossFields } from './checks/cross-field';
import { checkRecommendationSheet } from './checks/recommendation';
import { checkInspectionSheet } from './checks/inspection';
import { checkNoticeSheet } from './checks/notice';
import { checkProbationSheet } from './checks/probation';
import { checkAssessmentSheet } from './checks/assessment';
import { checkComplaintsSheet } from './checks/complaints';
import { checkResignationSheet } from './checks/resignation';
import { checkOrgLifeSheet } from './checks/org-life';
import { checkAuditSheet } from './checks/audit';
import { checkCrossSheets } from './checks/cross-sheet';
import { checkSheetNotes } from './checks/sheet-notes';
import { fixableFindings, LISTED } from './checks/fixable';
import { planSummary } from './transforms';
import { taughtFindings, taughtFor } from './taught-map';

/**
 * Checks every recognised sheet gets, whatever its kind. 组织生活 attendance (三.4) is checked on
 * any ledger that records it (应参加次数 | 实参加次数).
 */
const COMMON: readonly SheetCheck[] = [checkSheetNotes, checkRequired, checkDuplicates, checkCrossFields, checkOrgLifeSheet];

/**
 * Rule checks by the kind that carries them. 经济审计 before an adjustment (三.5) goes with the
 * proposal ledgers (notice, inspection with 调整意向); accountability (二.6) with complaints that
 * record 问题发生时间 and 任现职时间. The committee vote (二.4, src/rules/committee-vote.ts) has no
 * sheet kind in SPEC §5 and is not a ledger check; it is the CADRE.COMMITTEEPASS function.
 */
const BY_KIND: Readonly<Partial<Record<SheetKind, readonly SheetCheck[]>>> = {
  recommendation: [checkRecommendationSheet],
  inspection: [checkInspectionSheet, checkAuditSheet],
  notice: [checkNoticeSheet, checkAuditSheet],
  probation: [checkProbationSheet],
  assessment: [checkAssessmentSheet],
  complaints: [checkComplaintsSheet],
  resignation: [checkResignationSheet],
};

export interface WorkbookCheck {
  /** Every sheet read, in workbook order, with its model ('unknown' ones included). */
  readonly models: readonly SheetModel[];
  /** Typed ledgers (sheets that are not 'unknown'). */
  readonly ledgers: readonly TypedSheet[];
  /** Every cell `fix` would change is also in an info finding fixable.* (check ⊇ fix; planFixes gives the plan). */
  readonly findings: readonly LedgerFinding[];
}

/** Recognise and type one sheet. */
export function readLedger(grid: Grid, ctx: Pick<CheckContext, 'asOf' | 'taught'>): TypedSheet {
  return typeRows(grid, recognizeSheet(grid, taughtFor(ctx.taught, grid.sheet)), { asOf: ctx.asOf });
}

export function checkWorkbook(grids: readonly Grid[], ctx: CheckContext): WorkbookCheck {
  const models: SheetModel[] = [];
  const ledgers: TypedSheet[] = [];
  // Each producer's list, joined once at the end: one array of the exact size (a 100k-row roster
  // has ~180,000 findings), sorted in place, instead of pushing one by one into a growing array.
  const lists: (readonly LedgerFinding[])[] = [];
  for (const grid of grids) {
    if (grid.visibility === 'veryHidden') continue;
    const typed = readLedger(grid, ctx);
    models.push(typed.model);
    if (typed.model.kind === 'unknown') continue;
    ledgers.push(typed);
    lists.push(typed.findings);
    for (const check of [...COMMON, ...(BY_KIND[typed.model.kind] ?? [])]) lists.push(check(typed, ctx));
  }
  lists.push(checkCrossSheets(ledgers));
  lists.push(taughtFindings(models, ctx.taught, ctx.taughtProblems));
  lists.push(fixableFindings(planSummary(ledgers, ctx, LISTED)));
  return {
    models,
    ledgers,
    findings: sortFindingsInPlace(
      joined(lists),
      models.map((m) => m.sheet),
    ),
  };
}

/**
 * The lists one after the other, in a new array. concat takes the lists (a handful), never their
 * elements, as arguments: spreading ~120,000 elements into push would overflow V8's stack.
 */
function joined<T>(lists: readonly (readonly T[])[]): T[] {
  return ([] as T[]).concat(...lists);
}
