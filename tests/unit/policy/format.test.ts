/** One number formatter for policy values: the brief, the 政策设置 table and the settings editor. */
import { commonFraction, POLICY_ENUM_LABELS, policyEnumText, policyNumberText, shareText } from '../../../src/policy/format';
import { policyValueText } from '../../../src/brief/brief-model';
import { formatPolicyValue } from '../../../src/taskpane/policy-table';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { flattenPolicy, policyKeyKind, POLICY_KEYS } from '../../../src/policy/validate';

describe('shareText', () => {
  it('prints exact percentages as percentages and running ones as common fractions', () => {
    expect([0.5, 0.3, 0.02, 0.01, 0.125, 0.2996, 1, 0].map((x) => shareText(x))).toEqual(['50%', '30%', '2%', '1%', '12.5%', '29.96%', '100%', '0%']);
    expect([2 / 3, 1 / 3, 1 / 6, 5 / 12].map((x) => shareText(x))).toEqual(['2/3', '1/3', '1/6', '5/12']);
    // neither: up to 4 decimals of a percent
    expect(shareText(0.123456)).toBe('12.3456%');
  });

  it('prints fractions of members as fractions where they are one', () => {
    expect([0.5, 2 / 3, 0.75, 0.55].map((x) => shareText(x, 'fraction'))).toEqual(['1/2', '2/3', '3/4', '55%']);
  });

  it('finds common fractions in lowest terms only for small denominators', () => {
    expect(commonFraction(4 / 6)).toEqual({ n: 2, d: 3 });
    expect(commonFraction(1 / 7)).toBeNull();
    expect(commonFraction(1)).toBeNull();
  });
});

describe('policy values are printed alike everywhere', () => {
  it('quorums and the pass share of members as fractions, thresholds and shares as percentages, counts as numbers', () => {
    expect(policyNumberText('committeeVote.quorum', 2 / 3)).toBe('2/3');
    expect(policyNumberText('committeeVote.passShareOfMembers', 0.5)).toBe('1/2');
    expect(policyNumberText('recommend.quorum', 2 / 3)).toBe('2/3');
    expect(policyNumberText('recommend.incumbentMinRatio', 0.5)).toBe('50%');
    expect(policyNumberText('dismissal.incompetentTriggerRatio', 0.5)).toBe('50%');
    expect(policyNumberText('elimination.preliminaryShare', 0.02)).toBe('2%');
    expect(policyNumberText('notice.days', 5)).toBe('5');
  });

  it('the brief and the task-pane tables agree on every default number, and none prints a long decimal', () => {
    const flat = flattenPolicy(DEFAULT_POLICY);
    for (const [key, value] of Object.entries(flat)) {
      if (typeof value !== 'number') continue;
      const brief = policyValueText(key, value);
      expect([key, formatPolicyValue(key, value, 'zh-CN'), formatPolicyValue(key, value, 'en-US')]).toEqual([key, brief, brief]);
      expect(brief).not.toMatch(/\.\d{3,}/);
    }
    expect(policyValueText('committeeVote.quorum', DEFAULT_POLICY.committeeVote.quorum)).toBe('2/3');
    expect(formatPolicyValue('recommend.quorum', 2 / 3, 'en-US')).toBe('2/3');
  });

  it('enum values by their label: Chinese on the Chinese table with the stored value in brackets, every enum of the policy labelled', () => {
    expect(formatPolicyValue('elimination.rounding', 'floor', 'zh-CN')).toBe('向下取整（floor）');
    expect(formatPolicyValue('elimination.rounding', 'round', 'zh-CN')).toBe('四舍五入（round）');
    expect(formatPolicyValue('elimination.rounding', 'ceil', 'en-US')).toBe('round up (ceil)');
    expect(formatPolicyValue('recommend.denominator', 'valid', 'zh-CN')).toBe('有效票（valid）');
    expect(formatPolicyValue('notice.dayKind', 'calendar', 'zh-CN')).toBe('自然日（calendar）');
    expect(policyEnumText('eligible', 'zh-CN')).toBe('应到人数');
    expect(policyEnumText('working', 'en-US')).toBe('working days');
    for (const key of POLICY_KEYS) {
      const kind = policyKeyKind(key);
      if (kind?.t !== 'enum') continue;
      for (const v of kind.values) expect([key, v, POLICY_ENUM_LABELS[v]?.['zh-CN']]).toEqual([key, v, expect.stringMatching(/^[\u4e00-\u9fff]+$/)]);
    }
  });
});
