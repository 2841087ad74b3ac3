/**
 * 公示 public notice before appointment (seed 二.4): required contents and a period of 5 days.
 *
 * In working-day mode (the default, SPEC §2) a notice that starts on a day off is counted from the
 * next working day: the national rule 公示期不少于五个工作日 counts only working days, so a
 * weekend or holiday start adds nothing to the period.
 */
import { isWorkingDay, nthWorkingDayFrom, countWorkingDays, STATUTORY_CALENDAR, type WorkCalendar } from '../calendar';
import { msg, plural } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { addDays, diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { toHalfWidth } from '../values/text';
import { codeDoc, decision, hasError, reason, type Decision, type Reason } from './decision';

const RULE = '二.4';

export const CODES: readonly CodeDoc[] = [
  codeDoc('notice.end', 'info', msg('按政策计算的公示截止日期。', 'Notice end date computed from the policy.')),
  codeDoc(
    'notice.start-not-working-day',
    'info',
    msg(
      '公示开始日是节假日，按工作日计算时从下一个工作日起算。',
      'The notice starts on a day off; in working-day mode counting starts on the next working day.',
    ),
  ),
  codeDoc(
    'notice.field-missing',
    'error',
    msg('公示缺少规定内容（二.4）。补充后重新公示。', 'The notice lacks a required item (二.4); add it and publish again.'),
  ),
  codeDoc(
    'notice.too-short',
    'error',
    msg(
      '公示实际截止早于规定截止日期，公示期不足（二.4 公示期限为5天）。',
      'The notice ended before the required end date; the period is too short (二.4: five days).',
    ),
  ),
  codeDoc('notice.end-before-start', 'error', msg('公示截止日期早于开始日期，请核对。', 'The notice end date is before its start date; check the record.')),
  codeDoc('notice.invalid-date', 'error', msg('公示日期不存在，请核对。', 'A notice date does not exist; check the record.')),
  codeDoc('notice.policy-invalid', 'error', msg('公示天数设置无效（须为正整数）。', 'The notice-days setting is invalid (must be a positive integer).')),
  codeDoc(
    'notice.asset-details',
    'warning',
    msg(
      '“家庭财产申报结果”一栏写的是财产明细（金额、面积、房产车辆数量、账号等），而公示只应写申报结果（如“已如实申报”“经核查无异常”）。改写为申报结果，明细留在个人有关事项报告中。任前公示向导不公开这样的原文，改写“待核实”并标为错误。',
      'The “家庭财产申报结果” (asset declaration result) cell holds asset details (amounts, areas, numbers of homes or vehicles, account numbers…); a notice shows only the result (e.g. 已如实申报, 经核查无异常). Write the result instead and keep the details in the personal report. The notice wizard does not publish such a text: it writes “待核实” and flags the row as an error.',
    ),
  ),
  codeDoc('notice.ok', 'info', msg('公示内容齐全，期限符合规定。', 'The notice has every item and lasts long enough.')),
];

/** A calendar finding (e.g. calendar.unknown-year) forwarded as a reason of this rule. */
const fromCalendar = (f: { code: string; message: { 'zh-CN': string; 'en-US': string } }): Reason => reason(RULE, f.code, 'error', f.message);

const badDate = (what: string, whatEn: string, d: LocalDate): Reason =>
  reason(RULE, 'notice.invalid-date', 'error', msg(`${what}无效：${d.y}-${d.m}-${d.d}`, `Invalid ${whatEn}: ${d.y}-${d.m}-${d.d}`));

/**
 * The last day of a notice that starts on `start` (SPEC NOTICEEND). Calendar mode: start + days − 1
 * (9月1日–9月5日), or start + days without counting the start day. Working mode: the n-th working day.
 */
export function noticeEnd(start: LocalDate, policy: Policy, cal: WorkCalendar = STATUTORY_CALENDAR): Decision<LocalDate | null> {
  const { days, dayKind, countStartDay } = policy.notice;
  if (!isValidDate(start.y, start.m, start.d)) return decision(null, [badDate('公示开始日期', 'notice start date', start)]);
  if (!Number.isSafeInteger(days) || days < 1) {
    return decision(null, [
      reason(RULE, 'notice.policy-invalid', 'error', msg(`公示天数设置无效：${days}`, `Invalid notice days: ${days}`), {
        value: days,
        policyKey: 'notice.days',
      }),
    ]);
  }
  const reasons: Reason[] = [];
  let end: LocalDate;
  if (dayKind === 'calendar') {
    end = addDays(start, countStartDay ? days - 1 : days);
  } else {
    const r = nthWorkingDayFrom(cal, start, days, countStartDay);
    if (!r.ok) return decision(null, [fromCalendar(r.finding)]);
    end = r.value;
    const w = isWorkingDay(cal, start);
    if (countStartDay && w.ok && !w.value) {
      reasons.push(
        reason(
          RULE,
          'notice.start-not-working-day',
          'info',
          msg(`${formatIso(start)}不是工作日，从下一个工作日起算`, `${formatIso(start)} is not a working day; counting starts on the next working day`),
        ),
      );
    }
  }
  const kindZh = dayKind === 'calendar' ? '天' : '个工作日';
  const kindEn = dayKind === 'calendar' ? plural(days, 'calendar day', 'calendar days') : plural(days, 'working day', 'working days');
  reasons.push(
    reason(
      RULE,
      'notice.end',
      'info',
      msg(
        `公示${days}${kindZh}，${formatIso(start)}开始，${formatIso(end)}截止${countStartDay ? '（开始当日计入）' : '（开始当日不计入）'}`,
        `${days} ${kindEn} from ${formatIso(start)} ${plural(days, 'ends', 'end')} on ${formatIso(end)}${countStartDay ? ' (start day counted)' : ' (start day not counted)'}`,
      ),
      { threshold: days, policyKey: 'notice.days' },
    ),
  );
  return decision(end, reasons);
}

/** A notice as recorded in the ledger (already parsed). */
export interface NoticeRecord {
  readonly start: LocalDate;
  /** The day the notice actually ended (or is planned to end). */
  readonly end: LocalDate;
  /** Contents by item name (names as in policy.notice.requiredFields); blank counts as missing. */
  readonly contents: Readonly<Record<string, string | null | undefined>>;
}

export interface NoticeCheck {
  /** Every required item present and the period long enough. */
  readonly ok: boolean;
  /** The earliest permitted end date, when it could be computed. */
  readonly requiredEnd: LocalDate | null;
  readonly missingFields: readonly string[];
}

/** Days the notice actually covered, counted the way the policy counts (the `value` of too-short). */
function coveredDays(record: NoticeRecord, policy: Policy, cal: WorkCalendar): number | null {
  const first = policy.notice.countStartDay ? record.start : addDays(record.start, 1);
  if (policy.notice.dayKind === 'calendar') return Math.max(0, diffDays(first, record.end) + 1);
  const n = countWorkingDays(cal, first, record.end);
  return n.ok ? n.value : null;
}

/** Check a notice record (SPEC NOTICEOK): every missing item, and a period that ended too early. */
export function checkNotice(record: NoticeRecord, policy: Policy, cal: WorkCalendar = STATUTORY_CALENDAR): Decision<NoticeCheck> {
  const reasons: Reason[] = [];
  const missingFields = policy.notice.requiredFields.filter((f) => {
    const v = record.contents[f];
    return v === null || v === undefined || v.trim() === '';
  });
  for (const f of missingFields) {
    reasons.push(reason(RULE, 'notice.field-missing', 'error', msg(`公示缺少“${f}”`, `The notice lacks “${f}”`), { policyKey: 'notice.requiredFields' }));
  }

  if (!isValidDate(record.end.y, record.end.m, record.end.d)) reasons.push(badDate('公示截止日期', 'notice end date', record.end));
  const computed = noticeEnd(record.start, policy, cal);
  reasons.push(...computed.reasons.filter((r) => r.severity !== 'info'));
  const requiredEnd = computed.outcome;

  if (!hasError(reasons) && requiredEnd) {
    if (diffDays(record.start, record.end) < 0) {
      reasons.push(
        reason(
          RULE,
          'notice.end-before-start',
          'error',
          msg(
            `截止日期${formatIso(record.end)}早于开始日期${formatIso(record.start)}`,
            `End ${formatIso(record.end)} is before start ${formatIso(record.start)}`,
          ),
        ),
      );
    } else if (diffDays(record.end, requiredEnd) > 0) {
      const covered = coveredDays(record, policy, cal);
      const unit = policy.notice.dayKind === 'calendar' ? ['天', 'day', 'days'] : ['个工作日', 'working day', 'working days'];
      const unitEn = (n: number): string => plural(n, unit[1], unit[2]);
      reasons.push(
        reason(
          RULE,
          'notice.too-short',
          'error',
          msg(
            `公示${formatIso(record.start)}至${formatIso(record.end)}${covered === null ? '' : `仅${covered}${unit[0]}`}，应至少到${formatIso(requiredEnd)}（${policy.notice.days}${unit[0]}）`,
            `Notice ${formatIso(record.start)} to ${formatIso(record.end)}${covered === null ? '' : ` covers only ${covered} ${unitEn(covered)}`}; it must run to at least ${formatIso(requiredEnd)} (${policy.notice.days} ${unitEn(policy.notice.days)})`,
          ),
          { threshold: policy.notice.days, ...(covered === null ? {} : { value: covered }), policyKey: 'notice.days' },
        ),
      );
    }
  }
  const ok = reasons.length === 0;
  if (ok) {
    reasons.push(
      reason(
        RULE,
        'notice.ok',
        'info',
        msg(`公示内容齐全，期限至${formatIso(record.end)}，符合规定`, `Notice complete and long enough (to ${formatIso(record.end)})`),
      ),
    );
  }
  return decision({ ok, requiredEnd, missingFields }, reasons);
}

/** What kind of asset detail a declaration text gives away. */
export type AssetDetailKind = 'amount' | 'area' | 'count' | 'account' | 'holding';

/** One asset detail found in a 家庭财产申报结果 text: its kind and where it is (in the given text). */
export interface AssetDetail {
  readonly kind: AssetDetailKind;
  readonly index: number;
  readonly length: number;
}

/** A number: Arabic (30, 1,200, 12.5) or Chinese with at least one digit word (三十, 两, 一百二十). */
const NUM = String.raw`(?:\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]*[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)`;
/**
 * After an Arabic number: not a date (2025年3月, 2025-03), a vote or head count (21票, 3人), a
 * percentage, and not the middle of a longer number.
 */
const NOT_ASSET_UNIT = String.raw`(?![\d,]|\s*(?:年|月|日|号|时|票|人|名|次|项|条|个|天|周岁|岁|%|[-/.]\d))`;
/** A Chinese number is only an asset figure with a unit (一只, 两笔): 一律, 一并, 一致 are words. */
const CN_HOLDING = String.raw`[零〇一二两三四五六七八九十百千]+\s*(?:股|只|份|手|笔|张|处|间|个账户)`;
const ASSET_PATTERNS: readonly (readonly [AssetDetailKind, RegExp])[] = [
  // 存款30万元, 约1.2万, 年收入十五万, 人民币5000元 (a single Chinese digit before 元 is a word: 一元化).
  [
    'amount',
    new RegExp(
      String.raw`(?:\d[\d,]*(?:\.\d+)?\s*(?:多|余)?\s*(?:亿元|万元|千元|百元|元|万|亿|块)|${NUM}\s*(?:多|余)?\s*(?:亿元|万元|千元|亿|万)|[零〇一二两三四五六七八九十百千]{2,}元)`,
      'g',
    ),
  ],
  // 住房120平方米, 98.5㎡, 两百平米, 宅基地0.3亩
  ['area', new RegExp(String.raw`${NUM}\s*(?:多|余)?\s*(?:平方米|平方|平米|㎡|m²|m2|亩)`, 'gi')],
  // 住房两套, 轿车1辆, 商铺三处
  ['count', new RegExp(String.raw`${NUM}\s*(?:套|辆|栋|幢|处房|处住|处商|间商铺|间门面)`, 'g')],
  // a bank or securities account: 卡号6222…, or any run of 10+ digits (a date has 8).
  ['account', /(?:账号|帐号|账户|帐户|卡号|户号)\s*[:：]?\s*[\d*][\d*\s-]{3,}|(?<![\d*])\d(?:[\s-]?\d){9,}(?![\d*])/g],
  // 存款/股票/基金… with a number close by: 股票5000股, 持有基金3只, 存款若干（无数字则不算）.
  [
    'holding',
    new RegExp(
      String.raw`(?:存款|储蓄|股票|股份|股权|基金|理财|债券|证券|现金|房产|住房|房屋|车辆|汽车|轿车|年薪|年收入|工资收入)[^\d，,；;。、:：()（）]{0,4}?(?:\d[\d,]*(?:\.\d+)?${NOT_ASSET_UNIT}|${CN_HOLDING})`,
      'g',
    ),
  ],
];

/**
 * The asset details in the text of a 家庭财产申报结果 cell (seed 二.4: the notice shows the RESULT
 * of the declaration, e.g. 已如实申报, 无异常, 已按规定报告 — never the assets). Finds amounts
 * (元/万元/万), areas (平方米/㎡/平米), numbers of homes or vehicles (套/辆), account numbers and
 * 存款/股票/基金… followed by a number; a date (2025年3月) or a vote count (21票) is not one. Full-width
 * digits count as digits. Empty when the text is a plain result. Sorted by position, overlaps kept.
 */
export function findAssetDetails(text: string | null | undefined): AssetDetail[] {
  if (!text) return [];
  // toHalfWidth maps one UTF-16 unit to one, so positions stay those of the given text.
  const t = toHalfWidth(text);
  const out: AssetDetail[] = [];
  for (const [kind, re] of ASSET_PATTERNS) {
    for (const m of t.matchAll(re)) out.push({ kind, index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index || b.length - a.length);
}

const KIND_NAME: Readonly<Record<AssetDetailKind, readonly [string, string]>> = {
  amount: ['金额', 'amounts'],
  area: ['面积', 'areas'],
  count: ['房产车辆数量', 'numbers of homes or vehicles'],
  account: ['账号', 'account numbers'],
  holding: ['持有资产的数额', 'figures of holdings (deposits, shares, funds…)'],
};

/** The kinds found, named in both languages (金额、面积 / amounts, areas) — never the details themselves. */
export function assetDetailKinds(details: readonly AssetDetail[]): { readonly zh: string; readonly en: string } {
  const kinds = (Object.keys(KIND_NAME) as AssetDetailKind[]).filter((k) => details.some((d) => d.kind === k));
  return { zh: kinds.map((k) => KIND_NAME[k][0]).join('、'), en: kinds.map((k) => KIND_NAME[k][1]).join(', ') };
}

/**
 * A 家庭财产申报结果 text that discloses assets (SPEC §3, public notice): `notice.asset-details`
 * (warning), naming what kind of detail was found but not repeating it. Empty for a plain result.
 */
export function checkAssetDeclaration(text: string | null | undefined): Reason[] {
  const found = findAssetDetails(text);
  if (found.length === 0) return [];
  const k = assetDetailKinds(found);
  return [
    reason(
      RULE,
      'notice.asset-details',
      'warning',
      msg(
        `“家庭财产申报结果”写的是财产明细（${k.zh}），公示只应写申报结果（如“已如实申报”）`,
        `“家庭财产申报结果” gives asset details (${k.en}); a notice shows only the declaration result (e.g. 已如实申报)`,
      ),
    ),
  ];
}
