/**
 * Cross-field checks within a row (字段间校验): the birth date in the ID number against 出生年月,
 * 参加工作时间 after birth, 任现职时间 not before 参加工作时间. Dates are compared at the coarser
 * of the two precisions (a month-only 出生年月 agrees with any day of that month). A column whose
 * header says it holds a month (出生年月, 任现职年月) is a month whatever the cell stores: a real
 * date 1988-07-01 there means July 1988, the usual way a month is kept in a date cell.
 */
import { msg } from '../../i18n/message';
import { formatDate, type ChineseDate, type DatePrecision } from '../../values/dates';
import type { LocalDate } from '../../values/local-date';
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
  return compareDates(a.date, RANK[a.precision], b.date, RANK[b.precision]);
}

/** Precisions by how fine they are, so the coarser of two is the smaller rank. */
const RANK: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2 };
const DAY = RANK.day;

/** compareAtPrecision on dates and precision ranks: no object per comparison. */
function compareDates(a: LocalDate, aRank: number, b: LocalDate, bRank: number): number {
  const coarse = aRank < bRank ? aRank : bRank;
  return keyAt(a, coarse) - keyAt(b, coarse);
}

function keyAt(d: LocalDate, rank: number): number {
  return rank === 0 ? d.y : rank === 1 ? d.y * 12 + d.m : d.y * 10000 + d.m * 100 + d.d;
}

/** The precision rank of columnDate(…) for a date of a column (month columns cap it at month). */
function rankIn(d: ChineseDate, monthColumn: boolean): number {
  const rank = RANK[d.precision];
  return monthColumn && rank === DAY ? RANK.month : rank;
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
  const months = sheet.model.monthFields;
  const birthMonths = months.has('birth');
  const workMonths = months.has('workStart');
  const sinceMonths = months.has('postSince');
  // Dates are compared by their parts and precision ranks (what columnDate and compareAtPrecision
  // give); the ChineseDate objects to show are made only for a finding.
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = row.ids.idNumber;
    const birth = row.dates.birth;
    const birthRank = birth ? rankIn(birth, birthMonths) : 0;
    if (id && birth && compareDates(id.birth, DAY, birth.date, birthRank) !== 0) {
      const shown = columnDate(sheet, row, 'birth') as ChineseDate;
      const idBirth = formatDate(id.birth, 'day');
      out.push(
        onField(
          sheet,
          row,
          'birth',
          'cross.id-birth-mismatch',
          'error',
          msg(`出生年月 ${show(shown)} 与身份证号中的出生日期 ${idBirth} 不一致`, `Date of birth ${show(shown)} disagrees with ${idBirth} in the ID number`),
        ),
      );
    }
    const bornDate = birth ? birth.date : id?.birth;
    const bornRank = birth ? birthRank : DAY;
    const work = row.dates.workStart;
    const workRank = work ? rankIn(work, workMonths) : 0;
    if (bornDate && work && compareDates(work.date, workRank, bornDate, bornRank) <= 0) {
      const shownWork = columnDate(sheet, row, 'workStart') as ChineseDate;
      const born = birth ? (columnDate(sheet, row, 'birth') as ChineseDate) : { date: bornDate, precision: 'day' as const };
      out.push(
        onField(
          sheet,
          row,
          'workStart',
          'cross.work-before-birth',
          'error',
          msg(`参加工作时间 ${show(shownWork)} 不晚于出生日期 ${show(born)}`, `Started work ${show(shownWork)}, not after birth ${show(born)}`),
        ),
      );
    }
    const since = row.dates.postSince;
    if (work && since && compareDates(since.date, rankIn(since, sinceMonths), work.date, workRank) < 0) {
      const shownWork = columnDate(sheet, row, 'workStart') as ChineseDate;
      const shownSince = columnDate(sheet, row, 'postSince') as ChineseDate;
      out.push(
        onField(
          sheet,
          row,
          'postSince',
          'cross.post-before-work',
          'error',
          msg(
            `任现职时间 ${show(shownSince)} 早于参加工作时间 ${show(shownWork)}`,
            `In the current post since ${show(shownSince)}, before starting work ${show(shownWork)}`,
          ),
        ),
      );
    }
  }
  return out;
}
