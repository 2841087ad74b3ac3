/**
 * Helpers the wizards share: reading typed cells, the layout of an output sheet (title, policy
 * line, one header row the ledger recogniser maps, data rows, 说明 lines under the table), and
 * masking anything that looks like an ID number in text meant for the public.
 */
import { msg, type Msg } from '../i18n/message';
import type { CellWrite } from '../ledger/edit-plan';
import type { FieldKey } from '../ledger/fields';
import type { CellValue, RangeBox } from '../ledger/grid';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import { missingColumns, rowsText, type ColumnNeed } from '../ledger/unread';
import { reason, type Reason } from '../rules/decision';
import { guardText } from '../brief/privacy';
import { formatIso, toSerial, type LocalDate } from '../values/local-date';
import { normalizeText } from '../values/text';
import type { CellStyle, SheetSpec } from '../workbook/port';

/** A typed row's person name (normalised), or ''. */
export function nameOf(row: TypedRow): string {
  return row.names.name ?? '';
}

/** Text of a field, trimmed ('' when blank). */
export function textOf(row: TypedRow, field: FieldKey): string {
  return normalizeText(row.texts[field] ?? '').trim();
}

const YES = /^(?:有|是|已提交|已填写|已填|齐全|已申报|√|✓|y|yes)$/i;

/** A yes/no cell (推荐材料 有, 推荐表 是, √). */
export function isYes(text: string): boolean {
  return YES.test(text.replace(/\s+/g, ''));
}

