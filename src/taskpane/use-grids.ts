/** Read the open workbook once per change (one port.read for all sheets, never cell by cell). */
import { useEffect, useState } from 'react';
import { isMsg, msg, type Msg } from '../i18n/message';
import type { Grid } from '../ledger/grid';
import { COLUMN_MAP_SETTING_KEY, EMPTY_TAUGHT, parseTaughtMap, type TaughtMap } from '../ledger/taught-map';
import type { SheetInfo } from '../workbook/port';
import { useSession } from './session';

export interface WorkbookRead {
  readonly loading: boolean;
  readonly sheets: readonly SheetInfo[];
  readonly grids: readonly Grid[];
  /** Columns the user taught (workbook setting), for recognising the grids as every surface does. */
  readonly taught: TaughtMap;
  readonly error: unknown;
}

export function useWorkbookRead(): WorkbookRead {
  const { workbook, generation } = useSession();
  const [state, setState] = useState<WorkbookRead>({ loading: false, sheets: [], grids: [], taught: EMPTY_TAUGHT, error: null });
  useEffect(() => {
    if (!workbook) {
      setState({ loading: false, sheets: [], grids: [], taught: EMPTY_TAUGHT, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      const sheets = await workbook.port.listSheets();
      const grids = await workbook.port.read(sheets.map((s) => s.name));
      const taught = parseTaughtMap(await workbook.port.getSetting(COLUMN_MAP_SETTING_KEY)).map;
      return { sheets, grids, taught };
    })().then(
      ({ sheets, grids, taught }) => live && setState({ loading: false, sheets, grids, taught, error: null }),
      (error: unknown) => live && setState({ loading: false, sheets: [], grids: [], taught: EMPTY_TAUGHT, error }),
    );
    return () => {
      live = false;
    };
  }, [workbook, generation]);
  return state;
}

/** The first non-empty text in the top rows: usually the sheet's title (XX县2024年度…汇总表). */
export function sheetTitle(grid: Grid | undefined): string {
  if (!grid) return '';
  for (let r = 0; r < Math.min(grid.values.length, 5); r++) {
    for (const v of grid.values[r]) {
      if (typeof v === 'string' && v.trim()) return v.trim().replace(/\s+/g, ' ');
    }
  }
  return '';
}

/**
 * An error as a message for people: a PortError's own message (both languages, so it follows the
 * language switch), or the error's text (the same in both).
 */
export function errorMsg(e: unknown): Msg {
  if (e && typeof e === 'object' && 'userMessage' in e && isMsg((e as { userMessage: unknown }).userMessage)) return (e as { userMessage: Msg }).userMessage;
  const text = e instanceof Error ? e.message : String(e);
  return msg(text, text);
}
