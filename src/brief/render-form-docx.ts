/**
 * The 干部任免审批表 as a Word document: one section (one A4 page where the 简历 allows) per
 * proposed cadre, the table of form-layout.ts in 宋体/仿宋 五号 (10.5 pt) with fixed column widths,
 * rows that never split across pages, and the title in 小标宋. Uses the `docx` package, which runs
 * in the task pane (download) and in Node (the CLI).
 *
 * Page: A4 with 14 mm top, 12 mm bottom and 18 mm side margins — the printed template uses narrow
 * margins so the table fills the sheet; GB/T 9704's 公文 margins (the brief's) are for documents,
 * not for this form.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formLayout, type FormCell, type FormLayout } from './form-layout';
import type { AppointmentForm } from './form-model';
import type { PrivacyHit } from './privacy';
import { DOCX_FONTS, mm, run } from './render-docx';

export const FORM_PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(14), bottom: mm(12), left: mm(18), right: mm(18), header: mm(8), footer: mm(6) },
} as const;

export const FORM_FONTS = { title: DOCX_FONTS.title, label: '宋体', value: '仿宋_GB2312' } as const;
/** Half-points: title 2号 22 pt, cells 五号 10.5 pt. */
const SIZE = { title: 44, cell: 21 } as const;
/** Exact line pitch in cells: 12 pt, so a two-line label fits a 10 mm row. */
const CELL_LINE = 240;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const OUTER = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;

/** Lines from the seal line (（盖章）) on are right-aligned; the rest follow the cell. */
function cellParagraphs(c: FormCell): Paragraph[] {
  const lines = c.text === '' ? [''] : c.text.split('\n');
  const sealAt = lines.findIndex((l) => l.startsWith('（盖章）'));
  return lines.map((line, i) => {
    const align = sealAt >= 0 && i >= sealAt ? 'right' : c.align;
    return new Paragraph({
      alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: CELL_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: align === 'right' ? { right: 240 } : undefined,
      children: [run(line, c.kind === 'label' ? FORM_FONTS.label : FORM_FONTS.value, SIZE.cell)],
    });
  });
}

function formTable(layout: FormLayout): Table {
  const widths = layout.columnsMm.map(mm);
  const byRow = new Map<number, FormCell[]>();
  for (const c of layout.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = layout.rowsMm.map((h, r) => {
    const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
    return new TableRow({
      cantSplit: true,
      height: { value: mm(h), rule: HeightRule.ATLEAST },
      children: cells.map(
        (c) =>
          new TableCell({
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
            width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
            verticalAlign: c.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
            margins: { left: 70, right: 70, top: c.top ? 60 : 20, bottom: 20 },
            children: cellParagraphs(c),
          }),
      ),
    });
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: OUTER, bottom: OUTER, left: OUTER, right: OUTER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows,
  });
}

function formSection(form: AppointmentForm): ISectionOptions {
  const layout = formLayout(form);
  return {
    properties: {
      page: { size: { width: FORM_PAGE.width, height: FORM_PAGE.height }, margin: FORM_PAGE.margin },
    },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 120 },
        children: [run(layout.title, FORM_FONTS.title, SIZE.title)],
      }),
      formTable(layout),
      new Paragraph({
        spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 60, after: 0 },
        children: [run(layout.footer, FORM_FONTS.label, SIZE.cell)],
      }),
    ],
  };
}

export interface RenderedForms {
  readonly bytes: Uint8Array;
  readonly privacy: readonly PrivacyHit[];
}

/** One .docx with the forms given, each on its own page(s). */
export async function renderFormsDocx(forms: readonly AppointmentForm[]): Promise<RenderedForms> {
  const doc = new Document({
    title: forms.length === 1 ? `干部任免审批表（${forms[0].name}）` : '干部任免审批表',
    creator: 'cadre-ledger',
    styles: { default: { document: { run: { font: { ascii: FORM_FONTS.value, hAnsi: FORM_FONTS.value, eastAsia: FORM_FONTS.value }, size: SIZE.cell } } } },
    sections: forms.map(formSection),
  });
  return { bytes: await Packer.pack(doc, 'uint8array'), privacy: forms.flatMap((f) => f.privacy) };
}
