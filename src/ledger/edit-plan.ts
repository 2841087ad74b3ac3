import type { Msg } from '../i18n/message';
import type { CellValue } from './grid';

/** Everything an undo must restore about one cell. */
export interface CellState {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string;
}

/**
 * What a transform wants a cell to become. Exactly one of `value` / `formula` is set.
 * A string `value` is always stored as text, even when it begins with = + - @ (never a formula).
 * A `formula` may carry `cached`, the result written for programs without the add-in.
 */
export interface CellWrite {
  readonly value?: CellValue;
  readonly formula?: string;
  readonly cached?: CellValue;
  /** Left unchanged when omitted. */
  readonly numberFormat?: string;
}

/** One planned change, shown in the preview as old → new with the reason. */
export interface CellEdit {
  readonly sheet: string;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly old: CellState;
  readonly new: CellWrite;
  readonly why: Msg;
  /** Stable code of the transform, e.g. "fix.date-normalize". */
  readonly code: string;
}

export interface EditPlan {
  readonly edits: readonly CellEdit[];
}

/** The exact previous state of every cell an apply touched, enough to restore it. */
export interface UndoSnapshot {
  readonly id: string;
  readonly createdAt: string;
  readonly label: Msg;
  readonly cells: readonly { readonly sheet: string; readonly row: number; readonly col: number; readonly state: CellState }[];
  /** Sheets the apply created, removed again by undo. */
  readonly createdSheets: readonly string[];
}

/** True when a text would be taken as a formula if typed into Excel. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
