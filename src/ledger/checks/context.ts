/**
 * What every check receives besides the sheet: the policy in force and the as-of date (SPEC §7
 * --as-of), so date-dependent results are reproducible. Checks are pure functions of these.
 */
import type { WorkCalendar } from '../../calendar';
import type { Msg } from '../../i18n/message';
import type { Policy } from '../../policy/policy';
import type { CodeDoc, Severity } from '../../values/finding';
import type { LocalDate } from '../../values/local-date';
import type { FieldKey } from '../fields';
import { CellFinding, type LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import type { StoredMap, TaughtMap } from '../taught-map';

export interface CheckContext {
  readonly policy: Policy;
  readonly asOf: LocalDate;
  /** Working-day calendar for notice periods; the statutory one when omitted. */
  readonly calendar?: WorkCalendar;
  /** Columns the user taught (workbook setting and/or CLI --map), by sheet and header text. */
  readonly taught?: TaughtMap;
  /** Stored taught columns that could not be used (unknown field), reported as findings. */
  readonly taughtProblems?: StoredMap['problems'];
}

export type SheetCheck = (sheet: TypedSheet, ctx: CheckContext) => LedgerFinding[];

/** A finding on the cell of `field` in `row`, or on the name cell (or first column) when absent. */
export function onField(sheet: TypedSheet, row: TypedRow | number, field: FieldKey, code: string, severity: Severity, message: Msg): LedgerFinding {
  const r = typeof row === 'number' ? row : row.row;
  return new CellFinding(sheet.model.sheet, r, fieldColumn(sheet, field), severity, code, message);
}

/** The column onField places a finding of `field` in: the field's, else the name's, else the first. */
export function fieldColumn(sheet: TypedSheet, field: FieldKey): number {
  const cols = sheet.model.columns;
  return cols.get(field) ?? cols.get('name') ?? 0;
}

/** A rule's reason placed on a cell. */
export function fromReason(sheet: TypedSheet, row: TypedRow, field: FieldKey, r: { code: string; severity: Severity; message: Msg }): LedgerFinding {
  return onField(sheet, row, field, r.code, r.severity, r.message);
}

export type { CodeDoc };
