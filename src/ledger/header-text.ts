/**
 * Header text normalisation (表头规范化): the same header must compare equal however it was typed
 * — full-width brackets, spaces between characters to line them up (`姓  名`), line breaks
 * (`出生\n年月`), a trailing colon or asterisk, a unit in brackets (`不称职(票)`, `得票率(%)`).
 */
import { normalizeText } from '../values/text';
import type { FieldKey } from './fields';
import { SYNONYMS } from './synonyms';
import { FORM_SYNONYMS } from './synonyms-forms';
import { AMBIGUOUS_HEADERS, type AmbiguousHeader } from './ambiguous-headers';

const UNIT_SUFFIX = /\((?:票|人|张|个|名|次|岁|%|％|百分比)\)$/;
const PUNCT = /[()[\]【】<>〈〉《》"“”'‘’:：*※、,，.。·\s]/g;

/** The comparison key of a header text; '' for anything that is not text. */
export function headerKey(text: unknown): string {
  if (typeof text !== 'string') return '';
  const t = normalizeText(text).replace(/\s+/g, '');
  return t.replace(UNIT_SUFFIX, '').replace(PUNCT, '').replace(/%$/, '').toLowerCase();
}

/** True when the header says its numbers are percentage points: `得票率(%)`, `不称职率%`. */
export function headerIsPercent(text: unknown): boolean {
  return typeof text === 'string' && /[%％]|百分比/.test(text);
}

let index: Map<string, FieldKey> | null = null;

/** Synonym key → field, built once from the SYNONYMS data. Later duplicates never override. */
export function synonymIndex(): Map<string, FieldKey> {
  if (index) return index;
  const m = new Map<string, FieldKey>();
  const lists = [...Object.entries(SYNONYMS), ...Object.entries(FORM_SYNONYMS)] as [FieldKey, readonly string[]][];
  for (const [field, list] of lists) {
    for (const s of list) {
      const key = s.includes('|') ? s.split('|').map(headerKey).join('|') : headerKey(s);
      if (key && !m.has(key)) m.set(key, field);
    }
  }
  index = m;
  return m;
}

/** The field a header names: `group|sub` first, then the sub-header, then group+sub, then group. */
export function lookupHeader(group: string, sub: string): FieldKey | null {
  const idx = synonymIndex();
  const g = headerKey(group);
  const s = headerKey(sub);
  if (g && s) return idx.get(`${g}|${s}`) ?? idx.get(s) ?? idx.get(g + s) ?? null;
  return idx.get(s || g) ?? null;
}

let ambiguous: Map<string, AmbiguousHeader> | null = null;

/** The kind-dependent reading of a header (任职时间, 考核结果), or null. */
export function lookupAmbiguous(group: string, sub: string): AmbiguousHeader | null {
  if (!ambiguous) ambiguous = new Map(Object.entries(AMBIGUOUS_HEADERS).map(([k, v]) => [headerKey(k), v]));
  return ambiguous.get(headerKey(sub || group)) ?? null;
}

const YEAR_PREFIX = /^((?:19|20)\d{2})年度?/;

/**
 * A header naming a year (`2024年度考核等次`, or `2024年度` under the group 年度考核等次): the year
 * and the header without it, so per-year columns read as their field and the latest year wins.
 */
export function splitYear(text: string): { year: number; rest: string } | null {
  const m = YEAR_PREFIX.exec(headerKey(text));
  return m ? { year: Number(m[1]), rest: headerKey(text).slice(m[0].length) } : null;
}
