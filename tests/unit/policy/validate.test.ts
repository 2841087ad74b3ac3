import fc from 'fast-check';
import { DEFAULT_POLICY, POLICY_SOURCES } from '../../../src/policy/policy';
import { CODES, flattenPolicy, POLICY_KEYS, policyDiff, resolvePolicy, unflattenPolicy } from '../../../src/policy/validate';

const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);
/** Override one dotted key. */
const one = (key: string, value: unknown) => unflattenPolicy({ [key]: value });
const get = (p: unknown, key: string) => flattenPolicy(p as typeof DEFAULT_POLICY)[key];

/** SPEC §2 keys (as named in policy.ts), each with a value accepted at its boundary and values refused. */
const BOUNDARIES: [key: string, accepted: unknown[], refused: unknown[]][] = [
  ['recommend.incumbentMinRatio', [0, 1, 0.5], [1.5, -0.01, NaN, '0.5', null]],
  ['recommend.newcomerMinRatio', [0, 1, 0.3], [1.0001, -1, Infinity]],
  ['recommend.denominator', ['present', 'eligible', 'valid'], ['实到', 'Present', 1]],
  ['recommend.quorum', [null, 1, 2 / 3], [0, 1.01, -0.5, 'none']],
  [
    'inspection.candidatesPerPost',
    [2, 4, 10], // 1 alone would fall below finalistsPerPost (cross-check below)
    [0, -4, 2.5, '4'],
  ],
  ['inspection.finalistsPerPost', [1, 2, 4], [0, 1.5]],
  ['notice.days', [1, 5, 7], [0, -5, 5.5]],
  ['notice.dayKind', ['working', 'calendar'], ['workday', '']],
  ['notice.countStartDay', [true, false], [1, 'true']],
  ['notice.requiredFields', [['基本情况'], ['a', 'b']], [[], [''], ['a', 3], '基本情况']],
  ['committeeVote.passShareOfMembers', [0.5, 0.01, 0.99], [0, 1, 1.2]],
  ['committeeVote.quorum', [2 / 3, 1], [0, 1.5]],
  ['probation.months', [1, 12, 24], [0, -12, 12.5]],
  ['probation.reportEveryMonths', [1, 3, 12], [0, 3.3]],
  ['probation.dueSoonDays', [1, 30], [0, -1, 30.5]],
  ['assessment.allowBasicCompetent', [true, false], ['yes', 0]],
  ['dismissal.incompetentTriggerRatio', [0, 0.5, 1], [1.5, -0.1]],
  ['dismissal.standbyMonths', [1, 6], [0, -6, 0.5]],
  ['dismissal.nonLeadingInBrief', ['apart', 'omit'], ['单列', 'Apart', true, null]],
  ['elimination.levels', [['正科级'], ['正科级', '副科级']], [[], [' ']]],
  ['elimination.preliminaryShare', [0.02, 0.01, 0.999], [0, 1, -0.02]],
  ['elimination.removalShare', [0.01, 0.001, 0.02], [0, 1, 2]],
  ['elimination.admonitionShare', [0.01, 0.001], [0, 1]],
  ['elimination.rounding', ['round', 'floor', 'ceil'], ['half-even', 'ROUND']],
  ['elimination.admonitionMonths', [1, 12], [0, -12, 1.5]],
  ['accountability.windowMonths', [1, 12], [0, -1]],
  ['orgLife.maxAbsenceShare', [0.5, 0.01, 0.99], [0, 1, 1.5]],
];

