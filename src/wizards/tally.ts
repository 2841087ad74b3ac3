/**
 * Wizard 1 — 民主推荐计票 (seed 二.2). Source: a recommendation tally (one row per candidate:
 * 得票数, 应到/实到/有效票, 人员类别, 推荐方式, 推荐人 …). For each candidate: the ratio on the policy's
 * denominator, pass/fail against the incumbent (50 %) or newcomer (30 %) threshold with the
 * reason, the optional quorum warning, unsigned leader recommendations and missing material.
 * Output 推荐计票结果: one row per candidate; its header reads back as a `recommendation` sheet,
 * so wizard 2 takes it as its source.
 */
import { msg, plural } from '../i18n/message';
import { candidateStatusOf } from '../ledger/checks/recommendation';
import type { TypedRow } from '../ledger/rows';
import type { ColumnNeed } from '../ledger/unread';
import { reason, type Reason } from '../rules/decision';
import { checkRecommendation, chooseBase, kindFromLabel, recommendationPass, thresholdFor, type CandidateStatus } from '../rules/recommendation';
import { columnGaps, gapNotes, holdsData, isYes, leftOutRows, nameOf, pctText, ratioCell, reasonText, tableSheet, textOf } from './common';
import { eachChunk } from './framework';
import { W } from '../i18n/strings-wizards';
import { phraseMsg } from '../i18n/strings';
import { stacked, worstFlag, type OptionValues, type ResultRow, type WizardDef, type WizardInputs, type WizardResult } from './types';

export const TALLY_ID = 'tally';
export const TALLY_SHEET = '推荐计票结果';

export interface TallyItem {
  readonly name: string;
  readonly post: string;
  readonly status: CandidateStatus | null;
  readonly statusText: string;
  readonly kindText: string;
  readonly recommender: string;
  readonly eligible: number | null;
  readonly present: number | null;
  readonly valid: number | null;
  readonly votes: number | null;
  readonly base: number | null;
  readonly ratio: number | null;
  readonly threshold: number | null;
  /** true = meets the threshold, false = below, null = cannot be decided (see reasons). */
  readonly pass: boolean | null;
  readonly reasons: readonly Reason[];
  /** 1-based row in the source sheet. */
  readonly sourceRow: number;
}

export interface TallyResult extends WizardResult {
  readonly items: readonly TallyItem[];
  readonly sourceSheet: string;
  readonly denominator: string;
  readonly incumbentMin: number;
  readonly newcomerMin: number;
}

const DENOM = { present: msg('实到人数', 'voters present'), eligible: msg('应到人数', 'eligible voters'), valid: msg('有效票', 'valid ballots') } as const;

/** The output sheet (推荐计票结果) is a Chinese ledger: it writes these whatever the UI language. */
const STATUS_TEXT = { incumbent: '原班子成员', newcomer: '新推荐人选' } as const;
const STATUS_CELL = { incumbent: W.cellIncumbent, newcomer: W.cellNewcomer } as const;

