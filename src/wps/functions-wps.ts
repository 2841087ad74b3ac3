/**
 * The CADRE functions as WPS 表格 worksheet functions (WPS 自定义函数): each is registered with
 * wps.AddCustomFunction("CADRE", ID, callback, metadata) — the call wpsjs 2.2.3 generates for an
 * ET add-in's @customfunction functions (src/vite_plugins.js) and that npm et-jsapi-declare
 * declares (addon.et.d.ts); older WPS builds lack it, so registration is skipped when it is
 * missing and `registerCadreFunctions` says so.
 *
 * The same implementations as in Excel (src/functions/functions.ts). Errors: Excel has
 * CustomFunctions.Error; WPS has no documented error type for custom functions, so a bad argument
 * is thrown as an Error with the message (UNVERIFIED how WPS shows it: expected #VALUE!), and an
 * error inside a spilled column becomes the error literal text ("#N/A", "#VALUE!") in that cell.
 *
 * Policy: the functions run in the add-in's main page; they load the workbook's stored policy and
 * calendar (src/functions/policy-source.ts) through the WPS adapter at start and again whenever the
 * task pane has saved settings (the PluginStorage stamp, src/wps/policy-stamp.ts).
 */
import * as CADRE from '../functions/functions';
import { HostFnError } from '../functions/functions';
import { applySettings, CALENDAR_SETTING_KEY, POLICY_SETTING_KEY } from '../functions/policy-source';
import { POLICY_STAMP_KEY, type PluginStorageLike } from './policy-stamp';

export interface WpsAddinRoot {
  AddCustomFunction?: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: unknown) => void;
  readonly PluginStorage?: PluginStorageLike;
}

export type FunctionEntry = (typeof __CADRE_WPS_FUNCTIONS__)[number];

/** A cell of a spilled result: error values become their literal text. */
function cellOut(x: unknown): unknown {
  return x instanceof HostFnError ? x.literal : x;
}

/** Wrap one implementation: reload the policy if the pane changed it, unwrap host errors. */
export function wpsCallback(fn: (...args: unknown[]) => unknown, refresh: () => void): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    refresh();
    try {
      const out = fn(...args);
      return Array.isArray(out) ? out.map((row) => (Array.isArray(row) ? row.map(cellOut) : cellOut(row))) : out;
    } catch (e) {
      if (e instanceof HostFnError) throw new Error(`${e.literal} ${e.message}`);
      throw e;
    }
  };
}

/** Reads a stored setting synchronously (WpsWorkbook.settingNow; ET calls are synchronous). */
export type ReadSettingNow = (key: string) => string | null;

/**
 * Register every CADRE function; returns how many were registered (0 when this WPS cannot
 * register worksheet functions). `read` gives the workbook's stored policy and calendar.
 */
export function registerCadreFunctions(root: WpsAddinRoot, list: readonly FunctionEntry[], read: ReadSettingNow | null): number {
  let stamp: unknown = root.PluginStorage?.getItem(POLICY_STAMP_KEY) ?? null;
  const load = (): void => {
    if (!read) return;
    try {
      applySettings({ policy: read(POLICY_SETTING_KEY), calendar: read(CALENDAR_SETTING_KEY) });
    } catch {
      // No workbook open or the settings sheet unreadable: the defaults stay in force.
    }
  };
  load();
  const refresh = (): void => {
    const now = root.PluginStorage?.getItem(POLICY_STAMP_KEY) ?? null;
    if (now === stamp) return;
    stamp = now;
    load();
  };
  if (typeof root.AddCustomFunction !== 'function') return 0;
  const impl = CADRE as unknown as Record<string, (...args: unknown[]) => unknown>;
  let n = 0;
  for (const f of list) {
    const fn = impl[f.functionName];
    if (typeof fn !== 'function') throw new Error(`CADRE.${f.id}: no implementation ${f.functionName}`);
    root.AddCustomFunction('CADRE', f.id, wpsCallback(fn, refresh), f.metadata);
    n++;
  }
  return n;
}
