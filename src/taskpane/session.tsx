/**
 * The workbook the pane works on, behind the one WorkbookPort interface: the open Excel workbook
 * (Excel mode) or an .xlsx file held in this browser (standalone mode).
 */
import { createContext, useContext } from 'react';
import type { Msg } from '../i18n/message';
import type { WorkbookPort } from '../workbook/port';

export interface Workbook {
  readonly port: WorkbookPort;
  /** What to call it on screen: a file name, or a catalogue text. */
  readonly label: string | Msg;
  readonly source: 'excel' | 'file' | 'sample';
  /** Shown under the name: e.g. the file was read from .xls and downloads as .xlsx. */
  readonly note?: Msg | null;
}

export interface SessionState {
  readonly workbook: Workbook | null;
  /** Bumped whenever the workbook changes so screens re-read it. */
  readonly generation: number;
  readonly busy: boolean;
  /** Why the last open failed, worded at render (follows the language switch). */
  readonly error: Msg | null;
  readonly openFile: (file: File) => Promise<void>;
  readonly openSample: () => Promise<void>;
  readonly reload: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}