describe('policy keys', () => {
  it('every leaf of DEFAULT_POLICY is a known key with a source, and every key is tested here', () => {
    expect(Object.keys(flattenPolicy(DEFAULT_POLICY)).sort()).toEqual([...POLICY_KEYS].sort());
    expect(BOUNDARIES.map((b) => b[0]).sort()).toEqual([...POLICY_KEYS].sort());
    for (const k of POLICY_KEYS) expect(POLICY_SOURCES[k]).toBeDefined();
  });

  it('flatten / unflatten round-trip', () => {
    expect(unflattenPolicy(flattenPolicy(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
    expect(unflattenPolicy({ top: 1 })).toEqual({ top: 1 });
  });
});

describe('resolvePolicy', () => {
  it('no overrides → the defaults, no errors', () => {
    for (const o of [undefined, null, {}]) {
      const r = resolvePolicy(o);
      expect(r.policy).toEqual(DEFAULT_POLICY);
      expect(r.errors).toEqual([]);
    }
  });

  for (const [key, accepted, refused] of BOUNDARIES) {
    test.each(accepted.map((v) => [v]))(`${key} accepts %p`, (v) => {
      const r = resolvePolicy(one(key, v));
      expect(r.errors.filter((e) => e.code !== 'policy.inconsistent')).toEqual([]);
      expect(get(r.policy, key)).toEqual(v);
    });
    test.each(refused.map((v) => [v]))(`${key} refuses %p and keeps the default`, (v) => {
      const r = resolvePolicy(one(key, v));
      expect(codes(r.errors)).toEqual(['policy.invalid-value']);
      expect(r.errors[0].message['zh-CN']).toContain(key);
      expect(r.errors[0].message['en-US']).toContain(key);
      expect(get(r.policy, key)).toEqual(get(DEFAULT_POLICY, key));
    });
  }

  it('names the key and the value in the message (1.5 ratio, negative day count)', () => {
    const r = resolvePolicy({ recommend: { incumbentMinRatio: 1.5 }, probation: { dueSoonDays: -3 } });
    expect(r.errors.map((e) => e.message['zh-CN'])).toEqual([
      'recommend.incumbentMinRatio 必须是0到1之间的数，收到 1.5',
      'probation.dueSoonDays 必须是正整数，收到 -3',
    ]);
    expect(r.errors[0].message['en-US']).toBe('recommend.incumbentMinRatio must be a number from 0 to 1; got 1.5');
    expect(r.policy.recommend.incumbentMinRatio).toBe(0.5);
    expect(r.policy.probation.dueSoonDays).toBe(30);
  });

  it('good values in the same override are kept when a neighbour is refused', () => {
    const r = resolvePolicy({ recommend: { incumbentMinRatio: 2, newcomerMinRatio: 0.25 } });
    expect(r.policy.recommend).toEqual({ ...DEFAULT_POLICY.recommend, newcomerMinRatio: 0.25 });
  });

  it('refuses unknown keys at both levels', () => {
    const r = resolvePolicy({ recomend: { incumbentMinRatio: 0.6 }, recommend: { incumbentMinratio: 0.6 } });
    expect(codes(r.errors)).toEqual(['policy.unknown-key', 'policy.unknown-key']);
    expect(r.errors[0].message['zh-CN']).toContain('recomend');
    expect(r.errors[1].message['zh-CN']).toContain('recommend.incumbentMinratio');
    expect(r.policy).toEqual(DEFAULT_POLICY);
  });

  it('refuses a group or a whole override that is not an object', () => {
    expect(codes(resolvePolicy({ recommend: 0.5 }).errors)).toEqual(['policy.invalid-value']);
    expect(resolvePolicy({ recommend: [1] }).errors[0].message['zh-CN']).toContain('recommend');
    expect(codes(resolvePolicy('strict').errors)).toEqual(['policy.invalid-value']);
    expect(codes(resolvePolicy([1, 2]).errors)).toEqual(['policy.invalid-value']);
  });

  it('an undefined value is an absent override', () => {
    expect(resolvePolicy({ recommend: { quorum: undefined } })).toEqual({ policy: DEFAULT_POLICY, errors: [] });
  });

  it('trims list entries', () => {
    expect(resolvePolicy(one('elimination.levels', [' 正科级 '])).policy.elimination.levels).toEqual(['正科级']);
  });

  it('does not mutate DEFAULT_POLICY', () => {
    const before = JSON.stringify(DEFAULT_POLICY);
    resolvePolicy({ notice: { requiredFields: ['x'] }, elimination: { levels: ['y'] } });
    expect(JSON.stringify(DEFAULT_POLICY)).toBe(before);
  });

  describe('cross-key checks', () => {
    it('finalists above candidates → both defaults, warning', () => {
      const r = resolvePolicy({ inspection: { candidatesPerPost: 3, finalistsPerPost: 5 } });
      expect(codes(r.errors)).toEqual(['policy.inconsistent']);
      expect(r.policy.inspection).toEqual(DEFAULT_POLICY.inspection);
    });
    it('finalists equal to candidates is fine, down to 1:1', () => {
      expect(resolvePolicy({ inspection: { candidatesPerPost: 2, finalistsPerPost: 2 } }).errors).toEqual([]);
      expect(resolvePolicy({ inspection: { candidatesPerPost: 1, finalistsPerPost: 1 } }).policy.inspection).toEqual({
        candidatesPerPost: 1,
        finalistsPerPost: 1,
      });
    });
    it('removal share above preliminary share → both defaults', () => {
      const r = resolvePolicy({ elimination: { removalShare: 0.03 } });
      expect(codes(r.errors)).toContain('policy.inconsistent');
      expect(r.policy.elimination.removalShare).toBe(0.01);
      expect(r.policy.elimination.preliminaryShare).toBe(0.02);
    });
    it('removal + admonition above preliminary → warning only (admonition is capped in 四.4)', () => {
      const r = resolvePolicy({ elimination: { admonitionShare: 0.02 } });
      expect(codes(r.errors)).toEqual(['policy.inconsistent']);
      expect(r.policy.elimination.admonitionShare).toBe(0.02);
    });
    it('report interval longer than probation → warning', () => {
      const r = resolvePolicy({ probation: { months: 6, reportEveryMonths: 12 } });
      expect(codes(r.errors)).toEqual(['policy.inconsistent']);
      expect(r.policy.probation.months).toBe(6);
    });
  });

  it('property: never throws; the result always passes its own validation', () => {
    fc.assert(
      fc.property(fc.anything(), (o) => {
        const r = resolvePolicy(o);
        expect(resolvePolicy(r.policy).errors.filter((e) => e.code !== 'policy.inconsistent')).toEqual([]);
      }),
    );
  });

  it('property: random values for random keys are either applied or refused with the key named', () => {
    const valueArb = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.string(), fc.constant(null), fc.array(fc.string()));
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_KEYS), valueArb, (key, v) => {
        const r = resolvePolicy(one(key, v));
        const invalid = r.errors.filter((e) => e.code === 'policy.invalid-value');
        if (invalid.length) {
          expect(invalid[0].message['zh-CN']).toContain(key);
          expect(get(r.policy, key)).toEqual(get(DEFAULT_POLICY, key));
        }
      }),
    );
  });
});

describe('policyDiff', () => {
  it('lists every key with value, default and source; marks changes', () => {
    const { policy } = resolvePolicy({ recommend: { newcomerMinRatio: 0.25 }, notice: { requiredFields: ['基本情况'] } });
    const diff = policyDiff(policy);
    expect(diff.map((d) => d.key)).toEqual([...POLICY_KEYS]);
    expect(diff.filter((d) => d.changed).map((d) => d.key)).toEqual(['recommend.newcomerMinRatio', 'notice.requiredFields']);
    const row = diff.find((d) => d.key === 'recommend.newcomerMinRatio');
    expect(row).toMatchObject({ value: 0.25, default: 0.3, changed: true });
    expect(row?.source['zh-CN']).toContain('二.2');
    expect(policyDiff(DEFAULT_POLICY).every((d) => !d.changed)).toBe(true);
  });
});

describe('CODES', () => {
  it('documents the codes resolvePolicy emits', () => {
    expect(CODES.map((c) => c.code)).toEqual(['policy.invalid-value', 'policy.unknown-key', 'policy.inconsistent']);
  });
});