/** One candidate row judged by 二.2 (exported for the shortlist wizard, which re-reads the tally). */
export function tallyRow(row: TypedRow, hasCol: (f: 'material' | 'form') => boolean, inputs: Pick<WizardInputs, 'policy'>): TallyItem {
  const { policy } = inputs;
  const reasons: Reason[] = [];
  const name = nameOf(row);
  const statusText = textOf(row, 'candidateStatus');
  const status = candidateStatusOf(statusText);
  const tally = { eligible: row.counts.eligible ?? null, present: row.counts.present ?? null, valid: row.counts.valid ?? null };
  const votes = row.counts.votes ?? null;
  let pass: boolean | null = null;
  let base: number | null = null;
  let ratio: number | null = null;
  const baseD = chooseBase(tally, policy);
  base = baseD.outcome;
  if (votes === null) {
    reasons.push(reason('二.2', 'tally.votes-missing', 'error', msg('缺少得票数（或无法读取）', 'Votes missing (or unreadable)')));
  } else if (status === null) {
    reasons.push(
      reason(
        '二.2',
        'recommend.status-unknown',
        'warning',
        msg(
          `人员类别“${statusText || '空白'}”无法判断是原班子成员（${pctText(policy.recommend.incumbentMinRatio)}）还是新推荐人选（${pctText(policy.recommend.newcomerMinRatio)}），未判定是否达标`,
          `Status "${statusText || 'blank'}" says neither incumbent (${pctText(policy.recommend.incumbentMinRatio)}) nor newcomer (${pctText(policy.recommend.newcomerMinRatio)}); not decided`,
        ),
      ),
    );
    reasons.push(...baseD.reasons);
    if (base !== null && base > 0 && votes <= base) ratio = votes / base;
  } else {
    const d = recommendationPass({ votes, tally, status }, policy);
    pass = d.outcome;
    reasons.push(...d.reasons);
    if (pass !== null && base !== null) ratio = votes / base;
  }
  const kindText = textOf(row, 'recommendKind');
  const recommender = textOf(row, 'recommender');
  if (kindText) {
    const kind = kindFromLabel(kindText);
    if (!kind) {
      reasons.push(
        reason(
          '二.2',
          'recommend.kind-unknown',
          'warning',
          msg(`推荐方式“${kindText}”不是规定的五种之一`, `Recommendation kind "${kindText}" is not one of the five`),
        ),
      );
    } else {
      const d = checkRecommendation({
        kind,
        recommender,
        hasMaterial: hasCol('material') ? isYes(textOf(row, 'material')) : true,
        hasForm: hasCol('form') ? isYes(textOf(row, 'form')) : true,
      });
      reasons.push(...d.reasons);
      if ((kind === 'leader' || kind === 'self' || kind === 'notable') && (!hasCol('material') || !hasCol('form'))) {
        reasons.push(
          reason(
            '二.2',
            'tally.material-unchecked',
            'info',
            msg(
              `${kindText}须有推荐材料和推荐表；本表没有相应的列，未核对`,
              `${kindText} needs material and a form; the sheet has no such column, not checked`,
            ),
          ),
        );
      }
    }
  }
  const threshold = status ? thresholdFor(status, policy).threshold : null;
  return {
    name,
    post: textOf(row, 'targetPost'),
    status,
    statusText,
    kindText,
    recommender,
    ...tally,
    votes,
    base,
    ratio,
    threshold,
    pass,
    reasons,
    sourceRow: row.row + 1,
  };
}

/** The columns the tally's outcome rests on, and what goes unchecked without each. */
export function tallyNeeds(denominator: 'present' | 'eligible' | 'valid'): ColumnNeed[] {
  return [
    { anyOf: ['votes'], what: msg('得票比例和是否达标', 'the vote ratios and who meets the threshold') },
    { anyOf: [denominator], what: msg('得票比例（计算基数）', 'the vote ratios (their base)') },
    { anyOf: ['candidateStatus'], what: msg('适用原班子成员还是新推荐人选的比例', 'whether the incumbent or the newcomer threshold applies') },
    { anyOf: ['recommendKind'], what: msg('领导推荐是否署名、推荐材料是否齐全', 'signatures and material of the recommendations') },
  ];
}

function passText(p: boolean | null): string {
  return p === true ? '达标' : p === false ? '未达标' : '无法判定';
}

