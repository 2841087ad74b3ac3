/**
 * Cross-field checks within a row (字段间校验): the birth date in the ID number against 出生年月,
 * 参加工作时间 after birth, 任现职时间 not before 参加工作时间. Dates are compared at the coarser
 * of the two precisions (a month-only 出生年月 agrees with any day of that month). A column whose
 * header says it holds a month (出生年月, 任现职年月) is a month whatever the cell stores: a real
 * date 1988-07-01 there means July 1988, the usual way a month is kept in a date cell.
 */
import { msg } from '../../i18n/message';
import { formatDate, type ChineseDate } from '../../values/dates';
import type { LedgerFinding } from '../findings';
import type { FieldKey } from '../fields';
import type { TypedRow, TypedSheet } from '../rows';
import { onField, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'cross.id-birth-mismatch',
    severity: 'error',
    doc: msg('身份证号中的出生日期与“出生年月”不一致。', 'The birth date in the ID number disagrees with the date of birth column.'),
  },
  { code: 'cross.work-before-birth', severity: 'error', doc: msg('参加工作时间不晚于出生日期。', 'Started work on or before the date of birth.') },
  { code: 'cross.post-before-work', severity: 'error', doc: msg('任现职时间早于参加工作时间。', 'In the current post since before starting work.') },
];

/** a − b at the coarser precision: negative when a is earlier, 0 when equal at that precision. */
export function compareAtPrecision(a: ChineseDate, b: ChineseDate): number {
  const coarse = a.precision === 'year' || b.precision === 'year' ? 'year' : a.precision === 'month' || b.precision === 'month' ? 'month' : 'day';
  const key = (d: ChineseDate) => (coarse === 'year' ? d.date.y : coarse === 'month' ? d.date.y * 12 + d.date.m : d.date.y * 10000 + d.date.m * 100 + d.date.d);
  return key(a) - key(b);
}

const show = (d: ChineseDate) => formatDate(d.date, d.precision);

/** A row's date of `field` at the precision of its column's meaning (never finer than the value). */
export function columnDate(sheet: TypedSheet, row: TypedRow, field: FieldKey): ChineseDate | undefined {
  const d = row.dates[field];
  if (!d || d.precision !== 'day' || !sheet.model.monthFields.has(field)) return d;
  return { date: { y: d.date.y, m: d.date.m, d: 1 }, precision: 'month' };
}

export function checkCrossFields(sheet: TypedSheet): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  for (const row of sheet.rows) {
    const id = row.ids.idNumber;
    const birth = columnDate(sheet, row, 'birth');
    if (id && birth && compareAtPrecision({ date: id.birth, precision: 'day' }, birth) !== 0) {
      const idBirth = formatDate(id.birth, 'day');
      out.push(
        onField(
          sheet,
          row,
          'birth',
          'cross.id-birth-mismatch',
          'error',
          msg(`出生年月 ${show(birth)} 与身份证号中的出生日期 ${idBirth} 不一致`, `Date of birth ${show(birth)} disagrees with ${idBirth} in the ID number`),
        ),
      );
    }
    const born = birth ?? (id ? { date: id.birth, precision: 'day' as const } : undefined);
    const work = columnDate(sheet, row, 'workStart');
    if (born && work && compareAtPrecision(work, born) <= 0) {
      out.push(
        onField(
          sheet,
          row,
          'workStart',
          'cross.work-before-birth',
          'error',
          msg(`参加工作时间 ${show(work)} 不晚于出生日期 ${show(born)}`, `Started work ${show(work)}, not after birth ${show(born)}`),
        ),
      );
    }
    const since = columnDate(sheet, row, 'postSince');
    if (work && since && compareAtPrecision(since, work) < 0) {
      out.push(
        onField(
          sheet,
          row,
          'postSince',
          'cross.post-before-work',
          'error',
          msg(`任现职时间 ${show(since)} 早于参加工作时间 ${show(work)}`, `In the current post since ${show(since)}, before starting work ${show(work)}`),
        ),
      );
    }
  }
  return out;
}
