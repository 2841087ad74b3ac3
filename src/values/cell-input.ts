/**
 * Helpers shared by the value parsers: what counts as a blank cell, and how a found value is
 * quoted inside a message. Inputs are `unknown` because cells arrive from Excel, exceljs and
 * custom-function arguments with no guarantee of their type.
 */

/** An Excel error value (#DIV/0!, #N/A …) as the Grid carries it; null for anything else. */
export function cellErrorText(input: unknown): string | null {
  if (typeof input === 'object' && input !== null) {
    const e = (input as { error?: unknown }).error;
    if (typeof e === 'string') return e;
  }
  return null;
}

const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/** null, undefined and text that is only whitespace (of any width) are blank. */
export function isBlank(input: unknown): boolean {
  if (input === null || input === undefined) return true;
  if (typeof input !== 'string') return false;
  // The usual cell starts with printable ASCII or a common Han character: not blank, no regex run.
  const c = input.charCodeAt(0);
  if ((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return BLANK.test(input);
}

export const MAX_SHOWN = 40;

/**
 * The found value as it should appear in a message: text in quotes (shortened), numbers as
 * digits, Excel errors by their name. Never throws, whatever the input is.
 */
export function showInput(input: unknown): string {
  const err = cellErrorText(input);
  if (err !== null) return err;
  switch (typeof input) {
    case 'string': {
      const flat = input.indexOf('\n') < 0 && input.indexOf('\r') < 0 ? input : input.replace(/[\r\n]+/g, '⏎');
      const cut = flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
      return `"${cut}"`;
    }
    case 'number':
      return String(input);
    case 'boolean':
      return input ? 'TRUE' : 'FALSE';
    case 'undefined':
      return '(empty)';
    case 'bigint':
      return String(input);
    default:
      if (input === null) return '(empty)';
      if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
      return `(${typeof input})`;
  }
}
