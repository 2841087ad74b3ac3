/**
 * Wizard 6 · 年度末位淘汰 (seed 四.4, with the 四.2 trigger beside it): from an annual assessment
 * tally — the population filter shown and editable (levels, 实职 only, and per-row inclusion or
 * exclusion with a reason), N, the preliminary / removal / admonition counts with the arithmetic
 * under the policy's rounding, the ranked table with tiers and RANK.EQ ties (ties across a
 * cut-off all included and flagged for a decision, never broken), and the list of cadres whose
 * 不称职票 reach 1/2 (joint investigation by 组织 and 纪检). Output sheet 末位淘汰测算.
 */
import { msg, plural, type Msg } from '../i18n/message';
import type { CellWrite } from '../ledger/edit-plan';
import { a1, qualifiedRef, type RangeBox } from '../ledger/grid';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import { validVotesOf } from '../ledger/checks/assessment';
import type { ColumnNeed } from '../ledger/unread';
import type { Policy, Rounding } from '../policy/policy';
import { reason, type Reason } from '../rules/decision';
import { incompetentTrigger, RULE as TRIGGER_RULE } from '../rules/dismissal';
import { eliminate, postKindOf, RULE, type EliminationCounts, type EliminationRecord, type Tier } from '../rules/elimination';
import { percent, roundShare } from '../rules/ratio';
import { formatIso, type LocalDate } from '../values/local-date';
import type { CellStyle, SheetSpec } from '../workbook/port';
import { columnGaps, gapNotes, namelessRows } from './common';
import { eachChunk, optDate } from './framework';
import { stacked, type OptionField, type OptionValues, type ResultRow, type RunControl, type WizardDef, type WizardInputs, type WizardResult } from './types';
import { W2 } from '../i18n/strings-wizards-2';

export const ELIMINATION_SHEET = '末位淘汰测算';

/** A user's decision on one row of the population filter. */
export interface PopulationOverride {
  /** 0-based source row. */
  readonly row: number;
  readonly include: boolean;
  readonly reason: string;
}

export interface EliminationOptions {
  /** 职务层次 in the population (default: policy.elimination.levels). */
  readonly levels: readonly string[];
  /** Only leaders holding a real post (实职); non-leading 职级 are excluded. */
  readonly realPostOnly: boolean;
  readonly overrides: readonly PopulationOverride[];
  /** Date of the committee decision: the admonition review date is EDATE of it. */
  readonly decisionDate?: LocalDate | null;
}

/** Why a row is in or out of the population before the user's decision. */
export type AutoState = 'in' | 'out' | 'unknown';

export interface PopulationEntry {
  readonly row: number;
  readonly name: string;
  readonly post: string | null;
  readonly level: string | null;
  readonly auto: AutoState;
  readonly autoWhy: Msg;
  readonly override: PopulationOverride | null;
  readonly included: boolean;
}

export interface CountLine {
  readonly tier: 'preliminary' | 'removal' | 'admonition';
  readonly share: number;
  /** share × N exactly, as a decimal text (e.g. "1.5"). */
  readonly exact: string;
  readonly byShare: number;
  /** The count used (admonition capped at preliminary − removal). */
  readonly count: number;
  readonly text: Msg;
}

export interface RankedRow {
  readonly row: number;
  readonly name: string;
  readonly post: string | null;
  readonly level: string | null;
  readonly incompetentVotes: number | null;
  readonly validVotes: number | null;
  readonly ratio: number | null;
  readonly rank: number | null;
  readonly tier: Tier | null;
  readonly tie: boolean;
  readonly trigger: boolean;
  readonly reviewDate: LocalDate | null;
  readonly reasons: readonly Reason[];
}

export interface TriggerRow {
  readonly row: number;
  readonly name: string;
  readonly post: string | null;
  readonly incompetentVotes: number;
  readonly validVotes: number;
  readonly ratioText: string;
  readonly inPopulation: boolean;
  readonly reasons: readonly Reason[];
}

