/**
 * The 干部任免审批表 as a print-ready worksheet, one per proposed cadre, from the same layout as
 * the .docx (form-layout.ts). Excel grows no merged row to fit its text and SheetSpec carries no
 * row heights, so a value of several lines (简历, the seal lines) takes one sheet row per line,
 * each line merged across the value's columns; labels are merged over all the rows they head and
 * wrap. Pure: no Excel, no exceljs.
 */
import type { CellValue, RangeBox } from '../ledger/grid';
import type { CellStyle, SheetSpec } from '../workbook/port';
import { formLayout, type FormCell } from './form-layout';
import type { AppointmentForm } from './form-model';

/** Rows the 简历 takes at least, so there is room to write by hand. */
const RESUME_MIN_LINES = 8;
/** Characters per millimetre of column width at 10.5 pt (about 2.2 mm a character, as Excel's width unit). */
const CHARS_PER_MM = 0.45;

/** `任免审批表-张三`: ≤ 31 characters, none of []:*?/\, unique among `taken`. */
export function formSheetName(form: AppointmentForm, taken: ReadonlySet<string>): string {
  const base = `任免审批表-${form.name.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 28);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

const lines = (c: FormCell) => (c.text === '' ? [''] : c.text.split('\n'));

export function renderFormSheet(form: AppointmentForm, name: string): SheetSpec {
  const layout = formLayout(form);
  const n = layout.rowsMm.length;
  const height = Array.from({ length: n }, () => 1);
  for (const c of layout.cells) if (c.kind === 'value' && c.rowSpan === 1) height[c.row] = Math.max(height[c.row], lines(c).length);
  const resume = layout.cells.find((c) => c.item === 'resume');
  if (resume) height[resume.row] = Math.max(height[resume.row], RESUME_MIN_LINES);
  const start: number[] = [];
  let at = 1; // row 0: the title
  for (let r = 0; r < n; r++) {
    start.push(at);
    at += height[r];
  }
  const total = at;
  const width = layout.columnsMm.length;
  const rows: CellValue[][] = Array.from({ length: total + 1 }, () => Array.from({ length: width }, (): CellValue => null));
  const merges: RangeBox[] = [{ top: 0, left: 0, bottom: 0, right: width - 1 }];
  const styles: { box: RangeBox; style: CellStyle }[] = [
    { box: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: { fontName: '方正小标宋简体', fontSize: 20, horizontal: 'center', vertical: 'middle' } },
  ];
  rows[0][0] = layout.title;
  for (const c of layout.cells) {
    const top = start[c.row];
    const bottom = c.row + c.rowSpan < n ? start[c.row + c.rowSpan] - 1 : total - 1;
    const right = c.col + c.colSpan - 1;
    const base: CellStyle = {
      fontName: c.kind === 'label' ? '宋体' : '仿宋_GB2312',
      fontSize: 10.5,
      horizontal: c.align,
      vertical: c.top ? 'top' : 'middle',
      wrap: true,
      border: true,
    };
    if (c.kind === 'label' || lines(c).length === 1) {
      rows[top][c.col] = c.text.replace(/\n/g, c.kind === 'label' ? '\n' : ' ') || null;
      if (bottom > top || right > c.col) merges.push({ top, left: c.col, bottom, right });
      styles.push({ box: { top, left: c.col, bottom, right }, style: base });
      continue;
    }
    // A value of several lines: one row per line, the last one taking what is left.
    const ls = lines(c);
    ls.forEach((line, i) => {
      const b = i === ls.length - 1 ? bottom : top + i;
      rows[top + i][c.col] = line || null;
      if (b > top + i || right > c.col) merges.push({ top: top + i, left: c.col, bottom: b, right });
      const sealLine = ls.findIndex((l) => l.startsWith('（盖章）'));
      styles.push({ box: { top: top + i, left: c.col, bottom: b, right }, style: { ...base, horizontal: sealLine >= 0 && i >= sealLine ? 'right' : c.align } });
    });
  }
  rows[total][0] = layout.footer;
  return {
    name,
    rows,
    merges,
    styles,
    columnWidths: layout.columnsMm.map((w) => Math.round(w * CHARS_PER_MM * 10) / 10),
    print: {
      paper: 'A4',
      orientation: 'portrait',
      marginsCm: { top: 1.4, bottom: 1.2, left: 1.8, right: 1.8 },
      fitToWidth: true,
      area: { top: 0, left: 0, bottom: total, right: width - 1 },
    },
  };
}
