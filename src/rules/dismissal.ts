import { msg, plural, type Msg } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addMonths, formatChinese, formatIso, type LocalDate } from '../values/local-date';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';
import { percent, ratioAtLeast } from './ratio';
import { voteRatio } from './recommendation';

/** Seed section of this rule: 四.2 运用目标考核结果. */
export const RULE = '四.2';

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'dismissal.triggered',
    'warning',
    msg(
      '不称职票达到二分之一（或群众反映强烈、意见分歧较大），由组织、纪检部门联合调查。',
      'Incompetent votes reach one half (or strong complaints / divided views): joint investigation by 组织 and 纪检.',
    ),
  ),
  codeDoc('dismissal.not-triggered', 'info', msg('不称职票未达到规定比例。', 'Incompetent votes are below the trigger.')),
  codeDoc('dismissal.bad-votes', 'error', msg('不称职票或有效票数据有误。', 'Incompetent or valid vote data are wrong.')),
  codeDoc('dismissal.outcome', 'info', msg('联合调查后的处理方式。', 'The measure taken after the joint investigation.')),
];

/**
 * The four outcomes of 四.2: 免职不保留职级, 免职保留职级并待岗, 诫勉 (admonition), 降低一层次.
 */
export type DismissalOutcome = 'remove-without-rank' | 'remove-keep-rank-standby' | 'admonition' | 'demotion';

export const DISMISSAL_OUTCOMES: Readonly<Record<DismissalOutcome, { readonly label: string; readonly description: Msg; readonly keepsRank: boolean }>> = {
  'remove-without-rank': {
    label: '免去现职，不保留原职级待遇',
    description: msg('确有问题的，免去现职，不保留原职级待遇', 'Proven problems: removed from post, rank not kept'),
    keepsRank: false,
  },
  'remove-keep-rank-standby': {
    label: '免去职务，保留原职级待遇，待岗',
    description: msg(
      '问题比较突出的，免去职务，保留原职级待遇，安排适当工作或培训，待岗期满考察后提出重新安排建议',
      'Serious problems: removed, rank kept, standby with suitable work or training, reviewed at the end',
    ),
    keepsRank: true,
  },
  admonition: {
    label: '诫勉',
    description: msg(
      '问题不突出的，实施诫勉，主管领导谈话谈心，指出问题，限期改正',
      'Minor problems: admonition talk, problems named, correction by a deadline',
    ),
    keepsRank: true,
  },
  demotion: {
    label: '安排担任低一层次领导职务',
    description: msg('不能胜任现职岗位的，一般安排担任低一层次领导职务', 'Not up to the post: a post one level lower'),
    keepsRank: false,
  },
};

/** 联合调查的其他情形 of 四.2 besides the vote share. */
export interface OtherGrounds {
  /** 群众反映比较强烈 */
  readonly strongComplaints?: boolean;
  /** 情况复杂或意见分岐较大 */
  readonly dividedViews?: boolean;
}

/**
 * Joint investigation trigger (四.2): 不称职票 / 有效票 ≥ incompetentTriggerRatio (exactly), or
 * another ground of the same sentence. null = the vote data cannot decide and no other ground.
 */
export function incompetentTrigger(incompetentVotes: number, validVotes: number, policy: Policy, other: OtherGrounds = {}): Decision<boolean | null> {
  const reasons: Reason[] = [];
  const t = policy.dismissal.incompetentTriggerRatio;
  const v = voteRatio(incompetentVotes, validVotes);
  let byVotes: boolean | null = null;
  if (v.outcome === null) {
    for (const r of v.reasons) reasons.push(reason(RULE, 'dismissal.bad-votes', 'error', r.message, r.value !== undefined ? { value: r.value } : {}));
  } else {
    byVotes = ratioAtLeast(incompetentVotes, validVotes, t);
    const shown = `${incompetentVotes}/${validVotes} = ${percent(incompetentVotes, validVotes)}`;
    reasons.push(
      byVotes
        ? reason(
            RULE,
            'dismissal.triggered',
            'warning',
            msg(
              `不称职票 ${shown}，达到 ${+(t * 100).toFixed(2)}%，由组织、纪检部门联合调查`,
              `Incompetent ${shown} reaches ${+(t * 100).toFixed(2)}%: joint investigation`,
            ),
            {
              threshold: t,
              value: v.outcome,
              policyKey: 'dismissal.incompetentTriggerRatio',
            },
          )
        : reason(
            RULE,
            'dismissal.not-triggered',
            'info',
            msg(`不称职票 ${shown}，未达到 ${+(t * 100).toFixed(2)}%`, `Incompetent ${shown}, below ${+(t * 100).toFixed(2)}%`),
            {
              threshold: t,
              value: v.outcome,
              policyKey: 'dismissal.incompetentTriggerRatio',
            },
          ),
    );
  }
  const grounds: [boolean | undefined, string, string][] = [
    [other.strongComplaints, '群众反映比较强烈', 'strong complaints from the public'],
    [other.dividedViews, '情况复杂或意见分歧较大', 'complex case or sharply divided views'],
  ];
  let byOther = false;
  for (const [on, zh, en] of grounds) {
    if (on) {
      byOther = true;
      reasons.push(reason(RULE, 'dismissal.triggered', 'warning', msg(`${zh}，由组织、纪检部门联合调查`, `${en}: joint investigation`)));
    }
  }
  return decision(byOther || byVotes === true ? true : byVotes, reasons);
}

/** The outcome decided after the investigation, with the standby end date (EDATE) where it applies. */
export function applyDismissal(
  outcome: DismissalOutcome,
  decisionDate: LocalDate,
  policy: Policy,
): Decision<{ readonly outcome: DismissalOutcome; readonly keepsRank: boolean; readonly standbyEnd?: LocalDate }> {
  const d = DISMISSAL_OUTCOMES[outcome];
  if (outcome === 'remove-keep-rank-standby') {
    const standbyEnd = standbyEndDate(decisionDate, policy);
    return decision({ outcome, keepsRank: d.keepsRank, standbyEnd }, [
      reason(
        RULE,
        'dismissal.outcome',
        'info',
        msg(
          `${d.label}，待岗 ${policy.dismissal.standbyMonths} 个月至 ${formatChinese(standbyEnd)}，期满考察`,
          `${d.description['en-US']}; standby ${policy.dismissal.standbyMonths} ${plural(policy.dismissal.standbyMonths, 'month', 'months')} until ${formatIso(standbyEnd)}`,
        ),
        { value: policy.dismissal.standbyMonths, policyKey: 'dismissal.standbyMonths' },
      ),
    ]);
  }
  return decision({ outcome, keepsRank: d.keepsRank }, [reason(RULE, 'dismissal.outcome', 'info', msg(d.label, d.description['en-US']))]);
}

/** End of the standby period: EDATE(start, standbyMonths) — 待岗半年. */
export function standbyEndDate(start: LocalDate, policy: Policy): LocalDate {
  return addMonths(start, policy.dismissal.standbyMonths);
}
