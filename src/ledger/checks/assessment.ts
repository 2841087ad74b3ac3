/**
 * 年度考核测评 checks: grades (三.3), the incompetent-vote trigger (四.2) and the bottom-elimination
 * flags (四.4: bad vote data, ties across a cut-off, posts that do not say whether they are 实职).
 * The elimination table itself is `eliminationOf` (the CLI's `eliminate`).
 */
import { msg, plural } from '../../i18n/message';
import { gradeOutcome } from '../../rules/assessment';
import { findingsOf } from '../../rules/decision';
import { incompetentTrigger } from '../../rules/dismissal';
import { eliminate, postKindOf, type EliminationRecord, type EliminationResult } from '../../rules/elimination';
import type { Policy } from '../../policy/policy';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import { fromReason, onField, type CheckContext, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'assessment.votes-exceed-valid',
    severity: 'error',
    doc: msg('各等次票数之和超过有效票（参评人数）。', 'The votes of all grades add up to more than the valid ballots.'),
  },
];

/** 有效票: the column, or the sum of the grade columns when there is none. */
export function validVotesOf(row: TypedRow): number | undefined {
  if (row.counts.valid !== undefined) return row.counts.valid;
  const parts = [row.counts.excellentVotes, row.counts.competentVotes, row.counts.basicVotes, row.counts.incompetentVotes];
  if (parts.some((p) => p === undefined) && row.counts.basicVotes === undefined) {
    const three = [row.counts.excellentVotes, row.counts.competentVotes, row.counts.incompetentVotes];
    return three.every((p) => p !== undefined) ? three.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : undefined;
  }
  return parts.every((p) => p !== undefined) ? parts.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : undefined;
}

/** Does the sheet's title say its population is 实职 leaders? Then rows without a post text count. */
function titleSaysRealPost(sheet: TypedSheet): boolean {
  return /实职|领导干部/.test(sheet.model.title);
}

/** The elimination records of one assessment sheet (rows without usable counts are still listed). */
export function eliminationRecords(sheet: TypedSheet): EliminationRecord[] {
  const realByTitle = titleSaysRealPost(sheet);
  const hasLevel = sheet.model.columns.has('postLevel');
  return sheet.rows.map((row) => {
    const post = row.texts.post;
    const kind = postKindOf(post);
    return {
      name: row.names.name ?? '',
      level: hasLevel ? (row.texts.postLevel?.replace(/\s+/g, '') ?? null) : null,
      realPost: kind === 'leading' ? true : kind === 'non-leading' ? false : realByTitle ? true : null,
      incompetentVotes: row.counts.incompetentVotes ?? NaN,
      validVotes: validVotesOf(row) ?? NaN,
      sheet: sheet.model.sheet,
      row: row.row,
    };
  });
}

/** Bottom elimination over the assessment sheets given (四.4). */
export function eliminationOf(sheets: readonly TypedSheet[], policy: Policy): EliminationResult {
  return eliminate(sheets.flatMap(eliminationRecords), policy);
}

export function checkAssessmentSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  for (const row of sheet.rows) {
    const grade = row.texts.grade;
    if (grade) for (const r of findingsOf(gradeOutcome(grade, ctx.policy).reasons)) out.push(fromReason(sheet, row, 'grade', r));
    const inc = row.counts.incompetentVotes;
    const valid = validVotesOf(row);
    if (inc !== undefined && valid !== undefined) {
      const sum = (row.counts.excellentVotes ?? 0) + (row.counts.competentVotes ?? 0) + (row.counts.basicVotes ?? 0) + inc;
      if (row.counts.valid !== undefined && sum > row.counts.valid) {
        out.push(
          onField(
            sheet,
            row,
            'valid',
            'assessment.votes-exceed-valid',
            'error',
            msg(
              `各等次票数之和 ${sum} 超过有效票 ${row.counts.valid}`,
              `Grade votes add up to ${sum}, more than ${row.counts.valid} valid ${plural(row.counts.valid, 'ballot', 'ballots')}`,
            ),
          ),
        );
        continue;
      }
      for (const r of findingsOf(incompetentTrigger(inc, valid, ctx.policy).reasons)) out.push(fromReason(sheet, row, 'incompetentVotes', r));
    }
  }
  if (sheet.model.columns.has('postLevel') && sheet.model.columns.has('incompetentVotes')) {
    const result = eliminationOf([sheet], ctx.policy);
    const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
    for (const er of result.rows) {
      const row = er.row !== undefined ? byRow.get(er.row) : undefined;
      if (!row) continue;
      // Bad votes are already reported by the value parsers and the trigger check.
      for (const r of findingsOf(er.reasons)) if (r.code !== 'elimination.bad-votes') out.push(fromReason(sheet, row, 'incompetentVotes', r));
    }
  }
  return out;
}
