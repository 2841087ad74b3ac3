/**
 * The policy the CADRE.* functions use (SPEC §2): the workbook's overrides when it has any, the
 * built-in defaults otherwise. Functions are synchronous and run thousands of times per
 * recalculation, so they read a resolved Policy held here instead of reading the workbook; the
 * shared runtime loads it at startup and reloads it when the settings change (policy-sync.ts).
 *
 * Storage: the workbook setting POLICY_SETTING_KEY ('policy') — the same key/value store the
 * task pane and the CLI use through WorkbookPort.getSetting (the very hidden sheet
 * `_cadre_settings`) — holding JSON of the overrides only, e.g. {"notice":{"days":7}}.
 */
import type { Finding } from '../values/finding';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { resolvePolicy } from '../policy/validate';
import { parsePolicySetting, POLICY_SETTING_KEY } from '../policy/workbook-policy';

/** The key the task pane, the wizards and the CLI read too (one constant, src/policy/workbook-policy.ts). */
export { POLICY_SETTING_KEY };

interface State {
  readonly policy: Policy;
  /** Refused override values (kept at their defaults), for the task pane to show. */
  readonly errors: readonly Finding[];
  /** The stored text the policy was resolved from (null = none stored). */
  readonly raw: string | null;
}

let state: State = { policy: DEFAULT_POLICY, errors: [], raw: null };
const listeners = new Set<(policy: Policy) => void>();

/** The policy in force for the functions (synchronous; defaults until a workbook setting loads). */
export function currentPolicy(): Policy {
  return state.policy;
}

export function policyErrors(): readonly Finding[] {
  return state.errors;
}

/**
 * Resolve the stored setting text. Returns true when the policy in force changed (callers then
 * recalculate the CADRE formulas). Unreadable JSON keeps the defaults and says so in
 * policyErrors(), like any refused override (resolvePolicy never throws).
 */
export function applyPolicySetting(raw: string | null): boolean {
  if (raw === state.raw) return false;
  const { overrides, errors } = parsePolicySetting(raw);
  const resolved = resolvePolicy(overrides);
  const before = JSON.stringify(state.policy);
  state = { policy: resolved.policy, errors: [...errors, ...resolved.errors], raw };
  const changed = JSON.stringify(resolved.policy) !== before;
  if (changed) for (const fn of listeners) fn(resolved.policy);
  return changed;
}

/** Load from any settings reader (OfficeWorkbook, the file adapter, a test double). */
export async function loadPolicy(getSetting: (key: string) => Promise<string | null>): Promise<boolean> {
  return applyPolicySetting(await getSetting(POLICY_SETTING_KEY));
}

/** Called with the new policy whenever it changes; returns the unsubscribe function. */
export function onPolicyChange(fn: (policy: Policy) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
