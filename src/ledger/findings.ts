/**
 * A finding placed on a cell (问题): what the CLI prints, the findings sheet lists and the marks
 * highlight. Row and column are 0-based; `cellRef` gives the A1 text of SPEC §7.
 */
import type { Msg } from '../i18n/message';
import type { Finding, Severity } from '../values/finding';
import { plainRecord } from '../values/plain-record';
import { a1 } from './grid';

export interface LedgerFinding {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: Msg;
}

/**
 * A LedgerFinding, made by one constructor of plain records (values/plain-record.ts): a roster has
 * one on most rows, and findings of one shape keep the sort and the JSON writer on one path.
 */
export const CellFinding = plainRecord<[string, number, number, Severity, string, Msg], LedgerFinding>(function (sheet, row, col, severity, code, message) {
  this.sheet = sheet;
  this.row = row;
  this.col = col;
  this.severity = severity;
  this.code = code;
  this.message = message;
});

export function at(sheet: string, row: number, col: number, f: Finding): LedgerFinding {
  return new CellFinding(sheet, row, col, f.severity, f.code, f.message);
}

export function cellRef(f: { readonly row: number; readonly col: number }): string {
  return a1(f.row, f.col);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Sheet order as given, then row, column, severity, code: stable output for diffs and tests.
 * Array.prototype.sort is stable and merges the runs it finds (V8's TimSort), and the list comes
 * as a few runs already in order (each check reports row by row), so the comparisons are about
 * two per finding; the comparison itself looks a sheet's place up only when the sheets differ
 * (one sheet holds most findings).
 */
export function sortFindings(list: readonly LedgerFinding[], sheetOrder: readonly string[]): LedgerFinding[] {
  return sortFindingsInPlace(list.slice(), sheetOrder);
}

/** sortFindings on a list the caller owns: sorted in place, no copy. */
export function sortFindingsInPlace(list: LedgerFinding[], sheetOrder: readonly string[]): LedgerFinding[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  return list.sort(
    (a, b) =>
      (a.sheet !== b.sheet && (pos.get(a.sheet) ?? 1e9) - (pos.get(b.sheet) ?? 1e9)) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
