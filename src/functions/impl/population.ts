/**
 * Population functions: CADRE.ELIMRANK / ELIMTIER (四.4 末位淘汰) and CADRE.SHORTLIST (二.3 1:4,
 * 一职双备). Each takes whole columns and answers every row in one call (a spilled column of the
 * same height), because a rank depends on the whole population: one call for 10,000 rows, not
 * 10,000 calls each scanning 10,000 rows.
 *
 * Blank rows stay "" in the output. A row whose data cannot be read gets #VALUE! in its own cell;
 * since one unreadable row can change everybody's rank and the counts, the other rows of the same
 * population then get #VALUE! too, saying which rows to fix — never a plausible wrong rank.
 */
import type { Policy } from '../../policy/policy';
import { eliminate, postKindOf, type EliminationRecord, type EliminationResult, type Tier } from '../../rules/elimination';
import { shortlist, type ShortlistCandidate } from '../../rules/shortlist';
import { arg, blankCell, boolArg, columnsArg, countOf, expected, textOf, type ArgName } from './args';
import { invalid, isFnError, notAvailable, type FnError, type Result, type SpillCell } from './result';

export const INCOMPETENT_RANGE = arg('不称职票', 'incompetent votes');
export const VALID_RANGE = arg('有效票', 'valid votes');
export const LEVEL_RANGE = arg('职务层次', 'post level');
export const POST_RANGE = arg('是否实职', 'real post');
export const POST_NAME_RANGE = arg('职位', 'post');
export const VOTES_RANGE = arg('得票数', 'votes');
export const BASE_RANGE = arg('计算基数', 'base');
export const ELIGIBLE_RANGE = arg('是否符合条件', 'eligible');
export const INSPECTION_RANGE = arg('考察结果', 'inspection result');

/** One output column: `rows × 1`, the shape Excel spills down. */
export type Spill = SpillCell[][];

const rowArg = (name: ArgName, i: number): ArgName => ({ zh: `${name.zh}（区域第${i + 1}行）`, en: `${name.en} (row ${i + 1} of the range)` });

function rowsList(rows: readonly number[]): { zh: string; en: string } {
  const shown = rows.slice(0, 5).map((r) => r + 1);
  const more = rows.length > 5 ? '…' : '';
  return { zh: `第${shown.join('、')}${more}行`, en: `row${rows.length > 1 ? 's' : ''} ${shown.join(', ')}${more}` };
}

/** "是/实职/TRUE" → true, "否/非实职/FALSE" → false, a post title → postKindOf, else null. */
function realPostOf(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const t = textOf(v).replace(/\s+/g, '');
  if (t === '') return null;
  if (/^(?:是|实职|TRUE|Y|YES|√|1)$/i.test(t)) return true;
  if (/^(?:否|非实职|虚职|FALSE|N|NO|×|0)$/i.test(t)) return false;
  const kind = postKindOf(t);
  return kind === null ? null : kind === 'leading';
}

interface EliminationSpill {
  readonly result: EliminationResult;
  /** Rows with nothing in them. */
  readonly blank: Uint8Array;
  /** Per-row errors (unreadable counts, bad votes, unknown post). */
  readonly rowErrors: (FnError | null)[];
  /** Set when some population row is unreadable: every other population row gets it. */
  readonly incomplete: FnError | null;
}

/**
 * Reads the columns into EliminationRecords and runs the rule. Without `levels` every non-blank
 * row is taken to be in the population (the user's range is already the 正副科级实职 list); without
 * `posts` every row with a population level holds a real post.
 */
