/**
 * 组织生活 attendance (三.4), wherever a ledger records it per leader in a column pair
 * 应参加次数 | 实参加次数 (a roster, an assessment tally, or a dedicated attendance sheet, which is
 * read as a roster): absent from more than the policy's share of the meetings is frequent absence.
 * The year is the one in the sheet's title (2022年度…), else the as-of year.
 */
import { findingsOf } from '../../rules/decision';
import { checkOrgLife } from '../../rules/org-life';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { fromReason, type CheckContext } from './context';

export function checkOrgLifeSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const cols = sheet.model.columns;
  if (!cols.has('meetingsHeld') || !cols.has('meetingsAttended')) return [];
  const y = /((?:19|20)\d{2})\s*年/.exec(sheet.model.title);
  const year = y ? Number(y[1]) : ctx.asOf.y;
  const out: LedgerFinding[] = [];
  for (const row of sheet.rows) {
    const held = row.counts.meetingsHeld;
    const attended = row.counts.meetingsAttended;
    if (held === undefined || attended === undefined) continue;
    const d = checkOrgLife({ leader: row.names.name ?? `第${row.row + 1}行`, year, held, attended }, ctx.policy);
    for (const r of findingsOf(d.reasons)) out.push(fromReason(sheet, row, 'meetingsAttended', r));
  }
  return out;
}
