/**
 * Checking a whole workbook (台账检查): recognise every sheet, type its rows, run the checks its
 * kind carries, then the cross-sheet checks. Pure: takes Grids, returns models and findings.
 */
import type { Grid } from './grid';
import { sortFindings, type LedgerFinding } from './findings';
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

/**
 * `to.push(...list)` without the spread: a spread passes every element as an argument, and past
 * about 120,000 of them (a 200k-row roster's name findings) V8 throws "Maximum call stack size exceeded".
 */
function append<T>(to: T[], list: readonly T[]): void {
  for (let i = 0; i < list.length; i++) to.push(list[i]);
}

export function checkWorkbook(grids: readonly Grid[], ctx: CheckContext): WorkbookCheck {
  const models: SheetModel[] = [];
  const ledgers: TypedSheet[] = [];
  const findings: LedgerFinding[] = [];
  for (const grid of grids) {
    if (grid.visibility === 'veryHidden') continue;
    const typed = readLedger(grid, ctx);
    models.push(typed.model);
    if (typed.model.kind === 'unknown') continue;
    ledgers.push(typed);
    append(findings, typed.findings);
    for (const check of [...COMMON, ...(BY_KIND[typed.model.kind] ?? [])]) append(findings, check(typed, ctx));
  }
  append(findings, checkCrossSheets(ledgers));
  append(findings, taughtFindings(models, ctx.taught, ctx.taughtProblems));
  append(findings, fixableFindings(planSummary(ledgers, ctx, LISTED)));
  return {
    models,
    ledgers,
    findings: sortFindings(
      findings,
      models.map((m) => m.sheet),
    ),
  };
}
