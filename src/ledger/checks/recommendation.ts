/**
 * 民主推荐汇总 checks (二.2): each candidate's vote ratio against the incumbent / newcomer
 * threshold, the counts' consistency, and signed / documented recommendations.
 */
import { msg } from '../../i18n/message';
import { normalizeText } from '../../values/text';
import { checkRecommendation, kindFromLabel, recommendationPass, type CandidateStatus } from '../../rules/recommendation';
import { findingsOf } from '../../rules/decision';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import { fromReason, onField, type CheckContext, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'recommend.status-unknown',
    severity: 'warning',
    doc: msg(
      '无法判断是原班子成员（50%）还是新推荐人选（30%），未核对得票比例。请在“人员类别”中写明。',
      'Cannot tell incumbent (50 %) from newcomer (30 %); the ratio was not checked. State it in the 人员类别 column.',
    ),
  },
  {
    code: 'recommend.kind-unknown',
    severity: 'warning',
    doc: msg('推荐方式不是群众推荐、领导推荐、个人自荐、社会知名人士推荐、党组织推荐之一。', 'The recommendation kind is not one of the five in 二.2.'),
  },
];

const INCUMBENT = /原班子|班子成员|现任|副职推荐正职|^是$|^原$/;
const NEWCOMER = /新推荐|新提名|新人选|^否$|^新$/;

/** 原班子成员 or 新推荐人选 from the ledger's text; null when it does not say. */
export function candidateStatusOf(text: string | undefined): CandidateStatus | null {
  const t = normalizeText(text ?? '').replace(/\s+/g, '');
  if (!t) return null;
  if (NEWCOMER.test(t)) return 'newcomer';
  if (INCUMBENT.test(t)) return 'incumbent';
  return null;
}

const YES = /^(?:有|是|已提交|已填写|已填|齐全|√|✓|y|yes)$/i;

function hasIt(row: TypedRow, field: 'material' | 'form'): boolean {
  return YES.test((row.texts[field] ?? '').replace(/\s+/g, ''));
}

export function checkRecommendationSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const cols = sheet.model.columns;
  const hasStatus = cols.has('candidateStatus');
  for (const row of sheet.rows) {
    const votes = row.counts.votes;
    if (votes !== undefined) {
      const status = candidateStatusOf(row.texts.candidateStatus);
      if (status === null) {
        if (hasStatus && !row.blank.has('candidateStatus')) {
          out.push(
            onField(
              sheet,
              row,
              'candidateStatus',
              'recommend.status-unknown',
              'warning',
              msg(
                `人员类别“${row.texts.candidateStatus}”无法判断是原班子成员还是新推荐人选`,
                `Status "${row.texts.candidateStatus}" says neither incumbent nor newcomer`,
              ),
            ),
          );
        }
      } else {
        const tally = { eligible: row.counts.eligible ?? null, present: row.counts.present ?? null, valid: row.counts.valid ?? null };
        const d = recommendationPass({ votes, tally, status }, ctx.policy);
        for (const r of findingsOf(d.reasons)) out.push(fromReason(sheet, row, 'votes', r));
      }
    }
    const kindText = row.texts.recommendKind;
    if (kindText) {
      const kind = kindFromLabel(kindText);
      if (!kind) {
        out.push(
          onField(
            sheet,
            row,
            'recommendKind',
            'recommend.kind-unknown',
            'warning',
            msg(`推荐方式“${kindText}”不是规定的五种之一`, `Recommendation kind "${kindText}" is not one of the five`),
          ),
        );
      } else {
        const d = checkRecommendation({
          kind,
          recommender: row.texts.recommender ?? null,
          hasMaterial: cols.has('material') ? hasIt(row, 'material') : true,
          hasForm: cols.has('form') ? hasIt(row, 'form') : true,
        });
        for (const r of findingsOf(d.reasons)) out.push(fromReason(sheet, row, r.code === 'recommend.unsigned' ? 'recommender' : 'recommendKind', r));
      }
    }
  }
  return out;
}
