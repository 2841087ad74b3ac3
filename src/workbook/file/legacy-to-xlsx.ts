/**
 * A legacy workbook's Grids written as an .xlsx package in memory (另存为 .xlsx), so fix, brief
 * --sheet and the browser page edit and save it with the same exceljs adapter as any .xlsx. What a
 * Grid holds is written back: values (dates as serials under their date format), formulas with
 * their cached results, number formats, merges, hidden rows, sheet visibility and protection
 * (without a password: a legacy password hash cannot be carried over, and the sheet stays
 * protected against the add-in's own edits, which is what `protected` means to the engine).
 * Column widths, fonts and fills are not in a Grid and are not carried over; the output is a
 * new file, the input is never written.
 */
import ExcelJS from 'exceljs';
import { forEachFilledCell, type Grid } from '../../ledger/grid';
import { writeCell } from './file-workbook';

export async function gridsToXlsx(grids: readonly Grid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet, { state: g.visibility });
    forEachFilledCell(g, (r, c, { value, formula, numberFormat }) =>
      writeCell(ws, r, c, formula !== null ? { formula, cached: value, numberFormat } : { value, numberFormat }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
    if (g.protected) await ws.protect('', {});
  }
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
