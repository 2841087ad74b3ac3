/**
 * 考察对象 checks (二.3): per post, fewer qualifying candidates than 1:4 or than 一职双备, and ties
 * at a cut-off, from the shortlist rule. Findings go on the first row of the post.
 */
import { findingsOf } from '../../rules/decision';
import { shortlist, type InspectionResult, type ShortlistCandidate } from '../../rules/shortlist';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import { fromReason, type CheckContext } from './context';

function inspectionOf(row: TypedRow): InspectionResult {
  const t = (row.texts.inspectionResult ?? '').replace(/\s+/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? { score: n } : { grade: t };
}

export function checkInspectionSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const base = ctx.policy.recommend.denominator;
  const candidates: ShortlistCandidate[] = [];
  const rowOf = new Map<string, TypedRow>();
  const firstOfPost = new Map<string, TypedRow>();
  for (const row of sheet.rows) {
    const post = row.texts.targetPost;
    const name = row.names.name;
    if (!post || !name) continue;
    if (!firstOfPost.has(post)) firstOfPost.set(post, row);
    const votes = row.counts.votes;
    const den = row.counts[base];
    const ratio = row.ratios.voteRatio;
    // Without counts, a recorded ratio stands in as votes per 10^6 (exact enough to rank).
    const [v, b] = votes !== undefined && den !== undefined ? [votes, den] : ratio !== undefined ? [Math.round(ratio * 1e6), 1e6] : [NaN, NaN];
    const id = `r${row.row}`;
    rowOf.set(id, row);
    candidates.push({ id, name, post, votes: v, base: b, eligible: true, inspection: inspectionOf(row) });
  }
  if (candidates.length === 0) return [];
  const out: LedgerFinding[] = [];
  const d = shortlist(candidates, ctx.policy);
  for (const post of d.outcome) {
    const first = firstOfPost.get(post.post);
    for (const r of findingsOf(post.reasons)) if (first) out.push(fromReason(sheet, first, 'targetPost', r));
    for (const e of post.entries) {
      const row = rowOf.get(e.id);
      if (row)
        for (const r of findingsOf(e.reasons)) out.push(fromReason(sheet, row, r.code.startsWith('shortlist.inspection') ? 'inspectionResult' : 'name', r));
    }
  }
  // Reasons the rule also lists at the top level are already placed on their post or candidate.
  const placed = new Set(out.map((f) => `${f.code}\u0000${f.message['zh-CN']}`));
  for (const r of findingsOf(d.reasons)) {
    const row = sheet.rows[0];
    if (row && !placed.has(`${r.code}\u0000${r.message['zh-CN']}`)) out.push(fromReason(sheet, row, 'name', r));
  }
  return out;
}
