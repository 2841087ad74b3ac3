/**
 * The brief as a Word document (.docx) laid out after GB/T 9704-2012 《党政机关公文格式》:
 * - §5.1/5.2.1: A4; top margin (天头) 37 mm, left (订口) 28 mm, type area 156 × 225 mm, so bottom
 *   35 mm and right 26 mm;
 * - §5.2.2/5.2.3: body 3号 (16 pt) 仿宋, 22 lines a page — line pitch 225 mm / 22 ≈ 28.95 pt, set
 *   as an exact line spacing of 579 twips;
 * - §7.3.1: title 2号 (22 pt) 小标宋, centred; level-1 headings 黑体, level-2 楷体 (§7.3.3);
 * - §7.5 页码: 4号 半角宋体 Arabic numerals with a 一字线 either side ("— 1 —"), 7 mm below the
 *   type area; odd pages right-aligned one character in, even pages left-aligned one character in.
 * Fonts are named as Chinese government machines install them (方正小标宋简体, 仿宋_GB2312,
 * 楷体_GB2312, 黑体, 宋体); Word and LibreOffice substitute when one is missing.
 *
 * Uses the `docx` package, which runs in the browser (the task pane offers the bytes as a
 * download) and in Node (the CLI writes them to -o).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatIso, type LocalDate } from '../values/local-date';
import { briefDocument, type Block, type BriefDocument, type TableColumn } from './brief-document';
import { FIGURE, textUnits } from './render-sheet';
import type { BriefModel } from './brief-model';
import { guardDocument, type PrivacyHit } from './privacy';

/** Runs of figure characters (render-sheet.ts FIGURE): 55.26%, 21/38, 2024.01. */
const FIGURES = new RegExp(`${FIGURE.source}+`, 'g');

/** Twips (1/1440 inch) in a millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number) => Math.round(x * TWIPS_PER_MM);

/** Page geometry in twips, exported for tests (document.xml carries exactly these). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** Footer bottom 23 mm above the page edge: a 14 pt (4.94 mm) page-number line then starts 7 mm below the type area. */
  footer: mm(23),
  header: mm(15),
  /** 225 mm / 22 lines. */
  linePitch: 579,
  /** Type area width 156 mm. */
  textWidth: mm(156),
} as const;

export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;
/** Two characters of 3号 (first-line indent of every paragraph). */
const INDENT_2 = 2 * 16 * 20;

export function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export function run(text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(fontName), size, ...extra });
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function bodyParagraph(text: string, fontName: string = DOCX_FONTS.body, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2 },
    spacing: exact(PAGE.linePitch),
    children: [run(text, fontName, SIZE.body)],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Characters a name cell holds on one line: 4 Han characters plus 2 (复姓 and 4-character names never break). */
export const NAME_CHARS = 6;
const CELL_MARGIN = 60;
/** Width of a name column in twips: NAME_CHARS at the table size (1 pt = 20 twips) plus both cell margins. */
export const NAME_COLUMN_TWIPS = NAME_CHARS * SIZE.table * 10 + 2 * CELL_MARGIN;
/** Tables up to this many rows are kept whole with their heading (keep-with-next on every row but the last). */
export const KEEP_WHOLE_ROWS = 15;
/** Smallest size a long name shrinks to: 7 pt. */
const MIN_NAME_SIZE = 14;
const NAME_SEPARATOR = /(?<=[·•・])/;

/** Width of a full-width character at the table size, in twips (12 pt). */
const TABLE_CHAR_TWIPS = SIZE.table * 10;
/** Half a character more than the text: borders and the renderer's rounding (名次 at exactly 2 wrapped). */
const SLACK_UNITS = 0.5;
/** A column's own minimum is never more than this share of the table (a long code may wrap). */
const MAX_MIN_SHARE = 1 / 3;

/**
 * The width a text's widest unbreakable piece takes at the table size, in full-width characters.
 * A heading of up to 3 characters stays on one line (序号, never 序/号); a longer one may take two
 * balanced lines (考核/等次), or break after its slash (不称职票/|有效票). In a cell, a run of Latin
 * letters, digits and signs (55.26%, 21/38, 2024.01) is one piece. As printed by the CJK fonts, a
 * Latin character takes 0.6 of a full-width one, and % or × a whole one.
 */
