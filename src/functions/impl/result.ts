/**
 * What every CADRE.* implementation returns: a value, or an error that says which argument is
 * wrong and what was expected. Pure data (no Office types), so the implementations run and are
 * tested in Node; src/functions/functions.ts turns an FnError into a CustomFunctions.Error.
 */
import { msg, type Msg } from '../../i18n/message';

/**
 * Excel error kinds the functions use: `invalidValue` (#VALUE!) for unusable input (a base of 0
 * included: Excel shows custom messages only with #VALUE! and #N/A, and the message is what tells
 * the user which cell to fix), `notAvailable` (#N/A) when no answer exists yet (a calendar year
 * not published, an as-of date before the start, 至今 instead of a date).
 */
export type FnErrorKind = 'invalidValue' | 'notAvailable';

export interface FnError {
  readonly error: FnErrorKind;
  /** zh-CN first (what Excel shows to the county's staff), en-US for other UI languages. */
  readonly message: Msg;
}

export type Result<T> = T | FnError;

export function isFnError(x: unknown): x is FnError {
  return typeof x === 'object' && x !== null && typeof (x as FnError).error === 'string' && typeof (x as FnError).message === 'object';
}

export function invalid(zh: string, en: string): FnError {
  return { error: 'invalidValue', message: msg(zh, en) };
}

export function notAvailable(zh: string, en: string): FnError {
  return { error: 'notAvailable', message: msg(zh, en) };
}

/** A cell of a spilled result: a value, "" for a blank row, or an error in that cell only. */
export type SpillCell = number | string | boolean | FnError;
