/** Shared helpers of the CADRE.* function tests: Excel-shaped inputs and error assertions. */
import { isFnError, type FnError, type FnErrorKind } from '../../../src/functions/impl/result';
import { parseIso, toSerial } from '../../../src/values/local-date';

/** Excel serial (1900 system) of an ISO date, as a date cell passes it. */
export function serial(iso: string): number {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad ISO date in test: ${iso}`);
  return toSerial(d);
}

/** Asserts an FnError of `kind` whose zh-CN message contains every `parts`; returns it. */
export function expectError(r: unknown, kind: FnErrorKind, ...parts: string[]): FnError {
  if (!isFnError(r)) throw new Error(`expected ${kind}, got ${JSON.stringify(r)}`);
  expect(r.error).toBe(kind);
  for (const p of parts) expect(r.message['zh-CN']).toContain(p);
  expect(r.message['en-US']).toMatch(/[A-Za-z]{3}/);
  expect(r.message['en-US']).not.toBe(r.message['zh-CN']);
  return r;
}

/** A column range as Excel passes it: row-major any[][], one column. */
export const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
