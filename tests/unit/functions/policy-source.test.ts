/** The policy the functions read: stored overrides resolved once, defaults otherwise. */
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { applyPolicySetting, currentPolicy, loadPolicy, onPolicyChange, policyErrors, POLICY_SETTING_KEY } from '../../../src/functions/policy-source';

afterEach(() => applyPolicySetting(null));

describe('policy source', () => {
  it('defaults when nothing is stored', () => {
    applyPolicySetting(null);
    expect(currentPolicy()).toEqual(DEFAULT_POLICY);
    expect(policyErrors()).toEqual([]);
  });

  it('resolves stored overrides and reports changes once', () => {
    const seen: number[] = [];
    const off = onPolicyChange((p) => seen.push(p.notice.days));
    expect(applyPolicySetting('{"notice":{"days":7}}')).toBe(true);
    expect(currentPolicy().notice.days).toBe(7);
    expect(currentPolicy().recommend).toEqual(DEFAULT_POLICY.recommend);
    expect(applyPolicySetting('{"notice":{"days":7}}')).toBe(false); // same text: nothing to do
    expect(applyPolicySetting('{"notice": {"days": 7}}')).toBe(false); // same policy: no recalculation
    off();
    expect(seen).toEqual([7]);
  });

  it('refused values keep their defaults and are reported; unreadable JSON keeps all defaults', () => {
    applyPolicySetting('{"notice":{"days":-1},"recommend":{"newcomerMinRatio":0.4}}');
    expect(currentPolicy().notice.days).toBe(5);
    expect(currentPolicy().recommend.newcomerMinRatio).toBe(0.4);
    expect(policyErrors().map((e) => e.code)).toEqual(['policy.invalid-value']);
    applyPolicySetting('{not json');
    expect(currentPolicy()).toEqual(DEFAULT_POLICY);
    expect(policyErrors()[0].message['zh-CN']).toContain('不是有效的 JSON');
  });

  it('loads through any settings reader under the key "policy"', async () => {
    const asked: string[] = [];
    const changed = await loadPolicy(async (key) => {
      asked.push(key);
      return '{"probation":{"months":6}}';
    });
    expect(changed).toBe(true);
    expect(asked).toEqual([POLICY_SETTING_KEY]);
    expect(POLICY_SETTING_KEY).toBe('policy');
    expect(currentPolicy().probation.months).toBe(6);
  });
});