export interface EliminationWizardResult extends WizardResult {
  readonly sheet: string;
  readonly options: EliminationOptions;
  readonly population: readonly PopulationEntry[];
  readonly n: number;
  readonly counts: EliminationCounts;
  readonly rounding: Rounding;
  readonly countLines: readonly CountLine[];
  /** Population rows, ranked (bad-vote rows last). */
  readonly ranked: readonly RankedRow[];
  /** Rows tied across a cut-off: the committee decides. */
  readonly decisions: readonly RankedRow[];
  readonly triggers: readonly TriggerRow[];
  /** What a missing column left unchecked: N and the tiers (职级), the shares and investigations (票数). */
  readonly unchecked: { readonly population: boolean; readonly votes: boolean };
}

const ROUNDING_TEXT: Readonly<Record<Rounding, Msg>> = {
  round: msg('四舍五入', 'round half up'),
  floor: msg('舍去', 'round down'),
  ceil: msg('进一', 'round up'),
};
export const TIER_TEXT: Readonly<Record<Tier, Msg>> = {
  removal: msg('免职', 'Removal'),
  admonition: msg('诫勉一年', 'One-year admonition'),
  preliminary: msg('初步淘汰对象', 'Preliminary candidate'),
};
/** Marks of the pane's result table (the output sheet writes its own Chinese 是 instead). */
export const TIE_TEXT: Msg = msg('并列，待研究', 'Tied: to decide');
export const TRIGGER_TEXT: Msg = msg('联合调查', 'Joint inquiry');

/** share·N as an exact short decimal ("1.5", "3", "0.25"), no binary noise. */
export function exactProduct(share: number, n: number): string {
  return String(+(share * n).toFixed(10));
}
const pct = (s: number): string => `${+(s * 100).toFixed(4)}%`;

/** The three counts with the arithmetic as the wizard shows it (2% × 150 = 3 → 3 人). */
export function countLines(n: number, policy: Policy): { counts: EliminationCounts; lines: CountLine[] } {
  const e = policy.elimination;
  const mode = ROUNDING_TEXT[e.rounding];
  const preliminary = roundShare(e.preliminaryShare, n, e.rounding);
  const removalByShare = roundShare(e.removalShare, n, e.rounding);
  const removal = Math.min(removalByShare, preliminary);
  const admonitionByShare = roundShare(e.admonitionShare, n, e.rounding);
  const admonition = Math.min(admonitionByShare, preliminary - removal);
  const line = (tier: CountLine['tier'], zh: string, en: string, share: number, byShare: number, count: number, capZh = '', capEn = ''): CountLine => {
    const exact = exactProduct(share, n);
    return {
      tier,
      share,
      exact,
      byShare,
      count,
      text: msg(
        `${zh}：${pct(share)} × ${n} = ${exact} → ${byShare} 人（${mode['zh-CN']}）${capZh}`,
        `${en}: ${pct(share)} × ${n} = ${exact} → ${byShare} (${mode['en-US']})${capEn}`,
      ),
    };
  };
  const lines = [
    line('preliminary', '初步淘汰对象', 'Preliminary candidates', e.preliminaryShare, preliminary, preliminary),
    line(
      'removal',
      '免职',
      'Removal',
      e.removalShare,
      removalByShare,
      removal,
      removal < removalByShare ? `，不超过初步淘汰人数，按 ${removal} 人` : '',
      removal < removalByShare ? `, capped at the preliminary count: ${removal}` : '',
    ),
    line(
      'admonition',
      '诫勉一年',
      'One-year admonition',
      e.admonitionShare,
      admonitionByShare,
      admonition,
      admonition < admonitionByShare ? `，以初步淘汰 ${preliminary} − 免职 ${removal} = ${preliminary - removal} 为上限，按 ${admonition} 人` : '',
      admonition < admonitionByShare ? `, capped at preliminary ${preliminary} − removal ${removal} = ${preliminary - removal}: ${admonition}` : '',
    ),
  ];
  return { counts: { preliminary, removal, admonition }, lines };
}

function postOf(row: TypedRow): string | null {
  const unit = row.texts.unit?.trim();
  const post = row.texts.post?.trim();
  if (post) return unit && !post.includes(unit) ? `${unit}${post}` : post;
  return unit || null;
}

const levelOf = (row: TypedRow): string | null => row.texts.postLevel?.replace(/\s+/g, '') || null;

