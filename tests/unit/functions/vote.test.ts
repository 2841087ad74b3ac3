/** CADRE.VOTERATIO, VOTEPASS, INCOMPETENTTRIGGER, COMMITTEEPASS with Excel-shaped inputs. */
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { committeePassFn, incompetentTriggerFn, votePassFn, voteRatioFn } from '../../../src/functions/impl/vote';
import { expectError } from './helpers';

const P = DEFAULT_POLICY;

describe('CADRE.VOTERATIO', () => {
  it.each([
    [45, 90, 0.5],
    ['45', '90', 0.5], // numbers stored as text
    ['４５', '９０', 0.5], // full-width digits
    ['45票', '90人', 0.5],
    [2996, 10000, 0.2996],
    [0, 7, 0],
    [7, 7, 1],
    [12.000000000000002, 24, 0.5], // float noise from a formula
  ])('VOTERATIO(%p, %p) = %p', (v, b, r) => {
    expect(voteRatioFn(v, b)).toBe(r);
  });

  it('votes above the base is #VALUE!, not a ratio above 1', () => {
    expectError(voteRatioFn(11, 10), 'invalidValue', '得票数 11 大于计算基数 10');
  });

  it('a base of 0 is #VALUE! with the reason', () => {
    expectError(voteRatioFn(0, 0), 'invalidValue', '计算基数为0');
  });

  it.each([
    [-3, 10, '「得票数」应为不小于0的整数，收到 -3'],
    ['-3', 10, '「得票数」应为不小于0的整数，收到 "-3"'],
    [1.5, 10, '「得票数」'],
    [null, 10, '「得票数」应为不小于0的整数，收到 空白'],
    ['', 10, '收到 空白'],
    ['abc', 10, '收到 "abc"'],
    [3, true, '「计算基数」应为不小于0的整数，收到 TRUE'],
    [3, 10.5, '「计算基数」'],
  ])('bad input VOTERATIO(%p, %p) names the argument', (v, b, text) => {
    expectError(voteRatioFn(v, b), 'invalidValue', text);
  });
});

describe('CADRE.VOTEPASS (二.2)', () => {
  it.each([
    [50, 100, '原班子', true], // 50 % exactly passes ≥ 50 %
    [4999, 10000, '原班子', false], // 49.99 % fails
    [30, 100, '新推荐', true], // 30 % exactly passes ≥ 30 %
    [2996, 10000, '新推荐', false], // 29.96 % (shown as 30.0 %) fails 30 %
    [2996, 10000, '原班子成员', false],
    [1, 2, '副职推荐正职', true],
    [3, 10, '新推荐人选', true],
    ['30', '100', ' 新推荐 ', true],
  ])('VOTEPASS(%p, %p, %p) = %p', (v, b, s, expected) => {
    expect(votePassFn(v, b, s, null, P)).toBe(expected);
  });

  it('the optional threshold overrides the policy for this formula only', () => {
    expect(votePassFn(40, 100, '新推荐', '40%', P)).toBe(true);
    expect(votePassFn(39, 100, '新推荐', 0.4, P)).toBe(false);
    expect(votePassFn(45, 100, '原班子', '45％', P)).toBe(true);
    expect(votePassFn(45, 100, '原班子', null, P)).toBe(false);
  });

  it('follows the workbook policy', () => {
    const county: Policy = { ...P, recommend: { ...P.recommend, newcomerMinRatio: 0.35 } };
    expect(votePassFn(30, 100, '新推荐', null, county)).toBe(false);
    expect(votePassFn(35, 100, '新推荐', undefined, county)).toBe(true);
  });

  it('a quorum setting adds only a warning: the answer stands', () => {
    const q: Policy = { ...P, recommend: { ...P.recommend, quorum: 2 / 3 } };
    expect(votePassFn(50, 100, '原班子', null, q)).toBe(true);
  });

  it('bad input is #VALUE! naming the argument', () => {
    expectError(votePassFn(11, 10, '原班子', null, P), 'invalidValue', '得票数 11 大于计算基数 10');
    expectError(votePassFn(5, 10, '干部', null, P), 'invalidValue', '「人员类别」应为“原班子”', '收到 "干部"');
    expectError(votePassFn(5, 10, null, null, P), 'invalidValue', '「人员类别」', '空白');
    expectError(votePassFn(5, 10, '新推荐', 30, P), 'invalidValue', '「比例要求」应为0到1之间的比例', '收到 30');
    expectError(votePassFn(5, 10, '新推荐', '150%', P), 'invalidValue', '「比例要求」');
    expectError(votePassFn(5, 0, '新推荐', null, P), 'invalidValue', '计算基数为0');
  });
});

describe('CADRE.INCOMPETENTTRIGGER (四.2)', () => {
  it.each([
    [50, 100, true], // exactly one half triggers
    [49, 100, false],
    [1, 2, true],
    [4999, 10000, false],
    ['51', '100', true],
  ])('INCOMPETENTTRIGGER(%p, %p) = %p', (i, v, expected) => {
    expect(incompetentTriggerFn(i, v, null, P)).toBe(expected);
  });

  it('threshold parameter and policy override', () => {
    expect(incompetentTriggerFn(40, 100, '40%', P)).toBe(true);
    const county: Policy = { ...P, dismissal: { ...P.dismissal, incompetentTriggerRatio: 0.6 } };
    expect(incompetentTriggerFn(50, 100, null, county)).toBe(false);
  });

  it('bad data names both arguments', () => {
    expectError(incompetentTriggerFn(11, 10, null, P), 'invalidValue', '「不称职票」「有效票」', '11', '10');
    expectError(incompetentTriggerFn(1, 0, null, P), 'invalidValue', '计算基数为0');
    expectError(incompetentTriggerFn('x', 10, null, P), 'invalidValue', '「不称职票」应为不小于0的整数');
  });
});

describe('CADRE.COMMITTEEPASS (二.4)', () => {
  it('more than half of all members, with a two-thirds quorum', () => {
    expect(committeePassFn(8, 15, 10, P)).toBe(true); // 8 > 7.5, 10 ≥ 10
    expect(committeePassFn(7, 15, 15, P)).toBe(false);
    expect(committeePassFn(8, 16, 16, P)).toBe(false); // exactly half is not more than half
    expect(committeePassFn(9, 15, 9, P)).toBe(false); // 9 < ⅔·15: no quorum, not passed
    expect(committeePassFn('8', '15', '10', P)).toBe(true);
  });

  it('impossible counts are #VALUE!', () => {
    expectError(committeePassFn(8, 15, 16, P), 'invalidValue', '实到16人多于应到15人');
    expectError(committeePassFn(11, 15, 10, P), 'invalidValue', '共11票，多于实到10人');
    expectError(committeePassFn(null, 15, 10, P), 'invalidValue', '「赞成票」');
    expectError(committeePassFn(1, 0, 0, P), 'invalidValue', '人数无效');
  });
});
