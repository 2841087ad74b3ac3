/**
 * Names and text cleaned (文本清理): names trimmed and normalised (`王  五` → `王五`, middle dots
 * unified), full-width digits and spaces in text cells made half-width and trimmed, counts typed
 * as text (`１２票`) stored as numbers. Line breaks inside long texts (简历) are kept.
 */
import { msg } from '../../i18n/message';
import { FIELDS, type FieldKey } from '../fields';
import type { TypedSheet } from '../rows';
import { isConstant } from './context';
import type { EditSink } from './sink';

const FULL_DIGIT = /[\uff10-\uff19]/g;

/** Full-width digits → ASCII, ideographic spaces → spaces, trimmed; nothing else changes. */
export function cleanText(s: string): string {
  // The usual text has neither: only the trim can change it.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff10 && c <= 0xff19)) plain = false;
  }
  if (plain) return s.trim();
  return s
    .replace(FULL_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

const TEXT_CLEANED = msg(`去除多余空格、全角数字改为半角`, `Extra spaces removed, full-width digits made half-width`);

export function cleanNamesAndText(sheet: TypedSheet, _ctx: unknown, sink: EditSink): void {
  // Only the columns this transform can change.
  const entries = ([...sheet.model.columns.entries()] as [FieldKey, number][])
    .map(([f, col]) => [f, col, FIELDS[f].type] as const)
    .filter(([, , type]) => type === 'name' || type === 'text' || type === 'count');
  const values = sheet.grid.values;
  // Texts repeat down a column (units, posts, levels): each distinct one is cleaned once.
  const cleaned = new Map<string, string>();
  const clean = (v: string): string => {
    let t = cleaned.get(v);
    if (t === undefined) cleaned.set(v, (t = cleanText(v)));
    return t;
  };
  for (const row of sheet.rows) {
    for (const [f, col, type] of entries) {
      const v = values[row.row][col];
      if (typeof v !== 'string' || !isConstant(sheet, row.row, col)) continue;
      if (type === 'name' && typeof v === 'string') {
        const name = row.names[f];
        if (name !== undefined && name !== v) {
          sink.add(row.row, col, 'fix.name-normalize', { value: name }, () => msg(`姓名“${v}”规范为“${name}”`, `Name "${v}" normalised to "${name}"`));
        }
      } else if (type === 'text' && typeof v === 'string') {
        const t = clean(v);
        if (t !== v && t !== '') sink.add(row.row, col, 'fix.text-normalize', { value: t }, TEXT_CLEANED);
      } else if (type === 'count' && typeof v === 'string') {
        const n = row.counts[f];
        if (n !== undefined)
          sink.add(row.row, col, 'fix.count-to-number', { value: n }, () => msg(`文本“${v}”改为数字 ${n}`, `Text "${v}" stored as the number ${n}`));
      }
    }
  }
}
