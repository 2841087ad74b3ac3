/**
 * 辞职 checks (四.3): a cadre in a national-security or classified post may not apply to resign,
 * leaving before approval is a breach, and a refused 引咎辞职 leads to removal. The written
 * application and the grounds are checked only where the ledger has a column for them.
 */
import { msg } from '../../i18n/message';
import { findingsOf } from '../../rules/decision';
import { checkResignation, type ResignationKind } from '../../rules/resignation';
import { normalizeText } from '../../values/text';
import type { FieldKey } from '../fields';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import { fromReason, onField, type CheckContext, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'resignation.kind-unknown',
    severity: 'warning',
    doc: msg(
      '辞职类型不是申请辞职、引咎辞职、责令辞职之一，未按四.3核对。',
      'The resignation kind is not 申请辞职, 引咎辞职 or 责令辞职; 四.3 was not checked.',
    ),
  },
];

const flat = (t: string | undefined) => normalizeText(t ?? '').replace(/\s+/g, '');

/** 申请辞职 / 引咎辞职 / 责令辞职 from the ledger's text; null when it says none of them. */
export function resignationKindOf(text: string | undefined): ResignationKind | null {
  const t = flat(text);
  if (/引咎/.test(t)) return '引咎辞职';
  if (/责令/.test(t)) return '责令辞职';
  if (/申请|主动|个人/.test(t)) return '申请辞职';
  return null;
}

const NO = /^(?:否|无|不是|不涉密|非涉密|一般岗位|×|n|no)$/i;
const YES = /是|有|涉密|机密|国家安全|√|✓|^y(?:es)?$/i;

/** 涉及国家安全、重要机密等特殊岗位 from the ledger's text. */
export function sensitivePostOf(text: string | undefined): boolean {
  const t = flat(text);
  return t !== '' && !NO.test(t) && YES.test(t);
}

const NOT_APPROVED = /未批准|不批准|不同意|未同意|未经批准|未审批|驳回/;
const APPROVED = /批准|同意|已审批|通过/;
const REFUSED = /拒不|拒绝/;
const HAS = /^(?:有|是|已提交|已交|齐全|√|✓|y|yes)$/i;

export function checkResignationSheet(sheet: TypedSheet, ctx: CheckContext): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const cols = sheet.model.columns;
  const first = (...fields: FieldKey[]): FieldKey => fields.find((f) => cols.has(f)) ?? 'name';
  for (const row of sheet.rows) {
    if (!row.names.name) continue;
    const kindText = row.texts.resignKind;
    if (!kindText) continue; // an empty kind is ledger.value-missing
    const kind = resignationKindOf(kindText);
    if (!kind) {
      out.push(
        onField(
          sheet,
          row,
          'resignKind',
          'resignation.kind-unknown',
          'warning',
          msg(`辞职类型“${kindText}”不是申请辞职、引咎辞职、责令辞职之一`, `Resignation kind "${kindText}" is not one of the three of 四.3`),
        ),
      );
      continue;
    }
    const approvalText = flat(row.texts.approval);
    const left = row.dates.leftDate?.date ?? null;
    let approvedOn = row.dates.approvalDate?.date ?? null;
    if (!approvedOn && approvalText && !NOT_APPROVED.test(approvalText) && APPROVED.test(approvalText)) {
      // Approved, date not recorded: it cannot be shown to come after the departure.
      approvedOn = left ?? row.dates.resignDate?.date ?? ctx.asOf;
    }
    const d = checkResignation({
      kind,
      sensitivePost: sensitivePostOf(row.texts.classifiedPost),
      writtenApplication: cols.has('resignApplication') ? HAS.test(flat(row.texts.resignApplication)) : true,
      basisRecorded: cols.has('resignReason') ? !!flat(row.texts.resignReason) : true,
      refused: REFUSED.test(`${approvalText}${flat(row.texts.remark)}`),
      approvedOn,
      leftOn: left,
    });
    for (const r of findingsOf(d.reasons)) out.push(fromReason(sheet, row, fieldFor(r.code, first), r));
  }
  return out;
}

function fieldFor(code: string, first: (...f: FieldKey[]) => FieldKey): FieldKey {
  switch (code) {
    case 'resignation.not-allowed':
      return first('classifiedPost', 'resignKind');
    case 'resignation.unapproved-departure':
    case 'resignation.invalid-date':
      return first('leftDate', 'approval', 'resignKind');
    case 'resignation.application-missing':
      return first('resignApplication', 'resignKind');
    case 'resignation.basis-missing':
      return first('resignReason', 'resignKind');
    default:
      return first('approval', 'resignKind');
  }
}