/** 0.5 → "50%", 0.2996… → "29.96%" (never rounds a fail up to the threshold). */
export function pctText(ratio: number): string {
  return `${(Math.round(ratio * 10000) / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** Reasons' messages in one language, one per line, for the 说明 column. */
export function reasonText(reasons: readonly Reason[], locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  return reasons.map((r) => r.message[locale]).join('\n');
}

/**
 * Text for the public (SPEC §3): any 15- or 18-digit ID inside it masked (first 6 + ******** +
 * last 4; also full-width or written in groups) and birth dates cut to the month — the same guard
 * the brief applies (src/brief/privacy.ts).
 */
export function maskIdsInText(text: string): string {
  return guardText(text).text;
}

/** A date cell written as a real date with an ISO display format. */
export function dateCell(d: LocalDate | null): CellWrite {
  return d ? { value: toSerial(d), numberFormat: 'yyyy-mm-dd' } : { value: null };
}

/** A ratio cell written as a number with a percent format (two decimals). */
export function ratioCell(r: number | null): CellWrite {
  return r === null ? { value: null } : { value: r, numberFormat: '0.00%' };
}

export const iso = formatIso;

export interface TableSheetInput {
  readonly name: string;
  readonly title: string;
  /** One line under the title: policy in force, dates, source sheet. */
  readonly subtitle: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (CellWrite | CellValue)[])[];
  /** Rows (0-based within `rows`) to highlight: warning / error. */
  readonly flags?: readonly ('warning' | 'error' | 'info' | null)[];
  /** 说明 lines written under the table (the recogniser treats them as notes). */
  readonly notes?: readonly string[];
  /** A second table under the notes (e.g. the vote detail); not part of the recognised table. */
  readonly detail?: { readonly header: readonly string[]; readonly rows: readonly (readonly (CellWrite | CellValue)[])[] };
  readonly columnWidths?: readonly number[];
  readonly orientation?: 'portrait' | 'landscape';
}

const FLAG_FILL = { error: '#FDE7E9', warning: '#FFF4CE', info: '#EFF6FC' } as const;

/**
 * Title (merged), subtitle, header on row 3, data from row 4, then 说明 lines and an optional
 * detail table. Bordered, header bold, frozen under the header, A4 with the header repeated.
 */
export function tableSheet(t: TableSheetInput): SheetSpec {
  const width = Math.max(t.header.length, t.detail?.header.length ?? 0);
  const rows: (CellWrite | CellValue)[][] = [];
  const pad = (r: readonly (CellWrite | CellValue)[]): (CellWrite | CellValue)[] => [...r, ...Array<CellValue>(Math.max(0, width - r.length)).fill(null)];
  rows.push(pad([t.title]));
  rows.push(pad([t.subtitle]));
  rows.push(pad(t.header));
  for (const r of t.rows) rows.push(pad(r));
  const last = width - 1;
  const headerRow = 2;
  const dataEnd = headerRow + t.rows.length;
  const styles: { box: RangeBox; style: CellStyle }[] = [
    { box: { top: 0, left: 0, bottom: 0, right: last }, style: { bold: true, fontSize: 16, horizontal: 'center' } },
    { box: { top: 1, left: 0, bottom: 1, right: last }, style: { fontSize: 10, wrap: true, vertical: 'top' } },
    {
      box: { top: headerRow, left: 0, bottom: headerRow, right: t.header.length - 1 },
      style: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F3F2F1', border: true },
    },
  ];
  if (t.rows.length)
    styles.push({ box: { top: headerRow + 1, left: 0, bottom: dataEnd, right: t.header.length - 1 }, style: { border: true, wrap: true, vertical: 'top' } });
  (t.flags ?? []).forEach((f, i) => {
    if (f && f !== 'info')
      styles.push({ box: { top: headerRow + 1 + i, left: 0, bottom: headerRow + 1 + i, right: t.header.length - 1 }, style: { fill: FLAG_FILL[f] } });
  });
  const merges: RangeBox[] = [
    { top: 0, left: 0, bottom: 0, right: last },
    { top: 1, left: 0, bottom: 1, right: last },
  ];
  if (t.notes?.length || t.detail) {
    rows.push(pad([]));
    for (const n of t.notes ?? []) {
      const r = rows.length;
      rows.push(pad([n]));
      merges.push({ top: r, left: 0, bottom: r, right: last });
      styles.push({ box: { top: r, left: 0, bottom: r, right: last }, style: { wrap: true, vertical: 'top' } });
    }
    if (t.detail) {
      const top = rows.length;
      rows.push(pad(t.detail.header));
      for (const r of t.detail.rows) rows.push(pad(r));
      styles.push({ box: { top, left: 0, bottom: top, right: t.detail.header.length - 1 }, style: { bold: true, fill: '#F3F2F1', border: true, wrap: true } });
      if (t.detail.rows.length)
        styles.push({ box: { top: top + 1, left: 0, bottom: rows.length - 1, right: t.detail.header.length - 1 }, style: { border: true, wrap: true } });
    }
  }
  return {
    name: t.name,
    rows,
    styles,
    merges,
    columnWidths: t.columnWidths ?? t.header.map((h) => Math.max(8, Math.min(40, h.length * 2 + 4))),
    freezeRows: headerRow + 1,
    print: { paper: 'A4', orientation: t.orientation ?? 'landscape', fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
  };
}

/** Header labels (zh-CN: the recogniser's synonyms) of a wizard's result table, as Msgs. */
export function labels(list: readonly Msg[]): string[] {
  return list.map((m) => m['zh-CN']);
}

/**
 * Summary lines for the columns a wizard's result rests on that its source lacks (issue 11, point
 * 5): each names the sheet, the column and what went unchecked, and points to 检查台账 → 指定列, so
 * a result never reads as "nothing to report" or 0 when the column was simply not found.
 */
export const GAP_CODE = 'ledger.column-missing';

/** The column gaps of a result as 说明 lines for its output sheet (the sheet says so too). */
export function gapNotes(summary: readonly Reason[]): string[] {
  return summary.filter((r) => r.code === GAP_CODE).map((r) => `说明：${r.message['zh-CN']}`);
}

/**
 * Rows a wizard leaves out because their name is blank or unreadable although they hold something
 * in `fields` (票数, 职级 …): one summary line listing them, never a silent skip.
 */
export function namelessRows(rule: string, sheet: TypedSheet, fields: readonly FieldKey[]): Reason[] {
  return leftOutRows(
    rule,
    sheet,
    sheet.rows.filter((r) => !nameOf(r) && fields.some((f) => sheet.model.columns.has(f) && !r.blank.has(f))).map((r) => r.row + 1),
  );
}

/** A row holds something in a recognised column other than 序号 (a template's pre-numbered blank row holds nothing). */
export function holdsData(sheet: TypedSheet, row: TypedRow): boolean {
  for (const f of sheet.model.columns.keys()) if (f !== 'seq' && !row.blank.has(f)) return true;
  return false;
}

/** The summary line naming the 1-based `rows` a wizard left out for want of a readable name (none: no line). */
export function leftOutRows(rule: string, sheet: TypedSheet, rows: readonly number[]): Reason[] {
  if (!rows.length) return [];
  return [
    reason(
      rule,
      'ledger.value-missing',
      'warning',
      msg(
        `“${sheet.model.sheet}”第 ${rowsText(rows)}有数据但姓名为空或无法读取，未计入；请补填姓名`,
        `"${sheet.model.sheet}" rows ${rows.join(', ')} hold data but no readable name and were left out; fill in the names`,
      ),
      { value: rows.length },
    ),
  ];
}

export function columnGaps(rule: string, sheet: TypedSheet, needs: readonly ColumnNeed[]): Reason[] {
  return missingColumns(sheet.model, needs).map((u) => reason(rule, GAP_CODE, 'warning', u.message));
}
