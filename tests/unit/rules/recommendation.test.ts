import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { compareRatio, countAbove, countAtLeast, percent, rationalOf, ratioAbove, ratioAtLeast, roundShare } from '../../../src/rules/ratio';
import {
  CODES,
  checkRecommendation,
  chooseBase,
  kindFromLabel,
  quorumCheck,
  recommendationPass,
  thresholdFor,
  voteRatio,
  type RecommendationRecord,
} from '../../../src/rules/recommendation';
import { findingsOf, hasError, reason } from '../../../src/rules/decision';
import { msg } from '../../../src/i18n/message';

const P = DEFAULT_POLICY;
const withRec = (r: Partial<Policy['recommend']>): Policy => ({ ...P, recommend: { ...P.recommend, ...r } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('exact ratio arithmetic (ratio.ts)', () => {
  test.each([
    [0.3, 3n, 10n],
    [0.5, 1n, 2n],
    [1 / 3, 1n, 3n],
    [2 / 3, 2n, 3n],
    [0.02, 1n, 50n],
    [0.01, 1n, 100n],
    [0, 0n, 1n],
    [1, 1n, 1n],
  ])('rationalOf(%p) = %p/%p', (t, p, q) => {
    expect(rationalOf(t)).toEqual({ p, q });
  });

  it('rejects a negative or non-finite threshold loudly (a programming error, never user data)', () => {
    expect(() => rationalOf(-0.1)).toThrow(RangeError);
    expect(() => rationalOf(NaN)).toThrow(RangeError);
  });

  // Every combination of the brief's thresholds and bases: the exact answer is computed by hand in
  // integers (votes*q >= p*base) and compared with the library.
  const thresholds: [number, number, number][] = [
    [1 / 2, 1, 2],
    [1 / 3, 1, 3],
    [3 / 10, 3, 10],
    [0.3, 3, 10],
    [0.5, 1, 2],
  ];
  const bases = [3, 7, 10, 30, 100, 333];
  for (const [t, p, q] of thresholds) {
    for (const base of bases) {
      it(`threshold ${t} with base ${base}: every vote count decided exactly`, () => {
        for (let v = 0; v <= base; v++) {
          expect(ratioAtLeast(v, base, t)).toBe(v * q >= p * base);
          expect(ratioAbove(v, base, t)).toBe(v * q > p * base);
        }
      });
    }
  }

  it('29.96 % fails 30 %; 30 % exactly passes; 50 % exactly passes ≥ 50 %; 49.99 % fails', () => {
    expect(ratioAtLeast(2996, 10000, 0.3)).toBe(false);
    expect(ratioAtLeast(3, 10, 0.3)).toBe(true);
    expect(ratioAtLeast(50, 100, 0.5)).toBe(true);
    expect(ratioAtLeast(4999, 10000, 0.5)).toBe(false);
    expect(compareRatio(1, 3, 1 / 3)).toBe(0);
    expect(compareRatio(1, 3, 0.3)).toBe(1);
  });

  it('counts against a share of a headcount', () => {
    expect(countAbove(5, 0.5, 10)).toBe(false);
    expect(countAbove(6, 0.5, 10)).toBe(true);
    expect(countAtLeast(20, 2 / 3, 30)).toBe(true);
    expect(countAtLeast(19, 2 / 3, 30)).toBe(false);
  });

  it('roundShare is exact where floats are not', () => {
    // Float products that would round the wrong way: 7 % of 100, 29 % of 100.
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(roundShare(0.07, 100, 'ceil')).toBe(7);
    expect(Math.floor(0.29 * 100)).toBe(28);
    expect(roundShare(0.29, 100, 'floor')).toBe(29);
    expect(roundShare(0.035, 100, 'round')).toBe(4); // 3.5 half up
    expect(roundShare(0.035, 100, 'floor')).toBe(3);
    expect(roundShare(0.01, 150, 'round')).toBe(2);
    expect(roundShare(0.01, 150, 'floor')).toBe(1);
    expect(roundShare(0.01, 150, 'ceil')).toBe(2);
    expect(roundShare(0.02, 150, 'ceil')).toBe(3); // 3 exactly, not 4 from 3.0000000000000004
    expect(roundShare(0.01, 250, 'round')).toBe(3);
    expect(roundShare(0.01, 249, 'round')).toBe(2);
  });

  it('percent shows enough digits that 29.96 % never reads as 30 %', () => {
    expect(percent(2996, 10000)).toBe('29.96%');
    expect(percent(1, 2)).toBe('50%');
    expect(percent(1, 0)).toBe('—');
    expect(percent(0, 7)).toBe('0%');
  });

  test.each([
    // Two decimals would round these onto a whole percent they are not (29.996 % is below 30 %).
    [7499, 25000, '29.996%'],
    [49999, 100000, '49.999%'],
    [99999, 100000, '99.999%'],
    [1, 100000, '0.001%'],
    [1, 3, '33.33%'],
    [3, 10, '30%'],
  ])('percent(%i, %i) = %s, never a whole percent it is not', (num, den, shown) => {
    expect(percent(num, den)).toBe(shown);
  });

  it('property: ratioAtLeast agrees with integer arithmetic for thresholds k/d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.nat(100000), fc.integer({ min: 1, max: 20 }), fc.nat(20), (base, v0, d, k0) => {
        const votes = v0 % (base + 1);
        const k = k0 % (d + 1);
        expect(ratioAtLeast(votes, base, k / d)).toBe(votes * d >= k * base);
      }),
    );
  });

  it('property: roundShare stays within [0, n] and floor ≤ round ≤ ceil', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 7), fc.integer({ min: 1, max: 99 }), (n, c) => {
        const s = c / 100;
        const [f, r, ce] = [roundShare(s, n, 'floor'), roundShare(s, n, 'round'), roundShare(s, n, 'ceil')];
        expect(f).toBeLessThanOrEqual(r);
        expect(r).toBeLessThanOrEqual(ce);
        expect(ce).toBeLessThanOrEqual(n);
        expect(f * 100).toBeLessThanOrEqual(c * n);
        expect(ce * 100).toBeGreaterThanOrEqual(c * n);
      }),
    );
  });
});

