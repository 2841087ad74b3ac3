import { msg, plural } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';
import { percent } from './ratio';
import { voteRatio } from './recommendation';

/** Seed section of this rule: 二.3 公开考察 — 职位与考察对象1:4，一职双备. */
export const RULE = '二.3';

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'shortlist.too-few-candidates',
    'warning',
    msg('该职位符合条件的考察对象少于1:4的人数。', 'Fewer qualifying candidates for the post than the 1:4 ratio asks.'),
  ),
  codeDoc(
    'shortlist.too-few-finalists',
    'warning',
    msg('该职位符合条件的人选少于“一职双备”的人数。', 'Fewer qualifying candidates than the two backups per post.'),
  ),
  codeDoc(
    'shortlist.tie-at-cutoff',
    'warning',
    msg(
      '得票比例和考察结果均并列且跨越名额界限，全部列出，请研究决定。',
      'Tied on vote ratio and inspection across a cut-off: all listed, a decision is needed.',
    ),
  ),
  codeDoc(
    'shortlist.not-eligible',
    'info',
    msg('不符合民主推荐或任职资格规定，不列入排序。', 'Does not meet the recommendation or qualification rules; not ranked.'),
  ),
  codeDoc('shortlist.bad-votes', 'error', msg('得票数据有误，无法排序。', 'Vote data are wrong; cannot be ranked.')),
  codeDoc(
    'shortlist.inspection-missing',
    'warning',
    msg('缺少考察结果，排在有考察结果的人选之后。', 'Inspection result missing; ranked after those with one.'),
  ),
  codeDoc(
    'shortlist.inspection-mixed',
    'error',
    msg('同一职位的考察结果有的是等次、有的是分数，无法比较，仅按得票比例排序。', 'A post mixes grades and scores; only the vote ratio is used.'),
  ),
  codeDoc('shortlist.inspection-unknown-grade', 'error', msg('考察等次不是规定的等次之一。', 'The inspection grade is not a known grade.')),
  codeDoc(
    'shortlist.choice-outside-proposal',
    'warning',
    msg('常委会确定的人选不在组织部门提出的考察对象名单内。', 'The committee chose someone outside the proposed list.'),
  ),
  codeDoc('shortlist.choice-count', 'warning', msg('常委会确定的人数与“一职双备”不符。', 'The committee chose a number other than the finalists per post.')),
  codeDoc('shortlist.choice-differs', 'info', msg('常委会确定的人选与建议人选不同。', 'The committee pair differs from the suggested pair.')),
  codeDoc('shortlist.choice-matches', 'info', msg('常委会确定的人选与建议人选一致。', 'The committee pair matches the suggestion.')),
];

/** Ordered inspection grades, best first. */
export const INSPECTION_GRADES = ['优秀', '良好', '称职', '基本称职', '不称职'] as const;
export type InspectionGrade = (typeof INSPECTION_GRADES)[number];

/** 考察结果: an ordered grade, a numeric score (higher is better), or none yet. */
export type InspectionResult = { readonly grade: string } | { readonly score: number } | null;

export interface ShortlistCandidate {
  readonly id: string;
  readonly name: string;
  readonly post: string;
  readonly votes: number;
  readonly base: number;
  /** Met the recommendation (二.2) and qualification (二.1) rules, as decided by those rules. */
  readonly eligible: boolean;
  readonly inspection: InspectionResult;
}

export interface ShortlistEntry {
  readonly id: string;
  readonly name: string;
  readonly ratio: number;
  /** 1 + number of strictly better candidates for the post; ties share it. */
  readonly position: number;
  /** Among the candidatesPerPost proposed to the standing committee (1:4). */
  readonly proposed: boolean;
  /** Among the finalistsPerPost suggested (一职双备). */
  readonly suggested: boolean;
  readonly tie: boolean;
  readonly reasons: readonly Reason[];
}

export interface PostShortlist {
  readonly post: string;
  /** Ranked qualifying candidates, best first. */
  readonly entries: readonly ShortlistEntry[];
  readonly proposed: readonly string[];
  readonly suggested: readonly string[];
  /** Post-level reasons and the reasons of candidates left out. */
  readonly reasons: readonly Reason[];
}

interface Ranked {
  c: ShortlistCandidate;
  ratio: number;
  insp: number | null; // comparable key, higher is better
}

