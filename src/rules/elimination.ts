import { msg, plural } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addMonths, formatChinese, formatIso, type LocalDate } from '../values/local-date';
import { codeDoc, reason, type Decision, type Reason } from './decision';
import { roundShare } from './ratio';
import { voteRatio } from './recommendation';

/** Seed section of this rule: 四.4 实行末位淘汰制. */
export const RULE = '四.4';

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'elimination.counts',
    'info',
    msg('按总人数计算初步淘汰、免职、诫勉人数及取整方式。', 'How the preliminary, removal and admonition counts follow from the headcount and rounding.'),
  ),
  codeDoc(
    'elimination.admonition-capped',
    'info',
    msg(
      '诫勉人数按比例取整后超过“初步淘汰人数−免职人数”，以后者为准（诫勉人选出自2%以内）。',
      'The admonition share rounds above preliminary − removal; capped, since both come from within the 2 %.',
    ),
  ),
  codeDoc(
    'elimination.preliminary-only',
    'info',
    msg(
      '初步淘汰对象中有人既不在免职也不在诫勉名额内（取整所致），由常委会议研究。',
      'Some preliminary candidates fall in neither the removal nor the admonition quota (rounding); the committee decides.',
    ),
  ),
  codeDoc('elimination.tier', 'info', msg('按不称职票比例排名进入的档次。', 'The tier this rank falls into.')),
  codeDoc(
    'elimination.tie-at-cutoff',
    'warning',
    msg('名次并列且跨越名额界限，全部列入并提请研究决定。', 'Tied across a cut-off: all tied cadres are included and flagged for a decision.'),
  ),
  codeDoc(
    'elimination.zero-ratio',
    'warning',
    msg(
      '名额界限落在没有不称职票的人员中，这些人员不列入末位淘汰。',
      'The cut-off falls among cadres with no incompetent votes; they are not placed in any tier.',
    ),
  ),
  codeDoc(
    'elimination.bad-votes',
    'error',
    msg('不称职票或有效票数据有误，无法排名。', 'Incompetent or valid vote data is wrong; the cadre cannot be ranked.'),
  ),
  codeDoc(
    'elimination.incomplete',
    'error',
    msg('有人员票数数据有误，排名和档次暂不能作为定论。', 'Some cadres have bad vote data; ranks and tiers are not final.'),
  ),
  codeDoc(
    'elimination.post-unknown',
    'warning',
    msg('台账未写明是否实职领导职务，未计入总数。', 'The ledger does not say whether this is a real leading post; not counted.'),
  ),
  codeDoc(
    'elimination.excluded',
    'info',
    msg('不属于末位淘汰范围（非正副科级实职领导干部）的人数。', 'How many records are outside the population (not section-level real-post leaders).'),
  ),
];

/** 'removal' = 免职, 'admonition' = 诫勉一年, 'preliminary' = 初步淘汰对象 not in either quota. */
export type Tier = 'removal' | 'admonition' | 'preliminary';

export interface EliminationRecord {
  readonly name: string;
  /** 职务层次 as the ledger states it, e.g. '正科级', '副科级'. */
  readonly level: string | null;
  /**
   * 实职: holds a leading post (局长, 乡长, 主任 …), as opposed to a non-leading 职级 only
   * (一级主任科员 …). null = the ledger does not say; see postKindOf for deriving it from a title.
   */
  readonly realPost: boolean | null;
  /** 不称职票 */
  readonly incompetentVotes: number;
  /** 有效票 (the base of 不称职票比例) */
  readonly validVotes: number;
  /** Passed through to the output so the shell can point at the cell. */
  readonly sheet?: string;
  readonly row?: number;
}

