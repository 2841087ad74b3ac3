/**
 * 县委委员会议表决 full county committee vote (seed 二.4): after the notice the committee elects
 * one of the two backups of a post (一职双备), one member one vote.
 *
 * The seed says only "1人1票"; the pass rule (yes votes > half of ALL members, 应到) and the 2/3
 * quorum are the national rule for 讨论决定 and live in the policy. All comparisons are exact
 * integer arithmetic (ratio.ts): 2/3 of 15, 21, 23, 31, 33 members must not wobble on a float.
 */
import { msg, plural } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';
import { countAbove, countAtLeast, isCount } from './ratio';

const RULE = '二.4';

export const CODES: readonly CodeDoc[] = [
  codeDoc('committee.elected', 'info', msg('得票最多且超过全体委员半数，当选。', 'Most votes and more than half of all members: elected.')),
  codeDoc('committee.passed', 'info', msg('赞成票超过全体委员半数，通过。', 'Yes votes exceed half of all members: approved.')),
  codeDoc(
    'committee.no-election',
    'warning',
    msg(
      '无人当选（得票最多者并列，或未超过全体委员半数），应重新投票。',
      'No one elected (a tie for most votes, or no one above half of all members); vote again.',
    ),
  ),
  codeDoc('committee.rejected', 'warning', msg('赞成票未超过全体委员半数，未通过。', 'Yes votes do not exceed half of all members: not approved.')),
  codeDoc(
    'committee.no-quorum',
    'warning',
    msg('到会委员不足应到人数的三分之二，会议不能表决。', 'Fewer than two thirds of members present: the meeting cannot vote.'),
  ),
  codeDoc(
    'committee.bad-count',
    'error',
    msg('人数或票数不是非负整数（或应到人数为0）。', 'A head count or vote count is not a non-negative integer (or there are no members).'),
  ),
  codeDoc('committee.present-exceeds-members', 'error', msg('实到人数多于应到人数，数据有误。', 'More members present than there are members: data error.')),
  codeDoc(
    'committee.votes-exceed-present',
    'error',
    msg('投票数多于实到人数（1人1票），数据有误。', 'More votes cast than members present (one member, one vote): data error.'),
  ),
  codeDoc('committee.no-candidates', 'error', msg('没有候选人，无法表决。', 'No candidates to vote on.')),
  codeDoc('committee.duplicate-candidate', 'error', msg('候选人重复列出。', 'A candidate is listed twice.')),
  codeDoc(
    'committee.backup-count',
    'warning',
    msg('候选人数不等于“一职双备”规定的人数（二.3）。', 'The number of candidates differs from the two backups per post (二.3).'),
  ),
  codeDoc(
    'committee.policy-invalid',
    'error',
    msg('表决规则设置无效（比例须在0到1之间）。', 'Invalid committee-vote setting (shares must lie between 0 and 1).'),
  ),
];

export interface CommitteeCandidate {
  readonly name: string;
  readonly votes: number;
}

/** One post's ballot at the 县委委员会议. */
export interface CommitteeBallot {
  /** 应到 all members of the committee. */
  readonly members: number;
  /** 实到 members present. */
  readonly present: number;
  readonly candidates: readonly CommitteeCandidate[];
}

const share = (x: number): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;
const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** Checks shared by both entry points; returns the blocking reasons (errors, or a missing quorum). */
function precheck(members: number, present: number, castTotal: number, policy: Policy): Reason[] {
  const { passShareOfMembers, quorum } = policy.committeeVote;
  if (!share(passShareOfMembers) || !share(quorum)) {
    return [
      reason(
        RULE,
        'committee.policy-invalid',
        'error',
        msg(`表决规则设置无效：通过比例${passShareOfMembers}，法定人数${quorum}`, `Invalid settings: pass share ${passShareOfMembers}, quorum ${quorum}`),
      ),
    ];
  }
  if (!isCount(members) || members === 0 || !isCount(present)) {
    return [
      reason(
        RULE,
        'committee.bad-count',
        'error',
        msg(`应到${members}人，实到${present}人：人数无效`, `Members ${members}, present ${present}: invalid counts`),
      ),
    ];
  }
  if (present > members) {
    return [
      reason(
        RULE,
        'committee.present-exceeds-members',
        'error',
        msg(`实到${present}人多于应到${members}人`, `${present} present but only ${members} ${plural(members, 'member', 'members')}`),
        {
          threshold: members,
          value: present,
        },
      ),
    ];
  }
  if (castTotal > present) {
    return [
      reason(
        RULE,
        'committee.votes-exceed-present',
        'error',
        msg(`共${castTotal}票，多于实到${present}人`, `${castTotal} ${plural(castTotal, 'vote', 'votes')} but only ${present} present`),
        {
          threshold: present,
          value: castTotal,
        },
      ),
    ];
  }
  if (!countAtLeast(present, quorum, members)) {
    return [
      reason(
        RULE,
        'committee.no-quorum',
        'warning',
        msg(
          `实到${present}人，未达到应到${members}人的${pct(quorum)}，不能表决`,
          `${present} of ${members} present, below the quorum of ${pct(quorum)}; no vote`,
        ),
        { threshold: quorum, value: present / members, policyKey: 'committeeVote.quorum' },
      ),
    ];
  }
  return [];
}

