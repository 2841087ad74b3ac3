/**
 * Required fields per sheet kind (必填字段): a column the kind cannot do without is reported once
 * for the sheet (so a partly recognised sheet says which fields it could not find), and an empty
 * cell in a present required column is reported on that cell.
 */
import { msg } from '../../i18n/message';
import type { Policy } from '../../policy/policy';
import { FIELDS, type FieldKey } from '../fields';
import type { LedgerFinding } from '../findings';
import type { SheetKind } from '../sheet-kind';
import type { TypedSheet } from '../rows';
import { KIND_LABEL } from '../sheet-kind';
import { onField, type CheckContext, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'ledger.column-missing',
    severity: 'warning',
    doc: msg(
      '按台账类型应有的列没有找到（表头名称不认识或缺列）；相关检查无法进行。',
      'A column this kind of ledger needs was not found (unknown header or missing column); the checks that need it are skipped.',
    ),
  },
  { code: 'ledger.value-missing', severity: 'error', doc: msg('必填项为空。', 'A required value is empty.') },
];

/** The notice contents of policy.notice.requiredFields, by the field that holds each. */
export const NOTICE_CONTENT_FIELDS: Readonly<Record<string, FieldKey>> = {
  基本情况: 'basicInfo',
  主要政绩: 'achievements',
  经济审计: 'audit',
  家庭财产申报结果: 'assets',
  '现任职务(职称)': 'currentTitle',
  拟任职务或使用意向: 'proposedPost',
};

const BASE_FIELD = { present: 'present', eligible: 'eligible', valid: 'valid' } as const;

/** Required fields of a kind under a policy. */
export function requiredFields(kind: SheetKind, policy: Policy): FieldKey[] {
  switch (kind) {
    case 'roster':
      return ['name', 'birth'];
    case 'recommendation':
      return ['name', 'votes', BASE_FIELD[policy.recommend.denominator]];
    case 'inspection':
      return ['name', 'targetPost'];
    case 'notice':
      return ['name', 'noticeStart', 'noticeEnd'];
    case 'probation':
      return ['name', 'probationStart'];
    case 'assessment':
      return ['name', 'incompetentVotes', 'valid'];
    case 'complaints':
      return ['name', 'complaintIssue'];
    case 'resignation':
      return ['name', 'resignKind'];
    default:
      return [];
  }
}

export function checkRequired(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const { model } = sheet;
  const out: LedgerFinding[] = [];
  let required = requiredFields(model.kind, ctx.policy);
  // A dedicated 组织生活 attendance sheet (三.4) is read as a roster but carries no birth dates.
  if (model.kind === 'roster' && model.columns.has('meetingsHeld') && model.columns.has('meetingsAttended')) required = required.filter((f) => f !== 'birth');
  const missing = required.filter((f) => !model.columns.has(f));
  if (missing.length) {
    const zh = missing.map((f) => FIELDS[f].label['zh-CN']).join('、');
    const en = missing.map((f) => FIELDS[f].label['en-US']).join(', ');
    out.push({
      sheet: model.sheet,
      row: model.headerTop,
      col: 0,
      severity: 'warning',
      code: 'ledger.column-missing',
      message: msg(
        `“${model.sheet}”识别为${KIND_LABEL[model.kind]['zh-CN']}，但找不到以下列：${zh}；相关检查未进行`,
        `"${model.sheet}" looks like a ${KIND_LABEL[model.kind]['en-US']} but these columns were not found: ${en}; the checks that need them were skipped`,
      ),
    });
  }
  const present = required.filter((f) => model.columns.has(f));
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let k = 0; k < present.length; k++) {
      const f = present[k];
      if (!row.blank.has(f)) continue;
      out.push(
        onField(
          sheet,
          row,
          f,
          'ledger.value-missing',
          'error',
          msg(`${FIELDS[f].label['zh-CN']}为空（必填）`, `${FIELDS[f].label['en-US']} is empty (required)`),
        ),
      );
    }
  }
  return out;
}
