/**
 * The brief's last privacy guard (隐私保护): whatever reached the text, no full ID number and no
 * birth date finer than the month leaves in a rendered brief (SPEC §3, 二.4). The model is built
 * not to carry them; this catches what free-text ledger cells (考察结论, 公示结果, 职务) smuggle in,
 * e.g. "张三，1978年5月12日出生，身份证号110101197805120013". Found values are masked
 * (first 6 + ******** + last 4; birth date cut to the month) and reported, never echoed in full.
 */
import { maskIdNumber } from '../values/id-number';
import { toHalfWidth } from '../values/text';
import type { Block, BriefDocument, BriefSectionDoc } from './brief-document';

export interface PrivacyHit {
  readonly kind: 'id-number' | 'birth-date';
  /** The masked form that replaced the value (never the value itself). */
  readonly replacement: string;
}

// 18 characters (17 digits + digit or X) or a legacy 15-digit number, not inside a longer run.
const ID = /(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])/g;
// A day-precision date: 1978年5月12日, 1978.05.12, 1978-5-12, 1978/05/12, 19780512.
const DAY_DATE = String.raw`((?:19|20)[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]?|[.\-/]\s*([0-9]{1,2})\s*[.\-/]\s*([0-9]{1,2})(?![0-9])|([01][0-9])([0-3][0-9])(?![0-9]))`;
// …introduced as a birth date ("出生日期：1978-05-12", "生于1978年5月12日") or followed by 出生/生.
const BIRTH_BEFORE = new RegExp(String.raw`((?:出生(?:日期|年月日?|时间)?|生于|生日)\s*[:：为是]?\s*)` + DAY_DATE, 'g');
const BIRTH_AFTER = new RegExp(DAY_DATE + String.raw`(\s*(?:出生|生人|生(?![产活效])))`, 'g');

function monthOf(y: string, m: string, style: 'cn' | 'dot'): string {
  return style === 'cn' ? `${y}年${Number(m)}月` : `${y}.${m.padStart(2, '0')}`;
}

/** Mask ID numbers and cut birth dates to the month in one text. */
export function guardText(text: string): { readonly text: string; readonly hits: readonly PrivacyHit[] } {
  const hits: PrivacyHit[] = [];
  // Full-width digits count too; toHalfWidth maps one UTF-16 unit to one, so offsets line up.
  const half = toHalfWidth(text);
  let out = '';
  let last = 0;
  for (const m of half.matchAll(ID)) {
    const i = m.index ?? 0;
    const replacement = maskIdNumber(m[0]);
    hits.push({ kind: 'id-number', replacement });
    out += text.slice(last, i) + replacement;
    last = i + m[0].length;
  }
  out += text.slice(last);
  const birth = (full: string, y: string, m1?: string, m2?: string, m3?: string): string => {
    const replacement = m1 !== undefined ? monthOf(y, m1, 'cn') : monthOf(y, (m2 ?? m3) as string, 'dot');
    hits.push({ kind: 'birth-date', replacement });
    return replacement;
  };
  out = out.replace(
    BIRTH_BEFORE,
    (_all, lead: string, y: string, cm: string | undefined, _cd, dm: string | undefined, _dd, nm: string | undefined) => lead + birth(_all, y, cm, dm, nm),
  );
  out = out.replace(
    BIRTH_AFTER,
    (_all, y: string, cm: string | undefined, _cd, dm: string | undefined, _dd, nm: string | undefined, _nd, tail: string) => birth(_all, y, cm, dm, nm) + tail,
  );
  return { text: out, hits };
}

/** What still leaks after guarding (used by tests and as an assertion before writing a file). */
export function leaks(text: string): PrivacyHit[] {
  return [...guardText(text).hits];
}

function guardBlock(b: Block, hits: PrivacyHit[]): Block {
  const g = (t: string) => {
    const r = guardText(t);
    hits.push(...r.hits);
    return r.text;
  };
  if (b.kind === 'table') return { ...b, columns: b.columns.map((c) => ({ ...c, title: g(c.title) })), rows: b.rows.map((r) => r.map(g)) };
  return { ...b, text: g(b.text) };
}

/** The document with every text guarded, and what was masked (empty when the model was clean). */
export function guardDocument(doc: BriefDocument): { readonly doc: BriefDocument; readonly hits: readonly PrivacyHit[] } {
  const hits: PrivacyHit[] = [];
  const g = (t: string) => {
    const r = guardText(t);
    hits.push(...r.hits);
    return r.text;
  };
  const sections: BriefSectionDoc[] = doc.sections.map((s) => ({
    ...s,
    heading: g(s.heading),
    emptyLine: s.emptyLine === null ? null : g(s.emptyLine),
    blocks: s.blocks.map((b) => guardBlock(b, hits)),
  }));
  return { doc: { title: g(doc.title), dateLine: g(doc.dateLine), intro: g(doc.intro), sections }, hits };
}