/**
 * Proposes, per post, the top candidatesPerPost by vote ratio then inspection result, and
 * suggests the top finalistsPerPost. A tie at a cut-off includes the whole tied group and flags it.
 * Posts come out in order of first appearance.
 */
export function shortlist(candidates: readonly ShortlistCandidate[], policy: Policy): Decision<PostShortlist[]> {
  const byPost = new Map<string, ShortlistCandidate[]>();
  for (const c of candidates) {
    const list = byPost.get(c.post) ?? [];
    list.push(c);
    byPost.set(c.post, list);
  }
  const out: PostShortlist[] = [];
  const all: Reason[] = [];
  for (const [post, list] of byPost) {
    const p = shortlistPost(post, list, policy);
    out.push(p);
    all.push(...p.reasons);
  }
  return decision(out, all);
}

function shortlistPost(post: string, list: readonly ShortlistCandidate[], policy: Policy): PostShortlist {
  const reasons: Reason[] = [];
  const ranked: Ranked[] = [];
  for (const c of list) {
    if (!c.eligible) {
      reasons.push(
        reason(
          RULE,
          'shortlist.not-eligible',
          'info',
          msg(`${post}：${c.name}不符合推荐或任职资格规定，不列入排序`, `${post}: ${c.name} is not eligible; not ranked`),
        ),
      );
      continue;
    }
    const v = voteRatio(c.votes, c.base);
    if (v.outcome === null) {
      for (const r of v.reasons)
        reasons.push(
          reason(RULE, 'shortlist.bad-votes', 'error', msg(`${post}：${c.name}，${r.message['zh-CN']}`, `${post}: ${c.name}: ${r.message['en-US']}`)),
        );
      continue;
    }
    ranked.push({ c, ratio: v.outcome, insp: null });
  }
  // Inspection keys: grades and scores cannot be compared with each other.
  const hasGrade = ranked.some((r) => r.c.inspection !== null && 'grade' in r.c.inspection);
  const hasScore = ranked.some((r) => r.c.inspection !== null && 'score' in r.c.inspection);
  const useInspection = !(hasGrade && hasScore);
  if (!useInspection) {
    reasons.push(
      reason(
        RULE,
        'shortlist.inspection-mixed',
        'error',
        msg(`${post}：考察结果有等次也有分数，仅按得票比例排序`, `${post}: grades and scores are mixed; ranked by vote ratio only`),
      ),
    );
  }
  for (const r of ranked) {
    const i = r.c.inspection;
    if (i === null) {
      reasons.push(
        reason(RULE, 'shortlist.inspection-missing', 'warning', msg(`${post}：${r.c.name}缺少考察结果`, `${post}: ${r.c.name} has no inspection result`)),
      );
      r.insp = -Infinity;
    } else if ('grade' in i) {
      const idx = INSPECTION_GRADES.indexOf(i.grade.trim() as InspectionGrade);
      if (idx < 0) {
        reasons.push(
          reason(
            RULE,
            'shortlist.inspection-unknown-grade',
            'error',
            msg(`${post}：${r.c.name}的考察等次“${i.grade}”不是${INSPECTION_GRADES.join('、')}之一`, `${post}: ${r.c.name}: grade "${i.grade}" is unknown`),
          ),
        );
        r.insp = -Infinity;
      } else r.insp = -idx;
    } else if (!Number.isFinite(i.score)) {
      reasons.push(
        reason(
          RULE,
          'shortlist.inspection-unknown-grade',
          'error',
          msg(`${post}：${r.c.name}的考察分数无效`, `${post}: ${r.c.name}: the score is not a number`),
        ),
      );
      r.insp = -Infinity;
    } else r.insp = i.score;
    if (!useInspection) r.insp = 0;
  }
  // Exact ratio order by cross-multiplication (counts ≤ 2^26, so products are exact doubles).
  const cmp = (a: Ranked, b: Ranked): number => {
    const d = b.c.votes * a.c.base - a.c.votes * b.c.base;
    if (d !== 0) return d;
    return (b.insp as number) === (a.insp as number) ? 0 : (b.insp as number) > (a.insp as number) ? 1 : -1;
  };
  const sorted = ranked.slice().sort(cmp);
  const K = policy.inspection.candidatesPerPost;
  const F = policy.inspection.finalistsPerPost;
  const entries: ShortlistEntry[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && cmp(sorted[i], sorted[j]) === 0) j++;
    const position = i + 1;
    const last = j; // last 1-based position of this tie group
    const tie = [K, F].some((c) => position <= c && c < last);
    for (let k = i; k < j; k++) {
      const r = sorted[k];
      const rr: Reason[] = [];
      if (tie) {
        rr.push(
          reason(
            RULE,
            'shortlist.tie-at-cutoff',
            'warning',
            msg(
              `${post}：${r.c.name}与他人并列第 ${position} 位（得票 ${percent(r.c.votes, r.c.base)}），跨越名额界限，全部列出，请研究决定`,
              `${post}: ${r.c.name} tied at position ${position} (${percent(r.c.votes, r.c.base)}) across a cut-off; all listed, decision needed`,
            ),
            { value: position, threshold: position <= F && F < last ? F : K },
          ),
        );
      }
      entries.push({ id: r.c.id, name: r.c.name, ratio: r.ratio, position, proposed: position <= K, suggested: position <= F, tie, reasons: rr });
    }
    i = j;
  }
  if (entries.length < K) {
    reasons.push(
      reason(
        RULE,
        'shortlist.too-few-candidates',
        'warning',
        msg(
          `${post}：符合条件的考察对象 ${entries.length} 人，少于1:${K}`,
          `${post}: ${entries.length} qualifying ${plural(entries.length, 'candidate', 'candidates')}, fewer than 1:${K}`,
        ),
        {
          threshold: K,
          value: entries.length,
          policyKey: 'inspection.candidatesPerPost',
        },
      ),
    );
  }
  if (entries.length < F) {
    reasons.push(
      reason(
        RULE,
        'shortlist.too-few-finalists',
        'warning',
        msg(
          `${post}：符合条件的人选 ${entries.length} 人，不足一职${F}备`,
          `${post}: ${entries.length} qualifying ${plural(entries.length, 'candidate', 'candidates')}, fewer than ${F} ${plural(F, 'backup', 'backups')}`,
        ),
        {
          threshold: F,
          value: entries.length,
          policyKey: 'inspection.finalistsPerPost',
        },
      ),
    );
  }
  for (const e of entries) reasons.push(...e.reasons);
  return {
    post,
    entries,
    proposed: entries.filter((e) => e.proposed).map((e) => e.id),
    suggested: entries.filter((e) => e.suggested).map((e) => e.id),
    reasons,
  };
}

