/**
 * Headers whose field depends on the kind of sheet (语境相关表头), kept as data. In a 试用期干部
 * 管理台账 the appointment date `任职时间` is when probation started (《党政领导干部选拔任用工作
 * 条例》: 试用期一年, from appointment); in a roster it is 任现职时间. `考核结果` is the probation
 * conclusion in a probation ledger and the 等次 elsewhere. A sheet is classified from its
 * unambiguous fields and title first; these headers are then read in that context.
 */
import type { FieldKey } from './fields';
import type { SheetKind } from './sheet-kind';

export interface AmbiguousHeader {
  /** The field in sheets of these kinds. */
  readonly byKind: Readonly<Partial<Record<SheetKind, FieldKey>>>;
  /** The field in any other sheet. */
  readonly otherwise: FieldKey;
}

const APPOINTED: AmbiguousHeader = { byKind: { probation: 'probationStart' }, otherwise: 'postSince' };
const RESULT: AmbiguousHeader = { byKind: { probation: 'probationResult' }, otherwise: 'grade' };

/** Header text (as typed; compared by headerKey) → how to read it. */
export const AMBIGUOUS_HEADERS: Readonly<Record<string, AmbiguousHeader>> = {
  任职时间: APPOINTED,
  任职日期: APPOINTED,
  任职年月: APPOINTED,
  任职时间年月: APPOINTED,
  考核结果: RESULT,
  考核情况: RESULT,
};

/** The field an ambiguous header names in a sheet of this kind. */
export function resolveAmbiguous(h: AmbiguousHeader, kind: SheetKind): FieldKey {
  return h.byKind[kind] ?? h.otherwise;
}
