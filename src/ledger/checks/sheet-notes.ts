/**
 * Sheet-level notes (工作表提示): a protected sheet is checked but never changed; hidden rows are
 * checked too, and the user is told, since hidden data is easy to forget.
 */
import { msg, plural } from '../../i18n/message';
import type { LedgerFinding } from '../findings';
import type { TypedSheet } from '../rows';
import type { CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'sheet.protected',
    severity: 'info',
    doc: msg('工作表受保护：照常检查，但“修复”不会修改它。', 'The sheet is protected: it is checked, but fix will not change it.'),
  },
  { code: 'sheet.hidden-rows', severity: 'info', doc: msg('表中有隐藏行，已一并检查。', 'The sheet has hidden rows; they were checked too.') },
];

export function checkSheetNotes(sheet: TypedSheet): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const { model, grid } = sheet;
  if (grid.protected) {
    out.push({
      sheet: model.sheet,
      row: 0,
      col: 0,
      severity: 'info',
      code: 'sheet.protected',
      message: msg(`工作表“${model.sheet}”受保护：已检查，修复时不会修改`, `Sheet "${model.sheet}" is protected: checked, and fix will not change it`),
    });
  }
  const hidden = sheet.rows.filter((r) => r.hidden);
  if (hidden.length) {
    const rows = hidden.map((r) => r.row + 1);
    const shown = rows.length > 10 ? `${rows.slice(0, 10).join('、')}…` : rows.join('、');
    out.push({
      sheet: model.sheet,
      row: hidden[0].row,
      col: model.columns.get('name') ?? 0,
      severity: 'info',
      code: 'sheet.hidden-rows',
      message: msg(
        `有 ${rows.length} 行数据被隐藏（第${shown}行），已一并检查`,
        `${rows.length} data ${plural(rows.length, 'row is', 'rows are')} hidden (${plural(rows.length, 'row', 'rows')} ${shown}); ${plural(rows.length, 'it was', 'they were')} checked too`,
      ),
    });
  }
  return out;
}
