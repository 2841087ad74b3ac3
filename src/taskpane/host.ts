/**
 * Host detection. Inside Excel, Office.onReady reports host Excel and the pane works on the open
 * workbook. Anywhere else (a plain browser: office.js loaded but no host, or office.js missing)
 * the pane runs in standalone mode on an .xlsx file the user picks.
 */
import type { Locale, Msg } from '../i18n/message';

export type HostKind = 'excel' | 'standalone';

export interface HostInfo {
  readonly kind: HostKind;
  /** Office's UI language when inside Office (e.g. "zh-CN"), else the browser's. */
  readonly displayLanguage: string | null;
  /** Why standalone was chosen, for the About page and diagnostics. */
  readonly reason: 'excel' | 'wps' | 'old-excel' | 'no-office-js' | 'no-host' | 'other-host' | 'timeout';
  /** The mode line under the title when it is not the default for `kind` (WPS 表格). */
  readonly label?: Msg;
  /** Shown at the top of every page: why the pane works the way it does (a degraded host). */
  readonly notice?: Msg;
}

/** office.js normally answers within milliseconds; outside Office it answers with host null. */
const ONREADY_TIMEOUT_MS = 5000;
/**
 * When the page shows signs of being inside an Office host, a slow start (a loaded PC, a slow
 * intranet) must not drop the pane into standalone mode, so we wait much longer.
 */
const ONREADY_TIMEOUT_IN_OFFICE_MS = 60000;

/** The part of `window` the hint looks at (a parameter, so it is testable in Node). */
export interface HostWindow {
  readonly location: { readonly search: string; readonly hash: string };
  readonly name: string;
  readonly external?: unknown;
  readonly parent?: unknown;
  readonly self?: unknown;
  readonly agaveHost?: unknown;
}

/**
 * The markers office.js itself reads to find its host (see _retrieveHostInfo in office.debug.js):
 * `window.external.GetHostInfo` or `agaveHost` (desktop hosts), the `_host_Info` query parameter
 * or a `hostInfo` entry in window.name (Office on the web), or running inside a frame.
 */
export function officeHostHinted(win: HostWindow): boolean {
  if (/[?&#]_host_Info=/i.test(`${win.location.search}${win.location.hash}`)) return true;
  if (/hostInfo/.test(win.name ?? '')) return true;
  const ext = win.external as { GetHostInfo?: unknown } | undefined;
  if (ext && typeof ext === 'object' && typeof ext.GetHostInfo === 'function') return true;
  if (win.agaveHost !== undefined) return true;
  return win.parent !== undefined && win.self !== undefined && win.parent !== win.self;
}

export async function detectHost(): Promise<HostInfo> {
  const browserLanguage = typeof navigator !== 'undefined' ? navigator.language : null;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { kind: 'standalone', displayLanguage: browserLanguage, reason: 'no-office-js' };
  }
  const wait = typeof window !== 'undefined' && officeHostHinted(window as unknown as HostWindow) ? ONREADY_TIMEOUT_IN_OFFICE_MS : ONREADY_TIMEOUT_MS;
  const info = await Promise.race([Office.onReady(), new Promise<null>((resolve) => setTimeout(() => resolve(null), wait))]);
  if (info === null) return { kind: 'standalone', displayLanguage: browserLanguage, reason: 'timeout' };
  if (info.host === Office.HostType.Excel) {
    let lang: string | null = null;
    try {
      lang = Office.context.displayLanguage ?? null;
    } catch {
      lang = null;
    }
    return { kind: 'excel', displayLanguage: lang, reason: 'excel' };
  }
  return { kind: 'standalone', displayLanguage: browserLanguage, reason: info.host ? 'other-host' : 'no-host' };
}

/**
 * zh-CN first: English only when Office itself runs in English. In a plain browser the pane
 * starts in Chinese whatever the browser says (the users are Chinese personnel staff).
 */
export function initialLocale(host: HostInfo, saved: string | null): Locale {
  if (saved === 'zh-CN' || saved === 'en-US') return saved;
  if (host.kind === 'excel' && host.displayLanguage && /^en\b/i.test(host.displayLanguage)) return 'en-US';
  return 'zh-CN';
}
