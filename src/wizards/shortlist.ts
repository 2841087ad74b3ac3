/**
 * Wizard 2 — 考察对象与一职双备 (seed 二.3). Source: the tally output of wizard 1 (or any
 * recommendation / inspection sheet), plus an optional inspection-results sheet. Everyone who
 * meets 二.2 is a 考察对象; per post the top candidatesPerPost (1:4) by vote ratio then inspection
 * result are proposed, and the top finalistsPerPost (一职双备) suggested. Ties across a cut-off are
 * all listed and flagged; posts with too few candidates are warned.
 * Per post an option records the standing committee's actual pair (default: the suggestion; any
 * of the proposed candidates may be picked, checked by recordCommitteeChoice). A pair that differs
 * from the suggestion is flagged on the rows it changes and noted in the summary.
 * Output 考察对象与拟任人选 reads back as an `inspection` sheet (考察结果 + 一职双备 columns); its
 * 一职双备 column marks the pair in force (the committee's, or the suggestion while it stands),
 * which wizard 3 puts on the notice.
 */
import { isMsg, msg, plural, type Locale, type Msg } from '../i18n/message';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import type { ColumnNeed } from '../ledger/unread';
import { reason, type Reason } from '../rules/decision';
import { recordCommitteeChoice, shortlist, type InspectionResult, type PostShortlist, type ShortlistCandidate } from '../rules/shortlist';
import { columnGaps, namelessRows, nameOf, pctText, ratioCell, reasonText, tableSheet, textOf } from './common';
import { eachChunk, throwIfCancelled } from './framework';
import { tallyRow } from './tally';
import { W } from '../i18n/strings-wizards';
import { stacked, worstFlag, type OptionField, type OptionValues, type ResultRow, type WizardDef, type WizardInputs, type WizardResult } from './types';

export const SHORTLIST_ID = 'shortlist';
export const SHORTLIST_SHEET = '考察对象与拟任人选';
/** Value of the 一职双备 column for a suggested finalist (wizard 3 reads any non-blank value). */
export const FINALIST_MARK = '建议人选';
export const FINALIST_TIE_MARK = '建议人选（并列，待研究）';
/** Value of the 一职双备 column for the committee's pair where it differs from the suggestion. */
export const COMMITTEE_MARK = '常委会确定';
/** The marks as the pane shows them (the sheet keeps the Chinese marks above: wizard 3 reads them). */
const MARK_CELL: Readonly<Record<string, Msg>> = { [FINALIST_MARK]: W.cellFinalist, [FINALIST_TIE_MARK]: W.cellFinalistTie, [COMMITTEE_MARK]: W.cellCommittee };
/** Option key prefix of a post's committee pair: `pair:` + post. */
export const PAIR_OPTION = 'pair:';
const NO_POST = '（未填职位）';
/** Ratios given only as a percentage are compared as votes / RATIO_BASE. */
const RATIO_BASE = 1_000_000;

export interface ShortlistItem {
  readonly post: string;
  readonly name: string;
  readonly votes: number;
  readonly base: number;
  readonly ratio: number;
  readonly inspection: string;
  readonly position: number;
  readonly proposed: boolean;
  readonly suggested: boolean;
  readonly tie: boolean;
  /** In the pair in force: the committee's pair, which is the suggestion unless changed. */
  readonly chosen: boolean;
  /** The 一职双备 column text (FINALIST_MARK, FINALIST_TIE_MARK, COMMITTEE_MARK or ''). */
  readonly mark: string;
  readonly reasons: readonly Reason[];
  readonly sourceRow: number;
}

/** The pair in force for one post. */
export interface PostChoice {
  readonly post: string;
  readonly suggested: readonly string[];
  readonly chosen: readonly string[];
  /** The committee's pair differs from the suggestion. */
  readonly differs: boolean;
}

export interface ShortlistResult extends WizardResult {
  readonly items: readonly ShortlistItem[];
  readonly posts: readonly PostShortlist[];
  readonly choices: readonly PostChoice[];
  /** Post-level notes (too few, not eligible, bad data) as text lines for the sheet. */
  readonly notes: readonly string[];
  readonly sourceSheet: string;
  readonly perPost: number;
  readonly finalists: number;
}