export const tallyWizard: WizardDef<TallyResult> = {
  id: TALLY_ID,
  title: W.tallyTitle,
  description: W.tallyDesc,
  rule: '二.2',
  sources: [
    {
      role: 'main',
      label: W.srcRecommendation,
      kinds: ['recommendation'],
      requiredFields: ['name', 'votes'],
      optionalFields: ['targetPost', 'candidateStatus', 'eligible', 'present', 'valid', 'recommendKind', 'recommender', 'material', 'form'],
    },
  ],
  outputKind: 'recommendation',
  optionFields: () => [],
  async run(inputs, control) {
    const sheet = inputs.sources.main;
    if (!sheet) throw new Error('tally: no source sheet');
    const cols = sheet.model.columns;
    const hasCol = (f: 'material' | 'form'): boolean => cols.has(f);
    const items: TallyItem[] = [];
    /** Rows with neither a name nor votes but something else (推荐职位, 推荐人 …): named in the summary. */
    const leftOut: number[] = [];
    await eachChunk(sheet.rows, control, (row) => {
      // A row without a name is not a candidate unless its votes cell holds something (unreadable
      // votes keep it, undecided).
      if (!nameOf(row) && row.counts.votes === undefined && !row.unreadable.has('votes')) {
        if (holdsData(sheet, row)) leftOut.push(row.row + 1);
        return;
      }
      items.push(tallyRow(row, hasCol, inputs));
    });
    const summary: Reason[] = [];
    const denom = inputs.policy.recommend.denominator;
    const passed = items.filter((i) => i.pass === true).length;
    const failed = items.filter((i) => i.pass === false).length;
    const open = items.length - passed - failed;
    summary.push(
      reason(
        '二.2',
        'tally.summary',
        'info',
        msg(
          `共 ${items.length} 名被推荐人：达标 ${passed} 人，未达标 ${failed} 人，无法判定 ${open} 人。得票比例按${DENOM[denom]['zh-CN']}计算；原班子成员不少于${pctText(inputs.policy.recommend.incumbentMinRatio)}，新推荐人选不少于${pctText(inputs.policy.recommend.newcomerMinRatio)}。`,
          `${items.length} ${plural(items.length, 'candidate', 'candidates')}: ${passed} meet the threshold, ${failed} below, ${open} undecided. Ratios on ${DENOM[denom]['en-US']}; incumbents ≥ ${pctText(inputs.policy.recommend.incumbentMinRatio)}, newcomers ≥ ${pctText(inputs.policy.recommend.newcomerMinRatio)}.`,
        ),
        { policyKey: 'recommend.denominator' },
      ),
    );
    const unsigned = items.filter((i) => i.reasons.some((r) => r.code === 'recommend.unsigned'));
    if (unsigned.length) {
      summary.push(
        reason(
          '二.2',
          'recommend.unsigned',
          'error',
          msg(`领导推荐未署名：${unsigned.map((i) => i.name).join('、')}`, `Unsigned leader recommendations: ${unsigned.map((i) => i.name).join(', ')}`),
        ),
      );
    }
    const quorum = items.find((i) => i.reasons.some((r) => r.code === 'vote.quorum-not-met'));
    if (quorum) summary.push(quorum.reasons.find((r) => r.code === 'vote.quorum-not-met') as Reason);
    // A missing column makes counts look like a result (0 达标, no unsigned recommendation): say so.
    summary.push(...columnGaps('二.2', sheet, tallyNeeds(denom)), ...leftOutRows('二.2', sheet, leftOut));
    // The pane's table is narrow (320–350 px): name with post, votes with ratio and threshold,
    // result with status. Words of the product follow the UI language on screen (Msg cells); the
    // output sheet stays Chinese, one column each.
    const rows: ResultRow[] = items.map((i) => ({
      cells: [
        stacked(i.name, i.post),
        stacked(
          [i.votes === null ? '' : `${i.votes}/${i.base ?? '—'}`, i.ratio === null ? '' : pctText(i.ratio)].filter((x) => x).join(' · ') || null,
          i.threshold === null ? null : phraseMsg(W.cellNeeds, { ratio: pctText(i.threshold) }),
        ),
        stacked(i.pass === true ? W.cellPass : i.pass === false ? W.cellFail : W.cellUndecided, i.status ? STATUS_CELL[i.status] : i.statusText),
      ],
      flag: worstFlag(i.reasons),
      reasons: i.reasons,
      sourceRow: i.sourceRow,
    }));
    return {
      columns: [W.colNamePost, W.colVotesRatio, W.colResultStatus],
      rows,
      summary,
      items,
      sourceSheet: sheet.model.sheet,
      denominator: denom,
      incumbentMin: inputs.policy.recommend.incumbentMinRatio,
      newcomerMin: inputs.policy.recommend.newcomerMinRatio,
    };
  },
  outputSheetName: () => TALLY_SHEET,
  toSheet(result: TallyResult, name: string, _options: OptionValues) {
    const header = [
      '序号',
      '姓名',
      '推荐职位',
      '人员类别',
      '推荐方式',
      '推荐人',
      '应到人数',
      '实到人数',
      '有效票',
      '得票数',
      '得票率',
      '规定比例',
      '是否达标',
      '说明',
    ];
    const rows = result.items.map((i, k) => [
      k + 1,
      i.name,
      i.post,
      i.status ? STATUS_TEXT[i.status] : i.statusText,
      i.kindText || null,
      i.recommender || null,
      i.eligible,
      i.present,
      i.valid,
      i.votes,
      ratioCell(i.ratio),
      ratioCell(i.threshold),
      passText(i.pass),
      { value: reasonText(i.reasons) },
    ]);
    return tableSheet({
      name,
      title: '民主推荐计票结果',
      subtitle: `来源：${result.sourceSheet}；得票比例按${DENOM[result.denominator as keyof typeof DENOM]['zh-CN']}计算（二.2）；原班子成员不少于${pctText(result.incumbentMin)}，新推荐人选不少于${pctText(result.newcomerMin)}`,
      header,
      rows,
      flags: result.items.map((i) => worstFlag(i.reasons)),
      notes: gapNotes(result.summary),
      columnWidths: [6, 10, 16, 12, 12, 10, 8, 8, 8, 8, 10, 10, 10, 60],
    });
  },
};
