/**
 * The policy and the work calendar the CADRE.* functions use (SPEC §2): the workbook's overrides
 * when it has any, the built-in defaults (and the statutory calendar) otherwise. Functions are
 * synchronous and run thousands of times per recalculation, so they read a resolved Policy and
 * WorkCalendar held here instead of reading the workbook; the shared runtime loads them at
 * startup and reloads them when the settings change (policy-sync.ts).
 *
 * Storage: the workbook settings POLICY_SETTING_KEY ('policy') and CALENDAR_SETTING_KEY
 * ('calendar') — the same key/value store the task pane and the CLI use through
 * WorkbookPort.getSetting (the very hidden sheet `_cadre_settings`) — holding JSON of the
 * overrides only, e.g. {"notice":{"days":7}} and {"extraHolidays":["2026-10-09"]}. Both are
 * resolved by the loader the task pane and the CLI use (src/policy/workbook-policy.ts), so the
 * functions never read a setting differently from them.
 */
import type { Finding } from '../values/finding';
import { STATUTORY_CALENDAR, type WorkCalendar } from '../calendar';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { calendarSettingText, CALENDAR_SETTING_KEY, POLICY_SETTING_KEY, workbookPolicyFrom, type GetSetting } from '../policy/workbook-policy';

/** The keys the task pane, the wizards and the CLI read too (one constant each, src/policy/workbook-policy.ts). */
export { CALENDAR_SETTING_KEY, POLICY_SETTING_KEY };

/** The stored setting texts (null = not stored). */
export interface StoredSettings {
  readonly policy: string | null;
  readonly calendar: string | null;
}

interface State {
  readonly policy: Policy;
  readonly calendar: WorkCalendar;
  /** Refused override values and unreadable settings (kept at their defaults), for the task pane to show. */
  readonly errors: readonly Finding[];
  /** The stored texts the state was resolved from. */
  readonly raw: StoredSettings;
  /** What is in force, canonically: equal fingerprints give equal answers from every function. */
  readonly fingerprint: string;
}

const fingerprintOf = (policy: Policy, calendarText: string | null): string => JSON.stringify([policy, calendarText]);

const INITIAL: State = {
  policy: DEFAULT_POLICY,
  calendar: STATUTORY_CALENDAR,
  errors: [],
  raw: { policy: null, calendar: null },
  fingerprint: fingerprintOf(DEFAULT_POLICY, null),
};

/**
 * One state per page, not per module copy. webpack builds taskpane.js, functions.js and
 * commands.js as separate entries without a shared runtime chunk (webpack.config.js), so each
 * bundle that imports this file gets its own copy of it — yet in Excel's shared runtime all three
 * run in the same page (manifest <Runtime resid="Taskpane.Url">; "Configure your Office Add-in to
 * use a shared runtime", learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime:
 * the parts "share a set of global variables"). The task pane's Settings page refreshes the policy
 * through its copy (refreshPolicy after saving); keeping the state on the page's global object
 * under a registry symbol makes that refresh reach the copy the CADRE functions read. Without it
 * the functions would only learn of a new policy through the worksheet onChanged event
 * (ExcelApi 1.7), and the pane's recalculation could run before they had.
 */
interface Shared {
  state: State;
  readonly listeners: Set<(policy: Policy, calendar: WorkCalendar) => void>;
}
const SHARED_KEY = Symbol.for('cadre-ledger.policy-source');
const holder = globalThis as unknown as Record<symbol, Shared | undefined>;
const shared: Shared = (holder[SHARED_KEY] ??= { state: INITIAL, listeners: new Set() });
const listeners = shared.listeners;

/** The policy in force for the functions (synchronous; defaults until a workbook setting loads). */
export function currentPolicy(): Policy {
  return shared.state.policy;
}

/** The work calendar in force: the statutory calendar plus the workbook's overrides. */
export function currentCalendar(): WorkCalendar {
  return shared.state.calendar;
}

/** Refused policy values and unreadable policy or calendar settings, each naming the setting or key. */
export function policyErrors(): readonly Finding[] {
  return shared.state.errors;
}

/**
 * Resolve the stored setting texts. Returns true when the policy or the calendar in force changed
 * (callers then recalculate the CADRE formulas). Unreadable or refused settings keep their
 * defaults and say so in policyErrors() (the loader never throws).
 */
export function applySettings(raw: StoredSettings): boolean {
  const state = shared.state;
  if (raw.policy === state.raw.policy && raw.calendar === state.raw.calendar) return false;
  const loaded = workbookPolicyFrom(raw.policy, raw.calendar);
  const fingerprint = fingerprintOf(loaded.policy, calendarSettingText(loaded.calendarOverrides));
  const changed = fingerprint !== state.fingerprint;
  shared.state = { policy: loaded.policy, calendar: loaded.calendar, errors: loaded.errors, raw: { ...raw }, fingerprint };
  if (changed) for (const fn of listeners) fn(loaded.policy, loaded.calendar);
  return changed;
}

/** Only the policy text changed (the calendar setting stays as last applied). */
export function applyPolicySetting(raw: string | null): boolean {
  return applySettings({ policy: raw, calendar: shared.state.raw.calendar });
}

/** Only the calendar text changed (the policy setting stays as last applied). */
export function applyCalendarSetting(raw: string | null): boolean {
  return applySettings({ policy: shared.state.raw.policy, calendar: raw });
}

/** Load both settings from any settings reader (OfficeWorkbook, the file adapter, a test double). */
export async function loadPolicy(getSetting: GetSetting): Promise<boolean> {
  const policy = await getSetting(POLICY_SETTING_KEY);
  return applySettings({ policy, calendar: await getSetting(CALENDAR_SETTING_KEY) });
}

/** Called with the new policy and calendar whenever either changes; returns the unsubscribe function. */
export function onPolicyChange(fn: (policy: Policy, calendar: WorkCalendar) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
