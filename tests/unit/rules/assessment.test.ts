import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { CODES, checkTargetAreas, gradeOutcome, gradesInForce, TARGET_AREAS } from '../../../src/rules/assessment';

const P = DEFAULT_POLICY;
const allowBasic: Policy = { ...P, assessment: { allowBasicCompetent: true } };
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('gradeOutcome (三.3)', () => {
  test.each([
    ['优秀', P, 'commendation', 'assessment.commendation'],
    ['称职', P, 'none', 'assessment.competent'],
    ['不称职', P, 'adjustment', 'assessment.adjustment'],
    [' 优秀 ', P, 'commendation', 'assessment.commendation'],
    ['基本称职', P, null, 'assessment.grade-not-allowed'],
    ['基本称职', allowBasic, 'review', 'assessment.review'],
    ['良好', P, null, 'assessment.unknown-grade'],
    ['', allowBasic, null, 'assessment.unknown-grade'],
  ] as const)('%p → %p', (grade, policy, outcome, code) => {
    const d = gradeOutcome(grade, policy);
    expect(d.outcome).toBe(outcome);
    expect(codes(d.reasons)).toEqual([code]);
    expect(d.reasons[0].rule).toBe('三.3');
    if (outcome === null) expect(d.reasons[0].severity).toBe('error');
  });

  it('grades in force follow assessment.allowBasicCompetent', () => {
    expect(gradesInForce(P)).toEqual(['优秀', '称职', '不称职']);
    expect(gradesInForce(allowBasic)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(gradeOutcome('良好', P).reasons[0].message['zh-CN']).toBe('考核等次“良好”不是优秀、称职、不称职之一');
  });
});

describe('checkTargetAreas (三.2)', () => {
  it('leadership and functional sets from the seed', () => {
    expect(TARGET_AREAS.leadership).toEqual(['经济建设', '精神文明建设和社会发展', '党的建设']);
    expect(TARGET_AREAS.functional).toEqual(['党的建设', '精神文明建设', '职能目标']);
  });

  test.each([
    ['leadership', ['经济建设', '精神文明建设和社会发展', '党的建设'], []],
    ['leadership', ['经济建设', '党的 建设', '其他'], ['精神文明建设和社会发展']],
    ['leadership', ['党的建设', '精神文明建设', '职能目标'], ['经济建设', '精神文明建设和社会发展']],
    ['functional', ['党的建设', '精神文明建设', '职能目标'], []],
    ['functional', [], ['党的建设', '精神文明建设', '职能目标']],
  ] as const)('%s %p misses %p', (kind, areas, missing) => {
    const d = checkTargetAreas(kind, areas);
    expect(d.outcome).toBe(missing.length === 0);
    expect(d.reasons.map((r) => r.code)).toEqual(missing.map(() => 'assessment.target-area-missing'));
    missing.forEach((m, i) => expect(d.reasons[i].message['zh-CN']).toContain(m));
    for (const r of d.reasons) expect(r.rule).toBe('三.2');
  });

  it('every emitted code is documented', () => {
    const documented = new Set(CODES.map((c) => c.code));
    for (const g of ['优秀', '称职', '不称职', '基本称职', 'x']) for (const r of gradeOutcome(g, P).reasons) expect(documented.has(r.code)).toBe(true);
    expect(documented.has('assessment.review')).toBe(true);
    expect(documented.has('assessment.target-area-missing')).toBe(true);
  });
});
