/**
 * The layout of the add-in's settings sheet in an .xlsx (设置工作表), shared by both file readers:
 * the full exceljs adapter (file-workbook.ts, which also writes it) and the read-only reader
 * (xlsx-grid-reader.ts, for the CLI's check and eliminate). No exceljs and no Node APIs here, so
 * the read-only reader stays light.
 *
 * A very hidden sheet SETTINGS_SHEET: one setting per row, its key in column A, its value split
 * over columns B, C, … in chunks of SETTING_CHUNK_CHARS (below Excel's 32,767-character cell
 * limit). An empty value is one empty text in column B.
 */

export const SETTINGS_SHEET = '_cadre_settings';

/** Characters per chunk cell when a value is written. */
export const SETTING_CHUNK_CHARS = 30000;

/**
 * One cell of the settings sheet by 1-based row and column, as exceljs's `cell.value` gives it: a
 * JS string only for a plain text cell; rich text, formulas, hyperlinks, numbers, dates and
 * absent cells are anything else (a merged cell reads as its merge's top-left cell).
 */
export type SettingsCell = (row: number, col: number) => unknown;

/**
 * The value stored under `key`, or null when no row holds it: the first row (from row 1 to
 * `rowCount`) whose column A is exactly the text `key`, its chunks joined from column B rightwards
 * up to the first cell that is not a plain text.
 */
export function decodeSetting(rowCount: number, cell: SettingsCell, key: string): string | null {
  for (let r = 1; r <= rowCount; r++) {
    if (cell(r, 1) !== key) continue;
    let out = '';
    for (let c = 2; ; c++) {
      const v = cell(r, c);
      if (typeof v !== 'string') break;
      out += v;
    }
    return out;
  }
  return null;
}
