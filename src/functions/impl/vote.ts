/**
 * Vote functions: CADRE.VOTERATIO and CADRE.VOTEPASS (二.2 推荐得票比例), CADRE.INCOMPETENTTRIGGER
 * (四.2 不称职票达到二分之一), CADRE.COMMITTEEPASS (二.4 县委委员会议表决). Thin wrappers: the
 * ratio, the exact threshold comparison and the pass rule are the rules' (src/rules).
 */
import type { Policy } from '../../policy/policy';
import { committeePass } from '../../rules/committee-vote';
import { incompetentTrigger } from '../../rules/dismissal';
import { recommendationPass, voteRatio } from '../../rules/recommendation';
import { arg, countArg, isOmitted, ratioArg, statusArg } from './args';
import { outcomeOr } from './decide';
import { isFnError, type Result } from './result';

export const VOTES = arg('得票数', 'votes');
export const BASE = arg('计算基数', 'base');
export const STATUS = arg('人员类别', 'candidate status');
export const THRESHOLD = arg('比例要求', 'threshold');
export const INCOMPETENT = arg('不称职票', 'incompetent votes');
export const VALID = arg('有效票', 'valid votes');
export const YES = arg('赞成票', 'yes votes');
export const MEMBERS = arg('应到人数', 'members');
export const PRESENT = arg('实到人数', 'members present');

/** CADRE.VOTERATIO: votes ÷ base; a base of 0 or votes above the base are #VALUE! with the reason. */
export function voteRatioFn(votes: unknown, base: unknown): Result<number> {
  const v = countArg(votes, VOTES);
  if (isFnError(v)) return v;
  const b = countArg(base, BASE);
  if (isFnError(b)) return b;
  return outcomeOr(voteRatio(v, b));
}

/**
 * CADRE.VOTEPASS: does the candidate meet 二.2's ratio (incumbents ≥ 50 %, newcomers ≥ 30 %,
 * per policy)? `threshold` overrides the policy's value for this one formula. The base is the
 * cell the user points at; which base the county uses (实到/应到/有效票) is their column choice.
 */
export function votePassFn(votes: unknown, base: unknown, status: unknown, threshold: unknown, policy: Policy): Result<boolean> {
  const v = countArg(votes, VOTES);
  if (isFnError(v)) return v;
  const b = countArg(base, BASE);
  if (isFnError(b)) return b;
  const s = statusArg(status, STATUS);
  if (isFnError(s)) return s;
  let p = policy;
  if (!isOmitted(threshold)) {
    const t = ratioArg(threshold, THRESHOLD);
    if (isFnError(t)) return t;
    p = { ...policy, recommend: { ...policy.recommend, ...(s === 'incumbent' ? { incumbentMinRatio: t } : { newcomerMinRatio: t }) } };
  }
  const d = recommendationPass({ votes: v, tally: { [p.recommend.denominator]: b }, status: s }, p);
  return outcomeOr(d);
}

/** CADRE.INCOMPETENTTRIGGER: 不称职票 / 有效票 ≥ the trigger ratio (policy, or `threshold`). */
export function incompetentTriggerFn(incompetent: unknown, valid: unknown, threshold: unknown, policy: Policy): Result<boolean> {
  const i = countArg(incompetent, INCOMPETENT);
  if (isFnError(i)) return i;
  const v = countArg(valid, VALID);
  if (isFnError(v)) return v;
  let p = policy;
  if (!isOmitted(threshold)) {
    const t = ratioArg(threshold, THRESHOLD);
    if (isFnError(t)) return t;
    p = { ...policy, dismissal: { ...policy.dismissal, incompetentTriggerRatio: t } };
  }
  return outcomeOr(incompetentTrigger(i, v, p), [INCOMPETENT, VALID]);
}

/**
 * CADRE.COMMITTEEPASS: a yes/no approval by the committee rule (yes > ½ of all members, with a
 * ⅔ quorum, per policy). No quorum is FALSE, as the rule decides: the motion did not pass.
 */
export function committeePassFn(yes: unknown, members: unknown, present: unknown, policy: Policy): Result<boolean> {
  const y = countArg(yes, YES);
  if (isFnError(y)) return y;
  const m = countArg(members, MEMBERS);
  if (isFnError(m)) return m;
  const pr = countArg(present, PRESENT);
  if (isFnError(pr)) return pr;
  return outcomeOr(committeePass(y, m, pr, policy));
}