/** The filter before the user's decisions: levels and 实职 (postKindOf, or a title that says 实职). */
export function autoPopulation(sheet: TypedSheet, row: TypedRow, opts: Pick<EliminationOptions, 'levels' | 'realPostOnly'>): { auto: AutoState; why: Msg } {
  const level = levelOf(row);
  const levels = opts.levels.join('、');
  if (level === null)
    return { auto: 'unknown', why: msg(`职级未填写，无法判断是否属于${levels}`, `No post level; cannot tell whether it is ${opts.levels.join(', ')}`) };
  if (!opts.levels.includes(level))
    return { auto: 'out', why: msg(`职级“${level}”不在范围（${levels}）内`, `Level "${level}" is outside ${opts.levels.join(', ')}`) };
  if (!opts.realPostOnly) return { auto: 'in', why: msg(`${level}`, `${level}`) };
  const kind = postKindOf(row.texts.post);
  if (kind === 'non-leading')
    return { auto: 'out', why: msg(`“${row.texts.post}”是非领导职务职级，不是实职`, `"${row.texts.post}" is a non-leading rank, not a real post`) };
  if (kind === 'leading') return { auto: 'in', why: msg(`${level}实职（${row.texts.post}）`, `${level}, real post (${row.texts.post})`) };
  if (/实职|领导干部/.test(sheet.model.title))
    return { auto: 'in', why: msg(`${level}；表头标题写明为实职领导干部`, `${level}; the sheet title says real-post leaders`) };
  return {
    auto: 'unknown',
    why: msg(
      `职务“${row.texts.post ?? ''}”未写明是否实职领导职务，请确认是否纳入`,
      `Post "${row.texts.post ?? ''}" does not say whether it is a real leading post; decide whether to include it`,
    ),
  };
}

// ---- options as OptionValues (the frame stores them; the population panel edits them) ----

export function encodeOverrides(list: readonly PopulationOverride[]): string {
  return JSON.stringify(list.map((o) => ({ row: o.row, include: o.include, reason: o.reason })));
}

export function decodeOverrides(text: unknown): PopulationOverride[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) return [];
    return v
      .filter(
        (o): o is PopulationOverride =>
          !!o && typeof o === 'object' && Number.isInteger((o as PopulationOverride).row) && typeof (o as PopulationOverride).include === 'boolean',
      )
      .map((o) => ({ row: o.row, include: o.include, reason: typeof o.reason === 'string' ? o.reason : '' }));
  } catch {
    return [];
  }
}

export function eliminationOptions(options: OptionValues, policy: Policy): EliminationOptions {
  const lv = options.levels;
  const levels = Array.isArray(lv) && lv.length ? (lv as readonly string[]) : policy.elimination.levels;
  return {
    levels,
    realPostOnly: options.realPostOnly !== false,
    overrides: decodeOverrides(options.overrides),
    decisionDate: optDate(options, 'decisionDate'),
  };
}

/** The columns the ranking and the counts rest on, and what goes unchecked without each. */
export const ELIMINATION_NEEDS: readonly ColumnNeed[] = [
  { anyOf: ['postLevel'], what: msg('是否属于末位淘汰范围（总数 N）', 'who is in the population (N)') },
  { anyOf: ['incompetentVotes'], what: msg('不称职票排名和末位名额', 'the incompetent-vote ranking and the bottom tiers') },
  { anyOf: ['valid', 'competentVotes'], what: msg('不称职票比例和联合调查', 'the incompetent-vote shares and the joint investigations') },
];

