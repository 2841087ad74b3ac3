/**
 * Wizard 3 — 任前公示 (seed 二.4). Sources: the shortlist output of wizard 2 (the rows marked in its
 * 一职双备 column; every row when the sheet has no such column) and the roster for the basic
 * information. Builds the notice table with the required contents (policy.notice.requiredFields),
 * the start date chosen in the wizard and the end date from the policy and the working-day
 * calendar (the days skipped are explained, e.g. the National Day holiday). Public text never shows
 * a full ID number (first 6 + ******** + last 4, also inside free text) nor a birth date finer than
 * the month. Missing contents are flagged per person. A 家庭财产申报结果 that lists the assets (amounts,
 * areas, homes, vehicles, accounts — findAssetDetails) instead of the result is not copied: the row
 * is flagged (error) and the sheet shows ASSETS_PLACEHOLDER, with the reason in 说明.
 * Output 任前公示表 reads back as a `notice` sheet (公示开始/截止日期 + the contents columns).
 */
import { isWorkingDay, type WorkCalendar } from '../calendar';
import { msg, plural } from '../i18n/message';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import type { ColumnNeed } from '../ledger/unread';
import { reason, type Reason } from '../rules/decision';
import { assetDetailKinds, checkNotice, findAssetDetails, noticeEnd } from '../rules/notice';
import { formatDate } from '../values/dates';
import { maskIdNumber } from '../values/id-number';
import { addDays, compareDates, formatIso, type LocalDate } from '../values/local-date';
import { columnGaps, dateCell, gapNotes, namelessRows, maskIdsInText, nameOf, reasonText, tableSheet, textOf } from './common';
import { eachChunk, optDate } from './framework';
import { W } from '../i18n/strings-wizards';
import { stacked, worstFlag, type ResultRow, type WizardDef, type WizardResult } from './types';

export const NOTICE_ID = 'notice';
export const NOTICE_SHEET = '任前公示表';
/** Header of the masked ID column: deliberately not an ID synonym, so nothing re-parses it. */
export const MASKED_ID_HEADER = '公民身份号码（已隐去中间8位）';
/** The notice item that carries the declaration result (seed 二.4), never the assets themselves. */
export const ASSETS_ITEM = '家庭财产申报结果';
/** What the public sheet shows instead of a 家庭财产申报结果 cell that lists assets. */
export const ASSETS_PLACEHOLDER = '待核实（原文含财产明细，不宜公开）';

export interface NoticeItem {
  readonly name: string;
  readonly sex: string;
  /** Birth to the month (yyyy.mm), or ''. */
  readonly birth: string;
  readonly maskedId: string;
  /** Contents by required-item name (policy.notice.requiredFields). */
  readonly contents: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
  readonly reasons: readonly Reason[];
  readonly sourceRow: number;
}

export interface NoticeResult extends WizardResult {
  readonly items: readonly NoticeItem[];
  readonly start: LocalDate;
  readonly end: LocalDate | null;
  readonly requiredFields: readonly string[];
  readonly periodText: string;
  readonly sourceSheet: string;
}

/** Which ledger field fills each of the seed's notice items. */
const ITEM_FIELD = {
  基本情况: 'basicInfo',
  主要政绩: 'achievements',
  经济审计: 'audit',
  家庭财产申报结果: 'assets',
  '现任职务(职称)': 'currentTitle',
  拟任职务或使用意向: 'proposedPost',
} as const;

const SEX = { male: '男', female: '女' } as const;

function monthText(row: TypedRow | undefined, field: 'birth' | 'workStart' | 'partyJoin'): string {
  const d = row?.dates[field];
  return d ? formatDate(d.date, d.precision === 'year' ? 'year' : 'month') : '';
}

/** 男，汉族，1980.02生，籍贯…，大学，2002.07参加工作，2005.06入党 — from the roster's columns. */
function composeBasicInfo(r: TypedRow, birth: string, sex: string): string {
  const parts: string[] = [];
  if (sex) parts.push(sex);
  const eth = textOf(r, 'ethnicity');
  if (eth) parts.push(eth);
  if (birth) parts.push(`${birth}生`);
  const np = textOf(r, 'nativePlace');
  if (np) parts.push(`${np}人`);
  const edu = textOf(r, 'education') || textOf(r, 'fullTimeEducation');
  if (edu) parts.push(edu);
  const ws = monthText(r, 'workStart');
  if (ws) parts.push(`${ws}参加工作`);
  const pj = monthText(r, 'partyJoin');
  if (pj) parts.push(`${pj}入党`);
  return parts.length >= 2 ? parts.join('，') : '';
}

