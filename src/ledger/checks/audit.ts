/**
 * 经济审计 before an adjustment (三.5): every cadre with an adjustment intention (拟任, 拟免, 交流)
 * needs an economic audit on record before the decision. Checked on the ledgers that carry a
 * proposal and record audits: 任前公示 (every row is a proposed appointment, 拟任, unless its
 * 调整意向 says otherwise) and 考察对象 sheets with a 调整意向 column. A ledger with no audit
 * column says nothing about audits and is not checked here (a notice without one is already
 * notice.field-missing). An audit recorded without a date counts as in time: ledgers hold no
 * times, and a same-day audit cannot be shown to be late.
 */
import { findingsOf } from '../../rules/decision';
import { checkEconomicAudit, type AdjustmentIntent } from '../../rules/complaints';
import { normalizeText } from '../../values/text';
import type { LocalDate } from '../../values/local-date';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { fromReason, type CheckContext } from './context';

/** 拟任 / 拟免 / 交流 from a 调整意向 text; null when it names no adjustment. */
export function adjustmentIntentOf(text: string | undefined): AdjustmentIntent | null {
  const t = normalizeText(text ?? '').replace(/\s+/g, '');
  if (/交流|轮岗|调任/.test(t)) return '交流';
  if (/免/.test(t)) return '拟免';
  if (/拟任|提拔|任用|任职|晋升|拟提/.test(t)) return '拟任';
  return null;
}

/** An audit cell that says no audit was done. */
const NOT_AUDITED = /^(?:无|否|没有|未|待审计|未审计|未开展|尚未审计|不需要)$|未审计|尚未|未开展/;

export function checkAuditSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const cols = sheet.model.columns;
  if (!cols.has('audit') && !cols.has('auditDate')) return [];
  if (sheet.model.kind !== 'notice' && !cols.has('adjustIntent')) return [];
  const out: LedgerFinding[] = [];
  for (const row of sheet.rows) {
    const name = row.names.name;
    if (!name || row.unreadable.has('auditDate') || row.unreadable.has('decisionDate')) continue;
    const intent =
      cols.has('adjustIntent') && row.texts.adjustIntent ? adjustmentIntentOf(row.texts.adjustIntent) : sheet.model.kind === 'notice' ? '拟任' : null;
    if (!intent) continue;
    const decided: LocalDate | null = row.dates.decisionDate?.date ?? null;
    const auditText = normalizeText(row.texts.audit ?? '').replace(/\s+/g, '');
    const dated = row.dates.auditDate?.date;
    const audits: LocalDate[] = dated ? [dated] : auditText && !NOT_AUDITED.test(auditText) ? [decided ?? ctx.asOf] : [];
    const d = checkEconomicAudit({ cadre: name, intent, decisionDate: decided, audits });
    for (const r of findingsOf(d.reasons)) {
      const field = r.code === 'audit.missing' ? (cols.has('audit') ? 'audit' : 'auditDate') : cols.has('auditDate') ? 'auditDate' : 'audit';
      out.push(fromReason(sheet, row, field, r));
    }
  }
  return out;
}
