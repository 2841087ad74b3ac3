/**
 * 任前公示 checks (二.4): the required contents and a period of at least the policy's days; a
 * 家庭财产申报结果 that lists assets instead of the declaration result (notice.asset-details).
 */
import { findingsOf } from '../../rules/decision';
import { checkAssetDeclaration, checkNotice } from '../../rules/notice';
import type { FieldKey } from '../fields';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { NOTICE_CONTENT_FIELDS } from './required';
import { fromReason, type CheckContext } from './context';

export function checkNoticeSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const cols = sheet.model.columns;
  for (const row of sheet.rows) {
    if (cols.has('assets')) for (const r of checkAssetDeclaration(row.texts.assets)) out.push(fromReason(sheet, row, 'assets', r));
    const start = row.dates.noticeStart;
    const end = row.dates.noticeEnd;
    if (!start || !end) continue;
    const contents: Record<string, string | null> = {};
    for (const item of ctx.policy.notice.requiredFields) {
      let f: FieldKey | undefined = NOTICE_CONTENT_FIELDS[item];
      if (f === 'currentTitle' && !cols.has(f)) f = 'post';
      contents[item] = f && cols.has(f) ? (row.texts[f] ?? null) : null;
    }
    const d = checkNotice({ start: start.date, end: end.date, contents }, ctx.policy, ctx.calendar);
    for (const r of findingsOf(d.reasons)) {
      let field: FieldKey = 'noticeEnd';
      if (r.code === 'notice.field-missing') {
        const item = ctx.policy.notice.requiredFields.find((i) => r.message['zh-CN'].includes(`“${i}”`));
        const f = item ? NOTICE_CONTENT_FIELDS[item] : undefined;
        field = f && cols.has(f) ? f : f === 'currentTitle' && cols.has('post') ? 'post' : 'name';
      }
      out.push(fromReason(sheet, row, field, r));
    }
  }
  return out;
}
