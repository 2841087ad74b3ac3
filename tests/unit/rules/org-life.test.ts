import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { checkOrgLife, CODES } from '../../../src/rules/org-life';

const P = DEFAULT_POLICY;
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);
const rec = (held: number, attended: number) => ({ leader: '赵六', year: 2025, held, attended });

describe('checkOrgLife (三.4 经常不参加组织生活 = absent from more than half)', () => {
  it.each([
    [12, 6, false, 'orglife.ok', 'exactly half absent is not "more than half"'],
    [12, 5, true, 'orglife.frequent-absence', '7 of 12 absent'],
    [12, 7, false, 'orglife.ok', '5 of 12 absent'],
    [3, 1, true, 'orglife.frequent-absence', '2 of 3'],
    [3, 2, false, 'orglife.ok', '1 of 3'],
    [1, 0, true, 'orglife.frequent-absence', 'the only meeting missed'],
    [2, 1, false, 'orglife.ok', '1 of 2 = half'],
    [10, 10, false, 'orglife.ok', 'full attendance'],
  ])('held %i, attended %i → frequent = %s (%s)', (held, attended, frequent, code) => {
    const d = checkOrgLife(rec(held, attended), P);
    expect(d.outcome).toBe(frequent);
    expect(codes(d.reasons)).toEqual([code]);
    expect(d.reasons[0]).toMatchObject({ rule: '三.4', threshold: 0.5, value: (held - attended) / held, policyKey: 'orgLife.maxAbsenceShare' });
  });

  it('names the leader, the year and the counts', () => {
    const m = checkOrgLife(rec(12, 5), P).reasons[0].message;
    expect(m['zh-CN']).toContain('赵六');
    expect(m['zh-CN']).toContain('2025');
    expect(m['en-US']).toContain('7 of 12');
  });

  it('zero meetings: no finding, an info note', () => {
    const d = checkOrgLife(rec(0, 0), P);
    expect(d.outcome).toBeNull();
    expect(d.reasons.map((r) => [r.code, r.severity])).toEqual([['orglife.no-meetings', 'info']]);
  });

  it.each([
    [5, 6],
    [-1, 0],
    [4, 1.5],
    [NaN, 0],
  ])('held %p, attended %p → orglife.bad-count', (held, attended) => {
    expect(codes(checkOrgLife(rec(held, attended), P).reasons)).toEqual(['orglife.bad-count']);
  });

  it.each([1.2, -0.1, NaN])('share %p → orglife.policy-invalid', (maxAbsenceShare) => {
    const p: Policy = { ...P, orgLife: { maxAbsenceShare } };
    expect(codes(checkOrgLife(rec(4, 1), p).reasons)).toEqual(['orglife.policy-invalid']);
  });

  it('a county share of 1/3 is compared exactly: 1 of 3 absent is not more than a third', () => {
    const p: Policy = { ...P, orgLife: { maxAbsenceShare: 1 / 3 } };
    expect(checkOrgLife(rec(3, 2), p).outcome).toBe(false);
    expect(checkOrgLife(rec(30, 19), p).outcome).toBe(true);
  });

  it('equals the integer rule 2·absent > held (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), (held, k) => {
        const attended = k % (held + 1);
        expect(checkOrgLife(rec(held, attended), P).outcome).toBe(2 * (held - attended) > held);
      }),
    );
  });

  it('CODES documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});
