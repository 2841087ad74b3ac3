/**
 * Wizard 2 — 考察对象与一职双备 (seed 二.3). Source: the tally output of wizard 1 (or any
 * recommendation / inspection sheet), plus an optional inspection-results sheet. Everyone who
 * meets 二.2 is a 考察对象; per post the top candidatesPerPost (1:4) by vote ratio then inspection
 * result are proposed, and the top finalistsPerPost (一职双备) suggested. Ties across a cut-off are
 * all listed and flagged; posts with too few candidates are warned.
 * Output 考察对象与拟任人选 reads back as an `inspection` sheet (考察结果 + 一职双备 columns); its
 * 一职双备 column marks the finalists that wizard 3 puts on the notice.
 */
import { msg } from '../i18n/message';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import { reason, type Reason } from '../rules/decision';
import { shortlist, type InspectionResult, type PostShortlist, type ShortlistCandidate } from '../rules/shortlist';
import { nameOf, pctText, ratioCell, reasonText, tableSheet, textOf } from './common';
import { eachChunk, throwIfCancelled } from './framework';
import { tallyRow } from './tally';
import { W } from '../i18n/strings-wizards';
import { worstFlag, type ResultRow, type WizardDef, type WizardResult } from './types';

export const SHORTLIST_ID = 'shortlist';
export const SHORTLIST_SHEET = '考察对象与拟任人选';
/** Value of the 一职双备 column for a suggested finalist (wizard 3 reads any non-blank value). */
export const FINALIST_MARK = '建议人选';
export const FINALIST_TIE_MARK = '建议人选（并列，待研究）';
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
  readonly reasons: readonly Reason[];
  readonly sourceRow: number;
}

export interface ShortlistResult extends WizardResult {
  readonly items: readonly ShortlistItem[];
  readonly posts: readonly PostShortlist[];
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
  optionFields: () => [],
  async run(inputs, control) {
    const main = inputs.sources.main;
    if (!main) throw new Error('shortlist: no source sheet');
    const insp = inspectionLookup(inputs.sources.inspection ?? null, main);
    const cols = main.model.columns;
    const hasCol = (f: 'material' | 'form'): boolean => cols.has(f);
    const prepared: Prepared[] = [];
    const dropped: string[] = [];
    await eachChunk(main.rows, control, (row) => {
      const name = nameOf(row);
      if (!name) return;
      const post = textOf(row, 'targetPost') || NO_POST;
      const notes: Reason[] = [];
      let votes: number;
      let base: number;
      let eligible: boolean;
      if (row.counts.votes !== undefined) {
        const t = tallyRow(row, hasCol, inputs);
        if (t.base === null || t.votes === null || t.votes > t.base || t.base === 0) {
          dropped.push(`${post}：${name}，得票数据有误，未排序（${reasonText(t.reasons.filter((r) => r.severity === 'error')) || '缺少计算基数'}）`);
          return;
        }
        votes = t.votes;
        base = t.base;
        const passText = textOf(row, 'votePass');
        const errors = t.reasons.filter((r) => r.severity === 'error');
        eligible = t.pass === true ? errors.length === 0 : t.pass === null && /^(达标|是|符合)$/.test(passText) && errors.length === 0;
        if (!eligible) {
          dropped.push(
            `${post}：${name}不符合民主推荐规定，不列为考察对象（${reasonText(t.reasons.filter((r) => r.severity !== 'info')) || t.reasons.map((r) => r.message['zh-CN']).join('；')}）`,
          );
          return;
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
        dropped.push(`${post}：${name}缺少得票数和得票率，未排序`);
        return;
      }
      const inspectionText = textOf(row, 'inspectionResult') || insp.get(`${textOf(row, 'targetPost')}\u0000${name}`) || insp.get(`\u0000${name}`) || '';
      prepared.push({ cand: { id: `${row.row}`, name, post, votes, base, eligible, inspection: inspectionOf(inspectionText) }, row, inspectionText, notes });
    });
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
    const notes: string[] = [...dropped];
    for (const post of d.outcome) {
      for (const e of post.entries) {
        const p = byId.get(e.id) as Prepared;
        const own = post.reasons.filter((r) => r.message['zh-CN'].startsWith(`${post.post}：${e.name}`) && !e.reasons.includes(r));
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
          reasons: [...p.notes, ...e.reasons, ...own].filter(keep),
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
    for (const line of dropped) summary.push(reason('二.3', 'shortlist.not-eligible', 'info', msg(line, line)));
    summary.unshift(
      reason(
        '二.3',
        'shortlist.summary',
        'info',
        msg(
          `${d.outcome.length} 个职位，考察对象 ${items.filter((i) => i.proposed).length} 人（职位与考察对象1:${inputs.policy.inspection.candidatesPerPost}），建议拟任人选 ${items.filter((i) => i.suggested).length} 人（一职${inputs.policy.inspection.finalistsPerPost}备）`,
          `${d.outcome.length} posts, ${items.filter((i) => i.proposed).length} inspection candidates (1:${inputs.policy.inspection.candidatesPerPost}), ${items.filter((i) => i.suggested).length} suggested finalists (${inputs.policy.inspection.finalistsPerPost} per post)`,
        ),
        { policyKey: 'inspection.candidatesPerPost' },
      ),
    );
    const rows: ResultRow[] = items.map((i) => ({
      cells: [
        i.post,
        i.name,
        pctText(i.ratio),
        i.inspection || null,
        i.position,
        i.proposed ? '是' : '否',
        i.suggested ? (i.tie ? FINALIST_TIE_MARK : FINALIST_MARK) : '',
      ],
      flag: worstFlag(i.reasons),
      reasons: i.reasons,
      sourceRow: i.sourceRow,
    }));
    return {
      columns: [W.colPost, W.colName, W.colRatio, W.colInspection, W.colPosition, W.colProposed, W.colFinalist],
      rows,
      summary,
      items,
      posts: d.outcome,
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
      i.suggested ? (i.tie ? FINALIST_TIE_MARK : FINALIST_MARK) : '',
      { value: reasonText(i.reasons) },
    ]);
    return tableSheet({
      name,
      title: '考察对象与拟任人选（一职双备）建议名单',
      subtitle: `来源：${result.sourceSheet}；按得票比例、再按考察结果排序；职位与考察对象1:${result.perPost}，一职${result.finalists}备（二.3）。并列跨越名额界限的全部列出，由常委会议研究决定。`,
      header,
      rows,
      flags: result.items.map((i) => worstFlag(i.reasons)),
      notes: result.notes.map((n) => `说明：${n}`),
      columnWidths: [6, 16, 12, 8, 8, 10, 10, 6, 10, 20, 60],
    });
  },
};
