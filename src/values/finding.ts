import type { Msg } from '../i18n/message';
import { plainRecord } from './plain-record';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in data or by a rule. `code` is a stable, documented string (SPEC §7) that
 * other tools rely on; `message` is for people, in both languages.
 */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Msg;
}

/**
 * What a value parser returns: a value (possibly with notes, e.g. a 15-digit ID that was
 * upgraded) or a finding. Parsers never throw on user data.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T; readonly notes: readonly Finding[] } | { readonly ok: false; readonly finding: Finding };

/** `{ ok: true, value, notes }`, made by a constructor: parsers make one per cell (see plain-record.ts). */
const Ok = plainRecord<[unknown, readonly Finding[]], Parsed<unknown>>(function (value, notes) {
  this.ok = true;
  this.value = value;
  this.notes = notes;
});

export function ok<T>(value: T, notes: readonly Finding[] = []): Parsed<T> {
  return new Ok(value, notes) as Parsed<T>;
}

export function fail<T = never>(finding: Finding): Parsed<T> {
  return { ok: false, finding };
}

/** Documentation of one finding code, kept beside the code that emits it. */
export interface CodeDoc {
  readonly code: string;
  readonly severity: Severity;
  /** What it means and what to do, zh-CN and en-US. */
  readonly doc: Msg;
}