/**
 * Records the standing committee's actual pair for a post against the suggestion. The committee
 * decides; this only notes where its choice departs from the list or the 一职双备 count.
 */
export function recordCommitteeChoice(
  post: PostShortlist,
  chosen: readonly string[],
  policy: Policy,
): Decision<{ readonly chosen: readonly string[]; readonly matchesSuggestion: boolean }> {
  const reasons: Reason[] = [];
  const F = policy.inspection.finalistsPerPost;
  const unique = [...new Set(chosen)];
  for (const id of unique) {
    if (!post.proposed.includes(id)) {
      reasons.push(
        reason(
          RULE,
          'shortlist.choice-outside-proposal',
          'warning',
          msg(`${post.post}：确定的人选 ${id} 不在提交的考察对象名单内`, `${post.post}: ${id} was not on the proposed list`),
        ),
      );
    }
  }
  if (unique.length !== F) {
    reasons.push(
      reason(
        RULE,
        'shortlist.choice-count',
        'warning',
        msg(`${post.post}：确定了 ${unique.length} 人，一职双备应为 ${F} 人`, `${post.post}: ${unique.length} chosen; ${F} expected`),
        {
          threshold: F,
          value: unique.length,
          policyKey: 'inspection.finalistsPerPost',
        },
      ),
    );
  }
  const matches = unique.length === post.suggested.length && unique.every((id) => post.suggested.includes(id));
  reasons.push(
    matches
      ? reason(
          RULE,
          'shortlist.choice-matches',
          'info',
          msg(`${post.post}：常委会确定的人选与建议一致`, `${post.post}: the committee pair matches the suggestion`),
        )
      : reason(
          RULE,
          'shortlist.choice-differs',
          'info',
          msg(
            `${post.post}：常委会确定 ${unique.join('、')}，建议为 ${post.suggested.join('、')}`,
            `${post.post}: committee chose ${unique.join(', ')}; suggested ${post.suggested.join(', ')}`,
          ),
        ),
  );
  return decision({ chosen: unique, matchesSuggestion: matches }, reasons);
}