function rawCell(sheet: TypedSheet, row: TypedRow, field: 'idNumber'): unknown {
  const c = sheet.model.columns.get(field);
  return c === undefined ? null : (sheet.grid.values[row.row]?.[c] ?? null);
}

/** The days off skipped inside the period, as ranges: "2026-10-01至2026-10-07" (in English "2026-10-01 to 2026-10-07"). */
function skippedDays(start: LocalDate, end: LocalDate, cal: WorkCalendar, to = '至'): string[] {
  const out: string[] = [];
  let from: LocalDate | null = null;
  let prev: LocalDate | null = null;
  for (let d = start; compareDates(d, end) <= 0; d = addDays(d, 1)) {
    const w = isWorkingDay(cal, d);
    const off = w.ok && !w.value;
    if (off && !from) from = d;
    if (!off && from && prev) {
      out.push(compareDates(from, prev) === 0 ? formatIso(from) : `${formatIso(from)}${to}${formatIso(prev)}`);
      from = null;
    }
    prev = d;
  }
  return out;
}

/**
 * The columns the notice rests on: who is a finalist, the post, and each required content item
 * that neither the source nor the roster holds and that cannot be composed (基本情况 and 现任职务
 * come from the roster; 拟任职务 from the post).
 */
function noticeNeeds(main: TypedSheet, roster: TypedSheet | null, items: readonly string[]): ColumnNeed[] {
  const needs: ColumnNeed[] = [
    { anyOf: ['committeePick'], what: msg('哪些人是拟任人选（已列出表中全部人员）', 'who the finalists are (everyone in the sheet is listed)') },
    { anyOf: ['proposedPost', 'targetPost'], what: msg('公示内容“拟任职务或使用意向”', 'the notice item “proposed post”') },
  ];
  const derived: Readonly<Record<string, boolean>> = {
    基本情况: roster !== null,
    '现任职务(职称)': roster !== null && (roster.model.columns.has('post') || roster.model.columns.has('unit')),
    拟任职务或使用意向: true,
  };
  for (const item of items) {
    const f = ITEM_FIELD[item as keyof typeof ITEM_FIELD];
    if (!f || derived[item] || roster?.model.columns.has(f)) continue;
    needs.push({ anyOf: [f], what: msg(`公示内容“${item}”`, `the notice item “${item}”`) });
  }
  return needs;
}

function isFinalist(row: TypedRow, hasPick: boolean): boolean {
  if (!hasPick) return true;
  const t = textOf(row, 'committeePick').replace(/\s+/g, '');
  return t !== '' && !/^(否|不|无|×|x|no)$/i.test(t);
}