export interface EliminationRow {
  /** Position in the input array. */
  readonly index: number;
  readonly name: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly inPopulation: boolean;
  /** 不称职票比例 in [0,1]; null when outside the population or the data are bad. */
  readonly ratio: number | null;
  /** Like RANK.EQ descending: 1 + number of strictly higher ratios; ties share it. */
  readonly rank: number | null;
  readonly tier: Tier | null;
  /** Tied with others across a cut-off (all included, a decision is needed). */
  readonly tie: boolean;
  /** removal: the cadre keeps no 原职级待遇 (四.4). */
  readonly keepsRank?: boolean;
  /** admonition: review at the end of the admonition period (EDATE of the decision date). */
  readonly reviewDate?: LocalDate;
  readonly reasons: readonly Reason[];
}

export interface EliminationCounts {
  readonly preliminary: number;
  readonly removal: number;
  readonly admonition: number;
}

export interface EliminationResult {
  /** N: everyone in the population, including cadres whose vote data are bad. */
  readonly population: number;
  readonly counts: EliminationCounts;
  /** One row per input record, in input order. */
  readonly rows: readonly EliminationRow[];
  /** Table-level reasons: how the counts were found, ties, incomplete data. */
  readonly reasons: readonly Reason[];
}

const pct = (t: number) => `${+(t * 100).toFixed(4)}%`;
const ROUNDING = {
  round: msg('四舍五入', 'round half up'),
  floor: msg('舍去', 'round down'),
  ceil: msg('进一', 'round up'),
} as const;

/**
 * The three counts for a headcount N (四.4): preliminary = rounding(preliminaryShare·N),
 * removal = rounding(removalShare·N), admonition = rounding(admonitionShare·N) capped at
 * preliminary − removal. Exact arithmetic: 1 % of 150 is 1.5 and rounds half up to 2.
 *
 * Reconciling SPEC §3 (admonition = preliminary − removal) with the seed (对1%人选免职、对1%人选
 * 给予诫勉一年, both from within the 2 %): the seed's 1 % governs, and the pool caps it. With the
 * default shares the two agree except where rounding makes preliminary − removal exceed the
 * rounded 1 % (e.g. N = 130: 2.6 → 3, 1.3 → 1, 1.3 → 1); the third cadre stays a 'preliminary'
 * candidate for the committee rather than being admonished by arithmetic.
 */
export function eliminationCounts(n: number, policy: Policy): Decision<EliminationCounts> {
  const e = policy.elimination;
  const preliminary = roundShare(e.preliminaryShare, n, e.rounding);
  const removal = Math.min(roundShare(e.removalShare, n, e.rounding), preliminary);
  const admonitionByShare = roundShare(e.admonitionShare, n, e.rounding);
  const admonition = Math.min(admonitionByShare, preliminary - removal);
  const mode = ROUNDING[e.rounding];
  const reasons: Reason[] = [
    reason(
      RULE,
      'elimination.counts',
      'info',
      msg(
        `总数 ${n} 人：初步淘汰 ${pct(e.preliminaryShare)}×${n} → ${preliminary} 人，免职 ${pct(e.removalShare)}×${n} → ${removal} 人，诫勉 ${admonition} 人（${mode['zh-CN']}）`,
        `N = ${n}: preliminary ${pct(e.preliminaryShare)}×${n} → ${preliminary}, removal ${pct(e.removalShare)}×${n} → ${removal}, admonition ${admonition} (${mode['en-US']})`,
      ),
      { value: n, policyKey: 'elimination.rounding' },
    ),
  ];
  if (admonitionByShare > admonition) {
    reasons.push(
      reason(
        RULE,
        'elimination.admonition-capped',
        'info',
        msg(
          `诫勉 ${pct(e.admonitionShare)}×${n} → ${admonitionByShare} 人，超过初步淘汰 ${preliminary} 人减免职 ${removal} 人，按 ${admonition} 人`,
          `Admonition ${pct(e.admonitionShare)}×${n} → ${admonitionByShare} exceeds preliminary ${preliminary} − removal ${removal}; ${admonition} used`,
        ),
        { threshold: preliminary - removal, value: admonitionByShare, policyKey: 'elimination.admonitionShare' },
      ),
    );
  } else if (preliminary > removal + admonition) {
    reasons.push(
      reason(
        RULE,
        'elimination.preliminary-only',
        'info',
        msg(
          `初步淘汰 ${preliminary} 人中，免职 ${removal} 人、诫勉 ${admonition} 人，其余 ${preliminary - removal - admonition} 人为初步淘汰对象，由常委会议研究`,
          `Of ${preliminary} preliminary, ${removal} removal and ${admonition} admonition; ${preliminary - removal - admonition} remain preliminary for the committee`,
        ),
        { threshold: removal + admonition, value: preliminary, policyKey: 'elimination.admonitionShare' },
      ),
    );
  }
  return { outcome: { preliminary, removal, admonition }, reasons };
}

