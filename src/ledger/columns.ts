/**
 * Which column holds which field (列映射), in four steps: the user's taught columns (a mapping
 * stored in the workbook or given with --map) first; then the header synonyms; then columns
 * read by their values where no synonym names the header; the sheet is classified from these
 * unambiguous fields and its title, and only then are the kind-dependent headers (任职时间,
 * 考核结果: ambiguous-headers.ts) read in that context.
 */
import type { AmbiguousHeader } from './ambiguous-headers';
import { resolveAmbiguous } from './ambiguous-headers';
import { FIELDS, type FieldKey } from './fields';
import type { Grid } from './grid';
import { mergeAt, mergedText } from './grid-text';
import { headerIsPercent, headerKey, lookupAmbiguous, lookupHeader, splitYear } from './header-text';
import { classifyKind, type SheetKind } from './sheet-kind';
import { inferColumn } from './value-inference';

/** A column the user named once: on this sheet, the header with this text holds this field. */
export interface TaughtColumn {
  readonly header: string;
  readonly field: FieldKey;
}

/** A taught column that does not fit: no header with that text (stale), or two headers match. */
export interface TaughtProblem {
  readonly header: string;
  readonly field: FieldKey;
  readonly why: 'no-header' | 'several-headers';
}

export interface ColumnMap {
  readonly columns: Map<FieldKey, number>;
  readonly percentFields: Set<FieldKey>;
  readonly monthFields: Set<FieldKey>;
  readonly unmatched: { col: number; text: string }[];
  readonly labels: string[];
  readonly lastCol: number;
  readonly kind: SheetKind;
  readonly taughtProblems: TaughtProblem[];
  readonly inferred: Map<FieldKey, number>;
}

/** A header that says its column holds a month: 出生年月, 任现职年月 (not 年月日). */
const MONTH_HEADER = /年月(?!日)/;

interface Pending {
  readonly col: number;
  readonly text: string;
  readonly ambiguous: AmbiguousHeader;
}

/** The header keys a taught header text may match on a column: whole label, sub-header, group. */
function keysOf(group: string, sub: string): string[] {
  const out = [headerKey(group + sub)];
  if (sub) out.push(headerKey(sub));
  if (group && !sub) out.push(headerKey(group));
  return out;
}

export function mapColumns(g: Grid, top: number, bottom: number, title: string, taught: readonly TaughtColumn[]): ColumnMap {
  const columns = new Map<FieldKey, number>();
  const percentFields = new Set<FieldKey>();
  const monthFields = new Set<FieldKey>();
  const unmatched: { col: number; text: string }[] = [];
  const labels: string[] = [];
  const years = new Map<FieldKey, number>();
  const pending: Pending[] = [];
  const texts: { group: string; sub: string }[] = [];
  let lastCol = -1;
  for (let c = 0; c < g.colCount; c++) {
    const group = mergedText(g, g.merges, top, c);
    let sub = '';
    if (bottom > top) {
      const m = mergeAt(g.merges, bottom, c);
      // Under a vertical merge from the top row there is no sub-header.
      sub = m && m.top <= top ? '' : mergedText(g, g.merges, bottom, c);
    }
    const label = sub && group && sub !== group ? `${group}|${sub}` : group || sub;
    const effSub = sub === group ? '' : sub;
    labels.push(label);
    texts.push({ group: effSub ? group : label, sub: effSub });
    if (label) lastCol = c;
  }

  // 1. Taught columns: the user's word stands.
  const taughtCols = new Map<number, FieldKey>();
  const taughtProblems: TaughtProblem[] = [];
  for (const t of taught) {
    const want = headerKey(t.header);
    const hits: number[] = [];
    texts.forEach((x, c) => {
      if (labels[c] && keysOf(x.group, x.sub).includes(want)) hits.push(c);
    });
    if (hits.length === 1 && FIELDS[t.field]) taughtCols.set(hits[0], t.field);
    else taughtProblems.push({ header: t.header, field: t.field, why: hits.length ? 'several-headers' : 'no-header' });
  }
  const taughtFields = new Set(taughtCols.values());
  for (const [c, f] of taughtCols) columns.set(f, c);

  // 2. Header synonyms, per-year columns keeping the latest year.
  for (let c = 0; c < g.colCount; c++) {
    const label = labels[c];
    if (!label || taughtCols.has(c)) continue;
    const { group, sub } = texts[c];
    const year = splitYear(sub || group);
    let field: FieldKey | null;
    if (year && !year.rest && sub) field = lookupHeader('', group);
    else if (year && year.rest) field = lookupHeader(sub ? group : '', year.rest);
    else field = lookupHeader(sub ? group : '', sub || group);
    if (!field) {
      const amb = lookupAmbiguous(sub ? group : '', sub || group);
      if (amb) pending.push({ col: c, text: label, ambiguous: amb });
      else unmatched.push({ col: c, text: label });
      continue;
    }
    if (taughtFields.has(field)) {
      unmatched.push({ col: c, text: label });
      continue;
    }
    const prev = columns.get(field);
    if (prev === undefined || (year && year.year > (years.get(field) ?? Infinity))) {
      if (prev !== undefined) unmatched.push({ col: prev, text: labels[prev] });
      columns.set(field, c);
      if (year) years.set(field, year.year);
      if (headerIsPercent(sub || group)) percentFields.add(field);
      else percentFields.delete(field);
    } else {
      unmatched.push({ col: c, text: label });
    }
  }

  // 3. Columns read by their values.
  const inferred = new Map<FieldKey, number>();
  for (let i = unmatched.length - 1; i >= 0; i--) {
    const u = unmatched[i];
    if ([...columns.values()].includes(u.col)) continue;
    const f = inferColumn(g, u.col, bottom + 1, headerKey(u.text));
    if (f && !columns.has(f)) {
      columns.set(f, u.col);
      inferred.set(f, u.col);
      unmatched.splice(i, 1);
    }
  }
  unmatched.sort((a, b) => a.col - b.col);

  // 4. Classify from the unambiguous fields, then read the ambiguous headers in that kind.
  let kind = classifyKind(new Set(columns.keys()), title);
  if (kind === 'unknown' && pending.length) {
    const withDefaults = new Set(columns.keys());
    for (const p of pending) withDefaults.add(p.ambiguous.otherwise);
    kind = classifyKind(withDefaults, title);
  }
  for (const p of pending) {
    const f = resolveAmbiguous(p.ambiguous, kind);
    if (!columns.has(f)) columns.set(f, p.col);
    else unmatched.push({ col: p.col, text: p.text });
  }
  unmatched.sort((a, b) => a.col - b.col);
  for (const [f, c] of columns) if (FIELDS[f].type === 'date' && MONTH_HEADER.test(headerKey(labels[c]))) monthFields.add(f);
  return { columns, percentFields, monthFields, unmatched, labels, lastCol, kind, taughtProblems, inferred };
}
