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

/**
 * Replace the matches of `re` found in the half-width form of `text` (full-width digits count too;
 * toHalfWidth maps one UTF-16 unit to one, so offsets line up), keeping the rest as written.
 */
function replaceOnHalfWidth(text: string, re: RegExp, replace: (m: RegExpMatchArray, original: string) => string): string {
  const half = toHalfWidth(text);
  let out = '';
  let last = 0;
  for (const m of half.matchAll(re)) {
    const i = m.index ?? 0;
    out += text.slice(last, i) + replace(m, text.slice(i, i + m[0].length));
    last = i + m[0].length;
  }
  return out + text.slice(last);
}

// Digit groups joined by single spaces or hyphens ("1101 0119 7805 1200 13", "110101-19780512-0013").
const SEP = '[ \u00a0\u3000-]';
const SPACED_RUN = new RegExp(`(?<![0-9A-Za-z*])[0-9]+(?:${SEP}[0-9]+)+(?:${SEP}?[Xx])?(?![0-9A-Za-z])`, 'g');

/** Inside one run of digit groups: every span of whole groups that spells an 18- or 15-digit ID, masked. */
function maskSpacedRun(run: string, hits: PrivacyHit[]): string {
  const groups = [...run.matchAll(/[0-9]+[Xx]?|[Xx]/g)].map((m) => ({ text: m[0], from: m.index ?? 0, to: (m.index ?? 0) + m[0].length }));
  let out = '';
  let last = 0;
  for (let i = 0; i < groups.length;) {
    let digits = '';
    let end = -1;
    for (let j = i; j < groups.length; j++) {
      digits += groups[j].text;
      if (digits.length > 18 || /[Xx]./.test(digits)) break;
      if (/^[0-9]{17}[0-9Xx]$/.test(digits) || (/^[0-9]{15}$/.test(digits) && end < 0)) end = j;
    }
    if (end < 0) {
      i++;
      continue;
    }
    const id = groups
      .slice(i, end + 1)
      .map((g) => g.text)
      .join('');
    const replacement = maskIdNumber(id);
    hits.push({ kind: 'id-number', replacement });
    out += run.slice(last, groups[i].from) + replacement;
    last = groups[end].to;
    i = end + 1;
  }
  return out + run.slice(last);
}

/** Mask ID numbers (also full-width, or written in groups) and cut birth dates to the month in one text. */
export function guardText(text: string): { readonly text: string; readonly hits: readonly PrivacyHit[] } {
  const hits: PrivacyHit[] = [];
  let out = replaceOnHalfWidth(text, ID, (m) => {
    const replacement = maskIdNumber(m[0]);
    hits.push({ kind: 'id-number', replacement });
    return replacement;
  });
  out = replaceOnHalfWidth(out, SPACED_RUN, (m) => maskSpacedRun(m[0], hits));
  const birth = (y: string, m1?: string, m2?: string, m3?: string): string => {
    const replacement = m1 !== undefined ? monthOf(y, m1, 'cn') : monthOf(y, (m2 ?? m3) as string, 'dot');
    hits.push({ kind: 'birth-date', replacement });
    return replacement;
  };
  // Groups: lead, year, 年-month, 年-day, sep-month, sep-day, yyyymm's month, its day (BIRTH_AFTER: the
  // same without the lead, then the tail). The lead and the tail are kept as written.
  out = replaceOnHalfWidth(out, BIRTH_BEFORE, (m, o) => o.slice(0, m[1].length) + birth(m[2], m[3], m[5], m[7]));
  out = replaceOnHalfWidth(out, BIRTH_AFTER, (m, o) => birth(m[1], m[2], m[4], m[6]) + o.slice(o.length - m[8].length));
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