export function unbreakableUnits(text: string, heading: boolean): number {
  if (heading) {
    const pieces = text.split(/(?<=\/)/);
    if (pieces.length > 1) return Math.max(...pieces.map(printedUnits));
    const n = printedUnits(text);
    return n <= 3 ? n : Math.ceil(n / 2);
  }
  return Math.max(0, ...(text.match(FIGURES) ?? []).map(printedUnits));
}

/** Printed width in full-width characters (see unbreakableUnits). */
function printedUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch === '%' || ch === '×' ? 1 : ch.charCodeAt(0) < 0x80 ? 0.6 : textUnits(ch);
  return n;
}

/**
 * A heading as the lines it prints on in a column `width` twips wide: whole when it fits, else
 * after its slash (不称职票/ · 有效票), else in two balanced halves (考核 · 等次, never 考核等 · 次).
 */
export function headingLines(title: string, width: number): string[] {
  if (printedUnits(title) + SLACK_UNITS <= (width - 2 * CELL_MARGIN) / TABLE_CHAR_TWIPS) return [title];
  const pieces = title.split(/(?<=\/)/);
  if (pieces.length > 1) return pieces;
  const chars = Array.from(title);
  const half = Math.ceil(chars.length / 2);
  return chars.length < 2 ? [title] : [chars.slice(0, half).join(''), chars.slice(half).join('')];
}

/**
 * Column widths in twips: by weight, then every column widened to its minimum — a name column
 * NAME_COLUMN_TWIPS, any other the widest unbreakable piece of its heading and cells (see
 * unbreakableUnits) plus both cell margins — taken from the columns with width to spare. A heading like 序号 then never prints as 序/号, nor a ratio as 55.26/%.
 */
export function columnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[] = [], total: number = PAGE.textWidth): number[] {
  const sum = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => Math.floor((total * c.weight) / sum));
  const mins = columns.map((c, j) => {
    if (c.name) return NAME_COLUMN_TWIPS;
    // A loop, not Math.max(...rows): a table of many thousand rows would overflow the call's arguments.
    let units = unbreakableUnits(c.title, true);
    for (const r of rows) units = Math.max(units, unbreakableUnits(r[j] ?? '', false));
    return Math.min(Math.ceil((units + SLACK_UNITS) * TABLE_CHAR_TWIPS) + 2 * CELL_MARGIN, Math.floor(total * MAX_MIN_SHARE));
  });
  // The shortfall is shared by the columns with width to spare, each giving in proportion to its
  // spare (one donor alone, 建议 say, would shrink to a column of single characters).
  const short = widths.reduce((a, w, j) => a + Math.max(0, mins[j] - w), 0);
  const spare = widths.map((w, j) => Math.max(0, w - mins[j]));
  const pool = spare.reduce((a, x) => a + x, 0);
  if (short === 0 || pool === 0) return widths;
  const give = Math.min(short, pool);
  let given = 0;
  spare.forEach((x, k) => {
    const take = Math.min(x, Math.ceil((give * x) / pool));
    const t = Math.min(take, give - given);
    widths[k] -= t;
    given += t;
  });
  // Give what was taken to the short columns, in order, up to their minimum.
  let left = given;
  mins.forEach((m, j) => {
    const t = Math.min(Math.max(0, m - widths[j]), left);
    widths[j] += t;
    left -= t;
  });
  return widths;
}

/**
 * A name as lines and a size that keep it whole: up to NAME_CHARS characters on one line at the
 * table size; a longer name breaks only after a separator (买买提·艾力), and shrinks where a part
 * is still too long, down to 7 pt.
 */
