import type { Msg } from '../i18n/message';
import type { CodeDoc, Finding, Severity } from '../values/finding';

/**
 * The common shape of every rule's answer (SPEC §3): an outcome plus the reasons for it, so the
 * UI, the findings sheet and the standing-committee brief can all explain a decision the same
 * way. A Reason IS a Finding (code, severity, message) with the seed section and the numbers that
 * decided it, so a rule's reasons can go straight into the findings list.
 *
 * Conventions for every rule module:
 * - `rule` is the seed section that the rule applies, e.g. '二.2', '四.4'.
 * - `code` is a stable dotted string (e.g. 'vote.below-threshold'); each module exports
 *   `CODES: readonly CodeDoc[]` documenting every code it emits.
 * - `severity`: 'error' = bad data or a record that breaks a rule (no trustworthy outcome),
 *   'warning' = a negative outcome or something a person must look at, 'info' = an
 *   explanation (e.g. why a candidate passes).
 * - `threshold` / `value` are the numbers compared (ratios as numbers in [0,1], counts, days);
 *   `policyKey` names the Policy key the threshold came from (SPEC §2), when there is one.
 */
export interface Reason extends Finding {
  readonly rule: string;
  readonly threshold?: number;
  readonly value?: number;
  readonly policyKey?: string;
}

/** An outcome with its reasons. `T` is the rule's own outcome type (a boolean, an enum, a row…). */
export interface Decision<T> {
  readonly outcome: T;
  readonly reasons: readonly Reason[];
}

/** Builds a Reason; optional numbers are left out rather than set to undefined (clean JSON). */
export function reason(
  rule: string,
  code: string,
  severity: Severity,
  message: Msg,
  numbers: { threshold?: number; value?: number; policyKey?: string } = {},
): Reason {
  const r: { -readonly [K in keyof Reason]: Reason[K] } = { rule, code, severity, message };
  if (numbers.threshold !== undefined) r.threshold = numbers.threshold;
  if (numbers.value !== undefined) r.value = numbers.value;
  if (numbers.policyKey !== undefined) r.policyKey = numbers.policyKey;
  return r;
}

export function decision<T>(outcome: T, reasons: readonly Reason[] = []): Decision<T> {
  return { outcome, reasons };
}

/** True when any reason is an error, i.e. the data could not support a decision. */
export function hasError(reasons: readonly Reason[]): boolean {
  return reasons.some((r) => r.severity === 'error');
}

/** Reasons worth listing as findings (errors and warnings); 'info' reasons only explain. */
export function findingsOf(reasons: readonly Reason[]): Reason[] {
  return reasons.filter((r) => r.severity !== 'info');
}

/** Helper to declare a module's CODES table. */
export function codeDoc(code: string, severity: Severity, doc: Msg): CodeDoc {
  return { code, severity, doc };
}
