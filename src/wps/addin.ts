/**
 * The WPS 表格 add-in's main page (index.html, loaded by WPS when the add-in starts): the ribbon
 * callbacks named in ribbon.xml and the CADRE worksheet functions.
 *
 * Ribbon: customUI XML with onLoad / onAction / getImage callbacks looked up as globals of this
 * page, control.Id identifying the button (wpsjs 2.2.3 ET template: ribbon.xml, js/ribbon.js).
 * The task pane: wps.CreateTaskPane(url, title) → CustomTaskpane with ID and Visible; its ID is
 * kept in PluginStorage and the pane found again with GetTaskPane(id) (same template; npm
 * et-jsapi-declare index.d.ts). A button opens the pane at the page for its feature through the
 * URL hash the pane's router reads (#/check/run runs the check, as the Excel ribbon does).
 */
import { RUN_CHECK_HASH } from '../taskpane/check/run-request';
import { WpsWorkbook } from '../workbook/wps/wps-workbook';
import type { EtApplication } from '../workbook/wps/et';
import { registerCadreFunctions, type WpsAddinRoot } from './functions-wps';
import type { PluginStorageLike } from './policy-stamp';
import { WPS_S } from './strings';

interface TaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate?: (url: string) => void;
}

interface WpsRoot extends WpsAddinRoot {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  readonly PluginStorage: PluginStorageLike;
}

const PANE_KEY = 'cadre.taskpane.id';
/** Button ids in wps/ribbon.xml → the pane's route. */
export const BUTTON_ROUTES: Readonly<Record<string, string>> = {
  btnCadreOpen: '#/home',
  btnCadreCheck: RUN_CHECK_HASH,
  btnCadreBrief: '#/brief',
};

/** The page's folder URL: the pane and the images live beside index.html. */
function baseUrl(): string {
  return window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

/** Show the pane at a route: a new pane the first time, else the existing one navigated there. */
export function showPane(root: WpsRoot, hash: string, base: string, title: string): TaskPane {
  const url = `${base}taskpane.html${hash}`;
  const id = Number(root.PluginStorage.getItem(PANE_KEY) ?? NaN);
  let pane = Number.isFinite(id) ? root.GetTaskPane(id) : null;
  if (pane && typeof pane.Navigate === 'function') pane.Navigate(url);
  else if (!pane) {
    pane = root.CreateTaskPane(url, title);
    root.PluginStorage.setItem(PANE_KEY, String(pane.ID));
  }
  pane.Visible = true;
  return pane;
}

function root(): WpsRoot {
  return (window as unknown as { wps: WpsRoot }).wps;
}

function app(): EtApplication {
  return (window as unknown as { Application: EtApplication }).Application;
}

const callbacks = {
  OnAddinLoad(): boolean {
    const port = new WpsWorkbook(app);
    registerCadreFunctions(root(), __CADRE_WPS_FUNCTIONS__, (k) => port.settingNow(k));
    return true;
  },
  OnAction(control: { Id: string }): boolean {
    const hash = BUTTON_ROUTES[control.Id];
    if (hash === undefined) return false;
    if (!app().ActiveWorkbook) {
      window.alert(`${WPS_S.noWorkbook['zh-CN']}\n${WPS_S.noWorkbook['en-US']}`);
      return true;
    }
    showPane(root(), hash, baseUrl(), WPS_S.paneTitle['zh-CN']);
    return true;
  },
  /** The add-in's one icon for every button (relative to index.html, as in the wpsjs template). */
  GetImage(): string {
    return 'assets/icon-80.png';
  },
};

Object.assign(window, callbacks);
