/**
 * The brief as a print-ready worksheet (打印用工作表): BriefModel → SheetSpec, written by either
 * adapter (Excel or file). A4 portrait with the GB/T 9704 margins, print area, the title row
 * repeated on every page, fitted to one page wide; fonts as Chinese official documents use them.
 *
 * Fonts: 方正小标宋简体 (title), 黑体 (level-1 headings, table heads), 楷体_GB2312 (level-2
 * headings), 仿宋_GB2312 (body). Excel substitutes a missing font by itself: 方正小标宋简体 → 宋体,
 * 仿宋_GB2312 → 仿宋 / 宋体, 楷体_GB2312 → 楷体; 黑体 ships with every Chinese Windows.
 *
 * Layout, and why: Excel grows an automatic-height row to fit wrapped text only in cells that are
 * not merged, and LibreOffice Calc (and other readers of the file) grow none when they open an
 * .xlsx — a wrapped table cell there spilled over the rows below it. So paragraphs are wrapped
 * here, one line per row in column A (text overflows into the empty cells to its right, and the
 * row takes the height of its font); a table row is one sheet row with wrapping on, given the
 * height of its longest cell's lines (wrapped here at the column's width, with slack), so every
 * reader shows it whole and a page break never cuts it; only the title and one-line cells are
 * merged, the title and date rows given the height of their fonts. Pure: no Excel, no exceljs.
 */
import type { RangeBox } from '../ledger/grid';
import type { CellValue } from '../ledger/grid';
import type { CellStyle, SheetSpec } from '../workbook/port';
import { formatIso, type LocalDate } from '../values/local-date';
import { briefDocument, type Block, type BriefDocument } from './brief-document';
import type { BriefModel } from './brief-model';
import { guardDocument, type PrivacyHit } from './privacy';

export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
} as const;

/** Column widths in characters; eight columns shared by every table (序号, 姓名, 单位及职务, …). */
export const SHEET_COLUMNS: readonly number[] = [6, 10, 24, 16, 10, 8, 18, 14];
const COLS = SHEET_COLUMNS.length;
const TOTAL_WIDTH = SHEET_COLUMNS.reduce((a, b) => a + b, 0);

const SIZE = { title: 20, date: 14, heading: 14, subheading: 12, body: 12, table: 10.5 } as const;

/** GB/T 9704-2012 §5.2.1: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const MARGINS_CM = { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 } as const;

/** 常委会材料2025-03-10: the brief's sheet, named with its date (≤ 31 characters, no []:*?/\). */
export function briefSheetName(date: LocalDate): string {
  return `常委会材料${formatIso(date)}`;
}

/** Display width in full-width characters: CJK and full-width 1, ASCII ½. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 && !/[—“”‘’…·]/.test(ch) ? 0.5 : 1;
  return n;
}

// 避头点: punctuation that must not begin a line hangs at the end of the previous one.
const NO_LINE_START = /[，。、；：！？）》」』”’%．,.;:!?)\]]/;

/** A character of a figure or a Latin word (2003.06, 55.26%, 21/38, 2%×30): a line never breaks inside one. */
export const FIGURE = /[\x21-\x7e×]/;

/**
 * Break a text into lines of at most `max` full-width characters: CJK text breaks anywhere, closing
 * punctuation hangs at the end of a line, and a figure moves to the next line whole (unless it
 * begins the line: a figure longer than a line breaks at the width).
 */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  const chars = Array.from(text);
  let start = 0;
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const w = textUnits(ch);
    if (width + w > max && i > start && !NO_LINE_START.test(ch)) {
      let cut = i;
      if (FIGURE.test(ch) && FIGURE.test(chars[i - 1])) {
        let j = i - 1;
        while (j > start && FIGURE.test(chars[j - 1])) j--;
        // Its leading closing punctuation (the . of （二.5）) still hangs on this line.
        while (j < i && NO_LINE_START.test(chars[j])) j++;
        if (j > start) cut = j;
      }
      lines.push(chars.slice(start, cut).join(''));
      width = 0;
      for (let k = cut; k < i; k++) width += textUnits(chars[k]);
      start = cut;
    }
    width += w;
  }
  if (start < chars.length || lines.length === 0) lines.push(chars.slice(start).join(''));
  return lines;
}

/** Full-width characters per line at a font size across the sheet's width (fit to one page). */
function charsPerLine(pt: number): number {
  // A width unit is about 7 px; a CJK character is pt·4/3 px. Keep 10 % slack for font substitution.
  return Math.floor(((TOTAL_WIDTH * 7) / ((pt * 4) / 3)) * 0.9);
}

/**
 * Full-width characters per line in a cell `width` units wide at `pt` (at least one): as
 * charsPerLine, less the cell's padding (about 4 px).
 */
export function cellCharsPerLine(width: number, pt: number): number {
  return Math.max(1, Math.floor(((width * 7 - 4) / ((pt * 4) / 3)) * 0.9));
}

/** Excel's, WPS's and LibreOffice's largest row height, in points. */
export const MAX_ROW_POINTS = 409;

/** The height in points of a row of `lines` lines at `pt` (line spacing 1.45 — CJK fonts and their substitutes are tall — and the padding), at most MAX_ROW_POINTS. */
export function rowHeightFor(lines: number, pt: number): number {
  return Math.min(MAX_ROW_POINTS, Math.ceil(lines * pt * 1.45 + 4));
}

