import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { CODES, recordCommitteeChoice, shortlist, type InspectionResult, type ShortlistCandidate } from '../../../src/rules/shortlist';

const P = DEFAULT_POLICY;
const withInsp = (i: Partial<Policy['inspection']>): Policy => ({ ...P, inspection: { ...P.inspection, ...i } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

const cand = (id: string, votes: number, inspection: InspectionResult = { grade: '称职' }, extra: Partial<ShortlistCandidate> = {}): ShortlistCandidate => ({
  id,
  name: id,
  post: '局长',
  votes,
  base: 100,
  eligible: true,
  inspection,
  ...extra,
});

describe('shortlist (二.3)', () => {
  it('ranks by vote ratio, proposes 4, suggests 2', () => {
    const d = shortlist([cand('a', 40), cand('b', 90), cand('c', 60), cand('d', 70), cand('e', 50), cand('f', 80)], P);
    const [p] = d.outcome;
    expect(p.entries.map((e) => [e.id, e.position])).toEqual([
      ['b', 1],
      ['f', 2],
      ['d', 3],
      ['c', 4],
      ['e', 5],
      ['a', 6],
    ]);
    expect(p.proposed).toEqual(['b', 'f', 'd', 'c']);
    expect(p.suggested).toEqual(['b', 'f']);
    expect(d.reasons).toEqual([]);
  });

  it('compares ratios with different bases exactly, then the inspection grade', () => {
    const d = shortlist(
      [cand('x', 1, { grade: '称职' }, { base: 3 }), cand('y', 2, { grade: '优秀' }, { base: 6 }), cand('z', 33, { grade: '优秀' }, { base: 100 })],
      withInsp({ candidatesPerPost: 3, finalistsPerPost: 1 }),
    );
    expect(d.outcome[0].entries.map((e) => [e.id, e.position, e.tie])).toEqual([
      ['y', 1, false],
      ['x', 2, false],
      ['z', 3, false],
    ]);
  });

  it('numeric scores break ties too (higher is better)', () => {
    const d = shortlist([cand('a', 50, { score: 88 }), cand('b', 50, { score: 92.5 }), cand('c', 50, { score: 70 })], withInsp({ finalistsPerPost: 1 }));
    expect(d.outcome[0].entries.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('a tie across the 4th place includes all tied and flags them', () => {
    const d = shortlist([cand('a', 90), cand('b', 80), cand('c', 70), cand('d', 60), cand('e', 60), cand('f', 50)], P);
    const [p] = d.outcome;
    expect(p.proposed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(p.entries.filter((e) => e.tie).map((e) => e.id)).toEqual(['d', 'e']);
    expect(codes(d.reasons)).toEqual(['shortlist.tie-at-cutoff', 'shortlist.tie-at-cutoff']);
    expect(d.reasons[0]).toMatchObject({ threshold: 4, value: 4 });
  });

  it('a tie across the 2nd place is flagged, never broken silently', () => {
    const d = shortlist([cand('a', 90), cand('b', 80), cand('c', 80), cand('d', 60)], P);
    const [p] = d.outcome;
    expect(p.suggested).toEqual(['a', 'b', 'c']);
    expect(p.entries.filter((e) => e.tie).map((e) => e.id)).toEqual(['b', 'c']);
    expect(p.entries.find((e) => e.id === 'b')?.reasons[0]).toMatchObject({ code: 'shortlist.tie-at-cutoff', threshold: 2 });
  });

  it('fewer qualifying candidates than 4 (or 2) warns, naming the post', () => {
    const d = shortlist([cand('a', 90), cand('b', 80), cand('c', 20, undefined, { eligible: false }), cand('z', 50, undefined, { post: '副局长' })], P);
    expect(d.outcome.map((p) => p.post)).toEqual(['局长', '副局长']);
    const [boss, deputy] = d.outcome;
    expect(codes(boss.reasons)).toEqual(['shortlist.not-eligible', 'shortlist.too-few-candidates']);
    expect(boss.reasons[1].message['zh-CN']).toContain('局长');
    expect(boss.reasons[1]).toMatchObject({ threshold: 4, value: 2, policyKey: 'inspection.candidatesPerPost' });
    expect(codes(deputy.reasons)).toEqual(['shortlist.too-few-candidates', 'shortlist.too-few-finalists']);
    expect(deputy.reasons[1].message['zh-CN']).toContain('副局长');
  });

  it('bad votes, missing, unknown or mixed inspection results are reported', () => {
    const bad = shortlist(
      [cand('a', 101), cand('b', 50, null), cand('c', 50, { grade: '很好' }), cand('d', 40, { score: NaN })],
      withInsp({ candidatesPerPost: 1, finalistsPerPost: 1 }),
    );
    expect(codes(bad.reasons)).toEqual([
      'shortlist.bad-votes',
      'shortlist.inspection-mixed', // c has a grade, d a score
      'shortlist.inspection-missing',
      'shortlist.inspection-unknown-grade',
      'shortlist.inspection-unknown-grade',
      'shortlist.tie-at-cutoff',
      'shortlist.tie-at-cutoff',
    ]);
    const mixed = shortlist([cand('a', 50, { grade: '优秀' }), cand('b', 50, { score: 99 })], withInsp({ candidatesPerPost: 1, finalistsPerPost: 1 }));
    expect(codes(mixed.reasons)).toContain('shortlist.inspection-mixed');
    expect(mixed.outcome[0].entries.every((e) => e.tie)).toBe(true);
  });

  it('property: positions do not depend on input order; proposed ⊇ suggested; at least min(K, n) proposed', () => {
    const arb = fc.array(fc.record({ v: fc.nat(20), g: fc.constantFrom('优秀', '良好', '称职') }), { maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.func(fc.integer()), (xs, f) => {
        const cs = xs.map((x, i) => cand(`c${i}`, x.v, { grade: x.g }, { base: 20 }));
        const shuffled = cs
          .map((c, i) => ({ c, k: f(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        const pos = (list: ShortlistCandidate[]) =>
          new Map((shortlist(list, P).outcome[0]?.entries ?? []).map((e) => [e.id, [e.position, e.tie, e.proposed, e.suggested]]));
        expect(pos(shuffled)).toEqual(pos(cs));
        const p = shortlist(cs, P).outcome[0];
        if (!p) return;
        for (const id of p.suggested) expect(p.proposed).toContain(id);
        expect(p.proposed.length).toBeGreaterThanOrEqual(Math.min(4, cs.length));
      }),
    );
  });
});

describe('recordCommitteeChoice', () => {
  const [post] = shortlist([cand('a', 90), cand('b', 80), cand('c', 70), cand('d', 60), cand('e', 10)], P).outcome;

  it('the suggested pair matches', () => {
    const d = recordCommitteeChoice(post, ['b', 'a'], P);
    expect(d.outcome).toEqual({ chosen: ['b', 'a'], matchesSuggestion: true });
    expect(codes(d.reasons)).toEqual(['shortlist.choice-matches']);
  });

  it('another pair from the list differs (info only)', () => {
    const d = recordCommitteeChoice(post, ['a', 'c'], P);
    expect(d.outcome.matchesSuggestion).toBe(false);
    expect(codes(d.reasons)).toEqual(['shortlist.choice-differs']);
  });

  it('outside the proposal or the wrong count warns', () => {
    const d = recordCommitteeChoice(post, ['a', 'e', 'e', 'c'], P);
    expect(d.outcome.chosen).toEqual(['a', 'e', 'c']);
    expect(codes(d.reasons)).toEqual(['shortlist.choice-outside-proposal', 'shortlist.choice-count', 'shortlist.choice-differs']);
  });

  it('every code is documented', () => {
    const documented = new Set(CODES.map((c) => c.code));
    for (const c of [
      'shortlist.choice-outside-proposal',
      'shortlist.choice-count',
      'shortlist.choice-differs',
      'shortlist.choice-matches',
      'shortlist.tie-at-cutoff',
      'shortlist.too-few-candidates',
      'shortlist.too-few-finalists',
    ]) {
      expect(documented.has(c)).toBe(true);
    }
  });
});