export function nameLines(name: string, size: number = SIZE.table): { lines: string[]; size: number } {
  if (textUnits(name) <= NAME_CHARS) return { lines: [name], size };
  const lines = name.split(NAME_SEPARATOR).filter((l) => l !== '');
  const widest = Math.max(...lines.map(textUnits));
  return { lines, size: widest <= NAME_CHARS ? size : Math.max(MIN_NAME_SIZE, Math.floor((size * NAME_CHARS) / widest)) };
}

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidths(b.columns, b.rows);
  const keepWhole = b.rows.length + 1 <= KEEP_WHOLE_ROWS;
  const cell = (text: string, j: number, head: boolean, keepNext: boolean) => {
    const asName = head
      ? { lines: headingLines(text, widths[j]), size: SIZE.table }
      : b.columns[j].name
        ? nameLines(text)
        : { lines: [text], size: SIZE.table };
    return new TableCell({
      width: { size: widths[j], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 30, bottom: 30 },
      children: asName.lines.map(
        (line) =>
          new Paragraph({
            keepNext,
            alignment: head || b.columns[j].align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
            children: [run(line, head ? DOCX_FONTS.heading : DOCX_FONTS.body, asName.size)],
          }),
      ),
    });
  };
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 480, rule: HeightRule.ATLEAST },
        children: b.columns.map((c, j) => cell(c.title, j, true, b.rows.length > 0)),
      }),
      // Keep-with-next from the heading through the rows: a table starts on its heading's page and,
      // when it fits on a page, stays whole; a longer one keeps at least its first row with the head.
      ...b.rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            height: { value: 420, rule: HeightRule.ATLEAST },
            children: r.map((t, j) => cell(t, j, false, i < b.rows.length - 1 && (keepWhole || i === 0))),
          }),
      ),
    ],
  });
}

/** "— 1 —", 4号 宋体, one character (14 pt) in from the outer edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        spacing: exact(280),
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(DOCX_FONTS.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** The guarded document as a docx Document object (no bytes yet). */
export function docxDocument(doc: BriefDocument): Document {
  const children: (Paragraph | Table)[] = [];
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(PAGE.linePitch), children: [run(doc.title, DOCX_FONTS.title, SIZE.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(PAGE.linePitch), children: [run(doc.dateLine, DOCX_FONTS.subheading, SIZE.body)] }),
    new Paragraph({ spacing: exact(PAGE.linePitch), children: [] }),
    bodyParagraph(doc.intro),
  );
  for (const s of doc.sections) {
    // Headings keep with what follows; so does a paragraph that introduces a table.
    children.push(bodyParagraph(s.heading, DOCX_FONTS.heading, true));
    if (s.emptyLine) children.push(bodyParagraph(s.emptyLine));
    s.blocks.forEach((b, i) => {
      const beforeTable = s.blocks[i + 1]?.kind === 'table';
      if (b.kind === 'subheading') children.push(bodyParagraph(b.text, DOCX_FONTS.subheading, true));
      else if (b.kind === 'paragraph') children.push(bodyParagraph(b.text, DOCX_FONTS.body, beforeTable));
      else children.push(tableOf(b), new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }));
    });
  }
  return new Document({
    title: doc.title,
    creator: 'cadre-ledger',
    description: doc.dateLine,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // Word's own zh-CN default: Chinese text zh-CN, Latin text (digits, %) en-US. With Latin
          // text tagged zh-CN too, LibreOffice broke numbers anywhere ("诫勉1|%", "2003.0|6").
          run: { font: font(DOCX_FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact(PAGE.linePitch) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
          grid: { type: DocumentGridType.LINES, linePitch: PAGE.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export interface RenderedDocx {
  readonly bytes: Uint8Array;
  readonly privacy: readonly PrivacyHit[];
}

/** BriefModel → .docx bytes, privacy-guarded. */
export async function renderDocx(model: BriefModel): Promise<RenderedDocx> {
  const g = guardDocument(briefDocument(model));
  const bytes = await Packer.pack(docxDocument(g.doc), 'uint8array');
  return { bytes, privacy: g.hits };
}

/** 常委会议研究材料（2025-03-10）.docx — the download name the task pane offers. */
export function briefDocxFileName(date: LocalDate): string {
  return `常委会议研究材料（${formatIso(date)}）.docx`;
}

/** MIME type for the download. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