function runElimination(incompetent: unknown, valid: unknown, levels: unknown, posts: unknown, policy: Policy): Result<EliminationSpill> {
  const cols = columnsArg([
    { value: incompetent, name: INCOMPETENT_RANGE },
    { value: valid, name: VALID_RANGE },
    { value: levels, name: LEVEL_RANGE, optional: true },
    { value: posts, name: POST_RANGE, optional: true },
  ]);
  if (isFnError(cols)) return cols;
  const [inc, val, lvl, pst] = cols as [unknown[], unknown[], unknown[] | null, unknown[] | null];
  const n = inc.length;
  const blank = new Uint8Array(n);
  const parseErrors: (FnError | null)[] = new Array<FnError | null>(n).fill(null);
  const records: EliminationRecord[] = [];
  const index: number[] = []; // record → row
  const anyLevel = policy.elimination.levels[0] ?? '正科级';
  // A column of levels or posts holds a handful of distinct texts: read each once.
  const levelText = new Map<unknown, string | null>();
  const postKind = new Map<unknown, boolean | null>();
  for (let i = 0; i < n; i++) {
    const a = inc[i];
    const b = val[i];
    const l = lvl ? lvl[i] : null;
    const p = pst ? pst[i] : null;
    if (blankCell(a) && blankCell(b) && blankCell(l) && blankCell(p)) {
      blank[i] = 1;
      continue;
    }
    // countOf is NaN for an unreadable count, which goes into the record as is: the rule itself
    // then counts the row in N and marks it bad. The message is built for such rows only.
    const ca = countOf(a);
    const cb = countOf(b);
    if (ca !== ca) parseErrors[i] = expected(rowArg(INCOMPETENT_RANGE, i), '不小于0的整数', 'a whole number ≥ 0', a);
    else if (cb !== cb) parseErrors[i] = expected(rowArg(VALID_RANGE, i), '不小于0的整数', 'a whole number ≥ 0', b);
    let level: string | null = anyLevel;
    if (lvl) {
      level = levelText.get(l) ?? null;
      if (level === null && !levelText.has(l)) levelText.set(l, (level = blankCell(l) ? null : textOf(l)));
    }
    let realPost: boolean | null = true;
    if (pst) {
      realPost = postKind.get(p) ?? null;
      if (realPost === null && !postKind.has(p)) postKind.set(p, (realPost = realPostOf(p)));
    }
    records.push({ name: `第${i + 1}行`, level, realPost, incompetentVotes: ca, validVotes: cb });
    index.push(i);
  }
  const result = eliminate(records, policy);
  const rowErrors: (FnError | null)[] = new Array<FnError | null>(n).fill(null);
  const badRows: number[] = [];
  for (const r of result.rows) {
    const i = index[r.index];
    if (r.inPopulation && r.ratio === null) {
      badRows.push(i);
      const why = r.reasons.find((x) => x.severity === 'error');
      rowErrors[i] =
        parseErrors[i] ??
        invalid(`区域第${i + 1}行：${why?.message['zh-CN'] ?? '票数有误'}`, `Row ${i + 1} of the range: ${why?.message['en-US'] ?? 'bad vote data'}`);
    } else if (!r.inPopulation && r.reasons.some((x) => x.code === 'elimination.post-unknown')) {
      rowErrors[i] = notAvailable(
        `区域第${i + 1}行：「${POST_RANGE.zh}」未写明是否实职领导职务（应为“是/否”或职务名称），未计入总数`,
        `Row ${i + 1} of the range: ${POST_RANGE.en} does not say whether this is a real leading post (expected 是/否 or a post title); not counted`,
      );
    }
  }
  let incomplete: FnError | null = null;
  if (badRows.length) {
    const rows = rowsList(badRows);
    incomplete = invalid(
      `${rows.zh}票数有误（见该行），排名和档次暂不能作为定论；改正后自动重算`,
      `${rows.en} ha${badRows.length > 1 ? 've' : 's'} bad vote data (see there); ranks and tiers are not final until fixed`,
    );
  }
  return { result, blank, rowErrors, incomplete };
}

function spill(
  incompetent: unknown,
  valid: unknown,
  levels: unknown,
  posts: unknown,
  policy: Policy,
  cell: (rank: number | null, tier: Tier | null, tie: boolean) => SpillCell,
): Result<Spill> {
  const run = runElimination(incompetent, valid, levels, posts, policy);
  if (isFnError(run)) return run;
  const { result, blank, rowErrors, incomplete } = run;
  const out: Spill = new Array<SpillCell[]>(blank.length);
  for (let i = 0; i < blank.length; i++) if (blank[i]) out[i] = [''];
  let k = 0;
  for (let i = 0; i < blank.length; i++) {
    if (blank[i]) continue;
    const r = result.rows[k++];
    const err = rowErrors[i];
    if (err) out[i] = [err];
    else if (!r.inPopulation) out[i] = [''];
    else if (incomplete) out[i] = [incomplete];
    else out[i] = [cell(r.rank, r.tier, r.tie)];
  }
  return out;
}

/** CADRE.ELIMRANK: rank by 不称职票比例, highest first, ties sharing a rank (RANK.EQ). */
export function elimRankFn(incompetent: unknown, valid: unknown, levels: unknown, posts: unknown, policy: Policy): Result<Spill> {
  return spill(incompetent, valid, levels, posts, policy, (rank) => rank ?? '');
}

export const TIER_LABELS: Readonly<Record<Tier, string>> = { removal: '免职', admonition: '诫勉', preliminary: '初步淘汰' };
export const TIE_SUFFIX = '（并列）';

/** CADRE.ELIMTIER: 免职 / 诫勉 / 初步淘汰 / "" — with （并列） when a tie straddles a cut-off. */
export function elimTierFn(incompetent: unknown, valid: unknown, levels: unknown, posts: unknown, policy: Policy): Result<Spill> {
  return spill(incompetent, valid, levels, posts, policy, (_rank, tier, tie) => (tier === null ? '' : `${TIER_LABELS[tier]}${tie ? TIE_SUFFIX : ''}`));
}

