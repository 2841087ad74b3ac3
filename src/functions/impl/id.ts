/**
 * ID number functions (公民身份号码): CADRE.IDCHECK and CADRE.IDMASK, over src/values/id-number.
 */
import type { Locale } from '../../i18n/message';
import { isBlank, maskIdNumber, parseIdNumber } from '../../values';
import { arg, boolArg, dateArg, isOmitted, plain } from './args';
import { isFnError, type Result } from './result';

export const ID = arg('身份证号', 'ID number');
export const ID_AS_OF = arg('检查日期', 'as-of date');
export const DETAIL = arg('显示原因', 'show reason');

/**
 * CADRE.IDCHECK: TRUE for a valid 18-digit (or legacy 15-digit) number, FALSE otherwise; with
 * `detail` TRUE, "正确" or the reason instead (wrong check digit, digits lost by a number cell…).
 * `asOf` also refuses birth dates after it; without it no "today" is involved, so the function
 * is not volatile. A blank cell gives "" (nothing to check).
 */
export function idCheckFn(raw: unknown, asOf: unknown, detail: unknown, locale: Locale = 'zh-CN'): Result<boolean | string> {
  const id = plain(raw);
  if (isBlank(id)) return '';
  let date;
  if (!isOmitted(asOf)) {
    date = dateArg(asOf, ID_AS_OF);
    if (isFnError(date)) return date;
  }
  let wantDetail = false;
  if (!isOmitted(detail)) {
    const b = boolArg(detail, DETAIL);
    if (isFnError(b)) return b;
    wantDetail = b;
  }
  const p = parseIdNumber(id, date ? { asOf: date } : {});
  if (!wantDetail) return p.ok;
  if (!p.ok) return p.finding.message[locale];
  const note = p.notes[0];
  return note ? `${locale === 'zh-CN' ? '正确' : 'Valid'}（${note.message[locale]}）` : locale === 'zh-CN' ? '正确' : 'Valid';
}

/** CADRE.IDMASK: first 6 + ******** + last 4, for anything shown to the public (二.4 公示). */
export function idMaskFn(raw: unknown): string {
  const id = plain(raw);
  if (isBlank(id)) return '';
  return maskIdNumber(id);
}
