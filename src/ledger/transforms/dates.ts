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
  const writeOf = (k: number, d: ChineseDate): DateWrite => {
    let w = byParsed[k].get(d);
    if (w) return w;
    const f = fields[k];
    const serial = serialOf(d);
    const key = `${f}\u0000${d.precision}\u0000${serial}`;
    w = made.get(key);
    if (!w) {
      const shown = formatDate(d.date, d.precision);
      w = {
        // Only day and month dates are planned (a year-only date stays as it is).
        new: { value: serial, numberFormat: DATE_FORMAT[d.precision as keyof typeof DATE_FORMAT] },
        why: msg(`${FIELDS[f].label['zh-CN']}改为日期 ${shown}`, `${FIELDS[f].label['en-US']} as the date ${shown}`),
      };
      made.set(key, w);
    }
    if (byParsed[k].size < PARSED_LIMIT) byParsed[k].set(d, w);
    return w;
  };
  // The cell being planned (field index and date). Its write and reason are looked up only when
  // the sink asks: fix's plan asks for every edit (the write, then the reason: the last answer is
  // kept), check's summary only for the sheet's first, so check looks nothing up per cell.
  let atK = 0;
  let atDate: ChineseDate | null = null;
  let lastK = -1;
  let lastDate: ChineseDate | null = null;
  let lastWrite: DateWrite | null = null;
  const current = (): DateWrite => {
    if (lastWrite === null || lastK !== atK || lastDate !== atDate) {
      lastWrite = writeOf(atK, atDate as ChineseDate);
      lastK = atK;
      lastDate = atDate;
    }
    return lastWrite;
  };
  const next = (): CellWrite => current().new;
  const why = (): Msg => current().why;
  // Number formats repeat down a column: the last one's answer is kept.
  let lastFormat: string | null = null;
  let lastIsDate = false;
  const { values, numberFormats, formulas } = sheet.grid;
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = row.row;
    const dates = row.dates;
    for (let k = 0; k < fields.length; k++) {
      const d = dates[fields[k]];
      if (!d || d.precision === 'year') continue;
      const col = cols[k];
      if (hasFormula(formulas, r, col)) continue;
      const v = values[r][col];
      if (typeof v === 'number') {
        const fmt = numberFormats[r][col];
        if (fmt !== lastFormat) {
          lastFormat = fmt;
          lastIsDate = isDateFormat(fmt);
        }
        if (lastIsDate) continue;
      }
      atK = k;
      atDate = d;
      sink.add(r, col, 'fix.date-normalize', next, why);
    }
  }
}
