/**
 * The subset of the WPS 表格 (ET) object model the WPS adapter uses, typed as narrowly as we call
 * it. WPS JS add-ins reach ET through `window.Application` (an Excel-VBA-shaped object model,
 * called synchronously from the add-in's Chromium page).
 *
 * Sources (what each fact rests on):
 * - Kingsoft's own declarations, npm et-jsapi-declare 2.5.0 (lib.et.d.ts, index.d.ts,
 *   addon.et.d.ts): Application.ActiveWorkbook / ActiveWindow, Workbook.Worksheets (Sheets:
 *   Count, Item(index|name), Add(Before, After)), Worksheet.Name / Visible (XlSheetVisibility:
 *   xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2) / ProtectContents / UsedRange /
 *   Range(Cell1) / PageSetup / Activate() / Delete(), Range.Value2 (string | any[]) / Formula /
 *   NumberFormat / Row / Column / Rows / Columns / Count / Address() (a method) / Resize /
 *   SpecialCells(xlCellTypeVisible = 12) / MergeCells / MergeArea / Merge() / ClearContents() /
 *   FormatConditions.Add(xlExpression = 2, Operator, Formula1) / Interior.Color / Font / Borders,
 *   FormatCondition.Type / Formula1 / Delete(), Window.SplitRow / SplitColumn / FreezePanes,
 *   Application.CalculateFull(), and the add-in root's CreateTaskPane / GetTaskPane /
 *   PluginStorage / AddCustomFunction(namespace, name, callback, metadata).
 * - The ET object model mirrors Excel's VBA object model (same member names and enum values in
 *   lib.et.d.ts), so semantics not stated there are taken from Excel's VBA reference and are
 *   UNVERIFIED on a real WPS: a multi-cell Range.Value2 / Formula is a 2-D array (rows of
 *   columns) while a single cell gives a scalar; NumberFormat / MergeCells of a mixed range give
 *   null; setting Formula to a 2-D array enters every cell like typing; Interior.Color is a BGR
 *   number; Borders.LineStyle on a range sets all its borders.
 */

/** XlSheetVisibility (lib.et.d.ts). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlCellType.xlCellTypeVisible (lib.et.d.ts). */
export const XL_CELL_TYPE_VISIBLE = 12;
/** XlFormatConditionType.xlExpression (lib.et.d.ts). */
export const XL_EXPRESSION = 2;
/** XlHAlign / XlVAlign (lib.et.d.ts). */
export const XL_LEFT = -4131;
export const XL_CENTER = -4108;
export const XL_RIGHT = -4152;
export const XL_TOP = -4160;
export const XL_BOTTOM = -4107;
export const XL_CONTINUOUS = 1;
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** A cell matrix as ET returns it: a 2-D array for several cells, a scalar for one. */
export type EtMatrix = unknown;

export interface EtRange {
  Value2: EtMatrix;
  Formula: EtMatrix;
  NumberFormat: EtMatrix;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  SpecialCells(Type: number): EtRange;
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Merge(Across?: boolean): void;
  ClearContents(): void;
  Select(): void;
  readonly FormatConditions: EtFormatConditions;
  readonly Interior: { Color: number };
  readonly Font: { Bold: boolean; Name: string; Size: number };
  readonly Borders: { LineStyle: number };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  /** Points (Range.RowHeight, as in Excel VBA). */
  RowHeight: number;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: { Color: number };
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  Item(index: number): EtFormatCondition;
  Add(Type: number, Operator?: unknown, Formula1?: string): EtFormatCondition;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  TopMargin: number;
  BottomMargin: number;
  LeftMargin: number;
  RightMargin: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  PrintTitleRows: string;
  PrintArea: string;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(Cell1: string): EtRange;
  readonly PageSetup: EtPageSetup;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow;
  DisplayAlerts: boolean;
  CalculateFull(): void;
}

/** '#RRGGBB' → the BGR number ET's Color properties take (Excel VBA convention). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
