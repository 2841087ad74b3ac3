/**
 * The standing-committee brief (常委会议研究材料) as data: every section assembled from the
 * workbook's typed ledgers with the sheet and row each figure came from. Pure: no Excel, no
 * files; the renderers (render-sheet.ts, render-docx.ts) turn it into a worksheet or a .docx.
 *
 * Privacy by construction: the model carries no ID numbers at all, birth and Party-join dates to
 * the month only, and of the notice's 家庭财产申报结果 only whether it was published — never its
 * contents. privacy.ts double-checks the rendered text anyway.
 */
import { msg, type Locale, type Msg } from '../i18n/message';
import { STATUTORY, STATUTORY_CALENDAR, type WorkCalendar } from '../calendar';
import { checkWorkbook } from '../ledger/check-workbook';
import { eliminationRecords, validVotesOf } from '../ledger/checks/assessment';
import { candidateStatusOf } from '../ledger/checks/recommendation';
import { NOTICE_CONTENT_FIELDS } from '../ledger/checks/required';
import type { FieldKey } from '../ledger/fields';
import type { Grid } from '../ledger/grid';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import { KIND_LABEL, type SheetKind } from '../ledger/sheet-kind';
import { unreadFor, type Purpose } from '../ledger/unread';
import type { TaughtMap } from '../ledger/taught-map';
import type { NonLeadingInBrief, Policy } from '../policy/policy';
import { policyNumberText } from '../policy/format';
import { policyDiff } from '../policy/validate';
import { incompetentTrigger } from '../rules/dismissal';
import { eliminate, postKindOf, type Tier } from '../rules/elimination';
import { checkNotice } from '../rules/notice';
import { checkProbationReports, probationEnd, probationStatus, type ProbationStatus } from '../rules/probation';
import { percent, ratioAtLeast } from '../rules/ratio';
import { chooseBase, thresholdFor, voteRatio, type CandidateStatus } from '../rules/recommendation';
import { recordCommitteeChoice, shortlist, type InspectionResult, type ShortlistCandidate } from '../rules/shortlist';
import { formatDate, type ChineseDate } from '../values/dates';
import { diffDays, formatChinese, formatIso, fromEpochDay, type LocalDate } from '../values/local-date';
import { normalizeText } from '../values/text';

/** Where a figure came from: the sheet and its 1-based row, as a person finds it in Excel. */
export interface Provenance {
  readonly sheet: string;
  readonly row: number;
}

/** 基本情况 of a proposed appointee, as printed: dates to the month, no ID number. */
export interface PersonInfo {
  readonly sex?: string;
  readonly ethnicity?: string;
  /** 出生年月 `1978.05` (month precision at most). */
  readonly birthMonth?: string;
  readonly education?: string;
  /** 工作单位及现任职务 */
  readonly currentPost?: string;
  /** 入党时间 `2001.07` */
  readonly partyJoinMonth?: string;
  /** 参加工作时间 `2000.08` */
  readonly workStartMonth?: string;
}

/** 民主推荐 result (二.2). */
export interface RecommendationFigures {
  readonly votes: number;
  readonly base: number;
  /** `62.5%`, exact enough that 29.96 % never reads as 30 %. */
  readonly ratioText: string;
  readonly status: CandidateStatus | null;
  /** The threshold of that status and whether it is met; null when the status is unknown. */
  readonly threshold: number | null;
  readonly passes: boolean | null;
}

/** 任前公示 (二.4): period, whether it met the policy, the recorded result. */
export interface NoticeFigures {
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Period long enough and every required item published. */
  readonly ok: boolean;
  /** The period has not ended by the as-of date. */
  readonly running: boolean;
  readonly requiredEnd: LocalDate | null;
  readonly missingItems: readonly string[];
  /** 公示结果 as the ledger records it (无异议 …); null when the ledger has no such column. */
  readonly result: string | null;
}

export interface Appointee {
  readonly name: string;
  readonly post: string;
  readonly info: PersonInfo;
  readonly recommendation: RecommendationFigures | null;
  /** 考察结论 as recorded. */
  readonly inspection: string | null;
  readonly notice: NoticeFigures | null;
  readonly sources: readonly Provenance[];
}

/** One post and its 一职双备 pair. */
export interface PostProposal {
  readonly post: string;
  /**
   * committee: the pair the 常委会 recorded (常委会确定 column); suggested: the top two by vote
   * ratio and inspection (二.3), awaiting the committee; notice: people under public notice whose
   * post has no inspection record in this workbook.
   */
  readonly basis: 'committee' | 'suggested' | 'notice';
  /** The 1:4 list proposed to the committee (names), when an inspection sheet has the post. */
  readonly proposed: readonly string[];
  /** Candidates per post in force (the 4 of 1:4). */
  readonly perPost: number;
  readonly finalists: readonly Appointee[];
  /** Ties, too few candidates, a committee pair that departs from the list — in Chinese. */
  readonly notes: readonly string[];
}

