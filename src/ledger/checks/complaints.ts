/**
 * 信访举报 checks (三.1, 三.5): every complaint handled, classified serious or general, and given
 * the handling steps its class requires. Where the ledger also records 问题发生时间 and
 * 任现职时间, the problem is placed under 二.6 (accountability): facts not yet established, or a
 * problem found (受理) before it occurred, are findings; who answers is the rule's info.
 */
import { accountability } from '../../rules/accountability';
import type { ChineseDate } from '../../values/dates';
import { findingsOf } from '../../rules/decision';
import { checkComplaint, type ComplaintGravity, type HandlingStep } from '../../rules/complaints';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { fromReason, type CheckContext } from './context';

const SERIOUS = /严重|重大|立案/;
const GENERAL = /一般|轻微|较轻/;
const UNFOUNDED = /查无实据|不属实|失实|澄清/;
const FOUNDED = /属实|部分属实|基本属实/;

export function gravityOf(text: string | undefined): ComplaintGravity | null {
  const t = (text ?? '').replace(/\s+/g, '');
  if (GENERAL.test(t)) return 'general';
  if (SERIOUS.test(t)) return 'serious';
  return null;
}

export function handlingStepsOf(text: string): HandlingStep[] {
  const t = text.replace(/\s+/g, '');
  const steps: HandlingStep[] = [];
  if (/纪委|立案/.test(t)) steps.push('纪委立案审查');
  if (/组织部|调查核实|核实/.test(t)) steps.push('组织部调查核实');
  if (/告诫|诫勉谈话|谈话/.test(t)) steps.push('告诫谈话');
  return steps;
}

/**
 * Month- or year-only dates decide 二.6 only when the branch does not depend on the missing day:
 * not in the appointment's month, nor in the month the one-year window ends.
 */
function decidable(appointed: ChineseDate, occurred: ChineseDate, windowMonths: number): boolean {
  if (appointed.precision === 'day' && occurred.precision === 'day') return true;
  if (appointed.precision === 'year' || occurred.precision === 'year') return false;
  const a = appointed.date.y * 12 + appointed.date.m;
  const o = occurred.date.y * 12 + occurred.date.m;
  return o !== a && o !== a + windowMonths;
}

export function checkComplaintsSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  for (const row of sheet.rows) {
    if (!row.names.name && !row.texts.complaintIssue) continue;
    const handlingText = `${row.texts.handling ?? ''} ${row.texts.handlingResult ?? ''}`;
    const resultText = row.texts.handlingResult ?? '';
    const substantiated = UNFOUNDED.test(resultText) ? false : FOUNDED.test(resultText) ? true : null;
    const d = checkComplaint({
      id: `${row.names.name ?? ''}（第${row.row + 1}行）`,
      gravity: gravityOf(row.texts.complaintSeverity),
      handling: handlingStepsOf(handlingText),
      substantiated,
    });
    for (const r of findingsOf(d.reasons)) {
      const field = r.code === 'complaint.unclassified' ? 'complaintSeverity' : sheet.model.columns.has('handling') ? 'handling' : 'handlingResult';
      out.push(fromReason(sheet, row, field, r));
    }
    const appointed = row.dates.postSince;
    const occurred = row.dates.problemDate;
    if (appointed && occurred && substantiated !== false && decidable(appointed, occurred, ctx.policy.accountability.windowMonths)) {
      const a = accountability(
        { appointed: appointed.date, occurred: occurred.date, found: row.dates.complaintDate?.date ?? null, factsEstablished: substantiated === true },
        ctx.policy,
      );
      for (const r of findingsOf(a.reasons)) out.push(fromReason(sheet, row, 'problemDate', r));
    }
  }
  return out;
}