// 职级 of the parallel system (公务员职务与职级并行) and the older non-leading posts. A title that
// is exactly one of these is not a real leading post.
const NON_LEADING = new Set([
  '一级巡视员',
  '二级巡视员',
  '一级调研员',
  '二级调研员',
  '三级调研员',
  '四级调研员',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '二级科员',
  '巡视员',
  '副巡视员',
  '调研员',
  '副调研员',
  '主任科员',
  '副主任科员',
  '科员',
  '办事员',
]);
// Longest first, so 一级主任科员 is taken out whole rather than leaving 一级主任.
const NON_LEADING_ANYWHERE = new RegExp([...NON_LEADING].sort((a, b) => b.length - a.length).join('|'), 'g');
const LEADING = /书记|局长|乡长|镇长|县长|主任|主席|部长|院长|所长|站长|队长|校长|行长|社长|馆长|组长|委员|主委|处长|科长|秘书长|检察长|庭长|审判长/;

/**
 * How a record says "实职": the ledger's 职务 text. 'non-leading' = a 职级 such as 一级主任科员
 * (excluded from 四.4); 'leading' = a leading title such as 农业局局长; null = cannot tell (the
 * user is asked rather than the cadre silently counted or dropped).
 */
export function postKindOf(title: string | null | undefined): 'leading' | 'non-leading' | null {
  const t = (title ?? '').replace(/\s+/g, '');
  if (t === '') return null;
  if (NON_LEADING.has(t) || NON_LEADING.has(t.replace(/^(享受)?|待遇$/g, ''))) return 'non-leading';
  // A 职级 after the unit (县财政局一级主任科员) is still a 职级: its 主任 is not a leading title, so
  // leading titles are looked for only in what is left once the 职级 are taken out.
  const rest = t.replace(NON_LEADING_ANYWHERE, '');
  if (LEADING.test(rest)) return 'leading';
  return rest !== t ? 'non-leading' : null;
}

const NO_REASONS: readonly Reason[] = Object.freeze([]);

// One object literal with a fixed shape per row: object spread here cost ~15 µs a row in V8.
// Absent optional fields are undefined (JSON.stringify drops them).
function row(
  index: number,
  rec: EliminationRecord,
  inPopulation: boolean,
  ratio: number | null,
  rank: number | null,
  tier: Tier | null,
  tie: boolean,
  reasons: readonly Reason[],
  keepsRank?: boolean,
  reviewDate?: LocalDate,
): EliminationRow {
  return { index, name: rec.name, sheet: rec.sheet, row: rec.row, inPopulation, ratio, rank, tier, tie, keepsRank, reviewDate, reasons };
}

const TIER_LABEL: Record<Tier, { zh: string; en: string }> = {
  removal: { zh: '免职', en: 'removal' },
  admonition: { zh: '诫勉一年', en: 'one-year admonition' },
  preliminary: { zh: '初步淘汰对象', en: 'preliminary candidate' },
};

/**
 * Bottom elimination (四.4): filter the population, rank by 不称职票比例 descending (ties share a
 * rank), and place ranks into tiers by the counts. A tie group that straddles a cut-off is
 * included whole and flagged; cadres with no incompetent votes are never placed in a tier.
 * O(n log n): one numeric sort of the ratios, then linear passes.
 *
 * Ratios are compared as doubles, which is exact here: counts are ≤ 2^26, so equal fractions give
 * the same double and different fractions differ by more than an ulp (|a/b − c/d| ≥ 1/(bd)).
 */
