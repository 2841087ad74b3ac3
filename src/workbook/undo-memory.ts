/**
 * "Undo last change" that survives closing the task pane (撤销上次修改), for every WorkbookPort:
 *
 * - The Office adapter stores the snapshot of each apply in the workbook itself and reads it back
 *   with `lastUndo()`; its `undo` forgets it.
 * - Any other port (the file adapter of standalone mode) keeps it here, in the workbook setting
 *   UNDO_SETTING (the very hidden `_cadre_settings` sheet), so it travels with the saved file and
 *   a new adapter over the same bytes (a reopened pane) can still undo.
 */
import type { Msg } from '../i18n/message';
import type { EditPlan, UndoSnapshot } from '../ledger/edit-plan';
import { decodeSnapshot, encodeSnapshot } from '../ledger/undo-codec';
import type { WorkbookPort } from './port';

export const UNDO_SETTING = 'undo.last';

interface RemembersUndo {
  lastUndo(): Promise<UndoSnapshot | null>;
}

function remembersUndo(port: WorkbookPort): port is WorkbookPort & RemembersUndo {
  return typeof (port as Partial<RemembersUndo>).lastUndo === 'function';
}

/** Apply the plan and keep its snapshot in the workbook. */
export async function applyRemembered(port: WorkbookPort, plan: EditPlan, label: Msg): Promise<UndoSnapshot> {
  const snapshot = await port.apply(plan, label);
  if (!remembersUndo(port)) await port.setSetting(UNDO_SETTING, encodeSnapshot(snapshot).join(''));
  return snapshot;
}

/** The snapshot of the last apply still kept in the workbook, or null. */
export async function lastUndo(port: WorkbookPort): Promise<UndoSnapshot | null> {
  if (remembersUndo(port)) return port.lastUndo();
  const text = await port.getSetting(UNDO_SETTING);
  return text ? decodeSnapshot([text]) : null;
}

/** Restore the snapshot exactly and forget it. */
export async function undoRemembered(port: WorkbookPort, snapshot: UndoSnapshot): Promise<void> {
  await port.undo(snapshot);
  if (!remembersUndo(port)) await port.setSetting(UNDO_SETTING, null);
}
