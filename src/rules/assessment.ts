import { msg, type Msg } from '../i18n/message';
import type { Grade, Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';

/** Seed sections of this rule: 三.2 任期目标, 三.3 考核等次. */
export const RULE_TARGETS = '三.2';
export const RULE_GRADES = '三.3';

export const CODES: readonly CodeDoc[] = [
  codeDoc('assessment.unknown-grade', 'error', msg('考核等次不是优秀、称职、不称职之一。', 'The grade is not one of 优秀, 称职, 不称职.')),
  codeDoc(
    'assessment.grade-not-allowed',
    'error',
    msg('“基本称职”不在文件规定的三个等次内，设置未允许使用。', "基本称职 is not one of the seed's three grades and the policy does not allow it."),
  ),
  codeDoc('assessment.commendation', 'info', msg('评为优秀，予以表彰奖励。', 'Rated excellent: commendation.')),
  codeDoc('assessment.adjustment', 'warning', msg('评为不称职，坚决进行调整。', 'Rated incompetent: to be adjusted.')),
  codeDoc(
    'assessment.review',
    'warning',
    msg('评为基本称职，属实绩较差情形，提请研究是否调整。', 'Rated basically competent (weak results): consider adjustment.'),
  ),
  codeDoc('assessment.competent', 'info', msg('评为称职，无需处理。', 'Rated competent: no action.')),
  codeDoc('assessment.target-area-missing', 'warning', msg('任期目标未涵盖规定的方面。', 'The term targets leave out a required area.')),
];

/** 'commendation' = 表彰奖励, 'none', 'review' = 实绩较差 to be considered, 'adjustment' = 调整. */
export type AssessmentOutcome = 'commendation' | 'none' | 'review' | 'adjustment';

/** Grades in force: the seed's three (三.3), plus 基本称职 only when the policy allows it. */
export function gradesInForce(policy: Policy): readonly Grade[] {
  return policy.assessment.allowBasicCompetent ? ['优秀', '称职', '基本称职', '不称职'] : ['优秀', '称职', '不称职'];
}

/** What a grade leads to (三.3): 优秀 → commendation, 不称职 → adjustment. null = bad grade. */
export function gradeOutcome(grade: string, policy: Policy): Decision<AssessmentOutcome | null> {
  const g = grade.trim();
  const r = (code: string, sev: 'info' | 'warning', m: Msg): Reason => reason(RULE_GRADES, code, sev, m, { policyKey: 'assessment.allowBasicCompetent' });
  switch (g) {
    case '优秀':
      return decision('commendation', [
        r('assessment.commendation', 'info', msg('评为优秀，对实绩突出的予以表彰奖励', 'Excellent: commendation for outstanding results')),
      ]);
    case '称职':
      return decision('none', [r('assessment.competent', 'info', msg('评为称职', 'Competent'))]);
    case '不称职':
      return decision('adjustment', [r('assessment.adjustment', 'warning', msg('评为不称职，坚决进行调整', 'Incompetent: to be adjusted'))]);
    case '基本称职':
      if (policy.assessment.allowBasicCompetent) {
        return decision('review', [
          r('assessment.review', 'warning', msg('评为基本称职，属实绩较差情形，提请研究是否调整', 'Basically competent: weak results, consider adjustment')),
        ]);
      }
      return decision(null, [
        reason(
          RULE_GRADES,
          'assessment.grade-not-allowed',
          'error',
          msg('“基本称职”不在优秀、称职、不称职三个等次内（设置未允许）', '基本称职 is not one of the three grades (not allowed by the policy)'),
          {
            policyKey: 'assessment.allowBasicCompetent',
          },
        ),
      ]);
    default:
      return decision(null, [
        reason(
          RULE_GRADES,
          'assessment.unknown-grade',
          'error',
          msg(`考核等次“${grade}”不是${gradesInForce(policy).join('、')}之一`, `Grade "${grade}" is not one of ${gradesInForce(policy).join(', ')}`),
        ),
      ]);
  }
}

/** 'leadership' = 党委、政府领导班子成员; 'functional' = 党政机关职能部门领导班子. */
export type UnitKind = 'leadership' | 'functional';

/** Areas a term-target set must cover (三.2). */
export const TARGET_AREAS: Readonly<Record<UnitKind, readonly string[]>> = {
  leadership: ['经济建设', '精神文明建设和社会发展', '党的建设'],
  functional: ['党的建设', '精神文明建设', '职能目标'],
};

/** Does a term-target set cover its areas (三.2)? Every missing area is listed. */
export function checkTargetAreas(kind: UnitKind, areas: readonly string[]): Decision<boolean> {
  const have = new Set(areas.map((a) => a.replace(/\s+/g, '')));
  const missing = TARGET_AREAS[kind].filter((a) => !have.has(a));
  const unit = kind === 'leadership' ? msg('党委、政府领导班子', 'party/government leadership') : msg('职能部门领导班子', 'functional department');
  return decision(
    missing.length === 0,
    missing.map((a) =>
      reason(
        RULE_TARGETS,
        'assessment.target-area-missing',
        'warning',
        msg(`${unit['zh-CN']}任期目标缺少“${a}”方面`, `${unit['en-US']} term targets lack "${a}"`),
      ),
    ),
  );
}
