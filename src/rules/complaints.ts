/**
 * 信访举报与经济审计 complaints about leaders and economic audits (seed 三.1, 三.5).
 *
 * 三.1: every complaint is investigated. 三.5 routes it: serious → 纪委立案审查; general (不够立案)
 * → 组织部调查核实 and 告诫谈话. The talk is not required when the investigation found the
 * complaint unfounded: 三.1 orders handling only "对确实存在的问题".
 * 三.5 also says every cadre with an adjustment intention (拟任, 拟免, 交流) is audited first "to
 * avoid mistakes in using cadres": the audit must be on record on or before the decision date
 * (ledgers hold dates, not times, so a same-day audit cannot be shown to be late).
 */
import { msg } from '../i18n/message';
import type { CodeDoc } from '../values/finding';
import { diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';

/** How serious the complaint is, as classified at the 联席会议. */
export type ComplaintGravity =
  /** 反映问题比较严重 */
  | 'serious'
  /** 反映一般问题、够不上立案审查 */
  | 'general';

/** Handling steps as the ledger names them. */
export type HandlingStep =
  /** discipline-commission case review */
  | '纪委立案审查'
  /** organization-department investigation */
  | '组织部调查核实'
  /** admonitory talk */
  | '告诫谈话';

export interface Complaint {
  readonly id: string;
  /** null = not yet classified. */
  readonly gravity: ComplaintGravity | null;
  readonly handling: readonly HandlingStep[];
  /** Outcome of the investigation: false = unfounded (查无实据); null/undefined = open. */
  readonly substantiated?: boolean | null;
}

export interface ComplaintCheck {
  readonly required: readonly HandlingStep[];
  readonly missing: readonly HandlingStep[];
}

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'complaint.unhandled',
    'error',
    msg('信访举报没有任何处理记录（三.1 都要进行调查核实）。', 'A complaint has no recorded handling (三.1: every complaint is investigated).'),
  ),
  codeDoc(
    'complaint.unclassified',
    'error',
    msg('信访举报未区分严重或一般问题，无法确定处理途径（三.5）。', 'A complaint is not classified serious or general, so its route is unknown (三.5).'),
  ),
  codeDoc('complaint.step-missing', 'error', msg('缺少规定的处理环节（三.5）。', 'A required handling step is missing (三.5).')),
  codeDoc('complaint.handled', 'info', msg('处理环节齐全。', 'All required handling steps are recorded.')),
  codeDoc(
    'audit.missing',
    'error',
    msg('有调整意向的干部没有经济审计记录（三.5）。', 'A cadre with an adjustment intention has no economic audit on record (三.5).'),
  ),
  codeDoc(
    'audit.after-decision',
    'error',
    msg('经济审计晚于调整决定（三.5 应先审计）。', 'The economic audit is dated after the decision (三.5: audit first).'),
  ),
  codeDoc('audit.ok', 'info', msg('决定前已有经济审计。', 'An economic audit was on record before the decision.')),
  codeDoc('audit.invalid-date', 'error', msg('日期不存在，请核对。', 'A date does not exist; check the record.')),
];

/** The steps 三.5 requires for a classified complaint. */
export function requiredHandling(gravity: ComplaintGravity, substantiated?: boolean | null): readonly HandlingStep[] {
  if (gravity === 'serious') return ['纪委立案审查'];
  return substantiated === false ? ['组织部调查核实'] : ['组织部调查核实', '告诫谈话'];
}

/** Check one complaint's handling record. */
export function checkComplaint(c: Complaint): Decision<ComplaintCheck | null> {
  if (c.handling.length === 0) {
    return decision(null, [reason('三.1', 'complaint.unhandled', 'error', msg(`信访举报${c.id}没有处理记录`, `Complaint ${c.id} has no recorded handling`))]);
  }
  if (c.gravity === null) {
    return decision(null, [
      reason('三.5', 'complaint.unclassified', 'error', msg(`信访举报${c.id}未区分严重或一般问题`, `Complaint ${c.id} is not classified`)),
    ]);
  }
  const required = requiredHandling(c.gravity, c.substantiated);
  const missing = required.filter((s) => !c.handling.includes(s));
  const reasons: Reason[] = missing.map((s) =>
    reason(
      '三.5',
      'complaint.step-missing',
      'error',
      msg(
        `信访举报${c.id}（${c.gravity === 'serious' ? '反映问题比较严重' : '反映一般问题'}）缺少“${s}”`,
        `Complaint ${c.id} (${c.gravity}) lacks the step “${s}”`,
      ),
    ),
  );
  if (!missing.length)
    reasons.push(reason('三.5', 'complaint.handled', 'info', msg(`信访举报${c.id}处理环节齐全`, `Complaint ${c.id}: all required steps recorded`)));
  return decision({ required, missing }, reasons);
}

/** 调整意向 adjustment intention that triggers an audit. */
export type AdjustmentIntent =
  /** proposed appointment */
  | '拟任'
  /** proposed removal */
  | '拟免'
  /** exchange / transfer */
  | '交流';

export interface AdjustmentProposal {
  readonly cadre: string;
  readonly intent: AdjustmentIntent;
  /** Date of the adjustment decision; null while still a proposal. */
  readonly decisionDate: LocalDate | null;
  /** Dates of economic audits (经济审计) on record for this cadre. */
  readonly audits: readonly LocalDate[];
}

/** Is an economic audit on record in time for this adjustment? Outcome: true / false, null on bad data. */
export function checkEconomicAudit(p: AdjustmentProposal): Decision<boolean | null> {
  const rule = '三.5';
  for (const d of [...(p.decisionDate ? [p.decisionDate] : []), ...p.audits]) {
    if (!isValidDate(d.y, d.m, d.d)) {
      return decision(null, [
        reason(rule, 'audit.invalid-date', 'error', msg(`${p.cadre}：日期无效 ${d.y}-${d.m}-${d.d}`, `${p.cadre}: invalid date ${d.y}-${d.m}-${d.d}`)),
      ]);
    }
  }
  if (p.audits.length === 0) {
    return decision(false, [
      reason(rule, 'audit.missing', 'error', msg(`${p.cadre}（${p.intent}）没有经济审计记录`, `${p.cadre} (${p.intent}) has no economic audit on record`)),
    ]);
  }
  if (p.decisionDate === null) {
    return decision(true, [
      reason(rule, 'audit.ok', 'info', msg(`${p.cadre}（${p.intent}）已有经济审计`, `${p.cadre} (${p.intent}) has an economic audit on record`)),
    ]);
  }
  const decided = p.decisionDate;
  const inTime = p.audits.filter((a) => diffDays(a, decided) >= 0);
  if (inTime.length === 0) {
    const first = p.audits.reduce((a, b) => (diffDays(a, b) < 0 ? b : a));
    return decision(false, [
      reason(
        rule,
        'audit.after-decision',
        'error',
        msg(
          `${p.cadre}的经济审计（${formatIso(first)}）晚于调整决定（${formatIso(decided)}）`,
          `${p.cadre}: audit ${formatIso(first)} is after the decision ${formatIso(decided)}`,
        ),
        { value: diffDays(decided, first) },
      ),
    ]);
  }
  return decision(true, [
    reason(
      rule,
      'audit.ok',
      'info',
      msg(
        `${p.cadre}（${p.intent}）在${formatIso(decided)}决定前已有经济审计`,
        `${p.cadre} (${p.intent}) was audited before the decision on ${formatIso(decided)}`,
      ),
    ),
  ]);
}
