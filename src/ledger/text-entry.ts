/**
 * What to put into a range's `formulas` matrix so a cell gets exactly the planned content
 * (单元格录入). Excel treats a written string like typed input: "=…" (and "+…", "-…") becomes a
 * formula ("If the returned value starts with a plus, minus, or equal sign, Excel interprets this
 * value as a formula", Excel.Range.values reference), "00123" becomes the number 123, "1985-03-01"
 * a date, "TRUE" a Boolean, "#N/A" an error.
 *
 * A leading apostrophe makes Excel store the rest as text and hide the quote (the cell's quote
 * prefix); this is how typed text is kept as text in Excel, and Office JS reports such a cell's
 * value and formula without the apostrophe (OfficeDev/office-js#6687). We add it to every string
 * that Excel could read as something else, including ID numbers and dates kept as text in ledgers.
 * Pure.
 */
import type { CellValue } from './grid';
import { isCellError } from './grid';
import type { CellWrite } from './edit-plan';

/**
 * True unless the text certainly stays text when typed: it starts with a letter (any script),
 * contains no digit, is not TRUE/FALSE, so it cannot be a number, date, time, Boolean, error,
 * or formula. Everything else gets the apostrophe: extra apostrophes are harmless (invisible),
 * a missing one changes the data.
 */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  if (!/^\p{L}/u.test(text)) return true;
  if (/\p{Nd}/u.test(text)) return true;
  return /^(true|false)$/i.test(text.trim());
}

/** The `formulas` matrix entry that stores this value exactly ('' empties the cell). */
export function valueEntry(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'string') return needsTextGuard(v) ? `'${v}` : v;
  return v;
}

/** The `formulas` matrix entry for a planned write: a formula as is, a value guarded. */
export function writeEntry(w: CellWrite): string | number | boolean {
  if (w.formula !== undefined) return w.formula;
  return valueEntry((w.value ?? null) as CellValue);
}