function inspectionOf(text: string): InspectionResult {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  if (/^\d+(\.\d+)?分?$/.test(t)) return { score: Number(t.replace('分', '')) };
  return { grade: t };
}

interface Prepared {
  readonly cand: ShortlistCandidate;
  readonly row: TypedRow;
  readonly inspectionText: string;
  readonly notes: Reason[];
}

function inspectionLookup(sheet: TypedSheet | null, main: TypedSheet): Map<string, string> {
  const m = new Map<string, string>();
  if (!sheet || sheet.model.sheet === main.model.sheet) return m;
  for (const row of sheet.rows) {
    const name = nameOf(row);
    const res = textOf(row, 'inspectionResult');
    if (!name || !res) continue;
    m.set(`${textOf(row, 'targetPost')}\u0000${name}`, res);
    if (!m.has(`\u0000${name}`)) m.set(`\u0000${name}`, res);
  }
  return m;
}

/**
 * One source row → a ranked candidate, or a line saying why it is not one. Shared by the run and
 * the committee-pair options, so both see the same candidates.
 */
function rowPreparer(inputs: Omit<WizardInputs, 'options'>, main: TypedSheet): (row: TypedRow) => Prepared | Msg | null {
  const insp = inspectionLookup(inputs.sources.inspection ?? null, main);
  const cols = main.model.columns;
  const hasCol = (f: 'material' | 'form'): boolean => cols.has(f);
  return (row) => {
    const name = nameOf(row);
    if (!name) return null;
    const post = textOf(row, 'targetPost') || NO_POST;
    const notes: Reason[] = [];
    let votes: number;
    let base: number;
    let eligible: boolean;
    if (row.counts.votes !== undefined) {
      const t = tallyRow(row, hasCol, inputs);
      if (t.base === null || t.votes === null || t.votes > t.base || t.base === 0) {
        const bad = t.reasons.filter((r) => r.severity === 'error');
        return msg(
          `${post}：${name}，得票数据有误，未排序（${reasonText(bad, 'zh-CN') || '缺少计算基数'}）`,
          `${post}: ${name}: vote data is wrong, not ranked (${reasonText(bad, 'en-US') || 'no base to compute on'})`,
        );
      }
      votes = t.votes;
      base = t.base;
      const passText = textOf(row, 'votePass');
      const errors = t.reasons.filter((r) => r.severity === 'error');
      eligible = t.pass === true ? errors.length === 0 : t.pass === null && /^(达标|是|符合)$/.test(passText) && errors.length === 0;
      if (!eligible) {
        const notInfo = t.reasons.filter((r) => r.severity !== 'info');
        const why = (locale: Locale): string => reasonText(notInfo, locale) || t.reasons.map((r) => r.message[locale]).join(locale === 'zh-CN' ? '；' : '; ');
        return msg(
          `${post}：${name}不符合民主推荐规定，不列为考察对象（${why('zh-CN')}）`,
          `${post}: ${name} does not meet the recommendation rules and is not an inspection candidate (${why('en-US')})`,
        );
      }
    } else if (row.ratios.voteRatio !== undefined) {
      votes = Math.round(row.ratios.voteRatio * RATIO_BASE);
      base = RATIO_BASE;
      eligible = true;
      notes.push(
        reason(
          '二.3',
          'shortlist.ratio-only',
          'info',
          msg(
            '只有得票率、没有票数：按得票率排序，未核对是否达到推荐比例',
            'Only a vote ratio, no counts: ranked by ratio; the 二.2 threshold was not checked',
          ),
        ),
      );
    } else {
      return msg(`${post}：${name}缺少得票数和得票率，未排序`, `${post}: ${name} has neither votes nor a vote ratio; not ranked`);
    }
    const inspectionText = textOf(row, 'inspectionResult') || insp.get(`${textOf(row, 'targetPost')}\u0000${name}`) || insp.get(`\u0000${name}`) || '';
    return { cand: { id: name, name, post, votes, base, eligible, inspection: inspectionOf(inspectionText) }, row, inspectionText, notes };
  };
}

/**
 * Candidate ids are their names (the committee's messages read naturally); two people of one name
 * for one post are told apart by their source row.
 */