describe('decision helpers', () => {
  it('reason() leaves out absent numbers; findingsOf drops info', () => {
    const r = reason('二.2', 'x', 'info', msg('a', 'b'));
    expect(Object.keys(r).sort()).toEqual(['code', 'message', 'rule', 'severity']);
    const w = reason('二.2', 'y', 'warning', msg('a', 'b'), { threshold: 0.5, value: 0.4, policyKey: 'k' });
    expect(findingsOf([r, w])).toEqual([w]);
    expect(hasError([r, w])).toBe(false);
  });
});

describe('voteRatio (二.2) data errors', () => {
  test.each([
    [5, 10, 0.5, []],
    [0, 10, 0, []],
    [10, 10, 1, []],
    [11, 10, null, ['vote.exceeds-base']],
    [-1, 10, null, ['vote.invalid-count']],
    [1.5, 10, null, ['vote.invalid-count']],
    [NaN, 10, null, ['vote.invalid-count']],
    [1, Infinity, null, ['vote.invalid-count']],
    [1, -3, null, ['vote.invalid-count']],
    [-1, -3, null, ['vote.invalid-count', 'vote.invalid-count']],
    [0, 0, null, ['vote.base-zero']],
    [1, 2 ** 27, null, ['vote.invalid-count']],
  ])('voteRatio(%p, %p) → %p %p', (votes, base, ratio, expected) => {
    const d = voteRatio(votes, base);
    expect(d.outcome).toBe(ratio);
    expect(codes(d.reasons)).toEqual(expected);
    for (const r of d.reasons) {
      expect(r.severity).toBe('error');
      expect(r.rule).toBe('二.2');
    }
  });

  it('never throws and never returns a ratio outside [0,1]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), fc.oneof(fc.integer(), fc.double()), (v, b) => {
        const d = voteRatio(v, b);
        if (d.outcome === null) expect(hasError(d.reasons)).toBe(true);
        else {
          expect(d.outcome).toBeGreaterThanOrEqual(0);
          expect(d.outcome).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('chooseBase and quorum', () => {
  const tally = { eligible: 40, present: 30, valid: 28 };
  test.each([
    ['present', 30],
    ['eligible', 40],
    ['valid', 28],
  ] as const)('denominator %s → %p', (d, base) => {
    expect(chooseBase(tally, withRec({ denominator: d })).outcome).toBe(base);
  });

  it('a missing base named by the policy is an error naming recommend.denominator', () => {
    const d = chooseBase({ present: 30 }, withRec({ denominator: 'valid' }));
    expect(d.outcome).toBeNull();
    expect(d.reasons[0]).toMatchObject({ code: 'vote.base-missing', policyKey: 'recommend.denominator' });
  });

  test.each([
    [{ eligible: 40, present: 30, valid: 31 }, ['vote.base-inconsistent']],
    [{ eligible: 20, present: 30, valid: 28 }, ['vote.base-inconsistent']],
    [{ eligible: 20, present: 30, valid: 31 }, ['vote.base-inconsistent', 'vote.base-inconsistent']],
    // present unknown: valid ballots still cannot exceed those eligible to vote
    [{ eligible: 20, valid: 25 }, ['vote.base-inconsistent']],
    [{ eligible: 20, present: null, valid: 21 }, ['vote.base-inconsistent']],
    [{ eligible: -1, present: 30 }, ['vote.invalid-count']],
  ])('inconsistent counts %p', (t, expected) => {
    const d = chooseBase(t, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(expected);
  });

  it('quorum: none by default; 2/3 of eligible as a warning only', () => {
    expect(quorumCheck({ eligible: 30, present: 10 }, P)).toEqual([]);
    const q = withRec({ quorum: 2 / 3 });
    expect(quorumCheck({ eligible: 30, present: 20 }, q)).toEqual([]);
    const short = quorumCheck({ eligible: 30, present: 19 }, q);
    expect(codes(short)).toEqual(['vote.quorum-not-met']);
    expect(short[0]).toMatchObject({ severity: 'warning', threshold: 2 / 3, policyKey: 'recommend.quorum' });
    expect(codes(quorumCheck({ present: 19 }, q))).toEqual(['vote.quorum-unknown']);
  });
});

describe('recommendationPass (二.2) at the seed boundaries', () => {
  test.each([
    // status, votes, present, pass — incumbents need ≥ 50 %, newcomers ≥ 30 %
    ['incumbent', 50, 100, true],
    ['incumbent', 5000, 10000, true],
    ['incumbent', 4999, 10000, false],
    ['incumbent', 3, 7, false],
    ['incumbent', 4, 7, true],
    ['incumbent', 1, 2, true],
    ['newcomer', 30, 100, true],
    ['newcomer', 3, 10, true],
    ['newcomer', 9, 30, true],
    ['newcomer', 2996, 10000, false],
    ['newcomer', 2999, 10000, false],
    ['newcomer', 100, 333, true], // 30.03 %
    ['newcomer', 99, 333, false], // 29.73 %
    ['newcomer', 1, 3, true],
    ['newcomer', 2, 7, false],
  ] as const)('%s %d/%d → %p', (status, votes, present, pass) => {
    const d = recommendationPass({ votes, tally: { present }, status }, P);
    expect(d.outcome).toBe(pass);
    const r = d.reasons[0];
    expect(r.code).toBe(pass ? 'vote.meets-threshold' : 'vote.below-threshold');
    expect(r.rule).toBe('二.2');
    expect(r.threshold).toBe(status === 'incumbent' ? 0.5 : 0.3);
    expect(r.value).toBe(votes / present);
    expect(r.message['zh-CN']).toContain(`${votes}/${present}`);
    expect(r.message['en-US']).toContain(`${votes}/${present}`);
  });

  it('votes greater than the base are an error, not a pass', () => {
    const d = recommendationPass({ votes: 31, tally: { present: 30 }, status: 'newcomer' }, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['vote.exceeds-base']);
  });

  it('a bad tally stops before the ratio', () => {
    const d = recommendationPass({ votes: 3, tally: {}, status: 'newcomer' }, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['vote.base-missing']);
  });

  it('policy thresholds are read at their boundaries', () => {
    const p = withRec({ incumbentMinRatio: 0.6, newcomerMinRatio: 1 / 3 });
    expect(thresholdFor('incumbent', p)).toEqual({ threshold: 0.6, policyKey: 'recommend.incumbentMinRatio' });
    expect(recommendationPass({ votes: 6, tally: { present: 10 }, status: 'incumbent' }, p).outcome).toBe(true);
    expect(recommendationPass({ votes: 59, tally: { present: 100 }, status: 'incumbent' }, p).outcome).toBe(false);
    expect(recommendationPass({ votes: 1, tally: { present: 3 }, status: 'newcomer' }, p).outcome).toBe(true);
    expect(recommendationPass({ votes: 33, tally: { present: 100 }, status: 'newcomer' }, p).outcome).toBe(false);
  });

  it('the base follows recommend.denominator', () => {
    const tally = { eligible: 100, present: 60, valid: 58 };
    const input = { votes: 30, tally, status: 'incumbent' as const };
    expect(recommendationPass(input, withRec({ denominator: 'present' })).outcome).toBe(true);
    expect(recommendationPass(input, withRec({ denominator: 'eligible' })).outcome).toBe(false);
    expect(recommendationPass(input, withRec({ denominator: 'valid' })).outcome).toBe(true);
  });

  it('a quorum shortfall is added as a warning but does not change the pass', () => {
    const d = recommendationPass({ votes: 10, tally: { eligible: 40, present: 20 }, status: 'incumbent' }, withRec({ quorum: 2 / 3 }));
    expect(d.outcome).toBe(true);
    expect(codes(d.reasons)).toEqual(['vote.meets-threshold', 'vote.quorum-not-met']);
  });
});

describe('checkRecommendation (二.2 forms)', () => {
  const base: RecommendationRecord = { kind: 'mass', hasMaterial: false, hasForm: false };
  test.each([
    [{ ...base }, true, []],
    [{ ...base, kind: 'party' }, true, []],
    [{ ...base, kind: 'leader', recommender: '张三', hasMaterial: true, hasForm: true }, true, []],
    [{ ...base, kind: 'leader', recommender: ' ', hasMaterial: true, hasForm: true }, false, ['recommend.unsigned']],
    [{ ...base, kind: 'leader', hasMaterial: true, hasForm: true }, false, ['recommend.unsigned']],
    [{ ...base, kind: 'leader', recommender: '张三', hasMaterial: false, hasForm: true }, false, ['recommend.material-missing']],
    [{ ...base, kind: 'leader', recommender: null }, false, ['recommend.unsigned', 'recommend.material-missing']],
    [{ ...base, kind: 'self', hasMaterial: true, hasForm: false }, false, ['recommend.material-missing']],
    [{ ...base, kind: 'notable', hasMaterial: true, hasForm: true }, true, []],
  ] as [RecommendationRecord, boolean, string[]][])('%p → %p', (rec, okay, expected) => {
    const d = checkRecommendation(rec);
    expect(d.outcome).toBe(okay);
    expect(codes(d.reasons)).toEqual(expected);
  });

  it('names what is missing', () => {
    const d = checkRecommendation({ kind: 'self', hasMaterial: false, hasForm: false });
    expect(d.reasons[0].message['zh-CN']).toBe('个人自荐缺少推荐材料和推荐表');
  });

  test.each([
    ['群众推荐', 'mass'],
    [' 领导推荐 ', 'leader'],
    ['个人自荐', 'self'],
    ['社会知名人士推荐', 'notable'],
    ['党组织推荐', 'party'],
    ['组织推荐', null],
  ])('kindFromLabel(%p) = %p', (label, kind) => {
    expect(kindFromLabel(label)).toBe(kind);
  });
});

describe('CODES', () => {
  it('documents every code this module emits, in both languages', () => {
    const documented = new Set(CODES.map((c) => c.code));
    for (const c of [
      'vote.invalid-count',
      'vote.exceeds-base',
      'vote.base-zero',
      'vote.base-missing',
      'vote.base-inconsistent',
      'vote.below-threshold',
      'vote.meets-threshold',
      'vote.quorum-not-met',
      'vote.quorum-unknown',
      'recommend.unsigned',
      'recommend.material-missing',
    ]) {
      expect(documented.has(c)).toBe(true);
    }
    for (const c of CODES) {
      expect(c.doc['zh-CN']).not.toBe('');
      expect(c.doc['en-US']).not.toBe('');
    }
  });
});
