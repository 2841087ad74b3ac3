/** Cell-value parsers of the functional core (DESIGN.md src/values). */
import type { CodeDoc } from './finding';
import { CODES as COUNT_CODES } from './counts';
import { CODES as DATE_CODES } from './dates';
import { CODES as ID_CODES } from './id-number';
import { CODES as NAME_CODES } from './names';

export * from './finding';
export * from './local-date';
export * from './cell-input';
export * from './number-format';
export * from './text';
export { parseChineseDate, formatDate, isUntilNow, serialOf, DEFAULT_MIN_YEAR, DEFAULT_MAX_YEAR } from './dates';
export type { ChineseDate, DateOptions, DatePrecision } from './dates';
export { parseIdNumber, maskIdNumber, idCheckChar, upgradeId15 } from './id-number';
export type { IdNumber, IdOptions, Sex } from './id-number';
export { parseCount, parseRatio, shiftDecimal } from './counts';
export type { RatioOptions } from './counts';
export { normalizePersonName } from './names';

/** Every finding code the value parsers emit, with severity and bilingual documentation. */
export const VALUE_CODES: readonly CodeDoc[] = [...DATE_CODES, ...ID_CODES, ...COUNT_CODES, ...NAME_CODES];