export const noticeWizard: WizardDef<NoticeResult> = {
  id: NOTICE_ID,
  title: W.noticeTitle,
  description: W.noticeDesc,
  rule: '二.4',
  sources: [
    {
      role: 'main',
      label: W.srcShortlist,
      kinds: ['inspection', 'notice', 'recommendation'],
      chainFrom: ['shortlist'],
      requiredFields: ['name'],
      optionalFields: ['targetPost', 'proposedPost', 'committeePick', 'currentTitle', 'basicInfo', 'achievements', 'audit', 'assets'],
    },
    {
      role: 'roster',
      label: W.srcRoster,
      kinds: ['roster'],
      optional: true,
      requiredFields: ['name'],
      optionalFields: [
        'sex',
        'ethnicity',
        'birth',
        'idNumber',
        'nativePlace',
        'education',
        'workStart',
        'partyJoin',
        'unit',
        'post',
        'basicInfo',
        'achievements',
        'audit',
        'assets',
        'currentTitle',
      ],
    },
  ],
  outputKind: 'notice',
  optionFields: (inputs) => [
    { key: 'start', kind: 'date', label: W.optNoticeStart, help: W.optNoticeStartHelp, required: true, default: formatIso(inputs.asOf) },
  ],
  async run(inputs, control) {
    const main = inputs.sources.main;
    if (!main) throw new Error('notice: no source sheet');
    const roster = inputs.sources.roster ?? null;
    const start = optDate(inputs.options, 'start');
    if (!start) throw new RangeError('notice: start date missing');
    const { policy, calendar } = inputs;
    const endD = noticeEnd(start, policy, calendar);
    const end = endD.outcome;
    const summary: Reason[] = [...endD.reasons];
    if (end && policy.notice.dayKind === 'working') {
      const skipped = skippedDays(start, end, calendar);
      if (skipped.length) {
        summary.push(
          reason(
            '二.4',
            'notice.days-off-skipped',
            'info',
            msg(
              `期间的休息日（周末、法定节假日）不计入：${skipped.join('、')}`,
              `Days off inside the period (weekends, public holidays) are not counted: ${skippedDays(start, end, calendar, ' to ').join(', ')}`,
            ),
            { policyKey: 'notice.dayKind' },
          ),
        );
      }
    }
    const byName = new Map<string, TypedRow[]>();
    for (const r of roster?.rows ?? []) {
      const n = nameOf(r);
      if (n) byName.set(n, [...(byName.get(n) ?? []), r]);
    }
    const hasPick = main.model.columns.has('committeePick');
    const items: NoticeItem[] = [];
    const seen = new Set<string>();
    await eachChunk(main.rows, control, (row) => {
      const name = nameOf(row);
      if (!name || !isFinalist(row, hasPick)) return;
      const post = textOf(row, 'proposedPost') || textOf(row, 'targetPost');
      const key = `${name}\u0000${post}`;
      if (seen.has(key)) return;
      seen.add(key);
      const reasons: Reason[] = [];
      const matches = byName.get(name) ?? [];
      const r = matches[0];
      if (roster && matches.length === 0)
        reasons.push(
          reason(
            '二.4',
            'notice.not-in-roster',
            'warning',
            msg(
              `花名册“${roster.model.sheet}”中没有${name}，基本情况无法填写`,
              `${name} is not in the roster "${roster.model.sheet}"; basic information cannot be filled`,
            ),
          ),
        );
      if (matches.length > 1)
        reasons.push(
          reason(
            '二.4',
            'notice.roster-duplicate',
            'warning',
            msg(
              `花名册中有${matches.length}个${name}，已取第一个（第${matches[0].row + 1}行），请核对`,
              `${matches.length} ${plural(matches.length, 'person', 'people')} named ${name} in the roster; the first (row ${matches[0].row + 1}) was used; please check`,
            ),
          ),
        );
      const id = r?.ids.idNumber;
      const sex = r ? textOf(r, 'sex') || (id ? SEX[id.sex] : '') : '';
      const birth = r ? monthText(r, 'birth') || (id ? formatDate(id.birth, 'month') : '') : '';
      const maskedId = r && roster ? maskIdNumber(id ? id.id18 : rawCell(roster, r, 'idNumber')) : '';
      const pick = (field: (typeof ITEM_FIELD)[keyof typeof ITEM_FIELD]): string => textOf(row, field) || (r ? textOf(r, field) : '');
      const contents: Record<string, string> = {};
      for (const item of policy.notice.requiredFields) {
        let v = '';
        switch (item) {
          case '基本情况':
            v = pick('basicInfo') || (r ? composeBasicInfo(r, birth, sex) : '');
            break;
          case '现任职务(职称)':
            v = pick('currentTitle') || (r ? textOf(r, 'post') || textOf(r, 'unit') : '');
            break;
          case '拟任职务或使用意向':
            v = post;
            break;
          default: {
            const f = ITEM_FIELD[item as keyof typeof ITEM_FIELD];
            v = f ? pick(f) : '';
          }
        }
        if (item === ASSETS_ITEM) {
          const details = findAssetDetails(v);
          if (details.length) {
            const k = assetDetailKinds(details);
            reasons.push(
              reason(
                '二.4',
                'notice.asset-details',
                'error',
                msg(
                  `家庭财产申报结果写的是财产明细（${k.zh}），公示表中改为“${ASSETS_PLACEHOLDER}”；请填写申报结果（如“已如实申报”）后再公示`,
                  `The asset declaration result gives asset details (${k.en}); the notice shows “${ASSETS_PLACEHOLDER}” instead. Enter the result (e.g. 已如实申报) before publishing`,
                ),
              ),
            );
            v = ASSETS_PLACEHOLDER;
          }
        }
        contents[item] = maskIdsInText(v);
      }
      let missing: string[] = [];
      if (end) {
        const c = checkNotice({ start, end, contents }, policy, calendar);
        missing = [...c.outcome.missingFields];
        reasons.push(...c.reasons.filter((x) => x.code !== 'notice.ok'));
      } else {
        missing = policy.notice.requiredFields.filter((f) => !contents[f]);
      }
      if (missing.length === 0 && !reasons.some((x) => x.code === 'notice.asset-details'))
        reasons.push(reason('二.4', 'notice.contents-complete', 'info', msg('公示内容齐全', 'Every required item is present')));
      items.push({ name, sex, birth, maskedId, contents, missing, reasons, sourceRow: row.row + 1 });
    });
    const incomplete = items.filter((i) => i.missing.length);
    if (incomplete.length) {
      summary.push(
        reason(
          '二.4',
          'notice.field-missing',
          'error',
          msg(
            `${incomplete.length} 人的公示内容不全，请补充后再公示：${incomplete.map((i) => `${i.name}（缺${i.missing.join('、')}）`).join('；')}`,
            `${incomplete.length} ${plural(incomplete.length, 'person lacks', 'people lack')} required items: ${incomplete.map((i) => `${i.name} (${i.missing.join(', ')})`).join('; ')}`,
          ),
          { policyKey: 'notice.requiredFields' },
        ),
      );
    }
    const disclosing = items.filter((i) => i.reasons.some((x) => x.code === 'notice.asset-details'));
    if (disclosing.length) {
      summary.push(
        reason(
          '二.4',
          'notice.asset-details',
          'error',
          msg(
            `${disclosing.length} 人的家庭财产申报结果写的是财产明细，公示表中已改为“待核实”，请填写申报结果：${disclosing.map((i) => i.name).join('、')}`,
            `${disclosing.length} ${plural(disclosing.length, 'person has', 'people have')} asset details in the declaration result, shown as “待核实” in the notice; enter the result for: ${disclosing.map((i) => i.name).join(', ')}`,
          ),
        ),
      );
    }
    // A content item whose column neither sheet has is a column problem, not a person's gap: say so.
    summary.push(
      ...columnGaps('二.4', main, noticeNeeds(main, roster, policy.notice.requiredFields)),
      ...namelessRows('二.4', main, ['proposedPost', 'targetPost', 'committeePick']),
    );
    if (!roster)
      summary.push(
        reason(
          '二.4',
          'notice.no-roster',
          'warning',
          msg('没有花名册：基本情况、身份证号、出生年月无法填写', 'No roster: basic information, ID and birth month cannot be filled'),
        ),
      );
    const kindZh = policy.notice.dayKind === 'calendar' ? '天' : '个工作日';
    const periodText = end ? `${formatIso(start)}至${formatIso(end)}（${policy.notice.days}${kindZh}）` : `${formatIso(start)}起`;
    // The pane's table is narrow (320–350 px): name with birth month, masked ID with the post, missing items.
    const rows: ResultRow[] = items.map((i) => ({
      cells: [
        stacked(i.name, i.birth || null),
        stacked(i.maskedId || null, i.contents['拟任职务或使用意向'] || null),
        i.missing.length ? i.missing.join('、') : '—',
      ],
      flag: worstFlag(i.reasons),
      reasons: i.reasons,
      sourceRow: i.sourceRow,
    }));
    return {
      columns: [W.colNameBirth, W.colIdPost, W.colMissing],
      rows,
      summary,
      items,
      start,
      end,
      requiredFields: policy.notice.requiredFields,
      periodText,
      sourceSheet: main.model.sheet,
    };
  },
  outputSheetName: () => NOTICE_SHEET,
  toSheet(result, name) {
    const fixed = ['现任职务(职称)', '拟任职务或使用意向'];
    const others = result.requiredFields.filter((f) => !fixed.includes(f));
    const header = [
      '序号',
      '姓名',
      '性别',
      '出生年月',
      MASKED_ID_HEADER,
      ...fixed.filter((f) => result.requiredFields.includes(f)),
      ...others,
      '公示开始日期',
      '公示截止日期',
      '说明',
    ];
    const shownFixed = fixed.filter((f) => result.requiredFields.includes(f));
    const rows = result.items.map((i, k) => [
      k + 1,
      i.name,
      i.sex || null,
      i.birth || null,
      i.maskedId || null,
      ...shownFixed.map((f) => ({ value: i.contents[f] || null })),
      ...others.map((f) => ({ value: i.contents[f] || null })),
      dateCell(result.start),
      dateCell(result.end),
      { value: maskIdsInText(reasonText(i.reasons.filter((r) => r.severity !== 'info' || r.code === 'notice.contents-complete'))) },
    ]);
    return tableSheet({
      name,
      title: '领导干部任前公示',
      subtitle: `公示期：${result.periodText}（二.4）。身份证号隐去中间8位，出生日期只到月。`,
      header,
      rows,
      flags: result.items.map((i) => worstFlag(i.reasons)),
      notes: result.summary
        .filter((r) => r.code === 'notice.end' || r.code === 'notice.days-off-skipped' || r.code === 'notice.start-not-working-day')
        .map((r) => `说明：${r.message['zh-CN']}`)
        .concat(gapNotes(result.summary)),
      columnWidths: [6, 10, 6, 10, 22, 18, 18, ...others.map(() => 24), 12, 12, 40],
    });
  },
};
