import type { Msg } from '../i18n/message';
import type { CellValue, Grid, RangeBox, SheetVisibility } from '../ledger/grid';
import type { CellWrite, EditPlan, UndoSnapshot } from '../ledger/edit-plan';
import type { Severity } from '../values/finding';

/**
 * The one interface the core talks to (DESIGN.md). Adapters: office/ (Excel JS API) and file/
 * (exceljs, Node and browser). Every method is one logical round trip.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Read the named sheets (all when omitted) in one go. */
  read(sheets?: readonly string[]): Promise<Grid[]>;
  /**
   * Write exactly the planned cells, nothing else, and return what undo needs. Refuses (throws
   * PortError 'sheet-protected') before writing anything if a target sheet is protected.
   */
  apply(plan: EditPlan, label: Msg): Promise<UndoSnapshot>;
  /** Restore values, formulas and number formats exactly; remove sheets the apply created. */
  undo(snapshot: UndoSnapshot): Promise<void>;
  /** Create (or, with replace, recreate) an output sheet such as 问题清单 or a wizard result. */
  writeSheet(spec: SheetSpec, options?: { replace?: boolean }): Promise<void>;
  /** Mark finding cells in a way the add-in owns; clearMarks removes them all in one action. */
  markCells(marks: readonly CellMark[]): Promise<void>;
  clearMarks(): Promise<void>;
  /** Small per-workbook settings (policy overrides, last undo snapshot), stored in the workbook. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string | null): Promise<void>;
}

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
}

export interface CellMark {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
  readonly note?: string;
}

export interface CellStyle {
  readonly bold?: boolean;
  readonly fontName?: string;
  readonly fontSize?: number;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  readonly fill?: string; // '#RRGGBB'
  readonly border?: boolean;
}

/** A whole output sheet, written as one matrix. */
export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly (CellWrite | CellValue)[])[];
  readonly styles?: readonly { readonly box: RangeBox; readonly style: CellStyle }[];
  readonly merges?: readonly RangeBox[];
  readonly columnWidths?: readonly number[]; // characters
  /** Points, by row; a row not given (or undefined) keeps its automatic height. */
  readonly rowHeights?: readonly (number | undefined)[];
  /** Cells that link to another place: target like "'花名册'!D7". */
  readonly links?: readonly { readonly row: number; readonly col: number; readonly target: string }[];
  readonly freezeRows?: number;
  readonly print?: {
    readonly paper: 'A4';
    readonly orientation: 'portrait' | 'landscape';
    readonly marginsCm?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
    readonly fitToWidth?: boolean;
    readonly repeatRows?: { readonly first: number; readonly last: number };
    readonly area?: RangeBox;
  };
  readonly visibility?: SheetVisibility;
}

export type PortErrorCode = 'sheet-protected' | 'sheet-missing' | 'sheet-exists' | 'unreadable' | 'unsupported' | 'too-large';

/** An error from an adapter, with a message for people naming the sheet / cell. */
export class PortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    readonly userMessage: Msg,
  ) {
    super(userMessage['en-US']);
    this.name = 'PortError';
  }
}

export type { CellValue };