export type ProbationConclusion = 'confirm' | 'revoke' | 'assess';

export interface ProbationItem {
  readonly name: string;
  readonly post: string | null;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly status: ProbationStatus;
  readonly reportsReceived: number;
  readonly reportsDue: number;
  readonly reportsOverdue: number;
  /** confirm = 正式任职, revoke = 解除试任职务, assess = 尚待考核. */
  readonly conclusion: ProbationConclusion;
  readonly source: Provenance;
}

export interface EliminationItem {
  readonly name: string;
  readonly post: string | null;
  readonly incompetentVotes: number;
  readonly validVotes: number;
  readonly ratioText: string;
  readonly rank: number;
  readonly tier: Tier;
  readonly tie: boolean;
  readonly source: Provenance;
}

export interface EliminationSection {
  /** N, the 正副科级实职 population. */
  readonly population: number;
  readonly counts: { readonly preliminary: number; readonly removal: number; readonly admonition: number };
  readonly shares: { readonly preliminary: number; readonly removal: number; readonly admonition: number };
  readonly rounding: Policy['elimination']['rounding'];
  /** How the counts were found and any tie / incomplete-data notes, in Chinese (from 四.4's rule). */
  readonly notes: readonly string[];
  readonly items: readonly EliminationItem[];
}

export interface InvestigationItem {
  readonly name: string;
  readonly post: string | null;
  readonly incompetentVotes: number;
  readonly validVotes: number;
  readonly ratioText: string;
  readonly grade: string | null;
  /** A non-leading 职级 (一级主任科员 …, by 职务 or 职级: postKindOf): 四.2 is about leaders, so the brief lists it apart or leaves it out (dismissal.nonLeadingInBrief). */
  readonly nonLeading: boolean;
  readonly source: Provenance;
}

export interface PolicyItem {
  readonly key: string;
  /** What the value governs, in Chinese (the brief document is Chinese whatever the UI language). */
  readonly label: string;
  readonly value: string;
  readonly defaultValue: string;
  readonly changed: boolean;
  /** The seed clause or reason behind the default. */
  readonly basis: string;
  /** The same row in both languages, for the pane's preview (it follows the language switch). */
  readonly screen: { readonly label: Msg; readonly value: Msg; readonly defaultValue: Msg };
}

export interface SourceSheet {
  readonly sheet: string;
  readonly kind: SheetKind;
  readonly kindLabel: string;
  readonly rows: number;
  /** 1-based header rows. */
  readonly headerRows: string;
}

export interface BriefModel {
  readonly title: string;
  readonly date: LocalDate;
  /** `2025年3月10日` */
  readonly dateText: string;
  readonly appointees: readonly PostProposal[];
  readonly probation: readonly ProbationItem[];
  /** null when the workbook has no assessment tally at all. */
  readonly elimination: EliminationSection | null;
  readonly investigations: readonly InvestigationItem[];
  /** How section 四 prints the non-leading 职级 among the investigations (policy dismissal.nonLeadingInBrief). */
  readonly nonLeadingInBrief: NonLeadingInBrief;
  readonly policy: readonly PolicyItem[];
  readonly sources: readonly SourceSheet[];
  /**
   * What each section could not read (a missing ledger, column or cell), in Chinese: the section
   * says so instead of "none" (src/ledger/unread.ts). Absent in models built before it existed.
   */
  readonly gaps?: Readonly<Partial<Record<Purpose, readonly Msg[]>>>;
}

export interface BriefOptions {
  /** Main title; 常委会议研究材料 when omitted. */
  readonly title?: string;
  readonly calendar?: WorkCalendar;
  /** Columns the user taught (workbook setting / CLI --map), used when recognising the grids. */
  readonly taught?: TaughtMap;
}

export const DEFAULT_TITLE = '常委会议研究材料';

export const prov = (sheet: TypedSheet, row: TypedRow): Provenance => ({ sheet: sheet.model.sheet, row: row.row + 1 });

/** A date printed to the month at most (privacy: birth dates never to the day). */
export function monthText(d: ChineseDate | undefined): string | undefined {
  if (!d) return undefined;
  return formatDate(d.date, d.precision === 'year' ? 'year' : 'month');
}

export function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = normalizeText(s).replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

function isLedgers(x: readonly Grid[] | readonly TypedSheet[]): x is readonly TypedSheet[] {
  return x.length > 0 && 'model' in (x[0] as object);
}

/**
 * Assemble the brief from the workbook's grids (recognised here) or its typed ledgers (as
 * checkWorkbook returns them), the policy in force and the as-of date.
 */
