/**
 * Dates to real dates (日期规范化): a date typed as text or as a General number (1985.03,
 * 1985年3月, 198503) becomes the Excel date it unambiguously means, with a date format that
 * shows the same precision (yyyy.mm for a month, yyyy-mm-dd for a day). Year-only dates and
 * ambiguous ones (1985.1) stay as they are.
 */
import { msg } from '../../i18n/message';
import { formatDate, serialOf } from '../../values/dates';
import { isDateFormat } from '../../values/number-format';
import type { CellEdit } from '../edit-plan';
import { FIELDS, type FieldKey } from '../fields';
import type { TypedSheet } from '../rows';
import { edit, isConstant } from './context';

export const DATE_FORMAT = { day: 'yyyy-mm-dd', month: 'yyyy.mm' } as const;

export function normalizeDates(sheet: TypedSheet): CellEdit[] {
  const out: CellEdit[] = [];
  const fields = [...sheet.model.columns.entries()].filter(([f]) => FIELDS[f].type === 'date') as [FieldKey, number][];
  // Dates repeat down a column (birth months, start dates): the write and its reason are made once
  // per distinct field, date and precision and shared by the edits (both are read-only).
  const made = new Map<string, Pick<CellEdit, 'new' | 'why'>>();
  for (const row of sheet.rows) {
    for (const [f, col] of fields) {
      const d = row.dates[f];
      if (!d || d.precision === 'year' || !isConstant(sheet, row.row, col)) continue;
      const v = sheet.grid.values[row.row][col];
      const fmt = sheet.grid.numberFormats[row.row][col];
      if (typeof v === 'number' && isDateFormat(fmt)) continue;
      const serial = serialOf(d);
      const key = `${f}\u0000${d.precision}\u0000${serial}`;
      let w = made.get(key);
      if (!w) {
        const shown = formatDate(d.date, d.precision);
        w = {
          new: { value: serial, numberFormat: DATE_FORMAT[d.precision] },
          why: msg(`${FIELDS[f].label['zh-CN']}改为日期 ${shown}`, `${FIELDS[f].label['en-US']} as the date ${shown}`),
        };
        made.set(key, w);
      }
      out.push(edit(sheet, row.row, col, w.new, 'fix.date-normalize', w.why));
    }
  }
  return out;
}
