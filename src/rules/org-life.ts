/**
 * 组织生活 attendance of leaders at 民主生活会 and (dual) 组织生活 (seed 三.4): the Party
 * organization records it; 经常不参加组织生活 leads to criticism and handling.
 *
 * "经常" is undefined in the seed; the policy makes it "absent from more than maxAbsenceShare of
 * the year's meetings" (default 0.5, so exactly half is not frequent). Compared exactly.
 */
import { msg } from '../i18n/message';
import type { Policy } from '../policy/policy';
import type { CodeDoc } from '../values/finding';
import { codeDoc, decision, reason, type Decision } from './decision';
import { isCount, percent, ratioAbove } from './ratio';

const RULE = '三.4';
const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** One leader's attendance in one year (民主生活会 and 组织生活 together, or one kind per record). */
export interface AttendanceRecord {
  readonly leader: string;
  readonly year: number;
  /** Meetings held that the leader should have attended. */
  readonly held: number;
  readonly attended: number;
}

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'orglife.frequent-absence',
    'warning',
    msg(
      '缺席超过本年度组织生活的规定比例，属经常不参加组织生活，应按规定严肃批评和处理（三.4）。',
      'Absent from more than the set share of the year’s meetings: frequent absence, to be criticised and handled (三.4).',
    ),
  ),
  codeDoc('orglife.ok', 'info', msg('参加组织生活情况正常。', 'Attendance is within the rule.')),
  codeDoc('orglife.no-meetings', 'info', msg('本年度没有记录任何组织生活，无法评价出勤。', 'No meetings recorded this year, so attendance cannot be judged.')),
  codeDoc(
    'orglife.bad-count',
    'error',
    msg('次数不是非负整数，或参加次数多于召开次数。', 'A count is not a non-negative integer, or attendance exceeds meetings held.'),
  ),
  codeDoc('orglife.policy-invalid', 'error', msg('缺席比例设置无效（须在0到1之间）。', 'Invalid absence share (must lie between 0 and 1).')),
];

/** Outcome: true = frequent absence, false = not, null = cannot judge. */
export function checkOrgLife(r: AttendanceRecord, policy: Policy): Decision<boolean | null> {
  const t = policy.orgLife.maxAbsenceShare;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 1) {
    return decision(null, [
      reason(RULE, 'orglife.policy-invalid', 'error', msg(`缺席比例设置无效：${t}`, `Invalid absence share: ${t}`), { policyKey: 'orgLife.maxAbsenceShare' }),
    ]);
  }
  if (!isCount(r.held) || !isCount(r.attended) || r.attended > r.held) {
    return decision(null, [
      reason(
        RULE,
        'orglife.bad-count',
        'error',
        msg(
          `${r.leader}（${r.year}年）：召开${r.held}次，参加${r.attended}次，数据有误`,
          `${r.leader} (${r.year}): held ${r.held}, attended ${r.attended}: invalid`,
        ),
      ),
    ]);
  }
  if (r.held === 0) {
    return decision(null, [
      reason(RULE, 'orglife.no-meetings', 'info', msg(`${r.leader}（${r.year}年）：没有组织生活记录`, `${r.leader} (${r.year}): no meetings recorded`)),
    ]);
  }
  const absent = r.held - r.attended;
  const numbers = { threshold: t, value: absent / r.held, policyKey: 'orgLife.maxAbsenceShare' };
  if (ratioAbove(absent, r.held, t)) {
    return decision(true, [
      reason(
        RULE,
        'orglife.frequent-absence',
        'warning',
        msg(
          `${r.leader}（${r.year}年）：召开${r.held}次，缺席${absent}次（${percent(absent, r.held)}），超过${pct(t)}，属经常不参加组织生活`,
          `${r.leader} (${r.year}): absent from ${absent} of ${r.held} (${percent(absent, r.held)}), more than ${pct(t)}: frequent absence`,
        ),
        numbers,
      ),
    ]);
  }
  return decision(false, [
    reason(
      RULE,
      'orglife.ok',
      'info',
      msg(`${r.leader}（${r.year}年）：缺席${absent}/${r.held}次`, `${r.leader} (${r.year}): absent ${absent} of ${r.held}`),
      numbers,
    ),
  ]);
}