/** The lines a table row takes: those of its longest cell, wrapped at each column's width. */
export function tableRowLines(texts: readonly string[], widths: readonly number[], pt: number): number {
  let lines = 1;
  texts.forEach((t, j) => {
    for (const part of t.split('\n')) lines = Math.max(lines, wrapLines(part, cellCharsPerLine(widths[j], pt)).length);
  });
  return lines;
}

class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly styles: { box: RangeBox; style: CellStyle }[] = [];
  readonly merges: RangeBox[] = [];
  /** Points: the title and date rows (merged) and table rows of several lines; the others keep their automatic height. */
  readonly heights: (number | undefined)[] = [];

  row(cells: CellValue[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ box: { top, left, bottom, right }, style });
  }

  /** One text across the page, wrapped here, one line per row in column A. */
  lines(text: string, style: CellStyle, indent: boolean): void {
    const max = charsPerLine(style.fontSize ?? SIZE.body);
    const wrapped = wrapLines(indent ? `　　${text}` : text, max);
    const first = this.rows.length;
    for (const l of wrapped) this.row([l]);
    this.style(first, 0, this.rows.length - 1, 0, { ...style, horizontal: 'left', vertical: 'middle', wrap: false });
  }

  blank(): void {
    this.row([]);
  }

  table(b: Extract<Block, { kind: 'table' }>): void {
    const n = b.columns.length;
    // Table column j sits in sheet column j; the last one spans what is left (it holds short texts).
    const span = (j: number): [number, number] => (j < n - 1 || n >= COLS ? [j, j] : [j, COLS - 1]);
    const widths = b.columns.map((_, j) => {
      let w = 0;
      for (let c = span(j)[0]; c <= span(j)[1]; c++) w += SHEET_COLUMNS[c];
      return w;
    });
    const put = (texts: readonly string[]) => {
      const cells: CellValue[] = [];
      texts.forEach((t, j) => {
        cells[span(j)[0]] = t;
      });
      const r = this.row(cells);
      if (n < COLS) this.merges.push({ top: r, left: n - 1, bottom: r, right: COLS - 1 });
      const lines = tableRowLines(texts, widths, SIZE.table);
      if (lines > 1) this.heights[r] = rowHeightFor(lines, SIZE.table);
      return r;
    };
    const head = put(b.columns.map((c) => c.title));
    this.style(head, 0, head, COLS - 1, {
      fontName: FONTS.heading,
      fontSize: SIZE.table,
      bold: false,
      horizontal: 'center',
      vertical: 'middle',
      wrap: true,
      border: true,
      fill: '#F2F2F2',
    });
    if (!b.rows.length) return;
    const first = this.rows.length;
    for (const r of b.rows) put(r);
    const last = this.rows.length - 1;
    this.style(first, 0, last, COLS - 1, { fontName: FONTS.body, fontSize: SIZE.table, vertical: 'middle', wrap: true, border: true, horizontal: 'left' });
    b.columns.forEach((c, j) => {
      if (c.align === 'center') this.style(first, span(j)[0], last, span(j)[1], { horizontal: 'center' });
    });
  }
}

export interface RenderedSheet {
  readonly spec: SheetSpec;
  /** What the privacy guard masked (empty for a clean model). */
  readonly privacy: readonly PrivacyHit[];
}

/** The guarded document drawn as a worksheet. */
export function renderSheetDocument(doc: BriefDocument, name: string): SheetSpec {
  const b = new SheetBuilder();
  b.row([doc.title]);
  b.merges.push({ top: 0, left: 0, bottom: 0, right: COLS - 1 });
  b.style(0, 0, 0, COLS - 1, { fontName: FONTS.title, fontSize: SIZE.title, horizontal: 'center', vertical: 'middle' });
  const d = b.row([doc.dateLine]);
  b.merges.push({ top: d, left: 0, bottom: d, right: COLS - 1 });
  b.style(d, 0, d, COLS - 1, { fontName: FONTS.subheading, fontSize: SIZE.date, horizontal: 'center', vertical: 'middle' });
  // Merged, so no host grows these rows to their large fonts: the title overlapped the date line.
  b.heights[0] = rowHeightFor(1, SIZE.title);
  b.heights[d] = rowHeightFor(1, SIZE.date);
  b.blank();
  b.lines(doc.intro, { fontName: FONTS.body, fontSize: SIZE.body }, true);
  for (const s of doc.sections) {
    b.blank();
    b.lines(s.heading, { fontName: FONTS.heading, fontSize: SIZE.heading }, true);
    if (s.emptyLine) b.lines(s.emptyLine, { fontName: FONTS.body, fontSize: SIZE.body }, true);
    for (const block of s.blocks) {
      if (block.kind === 'subheading') b.lines(block.text, { fontName: FONTS.subheading, fontSize: SIZE.subheading, bold: true }, true);
      else if (block.kind === 'paragraph') b.lines(block.text, { fontName: FONTS.body, fontSize: SIZE.body }, true);
      else b.table(block);
    }
  }
  const last = b.rows.length - 1;
  return {
    name,
    rows: b.rows,
    styles: b.styles,
    merges: b.merges,
    columnWidths: SHEET_COLUMNS,
    rowHeights: b.heights,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      marginsCm: MARGINS_CM,
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      area: { top: 0, left: 0, bottom: last, right: COLS - 1 },
    },
  };
}

/** BriefModel → the worksheet (named with the date unless a name is given), privacy-guarded. */
export function renderSheet(model: BriefModel, name: string = briefSheetName(model.date)): RenderedSheet {
  const g = guardDocument(briefDocument(model));
  return { spec: renderSheetDocument(g.doc, name), privacy: g.hits };
}