export function buildBrief(input: readonly Grid[] | readonly TypedSheet[], policy: Policy, asOf: LocalDate, options: BriefOptions = {}): BriefModel {
  const ledgers: readonly TypedSheet[] =
    input.length === 0
      ? []
      : isLedgers(input)
        ? input
        : checkWorkbook(input as readonly Grid[], { policy, asOf, calendar: options.calendar, taught: options.taught }).ledgers;
  const cal = options.calendar ?? STATUTORY_CALENDAR;
  const of = (k: SheetKind) => ledgers.filter((l) => l.model.kind === k);
  const people = new PeopleIndex(ledgers);
  return {
    title: options.title?.trim() || DEFAULT_TITLE,
    date: asOf,
    dateText: formatChinese(asOf),
    appointees: appointeesOf(of('inspection'), of('recommendation'), of('notice'), people, policy, asOf, cal),
    probation: probationOf(of('probation'), policy, asOf),
    elimination: eliminationSectionOf(of('assessment'), policy),
    investigations: investigationsOf(of('assessment'), policy),
    nonLeadingInBrief: policy.dismissal.nonLeadingInBrief,
    policy: [...policyItems(policy), ...calendarItems(cal)],
    sources: ledgers.map((l) => ({
      sheet: l.model.sheet,
      kind: l.model.kind,
      kindLabel: KIND_LABEL[l.model.kind]['zh-CN'],
      rows: l.rows.length,
      headerRows: l.model.headerBottom > l.model.headerTop ? `${l.model.headerTop + 1}–${l.model.headerBottom + 1}` : `${l.model.headerTop + 1}`,
    })),
    gaps: briefGaps(ledgers),
  };
}

const GAP_PURPOSES: readonly Purpose[] = ['appointees', 'probation', 'elimination', 'investigations'];

