/**
 * The in-memory picture of one worksheet that the core works on (DESIGN.md "Grid"): read once
 * per operation by a WorkbookPort adapter, never cell by cell. Rows and columns are 0-based and
 * always start at A1, so `values[r][c]` is the cell at row r+1, column c+1.
 */

/** An Excel error value such as #DIV/0!, #NAME?, #N/A. */
export interface CellError {
  readonly error: string;
}

/**
 * A cell's value as Excel reports it: dates are serial numbers (1900 system) with a date number
 * format, empty cells are null, errors are CellError.
 */
export type CellValue = string | number | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export interface RangeBox {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface Grid {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Cached values (for formula cells: the last computed result). */
  readonly values: readonly (readonly CellValue[])[];
  /** Formula text including the leading '=' or null for a constant cell. */
  readonly formulas: readonly (readonly (string | null)[])[];
  /** Number format of each cell ('General' when none). */
  readonly numberFormats: readonly (readonly string[])[];
  readonly merges: readonly RangeBox[];
  /** 0-based indices of hidden rows. */
  readonly hiddenRows: readonly number[];
  readonly protected: boolean;
  readonly visibility: SheetVisibility;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26; -1 for anything else. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 6, col 3) → "D7". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "D7" → { row: 6, col: 3 }; null when not a single-cell A1 reference. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  return row >= 0 && col >= 0 ? { row, col } : null;
}

/** Sheet-qualified reference for links and formulas: 'My Sheet'!D7. */
export function qualifiedRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1(row, col)}`;
}

/** Each cell that holds something (a value, a formula or a number format other than General), row by row. */
export function forEachFilledCell(
  g: Grid,
  visit: (row: number, col: number, cell: { value: CellValue; formula: string | null; numberFormat: string }) => void,
): void {
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const value = g.values[r][c];
      const formula = g.formulas[r][c];
      const numberFormat = g.numberFormats[r][c];
      if (value === null && formula === null && numberFormat === 'General') continue;
      visit(r, c, { value, formula, numberFormat });
    }
  }
}

export function emptyGrid(sheet: string): Grid {
  return {
    sheet,
    rowCount: 0,
    colCount: 0,
    values: [],
    formulas: [],
    numberFormats: [],
    merges: [],
    hiddenRows: [],
    protected: false,
    visibility: 'visible',
  };
}