/** The pure core of wizard 6. */
export async function runElimination(sheet: TypedSheet, policy: Policy, opts: EliminationOptions, control: RunControl = {}): Promise<EliminationWizardResult> {
  const summary: Reason[] = [];
  const overrides = new Map<number, PopulationOverride>();
  const rowsByNo = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const o of opts.overrides) {
    const row = rowsByNo.get(o.row);
    if (!row) continue;
    if (o.reason.trim() === '') {
      summary.push(
        reason(
          RULE,
          'elimination.excluded',
          'error',
          msg(
            `${sheet.model.sheet}!${o.row + 1}行 ${row.names.name ?? ''}：${o.include ? '纳入' : '排除'}须写明理由，此项调整未生效`,
            `${sheet.model.sheet} row ${o.row + 1} ${row.names.name ?? ''}: ${o.include ? 'including' : 'excluding'} needs a reason; not applied`,
          ),
        ),
      );
      continue;
    }
    overrides.set(o.row, o);
  }

  const population: PopulationEntry[] = [];
  const people = sheet.rows.filter((r) => r.names.name !== undefined);
  await eachChunk(people, control, (row) => {
    const { auto, why } = autoPopulation(sheet, row, opts);
    const o = overrides.get(row.row) ?? null;
    population.push({
      row: row.row,
      name: row.names.name ?? '',
      post: postOf(row),
      level: levelOf(row),
      auto,
      autoWhy: why,
      override: o,
      included: o ? o.include : auto === 'in',
    });
  });

  // eliminate() sees only the population (level marker IN, 实职): its own filter is replaced by
  // the one shown and edited here.
  const included = population.filter((p) => p.included);
  const records: EliminationRecord[] = included.map((p) => {
    const row = rowsByNo.get(p.row) as TypedRow;
    return {
      name: p.name,
      level: 'IN',
      realPost: true,
      incompetentVotes: row.counts.incompetentVotes ?? NaN,
      validVotes: validVotesOf(row) ?? NaN,
      sheet: sheet.model.sheet,
      row: p.row,
    };
  });
  const runPolicy: Policy = { ...policy, elimination: { ...policy.elimination, levels: ['IN'] } };
  const el = eliminate(records, runPolicy, opts.decisionDate ? { decisionDate: opts.decisionDate } : {});
  const { counts, lines } = countLines(el.population, policy);

  const n = el.population;
  const byUserIn = population.filter((p) => p.override?.include && p.auto !== 'in').length;
  const byUserOut = population.filter((p) => p.override && !p.override.include && p.auto === 'in').length;
  const unknown = population.filter((p) => p.auto === 'unknown' && !p.override).length;
  // Without the 职级 column nobody is placed by the sheet: N and the tiers are "not checked", not 0.
  const levelGap = !sheet.model.columns.has('postLevel') && byUserIn === 0;
  const scope = msg(
    `末位淘汰范围：${opts.levels.join('、')}${opts.realPostOnly ? '实职领导干部' : ''}`,
    `Population: ${opts.levels.join(', ')}${opts.realPostOnly ? ' leaders holding a real post' : ''}`,
  );
  summary.unshift(
    reason(
      RULE,
      'elimination.counts',
      levelGap ? 'warning' : 'info',
      levelGap
        ? msg(
            `${scope['zh-CN']}，总数 N 和末位名额未能核对（缺少职级列，见下）`,
            `${scope['en-US']}: N and the tiers could not be checked (no post level column, see below)`,
          )
        : msg(
            `${scope['zh-CN']}，总数 N = ${n} 人${byUserIn || byUserOut ? `（其中人工纳入 ${byUserIn} 人、人工排除 ${byUserOut} 人）` : ''}`,
            `${scope['en-US']}, N = ${n}${byUserIn || byUserOut ? ` (${byUserIn} included and ${byUserOut} excluded by hand)` : ''}`,
          ),
      levelGap ? { policyKey: 'elimination.levels' } : { value: n, policyKey: 'elimination.levels' },
    ),
    ...(levelGap ? [] : lines.map((l) => reason(RULE, 'elimination.counts', 'info', l.text, { value: l.count, policyKey: `elimination.${l.tier}Share` }))),
  );
  if (unknown) {
    summary.push(
      reason(
        RULE,
        'elimination.post-unknown',
        'warning',
        msg(
          `${unknown} 人无法判断是否属于末位淘汰范围，未计入总数；请在范围表中逐一确认`,
          `${unknown} ${plural(unknown, 'record', 'records')} not placed and not counted: confirm ${plural(unknown, 'it', 'each')} in the population table`,
        ),
        {
          value: unknown,
        },
      ),
    );
  }
  // N, the tiers and the joint investigations rest on these columns: a missing one is named, never a 0.
  const gaps = columnGaps(RULE, sheet, ELIMINATION_NEEDS);
  summary.push(...gaps, ...namelessRows(RULE, sheet, ['incompetentVotes', 'valid', 'postLevel']));
  const votesGap = ELIMINATION_NEEDS.slice(1).some((need) => !need.anyOf.some((f) => sheet.model.columns.has(f)));
  summary.push(...el.reasons.filter((r) => r.code !== 'elimination.counts' && r.code !== 'elimination.excluded'));

  const triggerRows = new Set<number>();
  const triggers: TriggerRow[] = [];
  for (const row of people) {
    const inc = row.counts.incompetentVotes;
    const valid = validVotesOf(row);
    if (inc === undefined || valid === undefined) continue;
    const t = incompetentTrigger(inc, valid, policy);
    if (t.outcome !== true) continue;
    triggerRows.add(row.row);
    triggers.push({
      row: row.row,
      name: row.names.name ?? '',
      post: postOf(row),
      incompetentVotes: inc,
      validVotes: valid,
      ratioText: percent(inc, valid),
      inPopulation: included.some((p) => p.row === row.row),
      reasons: t.reasons,
    });
  }
  if (triggers.length) {
    summary.push(
      reason(
        TRIGGER_RULE,
        'dismissal.triggered',
        'warning',
        msg(
          `${triggers.length} 人不称职票达到 ${+(policy.dismissal.incompetentTriggerRatio * 100).toFixed(2)}%，由组织、纪检部门联合调查`,
          `${triggers.length} ${plural(triggers.length, 'cadre reaches', 'cadres reach')} ${+(policy.dismissal.incompetentTriggerRatio * 100).toFixed(2)}% incompetent votes: joint investigation`,
        ),
        { value: triggers.length, threshold: policy.dismissal.incompetentTriggerRatio, policyKey: 'dismissal.incompetentTriggerRatio' },
      ),
    );
  }

  const ranked: RankedRow[] = el.rows.map((r) => {
    const p = included[r.index];
    const src = rowsByNo.get(p.row) as TypedRow;
    return {
      row: p.row,
      name: p.name,
      post: p.post,
      level: p.level,
      incompetentVotes: src.counts.incompetentVotes ?? null,
      validVotes: validVotesOf(src) ?? null,
      ratio: r.ratio,
      rank: r.rank,
      tier: r.tier,
      tie: r.tie,
      trigger: triggerRows.has(p.row),
      reviewDate: r.reviewDate ?? null,
      reasons: r.reasons,
    };
  });
  ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
  const decisions = ranked.filter((r) => r.tie);

  // The pane lists who needs attention (a tier, a tie, the 四.2 trigger, bad data); the sheet has the full ranking.
  const shown = ranked.filter((r) => r.tier || r.tie || r.trigger || r.reasons.some((x) => x.severity === 'error'));
  if (shown.length < ranked.length) {
    summary.push(
      reason(
        RULE,
        'elimination.tier',
        'info',
        msg(
          `其余 ${ranked.length - shown.length} 人未进入名额，完整排名见输出的“${ELIMINATION_SHEET}”工作表`,
          `The other ${ranked.length - shown.length} ${plural(ranked.length - shown.length, 'is', 'are')} in no tier; the full ranking is in the “${ELIMINATION_SHEET}” sheet`,
        ),
      ),
    );
  }
  // The pane's table is narrow (320–350 px): rank with tier and marks, name with post and level,
  // votes with share ("21/38 · 55.3%"). The output sheet keeps one column each.
  const rows: ResultRow[] = shown.map((r) => ({
    cells: [
      // On screen the tier and marks follow the UI language (Msg); the output sheet stays Chinese.
      stacked(r.rank, r.tier ? TIER_TEXT[r.tier] : null, r.tie ? TIE_TEXT : null, r.trigger ? TRIGGER_TEXT : null),
      stacked(r.name, [r.post, r.level].filter((x) => x).join(' · ')),
      r.incompetentVotes !== null && r.validVotes !== null
        ? `${r.incompetentVotes}/${r.validVotes}${r.validVotes ? ` · ${percent(r.incompetentVotes, r.validVotes)}` : ''}`
        : null,
    ],
    flag: r.reasons.some((x) => x.severity === 'error') ? 'error' : r.tie || r.trigger ? 'warning' : r.tier ? 'info' : null,
    reasons: r.trigger ? [...r.reasons, ...(triggers.find((t) => t.row === r.row)?.reasons ?? [])] : r.reasons,
    sourceRow: r.row + 1,
  }));

  return {
    columns: [W2.colRankTier, W2.colNamePost, W2.colIncompetentShare],
    rows,
    summary,
    sheet: sheet.model.sheet,
    options: opts,
    population,
    n,
    counts,
    rounding: policy.elimination.rounding,
    countLines: lines,
    ranked,
    decisions,
    triggers,
    unchecked: { population: levelGap, votes: votesGap },
  };
}

