/**
 * Dates to real dates (日期规范化): a date typed as text or as a General number (1985.03,
 * 1985年3月, 198503) becomes the Excel date it unambiguously means, with a date format that
 * shows the same precision (yyyy.mm for a month, yyyy-mm-dd for a day). Year-only dates and
 * ambiguous ones (1985.1) stay as they are.
 */
import { msg } from '../../i18n/message';
import { formatDate, serialOf, type ChineseDate } from '../../values/dates';
import { isDateFormat } from '../../values/number-format';
import type { CellWrite } from '../edit-plan';
import { FIELDS } from '../fields';
import type { Msg } from '../../i18n/message';
import type { TypedSheet } from '../rows';
import { columnsOfTypes, hasFormula } from './context';
import type { EditSink } from './sink';

export const DATE_FORMAT = { day: 'yyyy-mm-dd', month: 'yyyy.mm' } as const;

/** Parsed dates remembered per column: a column of dates that never repeat would only fill memory. */
const PARSED_LIMIT = 50000;

type DateWrite = { readonly new: CellWrite; readonly why: Msg };

export function normalizeDates(sheet: TypedSheet, _ctx: unknown, sink: EditSink): void {
  const { fields, cols } = columnsOfTypes(sheet, ['date']);
  if (fields.length === 0) return;
  // Dates repeat down a column (birth months, start dates): the write and its reason are made once
  // per distinct field, date and precision and shared by the edits (both are read-only). The typed
  // rows share one parsed date per distinct input, so that object is the first key tried.
  const made = new Map<string, DateWrite>();
  const byParsed = fields.map(() => new Map<ChineseDate, DateWrite>());
  const dateFormat = new Map<string, boolean>();
  const { values, numberFormats, formulas } = sheet.grid;
  for (const row of sheet.rows) {
    const r = row.row;
    const dates = row.dates;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const d = dates[f];
      if (d === undefined || d.precision === 'year') continue;
      const col = cols[k];
      if (hasFormula(formulas, r, col)) continue;
      const v = values[r][col];
      if (typeof v === 'number') {
        const fmt = numberFormats[r][col];
        let isDate = dateFormat.get(fmt);
        if (isDate === undefined) dateFormat.set(fmt, (isDate = isDateFormat(fmt)));
        if (isDate) continue;
      }
      let w = byParsed[k].get(d);
      if (!w) {
        const serial = serialOf(d);
        const key = `${f}\u0000${d.precision}\u0000${serial}`;
        w = made.get(key);
        if (!w) {
          const shown = formatDate(d.date, d.precision);
          w = {
            new: { value: serial, numberFormat: DATE_FORMAT[d.precision] },
            why: msg(`${FIELDS[f].label['zh-CN']}改为日期 ${shown}`, `${FIELDS[f].label['en-US']} as the date ${shown}`),
          };
          made.set(key, w);
        }
        if (byParsed[k].size < PARSED_LIMIT) byParsed[k].set(d, w);
      }
      sink.add(r, col, 'fix.date-normalize', w.new, w.why);
    }
  }
}