export function eliminate(records: readonly EliminationRecord[], policy: Policy, options: { decisionDate?: LocalDate } = {}): EliminationResult {
  const levels = new Set(policy.elimination.levels);
  const n = records.length;
  const inPop = new Uint8Array(n);
  const ratios = new Float64Array(n).fill(NaN);
  const rowReasons: (readonly Reason[])[] = new Array<readonly Reason[]>(n).fill(NO_REASONS);
  const tableReasons: Reason[] = [];
  let population = 0;
  let bad = 0;
  let unknownPost = 0;
  let excluded = 0;
  let valid = 0;

  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (r.level === null || !levels.has(r.level) || r.realPost === false) {
      excluded++;
      continue;
    }
    if (r.realPost === null) {
      unknownPost++;
      rowReasons[i] = [
        reason(
          RULE,
          'elimination.post-unknown',
          'warning',
          msg(`${r.name}：台账未写明是否实职领导职务，未计入总数`, `${r.name}: real leading post not stated; not counted`),
          {
            policyKey: 'elimination.levels',
          },
        ),
      ];
      continue;
    }
    inPop[i] = 1;
    population++;
    const v = voteRatio(r.incompetentVotes, r.validVotes);
    if (v.outcome === null) {
      bad++;
      rowReasons[i] = v.reasons.map((x) =>
        reason(RULE, 'elimination.bad-votes', 'error', msg(`${r.name}：${x.message['zh-CN']}`, `${r.name}: ${x.message['en-US']}`), {
          ...(x.value !== undefined ? { value: x.value } : {}),
        }),
      );
      continue;
    }
    ratios[i] = v.outcome;
    valid++;
  }

  const counts = eliminationCounts(population, policy);
  tableReasons.push(...counts.reasons);
  const { preliminary, removal, admonition } = counts.outcome;
  const cuts = [removal, removal + admonition, preliminary];

  const sorted = new Float64Array(valid);
  for (let i = 0, k = 0; i < n; i++) if (!Number.isNaN(ratios[i])) sorted[k++] = ratios[i];
  sorted.sort();

  // One pass over the sorted ratios gives each distinct ratio its RANK.EQ rank and the last
  // position of its tie group; rows then look their ratio up (sequential scans, no per-row
  // binary search, whose cache misses dominated at 1M rows).
  const groupOf = new Map<number, number>();
  const groupRank: number[] = [];
  const groupLast: number[] = [];
  for (let hi = valid; hi > 0;) {
    let lo = hi - 1;
    while (lo > 0 && sorted[lo - 1] === sorted[hi - 1]) lo--;
    groupOf.set(sorted[hi - 1], groupRank.length);
    groupRank.push(valid - hi + 1);
    groupLast.push(valid - lo);
    hi = lo;
  }

  const rows: EliminationRow[] = new Array<EliminationRow>(n);
  let tieCount = 0;
  let zeroAtCut = false;
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    const x = ratios[i];
    if (Number.isNaN(x)) {
      rows[i] = row(i, rec, inPop[i] === 1, null, null, null, false, rowReasons[i]);
      continue;
    }
    const g = groupOf.get(x) as number;
    const rank = groupRank[g];
    const last = groupLast[g]; // last position of the tie group
    let tier: Tier | null = rank <= cuts[0] ? 'removal' : rank <= cuts[1] ? 'admonition' : rank <= cuts[2] ? 'preliminary' : null;
    if (tier !== null && x === 0) {
      zeroAtCut = true;
      tier = null;
    }
    const tie = tier !== null && cuts.some((c) => rank <= c && c < last);
    if (tier === null) {
      rows[i] = row(i, rec, true, x, rank, null, false, NO_REASONS);
      continue;
    }
    const reasons: Reason[] = [];
    const label = TIER_LABEL[tier];
    const cut = tier === 'removal' ? cuts[0] : tier === 'admonition' ? cuts[1] : cuts[2];
    reasons.push(
      reason(
        RULE,
        'elimination.tier',
        'info',
        msg(
          `${rec.name}：不称职票 ${rec.incompetentVotes}/${rec.validVotes}，名次 ${rank}，在前 ${cut} 名内，列为${label.zh}`,
          `${rec.name}: ${rec.incompetentVotes}/${rec.validVotes} incompetent, rank ${rank}, within the first ${cut}: ${label.en}`,
        ),
        {
          threshold: cut,
          value: rank,
          policyKey: tier === 'removal' ? 'elimination.removalShare' : tier === 'admonition' ? 'elimination.admonitionShare' : 'elimination.preliminaryShare',
        },
      ),
    );
    if (tie) {
      tieCount++;
      reasons.push(
        reason(
          RULE,
          'elimination.tie-at-cutoff',
          'warning',
          msg(
            `${rec.name}：与他人并列第 ${rank} 名（至第 ${last} 位），跨越名额界限，全部列入，请研究决定`,
            `${rec.name}: tied at rank ${rank} (through position ${last}) across a cut-off; all included, decision needed`,
          ),
          { threshold: cuts.find((c) => rank <= c && c < last), value: rank },
        ),
      );
    }
    let keepsRank: boolean | undefined;
    let reviewDate: LocalDate | undefined;
    if (tier === 'removal') keepsRank = false;
    else if (tier === 'admonition' && options.decisionDate) {
      reviewDate = addMonths(options.decisionDate, policy.elimination.admonitionMonths);
      reasons.push(
        reason(
          RULE,
          'elimination.tier',
          'info',
          msg(
            `诫勉期满（${formatChinese(reviewDate)}）复核，仍未有起色的免去现职`,
            `Review at the end of admonition (${formatIso(reviewDate)}); no improvement → removal`,
          ),
          { value: policy.elimination.admonitionMonths, policyKey: 'elimination.admonitionMonths' },
        ),
      );
    }
    rows[i] = row(i, rec, true, x, rank, tier, tie, reasons, keepsRank, reviewDate);
  }

  if (tieCount) {
    tableReasons.push(
      reason(
        RULE,
        'elimination.tie-at-cutoff',
        'warning',
        msg(
          `${tieCount} 人并列跨越名额界限，已全部列入，请研究决定`,
          `${tieCount} ${plural(tieCount, 'cadre ties', 'cadres tie')} across a cut-off; all included, decision needed`,
        ),
        {
          value: tieCount,
        },
      ),
    );
  }
  if (zeroAtCut) {
    tableReasons.push(
      reason(
        RULE,
        'elimination.zero-ratio',
        'warning',
        msg(
          '名额界限落在没有不称职票的人员中，这些人员不列入末位淘汰',
          'The cut-off falls among cadres with no incompetent votes; they are not placed in a tier',
        ),
      ),
    );
  }
  if (bad) {
    tableReasons.push(
      reason(
        RULE,
        'elimination.incomplete',
        'error',
        msg(
          `${bad} 人票数数据有误，排名和档次暂不能作为定论`,
          `${bad} ${plural(bad, 'cadre has', 'cadres have')} bad vote data; ranks and tiers are not final`,
        ),
        {
          value: bad,
        },
      ),
    );
  }
  if (unknownPost) {
    tableReasons.push(
      reason(
        RULE,
        'elimination.post-unknown',
        'warning',
        msg(
          `${unknownPost} 人未写明是否实职领导职务，未计入总数`,
          `${unknownPost} ${plural(unknownPost, 'record does', 'records do')} not say whether the post is real; not counted`,
        ),
        {
          value: unknownPost,
        },
      ),
    );
  }
  if (excluded) {
    tableReasons.push(
      reason(
        RULE,
        'elimination.excluded',
        'info',
        msg(`${excluded} 人不属于正副科级实职领导干部，不在末位淘汰范围`, `${excluded} ${plural(excluded, 'record is', 'records are')} outside the population`),
        {
          value: excluded,
          policyKey: 'elimination.levels',
        },
      ),
    );
  }
  return { population, counts: counts.outcome, rows, reasons: tableReasons };
}
