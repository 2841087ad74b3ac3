/**
 * Names and text cleaned (文本清理): names trimmed and normalised (`王  五` → `王五`, middle dots
 * unified), full-width digits and spaces in text cells made half-width and trimmed, counts typed
 * as text (`１２票`) stored as numbers. Line breaks inside long texts (简历) are kept.
 */
import { msg } from '../../i18n/message';
import type { TypedSheet } from '../rows';
import { columnsOfTypes, hasFormula } from './context';
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

/**
 * True when cleanText(s) is s, told without allocating: no ideographic space or full-width digit,
 * and first and last characters that trim keeps (printable ASCII or a common Han character; any
 * other end character answers false, and the caller cleans the text to know).
 */
export function isCleanText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (!keptByTrim(s.charCodeAt(0)) || !keptByTrim(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  return true;
}

/** Characters that are surely not white space for String.prototype.trim. */
function keptByTrim(c: number): boolean {
  return (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff);
}

const TEXT_CLEANED = msg(`去除多余空格、全角数字改为半角`, `Extra spaces removed, full-width digits made half-width`);

export function cleanNamesAndText(sheet: TypedSheet, _ctx: unknown, sink: EditSink): void {
  // Only the columns this transform can change.
  const { fields, cols, types } = columnsOfTypes(sheet, ['name', 'text', 'count']);
  if (fields.length === 0) return;
  const { values, formulas } = sheet.grid;
  // Texts repeat down a column (units, posts, levels): each distinct one that is not plainly clean
  // is cleaned once.
  const cleaned = new Map<string, string>();
  const clean = (v: string): string => {
    let t = cleaned.get(v);
    if (t === undefined) cleaned.set(v, (t = cleanText(v)));
    return t;
  };
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = row.row;
    for (let k = 0; k < fields.length; k++) {
      const col = cols[k];
      const v = values[r][col];
      if (typeof v !== 'string' || hasFormula(formulas, r, col)) continue;
      const type = types[k];
      const f = fields[k];
      if (type === 'name') {
        const name = row.names[f];
        if (name !== undefined && name !== v) {
          sink.add(r, col, 'fix.name-normalize', { value: name }, () => msg(`姓名“${v}”规范为“${name}”`, `Name "${v}" normalised to "${name}"`));
        }
      } else if (type === 'text') {
        if (isCleanText(v)) continue;
        const t = clean(v);
        if (t !== v && t !== '') sink.add(r, col, 'fix.text-normalize', { value: t }, TEXT_CLEANED);
      } else {
        const n = row.counts[f];
        if (n !== undefined)
          sink.add(r, col, 'fix.count-to-number', { value: n }, () => msg(`文本“${v}”改为数字 ${n}`, `Text "${v}" stored as the number ${n}`));
      }
    }
  }
}