/**
 * Elect one candidate for a post. The winner has the most votes and more than
 * passShareOfMembers × members yes votes; a tie for most votes or no one above the line means no
 * election (vote again). Outcome: the winner's name, or null.
 */
export function committeeElect(ballot: CommitteeBallot, policy: Policy): Decision<string | null> {
  const { members, present, candidates } = ballot;
  if (candidates.length === 0) {
    return decision(null, [reason(RULE, 'committee.no-candidates', 'error', msg('没有候选人', 'No candidates'))]);
  }
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!isCount(c.votes)) {
      return decision(null, [
        reason(RULE, 'committee.bad-count', 'error', msg(`${c.name}的得票数无效：${c.votes}`, `Invalid vote count for ${c.name}: ${c.votes}`)),
      ]);
    }
    if (seen.has(c.name)) {
      return decision(null, [reason(RULE, 'committee.duplicate-candidate', 'error', msg(`候选人“${c.name}”重复`, `Candidate “${c.name}” is listed twice`))]);
    }
    seen.add(c.name);
  }
  const total = candidates.reduce((s, c) => s + c.votes, 0);
  const blocking = precheck(members, present, total, policy);
  if (blocking.length) return decision(null, blocking);

  const notes: Reason[] = [];
  const wanted = policy.inspection.finalistsPerPost;
  if (candidates.length !== wanted) {
    notes.push(
      reason(
        '二.3',
        'committee.backup-count',
        'warning',
        msg(
          `本职位有${candidates.length}名候选人，一职双备应为${wanted}名`,
          `${candidates.length} ${plural(candidates.length, 'candidate', 'candidates')}; two backups per post means ${wanted}`,
        ),
        { threshold: wanted, value: candidates.length, policyKey: 'inspection.finalistsPerPost' },
      ),
    );
  }

  const { passShareOfMembers: t } = policy.committeeVote;
  const most = Math.max(...candidates.map((c) => c.votes));
  const top = candidates.filter((c) => c.votes === most);
  const line = { threshold: t, value: most / members, policyKey: 'committeeVote.passShareOfMembers' };
  if (top.length > 1) {
    const names = top.map((c) => c.name).join('、');
    return decision(null, [
      ...notes,
      reason(
        RULE,
        'committee.no-election',
        'warning',
        msg(
          `${names}各得${most}票，得票最多者并列，无人当选，应重新投票`,
          `${top.map((c) => c.name).join(', ')} tie with ${most} ${plural(most, 'vote', 'votes')} each; no one elected, vote again`,
        ),
        line,
      ),
    ]);
  }
  const winner = top[0];
  if (!countAbove(winner.votes, t, members)) {
    return decision(null, [
      ...notes,
      reason(
        RULE,
        'committee.no-election',
        'warning',
        msg(
          `得票最多的${winner.name}得${winner.votes}票，未超过应到${members}人的${pct(t)}，无人当选，应重新投票`,
          `${winner.name} has the most votes (${winner.votes}) but not more than ${pct(t)} of ${members} ${plural(members, 'member', 'members')}; no one elected, vote again`,
        ),
        line,
      ),
    ]);
  }
  return decision(winner.name, [
    ...notes,
    reason(
      RULE,
      'committee.elected',
      'info',
      msg(
        `${winner.name}得${winner.votes}票，得票最多且超过应到${members}人的${pct(t)}，当选`,
        `${winner.name}: ${winner.votes} ${plural(winner.votes, 'vote', 'votes')}, the most and above ${pct(t)} of ${members} ${plural(members, 'member', 'members')}; elected`,
      ),
      line,
    ),
  ]);
}

/** A single yes/no approval by the same rule (SPEC COMMITTEEPASS): yes > share × members, with quorum. */
export function committeePass(yes: number, members: number, present: number, policy: Policy): Decision<boolean | null> {
  if (!isCount(yes)) {
    return decision(null, [reason(RULE, 'committee.bad-count', 'error', msg(`赞成票数无效：${yes}`, `Invalid yes count: ${yes}`))]);
  }
  const blocking = precheck(members, present, yes, policy);
  if (blocking.length) return decision(blocking.some((r) => r.severity === 'error') ? null : false, blocking);
  const { passShareOfMembers: t } = policy.committeeVote;
  const numbers = { threshold: t, value: yes / members, policyKey: 'committeeVote.passShareOfMembers' };
  return countAbove(yes, t, members)
    ? decision(true, [
        reason(
          RULE,
          'committee.passed',
          'info',
          msg(
            `赞成${yes}票，超过应到${members}人的${pct(t)}，通过`,
            `${yes} yes, above ${pct(t)} of ${members} ${plural(members, 'member', 'members')}; approved`,
          ),
          numbers,
        ),
      ])
    : decision(false, [
        reason(
          RULE,
          'committee.rejected',
          'warning',
          msg(
            `赞成${yes}票，未超过应到${members}人的${pct(t)}，未通过`,
            `${yes} yes, not above ${pct(t)} of ${members} ${plural(members, 'member', 'members')}; not approved`,
          ),
          numbers,
        ),
      ]);
}
