/**
 * Names and text cleaned (文本清理): names trimmed and normalised (`王  五` → `王五`, middle dots
 * unified), full-width digits and spaces in text cells made half-width and trimmed, counts typed
 * as text (`１２票`) stored as numbers. Line breaks inside long texts (简历) are kept.
 */
import { msg } from '../../i18n/message';
import type { CellEdit } from '../edit-plan';
import { FIELDS, type FieldKey } from '../fields';
import type { TypedSheet } from '../rows';
import { edit, isConstant } from './context';

const FULL_DIGIT = /[\uff10-\uff19]/g;

/** Full-width digits → ASCII, ideographic spaces → spaces, trimmed; nothing else changes. */
export function cleanText(s: string): string {
  return s
    .replace(FULL_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export function cleanNamesAndText(sheet: TypedSheet): CellEdit[] {
  const out: CellEdit[] = [];
  const entries = [...sheet.model.columns.entries()] as [FieldKey, number][];
  // Texts repeat down a column (units, posts, levels): each distinct one is cleaned once.
  const cleaned = new Map<string, string>();
  const clean = (v: string): string => {
    let t = cleaned.get(v);
    if (t === undefined) cleaned.set(v, (t = cleanText(v)));
    return t;
  };
  for (const row of sheet.rows) {
    for (const [f, col] of entries) {
      if (!isConstant(sheet, row.row, col)) continue;
      const v = sheet.grid.values[row.row][col];
      const type = FIELDS[f].type;
      if (type === 'name' && typeof v === 'string') {
        const name = row.names[f];
        if (name !== undefined && name !== v) {
          out.push(edit(sheet, row.row, col, { value: name }, 'fix.name-normalize', msg(`姓名“${v}”规范为“${name}”`, `Name "${v}" normalised to "${name}"`)));
        }
      } else if (type === 'text' && typeof v === 'string') {
        const t = clean(v);
        if (t !== v && t !== '')
          out.push(
            edit(
              sheet,
              row.row,
              col,
              { value: t },
              'fix.text-normalize',
              msg(`去除多余空格、全角数字改为半角`, `Extra spaces removed, full-width digits made half-width`),
            ),
          );
      } else if (type === 'count' && typeof v === 'string') {
        const n = row.counts[f];
        if (n !== undefined)
          out.push(edit(sheet, row.row, col, { value: n }, 'fix.count-to-number', msg(`文本“${v}”改为数字 ${n}`, `Text "${v}" stored as the number ${n}`)));
      }
    }
  }
  return out;
}
