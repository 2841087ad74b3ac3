/**
 * 辞职 resignation of leading cadres (seed 四.3): 申请辞职, 引咎辞职, 责令辞职.
 *
 * The ban "涉及国家安全、重要机密等特殊的领导干部不得提出辞职" is read as a ban on the cadre's own
 * request (申请辞职): 引咎辞职 and 责令辞职 are accountability measures the organization imposes,
 * and the seed gives no exception for them.
 */
import { msg } from '../i18n/message';
import type { CodeDoc } from '../values/finding';
import { diffDays, formatIso, isValidDate, type LocalDate } from '../values/local-date';
import { codeDoc, decision, reason, type Decision, type Reason } from './decision';

const RULE = '四.3';

export type ResignationKind =
  /** voluntary request: written application, approved per cadre-management authority */
  | '申请辞职'
  /** resignation to take responsibility for a serious fault */
  | '引咎辞职'
  /** ordered resignation after being found unfit in regular assessment */
  | '责令辞职';

export interface ResignationCase {
  readonly kind: ResignationKind;
  /** 涉及国家安全、重要机密等特殊岗位 */
  readonly sensitivePost: boolean;
  /** 书面申请 on file (申请辞职). */
  readonly writtenApplication?: boolean;
  /** 引咎辞职: 严重过错，造成重大损失和影响 recorded; 责令辞职: 平时考核中被认定为不适宜继续担任现职. */
  readonly basisRecorded?: boolean;
  /** The cadre refused to resign (引咎辞职 / 责令辞职). */
  readonly refused?: boolean;
  /** Date of approval by the competent authority (按干部管理权限审批); null = not approved. */
  readonly approvedOn?: LocalDate | null;
  /** Date the cadre actually left the post; null = still in post. */
  readonly leftOn?: LocalDate | null;
}

/** What happens next. */
export type ResignationOutcome =
  /** may not apply (sensitive post) */
  | 'not-allowed'
  /** waiting for the application or the approval */
  | 'pending'
  /** approved */
  | 'approved'
  /** 拒不辞职 → removed from the post by appointment authority */
  | 'removal'
  /** left without approval → discipline according to circumstances */
  | 'discipline';

export const CODES: readonly CodeDoc[] = [
  codeDoc(
    'resignation.not-allowed',
    'error',
    msg('涉及国家安全、重要机密等特殊岗位的领导干部不得提出辞职（四.3）。', 'Leaders in national-security or classified posts may not apply to resign (四.3).'),
  ),
  codeDoc(
    'resignation.application-missing',
    'error',
    msg('申请辞职须由本人写出书面申请（四.3）。', 'A resignation request needs a written application (四.3).'),
  ),
  codeDoc(
    'resignation.basis-missing',
    'warning',
    msg('缺少引咎辞职或责令辞职的事实依据记录（四.3）。', 'The grounds for an accountability or ordered resignation are not recorded (四.3).'),
  ),
  codeDoc(
    'resignation.unapproved-departure',
    'error',
    msg('未经批准擅自离职，视其情节给予纪律处分（四.3）。', 'Left the post without approval: discipline according to the circumstances (四.3).'),
  ),
  codeDoc(
    'resignation.refused',
    'warning',
    msg('应引咎辞职而拒不辞职，按干部任免权限免去现职（四.3）。', 'Refused to resign to take responsibility: removed by the appointing authority (四.3).'),
  ),
  codeDoc(
    'resignation.order-refused',
    'warning',
    msg(
      '拒不服从责令辞职；文件未规定后果，按干部管理权限研究处理。',
      'Refused an ordered resignation; the seed sets no consequence, so the competent authority decides.',
    ),
  ),
  codeDoc('resignation.pending', 'info', msg('辞职待审批。', 'Resignation awaiting approval.')),
  codeDoc('resignation.approved', 'info', msg('辞职已按权限批准。', 'Resignation approved by the competent authority.')),
  codeDoc('resignation.invalid-date', 'error', msg('日期不存在，请核对。', 'A date does not exist; check the record.')),
];

const valid = (d: LocalDate): boolean => isValidDate(d.y, d.m, d.d);

/** Decide what a resignation record means under 四.3 (one decision per case, every problem listed). */
export function checkResignation(c: ResignationCase): Decision<ResignationOutcome | null> {
  for (const d of [c.approvedOn, c.leftOn]) {
    if (d && !valid(d))
      return decision(null, [reason(RULE, 'resignation.invalid-date', 'error', msg(`日期无效：${d.y}-${d.m}-${d.d}`, `Invalid date: ${d.y}-${d.m}-${d.d}`))]);
  }
  const reasons: Reason[] = [];
  const approved = c.approvedOn ?? null;
  const left = c.leftOn ?? null;
  // Leaving before (or without) approval is a breach whatever the kind of resignation.
  const unapproved = left !== null && (approved === null || diffDays(approved, left) < 0);
  if (unapproved) {
    reasons.push(
      reason(
        RULE,
        'resignation.unapproved-departure',
        'error',
        msg(
          `${formatIso(left)}离职${approved ? `，早于${formatIso(approved)}批准` : '，未经批准'}，视其情节给予纪律处分`,
          `Left on ${formatIso(left)}${approved ? `, before approval on ${formatIso(approved)}` : ' without approval'}: discipline according to the circumstances`,
        ),
      ),
    );
  }

  switch (c.kind) {
    case '申请辞职': {
      if (c.sensitivePost) {
        reasons.unshift(
          reason(
            RULE,
            'resignation.not-allowed',
            'error',
            msg('涉及国家安全、重要机密等特殊岗位，不得提出辞职', 'National-security or classified post: may not apply to resign'),
          ),
        );
        return decision(unapproved ? 'discipline' : 'not-allowed', reasons);
      }
      if (!c.writtenApplication) {
        reasons.unshift(reason(RULE, 'resignation.application-missing', 'error', msg('申请辞职缺少本人书面申请', 'No written application on file')));
      }
      break;
    }
    case '引咎辞职':
    case '责令辞职': {
      if (!c.basisRecorded) {
        reasons.unshift(
          reason(
            RULE,
            'resignation.basis-missing',
            'warning',
            c.kind === '引咎辞职'
              ? msg('未记录“严重过错，造成重大损失和影响”的事实依据', 'No record of the serious fault causing major loss or impact')
              : msg('未记录“平时考核中被认定为不适宜继续担任现职”的依据', 'No record of being found unfit for the post in regular assessment'),
          ),
        );
      }
      if (c.refused) {
        if (c.kind === '引咎辞职') {
          reasons.push(
            reason(
              RULE,
              'resignation.refused',
              'warning',
              msg('拒不引咎辞职，按干部任免权限免去现职', 'Refused to resign: removed from the post by the appointing authority'),
            ),
          );
          return decision(unapproved ? 'discipline' : 'removal', reasons);
        }
        reasons.push(
          reason(
            RULE,
            'resignation.order-refused',
            'warning',
            msg('拒不服从责令辞职，按干部管理权限研究处理', 'Refused the order to resign; the competent authority decides'),
          ),
        );
      }
      break;
    }
  }
  if (unapproved) return decision('discipline', reasons);
  if (approved) {
    reasons.push(
      reason(RULE, 'resignation.approved', 'info', msg(`${c.kind}已于${formatIso(approved)}按权限批准`, `${c.kind} approved on ${formatIso(approved)}`)),
    );
    return decision('approved', reasons);
  }
  reasons.push(reason(RULE, 'resignation.pending', 'info', msg(`${c.kind}待按干部管理权限审批`, `${c.kind} awaiting approval by the competent authority`)));
  return decision('pending', reasons);
}