const HEAD: CellStyle = { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F2DCDB', border: true };
const BODY: CellStyle = { border: true, vertical: 'middle', wrap: true };
const SECTION: CellStyle = { bold: true, fontSize: 12 };
const WIDTH = 11;
const ratioCell = (r: number | null): CellWrite | null => (r === null ? null : { value: r, numberFormat: '0.00%' });

/**
 * The output sheet: population and counts, the ranked table, the 四.2 list, the excluded rows.
 *
 * Language rule: the sheet is an official Chinese ledger (末位淘汰测算, printed and filed), so
 * everything written here is Chinese whatever the UI language is — the 'zh-CN' half of each Msg
 * and Chinese literals. Only the pane's result table (runElimination's `rows`, Msg cells) follows
 * the language switch.
 */
export function eliminationSheet(result: EliminationWizardResult, name: string): SheetSpec {
  type Cell = CellWrite | string | number | null;
  const rows: Cell[][] = [];
  const styles: { box: RangeBox; style: CellStyle }[] = [];
  const merges: RangeBox[] = [];
  const links: { row: number; col: number; target: string }[] = [];
  const line = (text: string, style?: CellStyle): void => {
    rows.push([text]);
    merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: WIDTH - 1 });
    if (style) styles.push({ box: { top: rows.length - 1, left: 0, bottom: rows.length - 1, right: WIDTH - 1 }, style });
  };
  const table = (header: string[], body: Cell[][], source: (i: number) => number): void => {
    rows.push(header);
    styles.push({ box: { top: rows.length - 1, left: 0, bottom: rows.length - 1, right: header.length - 1 }, style: HEAD });
    const first = rows.length;
    body.forEach((b, i) => {
      rows.push(b);
      links.push({ row: rows.length - 1, col: header.length - 1, target: qualifiedRef(result.sheet, source(i), 1) });
    });
    if (body.length) styles.push({ box: { top: first, left: 0, bottom: rows.length - 1, right: header.length - 1 }, style: BODY });
  };
  const src = (row: number): string => `${result.sheet}!${a1(row, 1)}`;

  line(`年度末位淘汰测算（${result.sheet}）`, { bold: true, fontSize: 16, horizontal: 'center' });
  line('依据：《机关干部改革方案》四.4 实行末位淘汰制；四.2 不称职票达到二分之一的，由组织、纪检部门进行联合调查。');
  const o = result.options;
  // A missing column is said where the count would stand, never written as 0 (issue 11).
  for (const note of gapNotes(result.summary)) line(note);
  const { population: noN, votes: noVotes } = result.unchecked;
  line(`一、测算范围：${o.levels.join('、')}${o.realPostOnly ? '实职领导干部' : ''}，总数 N ${noN ? '未能核对（缺少职级列）' : `= ${result.n} 人`}`, SECTION);
  for (const p of result.population.filter((x) => x.override)) {
    line(`　　人工${p.override?.include ? '纳入' : '排除'}：${p.name}（${src(p.row)}），理由：${p.override?.reason ?? ''}`);
  }
  line('二、名额测算', SECTION);
  if (noN) line('　　总数 N 未能核对，名额未测算');
  else for (const l of result.countLines) line(`　　${l.text['zh-CN']}`);
  line(
    `三、按不称职票比例从高到低排名（并列同名次，RANK.EQ）${result.decisions.length ? `；${result.decisions.length} 人并列跨越名额界限，已全部列入，请常委会议研究决定` : ''}`,
    SECTION,
  );
  const tableTop = rows.length;
  table(
    ['名次', '姓名', '单位及职务', '职级', '不称职票', '有效票', '不称职票比例', '档次', '并列待定', '联合调查（四.2）', '来源'],
    result.ranked.map((r) => [
      r.rank,
      r.name,
      r.post,
      r.level,
      r.incompetentVotes,
      r.validVotes,
      ratioCell(r.ratio),
      r.tier
        ? TIER_TEXT[r.tier]['zh-CN'] + (r.reviewDate ? `（${formatIso(r.reviewDate)}复核）` : '')
        : r.reasons.some((x) => x.severity === 'error')
          ? '票数有误'
          : '',
      r.tie ? '是' : '',
      r.trigger ? '是' : '',
      src(r.row),
    ]),
    (i) => result.ranked[i].row,
  );
  result.ranked.forEach((r, i) => {
    const fill = r.tie ? '#FFE699' : r.tier === 'removal' ? '#F8CBAD' : r.tier ? '#FCE4D6' : null;
    if (fill) styles.push({ box: { top: tableTop + 1 + i, left: 0, bottom: tableTop + 1 + i, right: WIDTH - 1 }, style: { ...BODY, fill } });
  });
  rows.push([]);
  line(`四、不称职票达到二分之一（由组织、纪检部门联合调查）：${noVotes ? '未能核对（缺少票数列，见说明）' : `${result.triggers.length} 人`}`, SECTION);
  if (result.triggers.length) {
    table(
      ['序号', '姓名', '单位及职务', '不称职票', '有效票', '不称职票比例', '是否在末位淘汰范围', '来源'],
      result.triggers.map((t, i) => [i + 1, t.name, t.post, t.incompetentVotes, t.validVotes, t.ratioText, t.inPopulation ? '是' : '否', src(t.row)]),
      (i) => result.triggers[i].row,
    );
  }
  const out = result.population.filter((p) => !p.included);
  rows.push([]);
  line(`五、未纳入总数的人员：${out.length} 人`, SECTION);
  if (out.length) {
    table(
      ['序号', '姓名', '单位及职务', '职级', '原因', '来源'],
      out.map((p, i) => [i + 1, p.name, p.post, p.level, p.override ? `人工排除：${p.override.reason}` : p.autoWhy['zh-CN'], src(p.row)]),
      (i) => out[i].row,
    );
  }
  return {
    name,
    rows,
    styles,
    merges,
    columnWidths: [8, 10, 22, 10, 10, 10, 14, 16, 10, 16, 16],
    links,
    freezeRows: 0,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
  };
}