/** Per section, what could not be read (the document prints the Chinese, the pane follows the language). */
export function briefGaps(ledgers: readonly TypedSheet[]): Partial<Record<Purpose, Msg[]>> {
  const out: Partial<Record<Purpose, Msg[]>> = {};
  for (const p of GAP_PURPOSES) {
    const lines = unreadFor(ledgers, p).map((u) => u.message);
    if (lines.length) out[p] = lines;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// People: basic information looked up by name across the ledgers.

export interface PersonRow {
  readonly sheet: TypedSheet;
  readonly row: TypedRow;
}

/** Rows by person name, roster first, so 基本情况 comes from the 花名册 when it has the person. */
export class PeopleIndex {
  private readonly byName = new Map<string, PersonRow[]>();
  constructor(ledgers: readonly TypedSheet[]) {
    const order = [...ledgers].sort((a, b) => (a.model.kind === 'roster' ? 0 : 1) - (b.model.kind === 'roster' ? 0 : 1));
    for (const sheet of order) {
      for (const row of sheet.rows) {
        const name = row.names.name;
        if (!name) continue;
        const list = this.byName.get(name) ?? [];
        list.push({ sheet, row });
        this.byName.set(name, list);
      }
    }
  }

  /**
   * Rows of this person: rows whose ID number disagrees with the given row's are namesakes and
   * left out; two roster rows of one name without IDs to tell them apart are both left out (a
   * wrong 基本情况 is worse than none).
   */
  rowsOf(name: string, own: PersonRow | null): PersonRow[] {
    const all = this.byName.get(name) ?? [];
    const ownId = own?.row.ids.idNumber?.id18;
    const same = all.filter((p) => {
      const id = p.row.ids.idNumber?.id18;
      return !(ownId && id && id !== ownId);
    });
    const rosters = same.filter((p) => p.sheet.model.kind === 'roster');
    if (!ownId && rosters.length > 1 && new Set(rosters.map((p) => p.row.ids.idNumber?.id18 ?? `#${p.row.row}`)).size > 1) {
      return same.filter((p) => p.sheet.model.kind !== 'roster');
    }
    return same;
  }
}

function infoOf(rows: readonly PersonRow[], used: Provenance[]): PersonInfo {
  const info: { -readonly [K in keyof PersonInfo]: PersonInfo[K] } = {};
  const take = (f: FieldKey): { value: string; from: PersonRow } | null => {
    for (const p of rows) {
      const r = p.row;
      const d = r.dates[f];
      const v = d ? monthText(d) : clean(r.texts[f]);
      if (v) return { value: v, from: p };
    }
    return null;
  };
  const note = (x: { from: PersonRow } | null) => {
    if (!x) return;
    const pv = prov(x.from.sheet, x.from.row);
    if (!used.some((u) => u.sheet === pv.sheet && u.row === pv.row)) used.push(pv);
  };
  const set = <K extends keyof PersonInfo>(k: K, x: { value: string; from: PersonRow } | null) => {
    if (!x) return;
    info[k] = x.value;
    note(x);
  };
  set('sex', take('sex'));
  set('ethnicity', take('ethnicity'));
  set('birthMonth', take('birth'));
  set('education', take('education') ?? take('fullTimeEducation'));
  const unit = take('unit');
  const post = take('currentTitle') ?? take('post');
  if (post) {
    set('currentPost', unit && !post.value.includes(unit.value) ? { value: `${unit.value}${post.value}`, from: post.from } : post);
    if (unit && !post.value.includes(unit.value)) note(unit);
  } else set('currentPost', unit);
  set('partyJoinMonth', take('partyJoin'));
  set('workStartMonth', take('workStart'));
  return info;
}

// ---------------------------------------------------------------------------------------------
// 一、拟任人选（一职双备）

const PICKED = /^(?:是|确定|已确定|常委会确定|√|✓|○|拟任|同意|一职双备|入选|y|yes)$/i;

function inspectionResultOf(row: TypedRow): InspectionResult {
  const t = (row.texts.inspectionResult ?? '').replace(/\s+/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? { score: n } : { grade: t };
}

/** 民主推荐 figures of a row that carries votes and the counts the policy bases the ratio on. */
function recommendationFigures(row: TypedRow, policy: Policy): RecommendationFigures | null {
  const votes = row.counts.votes;
  if (votes === undefined) return null;
  const base = chooseBase({ eligible: row.counts.eligible ?? null, present: row.counts.present ?? null, valid: row.counts.valid ?? null }, policy).outcome;
  if (base === null || voteRatio(votes, base).outcome === null) return null;
  const status = candidateStatusOf(row.texts.candidateStatus);
  const threshold = status ? thresholdFor(status, policy).threshold : null;
  // Exact comparison, as the rule does it: 29.96 % fails a 30 % threshold.
  const passes = threshold === null ? null : ratioAtLeast(votes, base, threshold);
  return { votes, base, ratioText: percent(votes, base), status, threshold, passes };
}

/** 公示结果 column: the `noticeResult` field (公示结果/公示情况/公示意见/反映情况 …, src/ledger/synonyms.ts). */
function noticeResultCol(sheet: TypedSheet): number | null {
  return sheet.model.columns.get('noticeResult') ?? null;
}

function noticeFigures(sheet: TypedSheet, row: TypedRow, policy: Policy, asOf: LocalDate, cal: WorkCalendar): NoticeFigures | null {
  const start = row.dates.noticeStart;
  const end = row.dates.noticeEnd;
  if (!start || !end || start.precision !== 'day' || end.precision !== 'day') return null;
  const cols = sheet.model.columns;
  const contents: Record<string, string | null> = {};
  for (const item of policy.notice.requiredFields) {
    let f: FieldKey | undefined = NOTICE_CONTENT_FIELDS[item];
    if (f === 'currentTitle' && !cols.has(f)) f = 'post';
    // Only presence matters here; the 家庭财产申报 text itself never leaves this function.
    contents[item] = f && cols.has(f) ? (row.texts[f] ?? null) : null;
  }
  const d = checkNotice({ start: start.date, end: end.date, contents }, policy, cal);
  const rc = noticeResultCol(sheet);
  let result: string | null = null;
  if (rc !== null) {
    const v = sheet.grid.values[row.row]?.[rc];
    // Shown as typed (Chinese punctuation kept), only whitespace tidied.
    if (typeof v === 'string' && v.trim()) result = v.replace(/\s+/g, ' ').trim();
  }
  if (result === null && row.texts.remark && /异议|反映|公示/.test(row.texts.remark)) result = clean(row.texts.remark) ?? null;
  return {
    start: start.date,
    end: end.date,
    ok: d.outcome.ok,
    running: diffDays(asOf, end.date) > 0,
    requiredEnd: d.outcome.requiredEnd,
    missingItems: d.outcome.missingFields,
    result,
  };
}

function appointeesOf(
  inspections: readonly TypedSheet[],
  recommendations: readonly TypedSheet[],
  notices: readonly TypedSheet[],
  people: PeopleIndex,
  policy: Policy,
  asOf: LocalDate,
  cal: WorkCalendar,
): PostProposal[] {
  const out: PostProposal[] = [];
  const covered = new Set<string>();
  const recRows = recommendations.flatMap((sheet) => sheet.rows.map((row) => ({ sheet, row })));
  const noticeRows = notices.flatMap((sheet) => sheet.rows.map((row) => ({ sheet, row })));

  /** The person's 民主推荐 row: for this post when the tally names posts. */
  const recRowOf = (name: string, post: string): PersonRow | undefined =>
    recRows.find((r) => r.row.names.name === name && clean(r.row.texts.targetPost) === post) ??
    recRows.find((r) => r.row.names.name === name && !r.row.texts.targetPost) ??
    recRows.find((r) => r.row.names.name === name);

  const appointee = (name: string, post: string, own: PersonRow | null): Appointee => {
    const sources: Provenance[] = own ? [prov(own.sheet, own.row)] : [];
    const add = (p: Provenance) => {
      if (!sources.some((s) => s.sheet === p.sheet && s.row === p.row)) sources.push(p);
    };
    // Recommendation: the tally row of this person (for this post when the tally names posts).
    let recommendation = own ? recommendationFigures(own.row, policy) : null;
    const recRow = recRowOf(name, post);
    if (recRow) {
      const figs = recommendationFigures(recRow.row, policy);
      if (figs && (!recommendation || recommendation.status === null)) {
        recommendation = figs;
        add(prov(recRow.sheet, recRow.row));
      }
    }
    const inspection = own ? (clean(own.row.texts.inspectionResult) ?? null) : null;
    const nRow =
      noticeRows.find(
        (r) => r.row.names.name === name && (!r.row.texts.proposedPost || r.row.texts.proposedPost.includes(post) || post.includes(r.row.texts.proposedPost)),
      ) ?? noticeRows.find((r) => r.row.names.name === name);
    let notice: NoticeFigures | null = null;
    if (nRow) {
      notice = noticeFigures(nRow.sheet, nRow.row, policy, asOf, cal);
      if (notice) add(prov(nRow.sheet, nRow.row));
      covered.add(`${nRow.sheet.model.sheet}\u0000${nRow.row.row}`);
    }
    const infoSources: Provenance[] = [];
    const info = infoOf([...(own ? [own] : []), ...people.rowsOf(name, own).filter((p) => p !== own)], infoSources);
    infoSources.forEach(add);
    return { name, post, info, recommendation, inspection, notice, sources };
  };

  for (const sheet of inspections) {
    const candidates: ShortlistCandidate[] = [];
    const rowOf = new Map<string, TypedRow>();
    const picked = new Map<string, string[]>();
    for (const row of sheet.rows) {
      const post = clean(row.texts.targetPost);
      const name = row.names.name;
      if (!post || !name) continue;
      const id = `r${row.row}`;
      rowOf.set(id, row);
      // Votes from the inspection row itself, else from the person's 民主推荐 tally row.
      const rec = recRowOf(name, post);
      const figs = recommendationFigures(row, policy) ?? (rec ? recommendationFigures(rec.row, policy) : null);
      const ratio = row.ratios.voteRatio;
      const [v, b] = figs ? [figs.votes, figs.base] : ratio !== undefined ? [Math.round(ratio * 1e6), 1e6] : [NaN, NaN];
      candidates.push({ id, name, post, votes: v, base: b, eligible: true, inspection: inspectionResultOf(row) });
      if (PICKED.test((row.texts.committeePick ?? '').replace(/\s+/g, ''))) picked.set(post, [...(picked.get(post) ?? []), id]);
    }
    if (!candidates.length) continue;
    for (const p of shortlist(candidates, policy).outcome) {
      const notes: string[] = p.reasons.filter((r) => r.severity !== 'info').map((r) => r.message['zh-CN']);
      const chosen = picked.get(p.post);
      let ids: readonly string[];
      let basis: PostProposal['basis'];
      if (chosen && chosen.length) {
        basis = 'committee';
        ids = chosen;
        const c = recordCommitteeChoice(p, chosen, policy);
        for (const r of c.reasons)
          if (r.severity !== 'info') notes.push(r.message['zh-CN'].replace(/r(\d+)/g, (_, n: string) => rowOf.get(`r${n}`)?.names.name ?? _));
      } else {
        basis = 'suggested';
        ids = p.suggested;
      }
      const nameOf = (id: string) => rowOf.get(id)?.names.name ?? id;
      out.push({
        post: p.post,
        basis,
        proposed: p.proposed.map(nameOf),
        perPost: policy.inspection.candidatesPerPost,
        finalists: ids.map((id) => appointee(nameOf(id), p.post, { sheet, row: rowOf.get(id)! })),
        notes,
      });
    }
  }

  // People under notice whose post no inspection sheet covers: the notice is their record.
  const byPost = new Map<string, Appointee[]>();
  for (const { sheet, row } of noticeRows) {
    if (covered.has(`${sheet.model.sheet}\u0000${row.row}`)) continue;
    const name = row.names.name;
    if (!name) continue;
    const post = clean(row.texts.proposedPost) ?? '拟任职务未填写';
    const list = byPost.get(post) ?? [];
    list.push(appointee(name, post, { sheet, row }));
    byPost.set(post, list);
  }
  for (const [post, finalists] of byPost) out.push({ post, basis: 'notice', proposed: [], perPost: policy.inspection.candidatesPerPost, finalists, notes: [] });
  return out;
}

// ---------------------------------------------------------------------------------------------
// 二、试用期满考核

const COMPETENT = /^(?:胜任|合格|称职|优秀|胜任现职|正式任职|已正式任职|通过)$/;
const NOT_COMPETENT = /^(?:不胜任|不合格|不称职|不胜任现职|解除试任职务|已解除试任职务|未通过)$/;
const REPORTS: readonly FieldKey[] = ['report1', 'report2', 'report3', 'report4'];

/**
 * Conclusions due: probation ending within dueSoonDays or already ended without an assessment,
 * and those assessed whose probation ended within the last dueSoonDays (the committee confirms
 * 正式任职 or 解除试任职务). Earlier, settled cases are history, not business for this meeting.
 */
function probationOf(sheets: readonly TypedSheet[], policy: Policy, asOf: LocalDate): ProbationItem[] {
  const out: ProbationItem[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const start = row.dates.probationStart;
      const name = row.names.name;
      if (!start || start.precision !== 'day' || !name) continue;
      const end = probationEnd(start.date, policy).outcome;
      if (!end) continue;
      const result = (row.texts.probationResult ?? '').replace(/\s+/g, '');
      const competent = COMPETENT.test(result) ? true : NOT_COMPETENT.test(result) ? false : null;
      const assessedOn = row.dates.probationEnd?.precision === 'day' ? row.dates.probationEnd.date : end;
      const s = probationStatus(start.date, asOf, competent === null ? null : { date: assessedOn, competent }, policy).outcome;
      if (!s) continue;
      const sinceEnd = diffDays(end, asOf);
      const due =
        s === '即将期满' || s === '期满待考核' || ((s === '已正式任职' || s === '已解除试任职务') && sinceEnd >= 0 && sinceEnd <= policy.probation.dueSoonDays);
      if (!due) continue;
      const received = REPORTS.map((f) => row.dates[f]?.date).filter((d): d is LocalDate => d !== undefined);
      const q = checkProbationReports(start.date, received, asOf, policy).outcome;
      const unit = clean(row.texts.unit);
      const post = clean(row.texts.post);
      out.push({
        name,
        post: post ? (unit && !post.includes(unit) ? `${unit}${post}` : post) : (unit ?? null),
        start: start.date,
        end,
        status: s,
        reportsReceived: q.filter((x) => x.state === 'received').length,
        reportsDue: q.filter((x) => x.state !== 'pending').length,
        reportsOverdue: q.filter((x) => x.state === 'overdue').length,
        conclusion: s === '已正式任职' ? 'confirm' : s === '已解除试任职务' ? 'revoke' : 'assess',
        source: prov(sheet, row),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 三、末位淘汰和诫勉 / 四、联合调查

function postOf(row: TypedRow): string | null {
  const unit = clean(row.texts.unit);
  const post = clean(row.texts.post);
  if (post) return unit && !post.includes(unit) ? `${unit}${post}` : post;
  return unit ?? null;
}

function eliminationSectionOf(sheets: readonly TypedSheet[], policy: Policy): EliminationSection | null {
  if (!sheets.length) return null;
  const rowsBy = new Map<string, { sheet: TypedSheet; row: TypedRow }>();
  for (const sheet of sheets) for (const row of sheet.rows) rowsBy.set(`${sheet.model.sheet}\u0000${row.row}`, { sheet, row });
  const result = eliminate(sheets.flatMap(eliminationRecords), policy);
  const items: EliminationItem[] = [];
  for (const r of result.rows) {
    if (r.tier === null || r.rank === null || r.sheet === undefined || r.row === undefined) continue;
    const src = rowsBy.get(`${r.sheet}\u0000${r.row}`);
    if (!src) continue;
    const inc = src.row.counts.incompetentVotes ?? 0;
    const valid = validVotesOf(src.row) ?? 0;
    items.push({
      name: r.name,
      post: postOf(src.row),
      incompetentVotes: inc,
      validVotes: valid,
      ratioText: percent(inc, valid),
      rank: r.rank,
      tier: r.tier,
      tie: r.tie,
      source: prov(src.sheet, src.row),
    });
  }
  items.sort((a, b) => a.rank - b.rank);
  const e = policy.elimination;
  return {
    population: result.population,
    counts: result.counts,
    shares: { preliminary: e.preliminaryShare, removal: e.removalShare, admonition: e.admonitionShare },
    rounding: e.rounding,
    notes: result.reasons.filter((r) => r.code !== 'elimination.tier').map((r) => r.message['zh-CN']),
    items,
  };
}

function investigationsOf(sheets: readonly TypedSheet[], policy: Policy): InvestigationItem[] {
  const out: InvestigationItem[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const inc = row.counts.incompetentVotes;
      const valid = validVotesOf(row);
      const name = row.names.name;
      if (inc === undefined || valid === undefined || !name) continue;
      if (incompetentTrigger(inc, valid, policy).outcome !== true) continue;
      out.push({
        name,
        post: postOf(row),
        incompetentVotes: inc,
        validVotes: valid,
        ratioText: percent(inc, valid),
        grade: clean(row.texts.grade) ?? null,
        nonLeading: (postKindOf(row.texts.post) ?? postKindOf(row.texts.postLevel)) === 'non-leading',
        source: prov(sheet, row),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 五、政策设置

/**
 * What each policy key governs, as the committee reads it. Chinese: the brief (sheet and .docx) is
 * an official Chinese document whatever the UI language; only the pane's preview uses PolicyItem.screen.
 */
export const POLICY_LABELS: Readonly<Record<string, string>> = {
  'recommend.incumbentMinRatio': '原班子成员推荐得票比例下限',
  'recommend.newcomerMinRatio': '新推荐人选得票比例下限',
  'recommend.denominator': '得票比例计算基数',
  'recommend.quorum': '民主推荐到会人数要求',
  'inspection.candidatesPerPost': '每个职位考察对象人数',
  'inspection.finalistsPerPost': '每个职位确定人选人数',
  'notice.days': '任前公示期限（天）',
  'notice.dayKind': '公示期计算方式',
  'notice.countStartDay': '公示首日计入期限',
  'notice.requiredFields': '公示内容',
  'committeeVote.passShareOfMembers': '全委会表决通过比例（应到人数）',
  'committeeVote.quorum': '全委会到会人数要求',
  'probation.months': '试用期（月）',
  'probation.reportEveryMonths': '试用期汇报间隔（月）',
  'probation.dueSoonDays': '试用期满提前提醒（天）',
  'assessment.allowBasicCompetent': '考核等次含“基本称职”',
  'dismissal.incompetentTriggerRatio': '联合调查的不称职票比例',
  'dismissal.standbyMonths': '待岗期限（月）',
  'dismissal.nonLeadingInBrief': '联合调查一节中非领导职务人员的处理',
  'elimination.levels': '末位淘汰范围（职务层次）',
  'elimination.preliminaryShare': '初步淘汰对象比例',
  'elimination.removalShare': '免职比例',
  'elimination.admonitionShare': '诫勉比例',
  'elimination.rounding': '人数取整方式',
  'elimination.admonitionMonths': '诫勉期限（月）',
  'accountability.windowMonths': '任现职后追究期限（月）',
  'orgLife.maxAbsenceShare': '“经常不参加组织生活”的缺席比例',
};

/** POLICY_LABELS in English, for the pane's preview only (the brief itself stays Chinese). */
export const POLICY_LABELS_EN: Readonly<Record<string, string>> = {
  'recommend.incumbentMinRatio': 'Minimum vote ratio, incumbents',
  'recommend.newcomerMinRatio': 'Minimum vote ratio, newcomers',
  'recommend.denominator': 'Vote ratio base',
  'recommend.quorum': 'Recommendation quorum',
  'inspection.candidatesPerPost': 'Inspection candidates per post',
  'inspection.finalistsPerPost': 'Finalists per post',
  'notice.days': 'Notice period (days)',
  'notice.dayKind': 'Notice period counted in',
  'notice.countStartDay': 'First notice day counts',
  'notice.requiredFields': 'Notice contents',
  'committeeVote.passShareOfMembers': 'Committee pass share (of all members)',
  'committeeVote.quorum': 'Committee quorum',
  'probation.months': 'Probation (months)',
  'probation.reportEveryMonths': 'Probation report interval (months)',
  'probation.dueSoonDays': 'Probation end reminder (days)',
  'assessment.allowBasicCompetent': 'Assessment grades include “basically competent”',
  'dismissal.incompetentTriggerRatio': 'Incompetent-vote share for a joint investigation',
  'dismissal.standbyMonths': 'Standby period (months)',
  'dismissal.nonLeadingInBrief': 'Non-leading grades in the joint-investigation section',
  'elimination.levels': 'Bottom elimination population (post levels)',
  'elimination.preliminaryShare': 'Preliminary candidate share',
  'elimination.removalShare': 'Removal share',
  'elimination.admonitionShare': 'Admonition share',
  'elimination.rounding': 'Rounding of counts',
  'elimination.admonitionMonths': 'Admonition period (months)',
  'accountability.windowMonths': 'Accountability window after taking the post (months)',
  'orgLife.maxAbsenceShare': 'Absence share that counts as “often missing Party meetings”',
  'calendar.extraHolidays': 'Extra days off',
  'calendar.extraWorkdays': 'Extra working days',
  'calendar.years': 'Holiday schedules entered by hand',
};

const ENUM_EN: Readonly<Record<string, string>> = {
  present: 'voters present',
  eligible: 'eligible voters',
  valid: 'valid votes',
  working: 'working days',
  calendar: 'calendar days',
  round: 'round half up',
  floor: 'round down',
  ceil: 'round up',
  apart: 'listed apart for reference',
  omit: 'left out',
};

const ENUM_ZH: Readonly<Record<string, string>> = {
  present: '实到人数',
  eligible: '应到人数',
  valid: '有效票',
  working: '工作日',
  calendar: '自然日',
  round: '四舍五入',
  floor: '舍去',
  ceil: '进一',
  apart: '单列供参考',
  omit: '不列入',
};

/**
 * A policy value as the brief prints it: shares per src/policy/format.ts, enums in Chinese. The
 * pane's preview asks for 'en-US' too; list items (post levels, notice contents) are ledger terms
 * and stay as written.
 */
export function policyValueText(key: string, value: unknown, locale: Locale = 'zh-CN'): string {
  const en = locale === 'en-US';
  if (value === null || value === undefined) return en ? 'none' : '无';
  if (typeof value === 'boolean') return en ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (Array.isArray(value)) return value.map(String).join(en ? ', ' : '、');
  if (typeof value === 'number') return policyNumberText(key, value);
  if (typeof value === 'string') return (en ? ENUM_EN : ENUM_ZH)[value] ?? value;
  return JSON.stringify(value);
}

const both = (key: string, value: unknown): Msg => msg(policyValueText(key, value), policyValueText(key, value, 'en-US'));

function policyItems(policy: Policy): PolicyItem[] {
  return policyDiff(policy).map((d) => ({
    key: d.key,
    label: POLICY_LABELS[d.key] ?? d.key,
    value: policyValueText(d.key, d.value),
    defaultValue: policyValueText(d.key, d.default),
    changed: d.changed,
    basis: d.source['zh-CN'],
    screen: {
      label: msg(POLICY_LABELS[d.key] ?? d.key, POLICY_LABELS_EN[d.key] ?? d.key),
      value: both(d.key, d.value),
      defaultValue: both(d.key, d.default),
    },
  }));
}

const dayList = (days: ReadonlySet<number>, locale: Locale = 'zh-CN'): string =>
  [...days]
    .sort((a, b) => a - b)
    .map((e) => formatIso(fromEpochDay(e)))
    .join(locale === 'en-US' ? ', ' : '、') || (locale === 'en-US' ? 'none' : '无');
const NONE = msg('无', 'none');
/** A calendar row's screen texts (its label in both languages, the value and the default 无). */
const calScreen = (key: string, value: Msg): PolicyItem['screen'] => ({
  label: msg(CAL_LABELS[key] ?? key, POLICY_LABELS_EN[key] ?? key),
  value,
  defaultValue: NONE,
});
const CAL_LABELS: Readonly<Record<string, string>> = {
  'calendar.extraHolidays': '另行放假的日期',
  'calendar.extraWorkdays': '另行上班的日期',
  'calendar.years': '另行录入的年度节假日安排',
};

/**
 * The work calendar in force, as rows of the same table: the days off and working days the county
 * set apart from the State Council's holiday schedule, and years entered by hand. They move
 * notice end dates, so the committee sees them next to the policy values.
 */
function calendarItems(cal: WorkCalendar): PolicyItem[] {
  const added = [...cal.years].filter((y) => !STATUTORY.years.has(y)).sort((a, b) => a - b);
  const basis = '国务院办公厅部分节假日安排之外的本地调整；用于计算公示期等工作日期限';
  return [
    {
      key: 'calendar.extraHolidays',
      label: CAL_LABELS['calendar.extraHolidays'],
      value: dayList(cal.extraHolidays),
      screen: calScreen('calendar.extraHolidays', msg(dayList(cal.extraHolidays), dayList(cal.extraHolidays, 'en-US'))),
      defaultValue: '无',
      changed: cal.extraHolidays.size > 0,
      basis,
    },
    {
      key: 'calendar.extraWorkdays',
      label: CAL_LABELS['calendar.extraWorkdays'],
      value: dayList(cal.extraWorkdays),
      screen: calScreen('calendar.extraWorkdays', msg(dayList(cal.extraWorkdays), dayList(cal.extraWorkdays, 'en-US'))),
      defaultValue: '无',
      changed: cal.extraWorkdays.size > 0,
      basis,
    },
    {
      key: 'calendar.years',
      label: CAL_LABELS['calendar.years'],
      value: added.map((y) => `${y}年`).join('、') || '无',
      screen: calScreen('calendar.years', msg(added.map((y) => `${y}年`).join('、') || '无', added.map(String).join(', ') || 'none')),
      defaultValue: '无',
      changed: added.length > 0,
      basis: '尚未公布或需要更正的年度，按当年节假日安排通知录入',
    },
  ];
}
