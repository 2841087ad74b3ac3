/**
 * ID numbers as text (身份证号存为文本): a 15-digit ID stored as a number (still exact) becomes
 * text in a text-formatted cell so Excel can never round it; a text ID with spaces, full-width
 * digits or a lower-case x is written in its canonical form. A number that already lost digits
 * (id.precision-lost) is not touched: the digits cannot be recovered. 15-digit IDs are not
 * upgraded to 18 here — the ledger keeps what the document says.
 */
import { msg } from '../../i18n/message';
import type { CellEdit } from '../edit-plan';
import type { TypedSheet } from '../rows';
import { toHalfWidth } from '../../values/text';
import { edit, isConstant } from './context';

export function idsToText(sheet: TypedSheet): CellEdit[] {
  const col = sheet.model.columns.get('idNumber');
  if (col === undefined) return [];
  const out: CellEdit[] = [];
  for (const row of sheet.rows) {
    if (!row.ids.idNumber || !isConstant(sheet, row.row, col)) continue;
    const v = sheet.grid.values[row.row][col];
    if (typeof v === 'number') {
      const text = String(v);
      out.push(
        edit(
          sheet,
          row.row,
          col,
          { value: text, numberFormat: '@' },
          'fix.id-to-text',
          msg(`身份证号 ${text} 由数字改为文本`, `ID number ${text} stored as text instead of a number`),
        ),
      );
    } else if (typeof v === 'string') {
      const canon = toHalfWidth(v)
        .replace(/[\s\u3000-]/g, '')
        .replace(/^'/, '')
        .toUpperCase();
      if (canon !== v)
        out.push(
          edit(sheet, row.row, col, { value: canon }, 'fix.id-to-text', msg(`身份证号“${v}”规范为“${canon}”`, `ID number "${v}" normalised to "${canon}"`)),
        );
    }
  }
  return out;
}
