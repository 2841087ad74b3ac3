/**
 * ID numbers as text (身份证号存为文本): a 15-digit ID stored as a number (still exact) becomes
 * text in a text-formatted cell so Excel can never round it; a text ID with spaces, full-width
 * digits or a lower-case x is written in its canonical form. A number that already lost digits
 * (id.precision-lost) is not touched: the digits cannot be recovered. 15-digit IDs are not
 * upgraded to 18 here — the ledger keeps what the document says.
 */
import { msg } from '../../i18n/message';
import type { TypedSheet } from '../rows';
import { toHalfWidth } from '../../values/text';
import { hasFormula } from './context';
import type { EditSink } from './sink';

/** Only ASCII digits and capital letters: already canonical (the usual ID), no regex needed. */
function plainId(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** The canonical text of an ID typed as text: half-width, no spaces or dashes, no leading ', capital X. */
export function canonicalIdText(v: string): string {
  if (plainId(v)) return v;
  return toHalfWidth(v)
    .replace(/[\s\u3000-]/g, '')
    .replace(/^'/, '')
    .toUpperCase();
}

export function idsToText(sheet: TypedSheet, _ctx: unknown, sink: EditSink): void {
  const col = sheet.model.columns.get('idNumber');
  if (col === undefined) return;
  const { values, formulas } = sheet.grid;
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = row.ids.idNumber;
    const r = row.row;
    if (!id || hasFormula(formulas, r, col)) continue;
    const v = values[r][col];
    if (typeof v === 'number') {
      const text = String(v);
      sink.add(r, col, 'fix.id-to-text', { value: text, numberFormat: '@' }, () =>
        msg(`身份证号 ${text} 由数字改为文本`, `ID number ${text} stored as text instead of a number`),
      );
    } else if (typeof v === 'string') {
      // The usual cell is its own 18-character form (digits and a capital X): canonical already,
      // told by one comparison (often of the very same string) instead of a scan.
      if (v === id.id18) continue;
      const canon = canonicalIdText(v);
      if (canon !== v)
        sink.add(r, col, 'fix.id-to-text', { value: canon }, () => msg(`身份证号“${v}”规范为“${canon}”`, `ID number "${v}" normalised to "${canon}"`));
    }
  }
}