function levelChoices(sheet: TypedSheet | null, policy: Policy): { value: string; label: Msg }[] {
  const seen = new Set<string>(policy.elimination.levels);
  for (const r of sheet?.rows ?? []) {
    const l = levelOf(r);
    if (l) seen.add(l);
  }
  return [...seen].map((v) => ({ value: v, label: msg(v, v) }));
}

export const eliminationWizard: WizardDef<EliminationWizardResult> = {
  id: 'elimination',
  title: W2.elimTitle,
  description: W2.elimDescription,
  rule: RULE,
  sources: [
    {
      role: 'main',
      label: W2.elimSource,
      kinds: ['assessment'],
      requiredFields: ['name', 'postLevel', 'incompetentVotes'],
      optionalFields: ['post', 'unit', 'valid', 'excellentVotes', 'competentVotes', 'basicVotes', 'grade'],
    },
  ],
  outputKind: null,
  optionFields(inputs): readonly OptionField[] {
    return [
      {
        key: 'levels',
        kind: 'multiselect',
        label: W2.optLevels,
        help: W2.optLevelsHelp,
        default: inputs.policy.elimination.levels,
        choices: levelChoices(inputs.sources.main ?? null, inputs.policy),
      },
      { key: 'realPostOnly', kind: 'boolean', label: W2.optRealPost, default: true },
      { key: 'overrides', kind: 'text', label: W2.optOverrides, help: W2.optOverridesHelp, default: '[]' },
      { key: 'decisionDate', kind: 'date', label: W2.optDecisionDate, help: W2.optDecisionDateHelp, default: null },
    ];
  },
  async run(inputs: WizardInputs, control: RunControl): Promise<EliminationWizardResult> {
    const sheet = inputs.sources.main;
    if (!sheet) throw new Error(W2.noSource['en-US']);
    return runElimination(sheet, inputs.policy, eliminationOptions(inputs.options, inputs.policy), control);
  },
  outputSheetName: () => ELIMINATION_SHEET,
  toSheet: (result: EliminationWizardResult, name: string) => eliminationSheet(result, name),
};