export const SHORTLIST_LABELS = { suggested: '建议人选', proposed: '考察对象' } as const;

/**
 * CADRE.SHORTLIST: per post, the candidatesPerPost best by vote ratio then inspection result are
 * 考察对象 proposed to the standing committee (1:4), and of those the finalistsPerPost best are
 * 建议人选 (一职双备); others "". A tie across a cut-off includes everyone tied, marked （并列）.
 * `eligible` (TRUE/是) says who met 二.1/二.2; omitted = everyone listed did. `inspection` is a
 * grade (优秀…不称职) or a score; blank = not inspected yet (ranked after the others).
 */
export function shortlistFn(posts: unknown, votes: unknown, bases: unknown, eligible: unknown, inspection: unknown, policy: Policy): Result<Spill> {
  const cols = columnsArg([
    { value: posts, name: POST_NAME_RANGE },
    { value: votes, name: VOTES_RANGE },
    { value: bases, name: BASE_RANGE },
    { value: eligible, name: ELIGIBLE_RANGE, optional: true },
    { value: inspection, name: INSPECTION_RANGE, optional: true },
  ]);
  if (isFnError(cols)) return cols;
  const [pc, vc, bc, ec, ic] = cols as [unknown[], unknown[], unknown[], unknown[] | null, unknown[] | null];
  const n = pc.length;
  const out: Spill = new Array<SpillCell[]>(n);
  const candidates: ShortlistCandidate[] = [];
  const postOfRow: string[] = new Array<string>(n).fill('');
  const rowErrors = new Map<number, FnError>();
  for (let i = 0; i < n; i++) {
    const e = ec ? ec[i] : null;
    const ins = ic ? ic[i] : null;
    if (blankCell(pc[i]) && blankCell(vc[i]) && blankCell(bc[i]) && blankCell(e) && blankCell(ins)) {
      out[i] = [''];
      continue;
    }
    const post = textOf(pc[i]);
    postOfRow[i] = post;
    if (post === '') {
      rowErrors.set(i, expected(rowArg(POST_NAME_RANGE, i), '职位名称', 'a post name', pc[i]));
      continue;
    }
    const v = countOf(vc[i]);
    const b = countOf(bc[i]);
    // The row's argument name (a message) is built only when the cell is not TRUE/FALSE already.
    const ok: boolean | FnError = !ec ? true : typeof e === 'boolean' ? e : boolArg(e, rowArg(ELIGIBLE_RANGE, i));
    let err: FnError | null = null;
    if (v !== v) err = expected(rowArg(VOTES_RANGE, i), '不小于0的整数', 'a whole number ≥ 0', vc[i]);
    else if (b !== b) err = expected(rowArg(BASE_RANGE, i), '不小于0的整数', 'a whole number ≥ 0', bc[i]);
    else if (isFnError(ok)) err = ok;
    if (err) {
      rowErrors.set(i, err);
      continue;
    }
    candidates.push({
      id: String(i),
      name: `第${i + 1}行`,
      post,
      votes: v,
      base: b,
      eligible: ok as boolean,
      inspection: blankCell(ins) ? null : typeof ins === 'number' ? { score: ins } : { grade: textOf(ins) },
    });
  }
  const d = shortlist(candidates, policy);
  // A post with an unreadable row, or a rule error (bad votes, mixed or unknown grades), has no
  // trustworthy order: all its rows get the error.
  const postError = new Map<string, FnError>();
  for (const [i] of rowErrors)
    if (!postError.has(postOfRow[i]) && postOfRow[i] !== '')
      postError.set(
        postOfRow[i],
        invalid(
          `职位“${postOfRow[i]}”区域第${i + 1}行数据有误（见该行），本职位排序暂不能作为定论`,
          `Post "${postOfRow[i]}": row ${i + 1} of the range has bad data (see there); this post's order is not final`,
        ),
      );
  const label = new Map<string, SpillCell>();
  for (const p of d.outcome) {
    const ruleErr = p.reasons.find((r) => r.severity === 'error');
    if (ruleErr && !postError.has(p.post)) postError.set(p.post, invalid(ruleErr.message['zh-CN'], ruleErr.message['en-US']));
    for (const e of p.entries) {
      const base = e.suggested ? SHORTLIST_LABELS.suggested : e.proposed ? SHORTLIST_LABELS.proposed : '';
      label.set(e.id, base === '' ? '' : `${base}${e.tie ? TIE_SUFFIX : ''}`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (out[i]) continue;
    const own = rowErrors.get(i);
    if (own) out[i] = [own];
    else if (postError.has(postOfRow[i])) out[i] = [postError.get(postOfRow[i])!];
    else out[i] = [label.get(String(i)) ?? ''];
  }
  return out;
}
