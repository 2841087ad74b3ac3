/**
 * Task pane entry. In Excel's shared runtime taskpane.html also hosts the custom functions and the
 * ribbon commands; the task-pane-only page (taskpane-only.html, manifest-taskpane.xml for Office
 * 2016/2019) and WPS 表格's task pane host the pane alone. Detects the host, then renders the
 * shell: on the open workbook (Excel or WPS), or standalone on an .xlsx opened in the browser —
 * also inside an Excel whose API is too old for the Office adapter (ExcelApi below 1.7), with a
 * notice saying so.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, initialLocale, type HostInfo } from './host';
import { savedLocale } from './i18n';
import { createExcelPort, createWpsPort } from './excel-port';
import { wpsApplication, type WpsWindow } from '../wps/detect';
import { WPS_S } from '../wps/strings';
import type { PluginStorageLike } from '../wps/policy-stamp';
import type { WorkbookPort } from '../workbook/port';
import { officeSetSupported } from '../workbook/office/requirements';

/** The page's runtime, from <meta name="cadre-runtime"> (webpack.config.js): 'shared' or 'taskpane'. */
function runtime(): string {
  return document.querySelector('meta[name="cadre-runtime"]')?.getAttribute('content') ?? 'shared';
}

async function hostAndPort(): Promise<{ host: HostInfo; port: WorkbookPort | null }> {
  const win = window as unknown as WpsWindow;
  const et = wpsApplication(win);
  if (et) {
    const storage = ((win.wps as { PluginStorage?: PluginStorageLike } | undefined)?.PluginStorage ?? null) as PluginStorageLike | null;
    const lang = typeof navigator !== 'undefined' ? navigator.language : null;
    return { host: { kind: 'excel', displayLanguage: lang, reason: 'wps', label: WPS_S.modeWps }, port: createWpsPort(et, storage) };
  }
  const host = await detectHost();
  if (host.kind !== 'excel') return { host, port: null };
  const paneOnly = runtime() === 'taskpane';
  if (!officeSetSupported('ExcelApi', '1.7')) {
    return { host: { kind: 'standalone', displayLanguage: host.displayLanguage, reason: 'old-excel', notice: WPS_S.oldExcel }, port: null };
  }
  return { host: paneOnly ? { ...host, notice: WPS_S.paneOnly } : host, port: createExcelPort(!paneOnly) };
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const { host, port } = await hostAndPort();
  document.documentElement.dataset.host = host.kind;
  const locale = initialLocale(host, savedLocale());
  createRoot(container).render(<App host={host} initialLocale={locale} excelPort={port} />);
}

void main();