function withIds(prepared: readonly Prepared[]): Prepared[] {
  const count = new Map<string, number>();
  for (const p of prepared) count.set(`${p.cand.post}\u0000${p.cand.name}`, (count.get(`${p.cand.post}\u0000${p.cand.name}`) ?? 0) + 1);
  return prepared.map((p) =>
    (count.get(`${p.cand.post}\u0000${p.cand.name}`) ?? 0) > 1 ? { ...p, cand: { ...p.cand, id: `${p.cand.name}（第${p.row.row + 1}行）` } } : p,
  );
}

/** The columns the ranking rests on, and what goes unchecked without each. */
function shortlistNeeds(main: TypedSheet, denominator: 'present' | 'eligible' | 'valid'): ColumnNeed[] {
  const needs: ColumnNeed[] = [{ anyOf: ['votes', 'voteRatio'], what: msg('得票排序和考察对象', 'the vote ranking and the inspection candidates') }];
  if (main.model.columns.has('votes'))
    needs.push(
      { anyOf: [denominator], what: msg('得票比例（计算基数）', 'the vote ratios (their base)') },
      { anyOf: ['candidateStatus', 'votePass'], what: msg('是否达到民主推荐比例', 'whether each meets the recommendation threshold') },
    );
  return needs;
}

/** The committee's pair for a post from the options; the suggestion when not set. */
function pairOf(options: OptionValues, post: PostShortlist): readonly string[] {
  const v = options[`${PAIR_OPTION}${post.post}`];
  return Array.isArray(v) ? (v as readonly string[]) : post.suggested;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

export const shortlistWizard: WizardDef<ShortlistResult> = {
  id: SHORTLIST_ID,
  title: W.shortlistTitle,
  description: W.shortlistDesc,
  rule: '二.3',
  sources: [
    {
      role: 'main',
      label: W.srcTally,
      kinds: ['recommendation', 'inspection'],
      chainFrom: ['tally'],
      requiredFields: ['name', 'targetPost'],
      optionalFields: ['votes', 'voteRatio', 'eligible', 'present', 'valid', 'candidateStatus', 'votePass', 'recommendKind', 'recommender', 'inspectionResult'],
    },
    {
      role: 'inspection',
      label: W.srcInspection,
      kinds: ['inspection'],
      optional: true,
      requiredFields: ['name', 'inspectionResult'],
      optionalFields: ['targetPost'],
    },
  ],
  outputKind: 'inspection',
  optionFields(inputs): OptionField[] {
    const main = inputs.sources.main;
    if (!main) return [];
    const prepare = rowPreparer(inputs, main);
    const prepared = withIds(main.rows.map(prepare).filter((p): p is Prepared => p !== null && !isMsg(p)));
    const byId = new Map(prepared.map((p) => [p.cand.id, p]));
    return shortlist(
      prepared.map((p) => p.cand),
      inputs.policy,
    )
      .outcome.filter((post) => post.proposed.length > 0)
      .map((post) => ({
        key: `${PAIR_OPTION}${post.post}`,
        kind: 'multiselect' as const,
        group: W.committeePairGroup,
        label: msg(post.post, post.post),
        help: W.committeePairHelp,
        default: post.suggested,
        choices: post.entries
          .filter((e) => e.proposed)
          .map((e) => ({
            value: e.id,
            label: msg(
              `${e.id}（第 ${e.position} 名${e.suggested ? '，建议人选' : ''}${e.tie ? '，并列' : ''}${byId.get(e.id)?.inspectionText ? `，考察${byId.get(e.id)?.inspectionText}` : ''}）`,
              `${e.id} (#${e.position}${e.suggested ? ', suggested' : ''}${e.tie ? ', tied' : ''}${byId.get(e.id)?.inspectionText ? `, inspection ${byId.get(e.id)?.inspectionText}` : ''})`,
            ),
          })),
      }));
  },
  async run(inputs, control) {
    const main = inputs.sources.main;
    if (!main) throw new Error('shortlist: no source sheet');
    const prepare = rowPreparer(inputs, main);
    const raw: Prepared[] = [];
    const dropped: Msg[] = [];
    await eachChunk(main.rows, control, (row) => {
      const p = prepare(row);
      if (p && isMsg(p)) dropped.push(p);
      else if (p) raw.push(p);
    });
    const prepared = withIds(raw);
    throwIfCancelled(control);
    const d = shortlist(
      prepared.map((p) => p.cand),
      inputs.policy,
    );
    const byId = new Map(prepared.map((p) => [p.cand.id, p]));
    // Before the inspection nobody has a result: say so once instead of flagging every row.
    const noInspectionYet = prepared.length > 0 && prepared.every((p) => p.cand.inspection === null);
    const keep = (r: Reason): boolean => !(noInspectionYet && r.code === 'shortlist.inspection-missing');
    const items: ShortlistItem[] = [];
    const notes: string[] = dropped.map((m) => m['zh-CN']);
    const choices: PostChoice[] = [];
    const choiceReasons: Reason[] = [];
    for (const post of d.outcome) {
      const pair = pairOf(inputs.options, post);
      const differs = !sameSet(pair, post.suggested);
      const recorded = differs ? recordCommitteeChoice(post, pair, inputs.policy) : null;
      const chosen = recorded ? recorded.outcome.chosen : post.suggested;
      choices.push({ post: post.post, suggested: post.suggested, chosen, differs });
      if (recorded) {
        choiceReasons.push(...recorded.reasons);
        for (const r of recorded.reasons) if (r.severity !== 'info') notes.push(r.message['zh-CN']);
      }
      for (const e of post.entries) {
        const p = byId.get(e.id) as Prepared;
        const own = post.reasons.filter((r) => r.message['zh-CN'].startsWith(`${post.post}：${e.name}`) && !e.reasons.includes(r));
        const inPair = chosen.includes(e.id);
        const changed = differs && inPair !== e.suggested;
        const committee: Reason[] = changed
          ? [
              reason(
                '二.3',
                'shortlist.choice-differs',
                'info',
                inPair
                  ? msg(`常委会确定为拟任人选（建议人选为 ${post.suggested.join('、')}）`, `Chosen by the committee (suggested: ${post.suggested.join(', ')})`)
                  : msg(`建议人选，常委会未确定（常委会确定 ${chosen.join('、')}）`, `Suggested, not chosen by the committee (chosen: ${chosen.join(', ')})`),
              ),
            ]
          : [];
        items.push({
          post: post.post,
          name: e.name,
          votes: p.cand.votes,
          base: p.cand.base,
          ratio: e.ratio,
          inspection: p.inspectionText,
          position: e.position,
          proposed: e.proposed,
          suggested: e.suggested,
          tie: e.tie,
          chosen: inPair,
          mark: !inPair ? '' : differs ? COMMITTEE_MARK : e.tie ? FINALIST_TIE_MARK : FINALIST_MARK,
          reasons: [...p.notes, ...e.reasons, ...own, ...committee].filter(keep),
          sourceRow: p.row.row + 1,
        });
      }
      for (const r of post.reasons)
        if (r.code === 'shortlist.too-few-candidates' || r.code === 'shortlist.too-few-finalists' || r.code === 'shortlist.inspection-mixed')
          notes.push(r.message['zh-CN']);
    }
    const summary: Reason[] = d.reasons.filter((r) =>
      ['shortlist.too-few-candidates', 'shortlist.too-few-finalists', 'shortlist.inspection-mixed'].includes(r.code),
    );
    const ties = items.filter((i) => i.tie);
    if (ties.length) {
      summary.push(
        reason(
          '二.3',
          'shortlist.tie-at-cutoff',
          'warning',
          msg(
            `名额界限处并列，全部列出待研究决定：${ties.map((i) => `${i.post}·${i.name}`).join('、')}`,
            `Ties at a cut-off, all listed for a decision: ${ties.map((i) => `${i.post} · ${i.name}`).join(', ')}`,
          ),
        ),
      );
    }
    summary.push(...choiceReasons.filter((r) => r.code !== 'shortlist.choice-matches'));
    if (noInspectionYet) {
      summary.push(
        reason(
          '二.3',
          'shortlist.no-inspection-yet',
          'info',
          msg(
            '尚无考察结果：按得票比例排序；考察后可加入考察结果表重新计算',
            'No inspection results yet: ranked by vote ratio; add the inspection results and compute again after the inspection',
          ),
        ),
      );
    }
    for (const line of dropped) summary.push(reason('二.3', 'shortlist.not-eligible', 'info', line));
    // Candidates dropped or undecided for want of a column are not "not eligible": say which column.
    const gaps = columnGaps('二.3', main, shortlistNeeds(main, inputs.policy.recommend.denominator));
    summary.push(...gaps, ...namelessRows('二.3', main, ['votes', 'voteRatio']));
    notes.unshift(...gaps.map((g) => g.message['zh-CN']));
    summary.unshift(
      reason(
        '二.3',
        'shortlist.summary',
        'info',
        msg(
          `${d.outcome.length} 个职位，考察对象 ${items.filter((i) => i.proposed).length} 人（职位与考察对象1:${inputs.policy.inspection.candidatesPerPost}），建议拟任人选 ${items.filter((i) => i.suggested).length} 人（一职${inputs.policy.inspection.finalistsPerPost}备）`,
          `${d.outcome.length} ${plural(d.outcome.length, 'post', 'posts')}, ${items.filter((i) => i.proposed).length} inspection ${plural(items.filter((i) => i.proposed).length, 'candidate', 'candidates')} (1:${inputs.policy.inspection.candidatesPerPost}), ${items.filter((i) => i.suggested).length} suggested ${plural(items.filter((i) => i.suggested).length, 'finalist', 'finalists')} (${inputs.policy.inspection.finalistsPerPost} per post)`,
        ),
        { policyKey: 'inspection.candidatesPerPost' },
      ),
    );
    const rows: ResultRow[] = items.map((i) => ({
      // The pane's table is narrow (320–350 px): name with post, ratio with inspection, rank with
      // the outcome. On screen the marks follow the UI language; the output sheet writes the Chinese marks.
      cells: [
        stacked(i.name, i.post),
        stacked(pctText(i.ratio), i.inspection || null),
        stacked(i.position, i.proposed ? W.cellCandidate : W.cellNotCandidate, MARK_CELL[i.mark] ?? i.mark),
      ],
      // a row the committee's pair changed is flagged even though the change is no error
      flag: worstFlag(i.reasons) ?? (i.reasons.some((r) => r.code === 'shortlist.choice-differs') ? 'info' : null),
      reasons: i.reasons,
      sourceRow: i.sourceRow,
    }));
    return {
      columns: [W.colNamePost, W.colRatioInspection, W.colRankOutcome],
      rows,
      summary,
      items,
      posts: d.outcome,
      choices,
      notes,
      sourceSheet: main.model.sheet,
      perPost: inputs.policy.inspection.candidatesPerPost,
      finalists: inputs.policy.inspection.finalistsPerPost,
    };
  },
  outputSheetName: () => SHORTLIST_SHEET,
  toSheet(result, name) {
    const header = ['序号', '考察职位', '考察对象姓名', '得票数', '计算基数', '得票率', '考察结果', '名次', '列为考察对象', '一职双备', '说明'];
    const rows = result.items.map((i, k) => [
      k + 1,
      i.post,
      i.name,
      i.base === RATIO_BASE ? null : i.votes,
      i.base === RATIO_BASE ? null : i.base,
      ratioCell(i.ratio),
      i.inspection || null,
      i.position,
      i.proposed ? '是' : '否',
      i.mark,
      { value: reasonText(i.reasons) },
    ]);
    return tableSheet({
      name,
      title: '考察对象与拟任人选（一职双备）建议名单',
      subtitle: `来源：${result.sourceSheet}；按得票比例、再按考察结果排序；职位与考察对象1:${result.perPost}，一职${result.finalists}备（二.3）。并列跨越名额界限的全部列出，由常委会议研究决定；“一职双备”列标出常委会确定的人选（未另行确定的为建议人选）。`,
      header,
      rows,
      flags: result.items.map((i) => worstFlag(i.reasons)),
      notes: result.notes.map((n) => `说明：${n}`),
      columnWidths: [6, 16, 12, 8, 8, 10, 10, 6, 10, 20, 60],
    });
  },
};
