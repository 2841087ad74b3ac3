/**
 * Every change the task pane makes to the workbook goes through here (SPEC §6): a plan is shown
 * as a preview (sheet, cell, old → new, why), the user unticks what they do not want, the rest is
 * applied with an undo snapshot kept in the workbook, and 「撤销上次修改」 restores values,
 * formulas and number formats exactly — also after the pane was closed and reopened.
 *
 * Plans: 安全修复 (the ledger engine's safe transforms, as the CLI's `fix`), 公式转为数值 and
 * 修复公式 (the CADRE sharing transforms). Pure helpers plus thin async calls over WorkbookPort.
 */
import { msg, type Msg } from '../../i18n/message';
import { cellStateAt } from '../../ledger/apply-plan';
import type { CheckContext } from '../../ledger/checks/context';
import type { CellEdit, CellState, CellWrite, EditPlan, UndoSnapshot } from '../../ledger/edit-plan';
import { planWorkbookFixes } from '../../ledger/fix-workbook';
import { a1, isCellError, type CellValue, type Grid, type RangeBox } from '../../ledger/grid';
import { parseAreas } from '../../ledger/a1-areas';
import { cadreFormulasToValues, repairCadreFormulas, type SkippedCell } from '../../ledger/transforms/cadre-formulas';
import { isDateFormat } from '../../values/number-format';
import { formatIso, fromSerial } from '../../values/local-date';
import type { WorkbookPort } from '../../workbook/port';
import { PortError } from '../../workbook/port';
import { applyRemembered, lastUndo, undoRemembered } from '../../workbook/undo-memory';
import { ledgerGrids, protectedNotice } from './controller';

export type PlanKind = 'fix' | 'to-values' | 'repair';

export const PLAN_LABELS: Readonly<Record<PlanKind, Msg>> = {
  fix: msg('安全修复', 'Safe fixes'),
  'to-values': msg('公式转为数值', 'Formulas to values'),
  repair: msg('修复公式', 'Repair formulas'),
};

/** A plan ready to preview, with what was left out and why. */
export interface PreparedPlan {
  readonly kind: PlanKind;
  readonly plan: EditPlan;
  readonly skipped: readonly SkippedCell[];
  readonly notices: readonly Msg[];
}

export interface PreviewRow {
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  readonly old: string;
  readonly new: string;
  readonly why: Msg;
  readonly code: string;
}

export const editKey = (e: { sheet: string; row: number; col: number }): string => `${e.sheet}!${a1(e.row, e.col)}`;

/** A value as the preview shows it: dates in a date format as YYYY-MM-DD, errors as their text. */
export function showValue(v: CellValue, numberFormat: string): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number' && isDateFormat(numberFormat)) {
    const d = fromSerial(v);
    if (d) return formatIso(d);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function showState(s: CellState): string {
  return s.formula ?? showValue(s.value, s.numberFormat);
}

export function showWrite(w: CellWrite, old: CellState): string {
  if (w.formula !== undefined) return w.formula;
  return showValue(w.value ?? null, w.numberFormat ?? old.numberFormat);
}

export function previewRows(plan: EditPlan): PreviewRow[] {
  return plan.edits.map((e) => ({
    key: editKey(e),
    sheet: e.sheet,
    cell: a1(e.row, e.col),
    old: showState(e.old),
    new: showWrite(e.new, e.old),
    why: e.why,
    code: e.code,
  }));
}

/** The plan without the unticked edits. */
export function tickedPlan(plan: EditPlan, unticked: ReadonlySet<string>): EditPlan {
  return { edits: plan.edits.filter((e) => !unticked.has(editKey(e))) };
}

/** 安全修复 of the whole workbook: the same plan the CLI's `fix` applies. */
export async function prepareFixes(port: WorkbookPort, ctx: CheckContext): Promise<PreparedPlan> {
  const { plan, protectedSheets } = planWorkbookFixes(ledgerGrids(await port.read()), ctx);
  return { kind: 'fix', plan, skipped: [], notices: protectedSheets.length ? [protectedNotice(protectedSheets)] : [] };
}

/**
 * A range typed by the user ("D2:F100", "D:D" is not accepted): null for empty text (the whole
 * sheet), a box, or a message saying what is expected.
 */
