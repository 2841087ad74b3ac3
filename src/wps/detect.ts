/**
 * Is this page running inside WPS 表格 (a WPS JS add-in's task pane)? WPS gives every add-in page
 * `window.Application` (the ET Application, with ActiveWorkbook) and the add-in root `window.wps`
 * with CreateTaskPane / PluginStorage (wpsjs 2.2.3 templates, npm et-jsapi-declare index.d.ts).
 * Office's pages have neither. Pure over the given window.
 */
import type { EtApplication } from '../workbook/wps/et';

export interface WpsWindow {
  readonly Application?: unknown;
  readonly wps?: unknown;
}

/** The ET Application when the window is a WPS 表格 add-in page, else null. */
export function wpsApplication(win: WpsWindow): EtApplication | null {
  const app = win.Application as { ActiveWorkbook?: unknown; PluginStorage?: unknown } | undefined;
  const root = win.wps as { PluginStorage?: unknown } | undefined;
  if (!app || typeof app !== 'object') return null;
  let book: unknown;
  try {
    book = app.ActiveWorkbook;
  } catch {
    return null;
  }
  if (book === undefined) return null;
  if (!root && !('PluginStorage' in app)) return null;
  return app as unknown as EtApplication;
}
