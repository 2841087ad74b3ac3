/**
 * Ribbon commands (manifest ExecuteFunction buttons 检查台账 and 生成常委会材料). In the shared
 * runtime these run in the task pane's page, so a command opens the pane on the screen for its
 * feature: it sets the route, shows the pane, and completes the event.
 */
import { navigate, type Route } from '../taskpane/router';
import { RUN_CHECK_HASH } from '../taskpane/check/run-request';

async function openPaneAt(route: Route | typeof RUN_CHECK_HASH, event: Office.AddinCommands.Event): Promise<void> {
  try {
    // #/check/run: the Check page runs the check as soon as it shows (src/taskpane/check/run-request.ts).
    if (route === RUN_CHECK_HASH) window.location.hash = RUN_CHECK_HASH;
    else navigate(route);
    await Office.addin.showAsTaskpane();
  } catch (e) {
    // Nothing to undo: the route is set and the pane shows it when the user opens it.
    console.error('showAsTaskpane failed', e);
  } finally {
    event.completed();
  }
}

/** 检查台账: opens the pane on the Check page and runs the check there. */
export function checkLedger(event: Office.AddinCommands.Event): void {
  void openPaneAt(RUN_CHECK_HASH, event);
}

/** 生成常委会材料 */
export function writeBrief(event: Office.AddinCommands.Event): void {
  void openPaneAt('brief', event);
}

/** Function names as the manifest's <FunctionName> elements spell them. */
export const COMMANDS: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = { checkLedger, writeBrief };

if (typeof Office !== 'undefined' && Office.actions && typeof Office.actions.associate === 'function') {
  for (const [name, handler] of Object.entries(COMMANDS)) Office.actions.associate(name, handler);
}