export function parseRangeText(text: string): { box: RangeBox | null } | { error: Msg } {
  const t = text.trim().toUpperCase().replace(/\$/g, '');
  if (t === '') return { box: null };
  if (!/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/.test(t)) {
    return {
      error: msg(
        `区域“${text.trim()}”无效：请填写如 D2:F100 的单元格区域，或留空表示整张工作表`,
        `Range "${text.trim()}" is not valid: enter a range such as D2:F100, or leave it empty for the whole sheet`,
      ),
    };
  }
  const [box] = parseAreas(t);
  if (!box || box.bottom > 1_048_575 || box.right > 16_383) {
    return { error: msg(`区域“${text.trim()}”超出工作表范围`, `Range "${text.trim()}" lies outside the sheet`) };
  }
  return { box };
}

function protectedTarget(sheet: string): Msg {
  return msg(`工作表“${sheet}”受保护，未做任何修改；请先撤销工作表保护`, `Sheet "${sheet}" is protected; nothing was changed. Unprotect it first`);
}

async function targetGrids(port: WorkbookPort, sheet: string | null): Promise<{ grids: Grid[]; notices: Msg[] }> {
  const grids = sheet === null ? ledgerGrids(await port.read()).filter((g) => g.visibility !== 'veryHidden') : await port.read([sheet]);
  const locked = grids.filter((g) => g.protected).map((g) => g.sheet);
  return { grids: grids.filter((g) => !g.protected), notices: locked.map(protectedTarget) };
}

/** 公式转为数值 on one sheet (null: every sheet), or on a range of it. */
export async function prepareToValues(port: WorkbookPort, sheet: string | null, rangeText = ''): Promise<PreparedPlan> {
  const range = parseRangeText(rangeText);
  if ('error' in range) throw new PortError('unsupported', range.error);
  const { grids, notices } = await targetGrids(port, sheet);
  const edits: CellEdit[] = [];
  const skipped: SkippedCell[] = [];
  for (const g of grids) {
    const r = cadreFormulasToValues(g, range.box ?? undefined);
    // One by one, not push(...): a roster of 100,000 rows with two CADRE columns has 200,000
    // edits, more than a call takes as arguments.
    for (const e of r.plan.edits) edits.push(e);
    for (const s of r.skipped) skipped.push(s);
  }
  return { kind: 'to-values', plan: { edits }, skipped, notices };
}

/** 修复公式 on one sheet, or on every sheet when `sheet` is null, in one batch. */
export async function prepareRepair(port: WorkbookPort, sheet: string | null, rangeText = ''): Promise<PreparedPlan> {
  const range = parseRangeText(rangeText);
  if ('error' in range) throw new PortError('unsupported', range.error);
  const { grids, notices } = await targetGrids(port, sheet);
  const edits = grids.flatMap((g) => repairCadreFormulas(g, range.box ?? undefined).edits);
  return { kind: 'repair', plan: { edits }, skipped: [], notices };
}

/**
 * Cells that changed since the preview was made (the user kept typing in Excel): applying would
 * overwrite their new content, so the apply is refused, naming them.
 */
export function staleCells(plan: EditPlan, grids: readonly Grid[]): string[] {
  const byName = new Map(grids.map((g) => [g.sheet, g]));
  const out: string[] = [];
  for (const e of plan.edits) {
    const g = byName.get(e.sheet);
    if (!g) continue;
    const now = cellStateAt(g, e.row, e.col);
    const same = now.formula === e.old.formula && now.numberFormat === e.old.numberFormat && sameValue(now.value, e.old.value);
    if (!same) out.push(editKey(e));
  }
  return out;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b;
}

/** Apply the ticked edits (after checking nothing changed under them); the snapshot is kept in the workbook. */
export async function applyTicked(port: WorkbookPort, prepared: PreparedPlan, unticked: ReadonlySet<string>): Promise<UndoSnapshot | null> {
  const plan = tickedPlan(prepared.plan, unticked);
  if (plan.edits.length === 0) return null;
  const sheets = [...new Set(plan.edits.map((e) => e.sheet))];
  const stale = staleCells(plan, await port.read(sheets));
  if (stale.length) {
    const shown = stale.slice(0, 5).join('、') + (stale.length > 5 ? '…' : '');
    throw new PortError(
      'unsupported',
      msg(
        `预览之后这些单元格已被改动：${shown}。未做任何修改，请重新预览`,
        `These cells changed after the preview: ${shown.replace(/、/g, ', ')}. Nothing was changed; preview again`,
      ),
    );
  }
  return applyRemembered(port, plan, PLAN_LABELS[prepared.kind]);
}

export { lastUndo };

/** 撤销上次修改: restores exactly what the last apply changed; null when there is nothing to undo. */
export async function undoLast(port: WorkbookPort): Promise<UndoSnapshot | null> {
  const snap = await lastUndo(port);
  if (!snap) return null;
  await undoRemembered(port, snap);
  return snap;
}
