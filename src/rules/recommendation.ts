import { msg } from '../i18n/message';
import type { Denominator, Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { codeDoc, decision, hasError, reason, type Decision, type Reason } from './decision';
import { countAtLeast, isCount, MAX_COUNT, percent, ratioAtLeast } from './ratio';

/** Seed section of this rule: 二.2 采取多种形式推荐. */
export const RULE = '二.2';

export const CODES: readonly CodeDoc[] = [
  codeDoc('vote.invalid-count', 'error', msg('票数或人数不是0及以上的整数（或过大）。', 'A vote or head count is not a whole number ≥ 0 (or is too large).')),
  codeDoc(
    'vote.exceeds-base',
    'error',
    msg('得票数大于计算基数，属数据错误，不是超过100%的比例。', 'Votes exceed their base: a data error, not a ratio above 100 %.'),
  ),
  codeDoc('vote.base-zero', 'error', msg('计算基数为0，无法计算得票比例。', 'The base is 0; no ratio can be computed.')),
  codeDoc(
    'vote.base-missing',
    'error',
    msg('缺少设置所指定的计算基数（实到/应到/有效票）。', 'The base named by the policy (present/eligible/valid) is missing.'),
  ),
  codeDoc(
    'vote.base-inconsistent',
    'error',
    msg('人数之间相互矛盾（有效票多于实到或应到，或实到多于应到）。', 'Counts contradict each other (valid > present or eligible, or present > eligible).'),
  ),
  codeDoc(
    'vote.below-threshold',
    'warning',
    msg('得票比例低于规定比例（原班子成员50%，新推荐人选30%）。', 'The vote ratio is below the threshold (incumbents 50 %, newcomers 30 %).'),
  ),
  codeDoc('vote.meets-threshold', 'info', msg('得票比例达到规定比例。', 'The vote ratio meets the threshold.')),
  codeDoc(
    'vote.quorum-not-met',
    'warning',
    msg('实到人数不足应到人数的规定比例（可选设置）。', 'Fewer voters present than the optional quorum of those eligible.'),
  ),
  codeDoc(
    'vote.quorum-unknown',
    'warning',
    msg('设置了到会比例，但缺少实到或应到人数，无法核对。', 'A quorum is set but present or eligible is missing, so it cannot be checked.'),
  ),
  codeDoc(
    'recommend.unsigned',
    'error',
    msg('领导推荐须署名（属名推荐），缺少推荐人姓名。', 'A leader recommendation must be signed; the recommender is missing.'),
  ),
  codeDoc(
    'recommend.material-missing',
    'error',
    msg('领导推荐、个人自荐、社会知名人士推荐须有推荐材料和推荐表。', 'Leader, self and notable-person recommendations need written material and a form.'),
  ),
];

/** 推荐方式 (二.2). */
export type RecommendationKind = 'mass' | 'leader' | 'self' | 'notable' | 'party';

export const RECOMMENDATION_KINDS: readonly { kind: RecommendationKind; label: string; needsMaterial: boolean }[] = [
  { kind: 'mass', label: '群众推荐', needsMaterial: false },
  { kind: 'leader', label: '领导推荐', needsMaterial: true },
  { kind: 'self', label: '个人自荐', needsMaterial: true },
  { kind: 'notable', label: '社会知名人士推荐', needsMaterial: true },
  { kind: 'party', label: '党组织推荐', needsMaterial: false },
];

/** The kind for a seed label such as '领导推荐' (exact after trimming), else null. */
export function kindFromLabel(label: string): RecommendationKind | null {
  return RECOMMENDATION_KINDS.find((k) => k.label === label.trim())?.kind ?? null;
}

/**
 * `incumbent` = 原班子成员, including a deputy recommended for the head post (副职推荐正职);
 * `newcomer` = 新推荐人选.
 */
export type CandidateStatus = 'incumbent' | 'newcomer';

const STATUS_LABEL = {
  incumbent: msg('原班子成员（含副职推荐正职）', 'incumbent member (incl. deputy for the head post)'),
  newcomer: msg('新推荐人选', 'newly recommended candidate'),
} as const;

/** The head counts of one recommendation meeting; any may be unknown. */
export interface Tally {
  /** 应到人数 */
  readonly eligible?: number | null;
  /** 实到人数 */
  readonly present?: number | null;
  /** 有效票 */
  readonly valid?: number | null;
}

const BASE_LABEL: Record<Denominator, { zh: string; en: string }> = {
  present: { zh: '实到人数', en: 'voters present' },
  eligible: { zh: '应到人数', en: 'eligible voters' },
  valid: { zh: '有效票', en: 'valid ballots' },
};

function countReason(name: { zh: string; en: string }, v: unknown): Reason {
  return reason(
    RULE,
    'vote.invalid-count',
    'error',
    msg(`${name.zh}必须是0到${MAX_COUNT}之间的整数，收到 ${String(v)}`, `${name.en} must be a whole number from 0 to ${MAX_COUNT}; got ${String(v)}`),
    typeof v === 'number' && Number.isFinite(v) ? { value: v } : {},
  );
}

/**
 * votes / base as a number in [0,1], or null with the data errors: a count that is negative,
 * fractional, NaN or too large, a base of 0, votes above the base.
 */
export function voteRatio(votes: number, base: number): Decision<number | null> {
  const reasons: Reason[] = [];
  if (!isCount(votes)) reasons.push(countReason({ zh: '得票数', en: 'Votes' }, votes));
  if (!isCount(base)) reasons.push(countReason({ zh: '计算基数', en: 'The base' }, base));
  if (reasons.length) return decision(null, reasons);
  if (base === 0) {
    return decision(null, [
      reason(RULE, 'vote.base-zero', 'error', msg('计算基数为0，无法计算得票比例', 'The base is 0; no ratio can be computed'), { value: 0 }),
    ]);
  }
  if (votes > base) {
    return decision(null, [
      reason(
        RULE,
        'vote.exceeds-base',
        'error',
        msg(`得票数 ${votes} 大于计算基数 ${base}，数据有误`, `Votes ${votes} exceed the base ${base}: a data error`),
        {
          value: votes,
          threshold: base,
        },
      ),
    ]);
  }
  return decision(votes / base);
}

/** The base named by policy.recommend.denominator, checked against the other counts. */
export function chooseBase(tally: Tally, policy: Policy): Decision<number | null> {
  const reasons: Reason[] = [];
  for (const d of ['eligible', 'present', 'valid'] as const) {
    const v = tally[d];
    if (v !== undefined && v !== null && !isCount(v)) reasons.push(countReason(BASE_LABEL[d], v));
  }
  if (reasons.length) return decision(null, reasons);
  const { eligible, present, valid } = tally;
  if (valid != null && present != null && valid > present) {
    reasons.push(
      reason(
        RULE,
        'vote.base-inconsistent',
        'error',
        msg(`有效票 ${valid} 多于实到人数 ${present}`, `Valid ballots ${valid} exceed voters present ${present}`),
        {
          value: valid,
          threshold: present,
        },
      ),
    );
  }
  if (present != null && eligible != null && present > eligible) {
    reasons.push(
      reason(
        RULE,
        'vote.base-inconsistent',
        'error',
        msg(`实到人数 ${present} 多于应到人数 ${eligible}`, `Voters present ${present} exceed eligible voters ${eligible}`),
        {
          value: present,
          threshold: eligible,
        },
      ),
    );
  }
  if (valid != null && present == null && eligible != null && valid > eligible) {
    reasons.push(
      reason(
        RULE,
        'vote.base-inconsistent',
        'error',
        msg(`有效票 ${valid} 多于应到人数 ${eligible}`, `Valid ballots ${valid} exceed eligible voters ${eligible}`),
        {
          value: valid,
          threshold: eligible,
        },
      ),
    );
  }
  if (reasons.length) return decision(null, reasons);
  const d = policy.recommend.denominator;
  const base = tally[d];
  if (base == null) {
    return decision(null, [
      reason(
        RULE,
        'vote.base-missing',
        'error',
        msg(`设置要求按${BASE_LABEL[d].zh}计算得票比例，但缺少${BASE_LABEL[d].zh}`, `The policy bases the ratio on ${BASE_LABEL[d].en}, which is missing`),
        { policyKey: 'recommend.denominator' },
      ),
    ]);
  }
  return decision(base);
}

/** The quorum warning (optional policy): present < quorum · eligible. Empty when none is set. */
export function quorumCheck(tally: Tally, policy: Policy): Reason[] {
  const q = policy.recommend.quorum;
  if (q === null) return [];
  const { eligible, present } = tally;
  if (!isCount(eligible) || !isCount(present)) {
    return [
      reason(RULE, 'vote.quorum-unknown', 'warning', msg('设置了到会比例，但缺少实到或应到人数', 'A quorum is set but present or eligible is missing'), {
        threshold: q,
        policyKey: 'recommend.quorum',
      }),
    ];
  }
  if (countAtLeast(present, q, eligible)) return [];
  return [
    reason(
      RULE,
      'vote.quorum-not-met',
      'warning',
      msg(
        `实到 ${present} 人，不足应到 ${eligible} 人的${pct(q)}（实到比例 ${percent(present, eligible)}）`,
        `${present} present is below ${pct(q)} of ${eligible} eligible (${percent(present, eligible)})`,
      ),
      { threshold: q, value: present / eligible, policyKey: 'recommend.quorum' },
    ),
  ];
}

function pct(t: number): string {
  return `${+(t * 100).toFixed(2)}%`;
}

/** The minimum ratio for a candidate status, with the policy key it comes from. */
export function thresholdFor(status: CandidateStatus, policy: Policy): { threshold: number; policyKey: string } {
  return status === 'incumbent'
    ? { threshold: policy.recommend.incumbentMinRatio, policyKey: 'recommend.incumbentMinRatio' }
    : { threshold: policy.recommend.newcomerMinRatio, policyKey: 'recommend.newcomerMinRatio' };
}

export interface VoteInput {
  readonly votes: number;
  readonly tally: Tally;
  readonly status: CandidateStatus;
}

/**
 * Does a candidate meet 二.2's vote rule? true = ratio ≥ threshold (exactly), false = below,
 * null = the data cannot decide (errors in reasons). A quorum shortfall is only a warning.
 */
export function recommendationPass(input: VoteInput, policy: Policy): Decision<boolean | null> {
  const base = chooseBase(input.tally, policy);
  if (base.outcome === null) return decision(null, base.reasons);
  const ratio = voteRatio(input.votes, base.outcome);
  if (ratio.outcome === null) return decision(null, ratio.reasons);
  const { threshold, policyKey } = thresholdFor(input.status, policy);
  const passes = ratioAtLeast(input.votes, base.outcome, threshold);
  const who = STATUS_LABEL[input.status];
  const shown = `${input.votes}/${base.outcome} = ${percent(input.votes, base.outcome)}`;
  const r = passes
    ? reason(
        RULE,
        'vote.meets-threshold',
        'info',
        msg(`${who['zh-CN']}得票比例 ${shown}，达到 ${pct(threshold)}`, `${who['en-US']}: ${shown}, meets ${pct(threshold)}`),
        {
          threshold,
          value: ratio.outcome,
          policyKey,
        },
      )
    : reason(
        RULE,
        'vote.below-threshold',
        'warning',
        msg(`${who['zh-CN']}得票比例 ${shown}，低于 ${pct(threshold)}`, `${who['en-US']}: ${shown}, below ${pct(threshold)}`),
        {
          threshold,
          value: ratio.outcome,
          policyKey,
        },
      );
  return decision(passes, [r, ...quorumCheck(input.tally, policy)]);
}

export interface RecommendationRecord {
  readonly kind: RecommendationKind;
  /** 推荐人 — required (signed, 属名推荐) for a leader recommendation. */
  readonly recommender?: string | null;
  /** 推荐材料 */
  readonly hasMaterial: boolean;
  /** 推荐表 */
  readonly hasForm: boolean;
}

/**
 * Is a recommendation made in due form (二.2)? Leader ones are signed; leader, self and
 * notable-person ones carry written material and a form. Every defect is listed.
 */
export function checkRecommendation(rec: RecommendationRecord): Decision<boolean> {
  const reasons: Reason[] = [];
  const spec = RECOMMENDATION_KINDS.find((k) => k.kind === rec.kind);
  const label = spec?.label ?? String(rec.kind);
  if (rec.kind === 'leader' && (rec.recommender ?? '').trim() === '') {
    reasons.push(
      reason(
        RULE,
        'recommend.unsigned',
        'error',
        msg('领导推荐实行属名推荐，缺少推荐人姓名', 'A leader recommendation must be signed; the recommender is missing'),
      ),
    );
  }
  if (spec?.needsMaterial) {
    const missing: [string, string][] = [];
    if (!rec.hasMaterial) missing.push(['推荐材料', 'written material']);
    if (!rec.hasForm) missing.push(['推荐表', 'recommendation form']);
    if (missing.length) {
      reasons.push(
        reason(
          RULE,
          'recommend.material-missing',
          'error',
          msg(`${label}缺少${missing.map((m) => m[0]).join('和')}`, `${label}: missing ${missing.map((m) => m[1]).join(' and ')}`),
        ),
      );
    }
  }
  return decision(!hasError(reasons), reasons);
}
