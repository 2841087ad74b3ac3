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
import { briefDocument, type Block, type BriefDocument } from './brief-document';
import type { BriefModel } from './brief-model';
import { guardDocument, type PrivacyHit } from './privacy';

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

function bodyParagraph(text: string, fontName: string = DOCX_FONTS.body): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2 },
    spacing: exact(PAGE.linePitch),
    children: [run(text, fontName, SIZE.body)],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.columns.reduce((a, c) => a + c.weight, 0);
  const widths = b.columns.map((c) => Math.floor((PAGE.textWidth * c.weight) / total));
  const cell = (text: string, j: number, head: boolean) =>
    new TableCell({
      width: { size: widths[j], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          alignment: head || b.columns[j].align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
          children: [run(text, head ? DOCX_FONTS.heading : DOCX_FONTS.body, SIZE.table)],
        }),
      ],
    });
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 480, rule: HeightRule.ATLEAST },
        children: b.columns.map((c, j) => cell(c.title, j, true)),
      }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, height: { value: 420, rule: HeightRule.ATLEAST }, children: r.map((t, j) => cell(t, j, false)) })),
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
    children.push(bodyParagraph(s.heading, DOCX_FONTS.heading));
    if (s.emptyLine) children.push(bodyParagraph(s.emptyLine));
    for (const b of s.blocks) {
      if (b.kind === 'subheading') children.push(bodyParagraph(b.text, DOCX_FONTS.subheading));
      else if (b.kind === 'paragraph') children.push(bodyParagraph(b.text));
      else children.push(tableOf(b), new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }));
    }
  }
  return new Document({
    title: doc.title,
    creator: 'cadre-ledger',
    description: doc.dateLine,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
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
