/**
 * What the add-in keeps inside the workbook (工作簿内存储), so it travels with the file and
 * survives closing the task pane:
 *
 * - SETTINGS_SHEET `_cadre_settings`: key in column A, value over columns B, C, … in chunks —
 *   the same layout as the file adapter (src/workbook/file), so either can read what the other
 *   wrote.
 * - UNDO_SHEET `_cadre_undo`: the last undo snapshot as JSON chunks down column A.
 *
 * Both are very hidden (Worksheet.visibility "VeryHidden", ExcelApi 1.1): users cannot unhide
 * them from the Excel UI. Chunks stay below Excel's 32,767-character cell limit.
 * `workbook.settings` (ExcelApi 1.4) was not used: Office document settings are meant for small
 * values and the undo snapshot of a large change is megabytes.
 */
import { parseAreas } from '../../ledger/a1-areas';
import { decodeSnapshot, encodeSnapshot, UNDO_CHUNK_CHARS } from '../../ledger/undo-codec';
import type { UndoSnapshot } from '../../ledger/edit-plan';
import { valueEntry } from '../../ledger/text-entry';
import type { CellItem } from '../../ledger/chunk';
import { utf8Length } from '../../ledger/chunk';
import { BAND_BUDGET, loadInBands } from './office-read';
import { writeCells, type CellEntry } from './office-write';

export const SETTINGS_SHEET = '_cadre_settings';
export const UNDO_SHEET = '_cadre_undo';

async function sheetOrNull(ctx: Excel.RequestContext, name: string): Promise<Excel.Worksheet | null> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
  ws.load('name');
  await ctx.sync();
  return ws.isNullObject ? null : ws;
}

/** Bytes a stored chunk can take in an answer: every character escaped (\uXXXX) at worst. */
const CHUNK_BYTES = UNDO_CHUNK_CHARS * 6;

/**
 * The sheet's used cells as a matrix from A1 (strings; '' for empty), read in bands of rows: the
 * undo snapshot of a large change is megabytes (a 100,000-cell fix: 13 MB), over what one answer
 * of Excel on the web may carry.
 */
async function readFromA1(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<string[][]> {
  const used = ws.getUsedRange(true);
  used.load('address,rowCount,columnCount');
  await ctx.sync();
  const origin = parseAreas(used.address)[0] ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const cols = used.columnCount;
  const out: string[][] = [];
  for (let r = 0; r < origin.top; r++) out.push([]);
  const box = { top: origin.top, left: origin.left, rows: used.rowCount, cols };
  await loadInBands(ctx, ws, box, 'values', Math.floor(BAND_BUDGET / (CHUNK_BYTES * Math.max(1, cols))), (range) => {
    for (const row of range.values) {
      const line: string[] = new Array(origin.left).fill('');
      for (const v of row) line.push(v === null || v === undefined ? '' : String(v));
      out.push(line);
    }
    return utf8Length(JSON.stringify(range.values));
  });
  return out;
}

const text = (s: string): CellEntry => ({ entry: valueEntry(s === '' ? null : s), numberFormat: null });

function createVeryHidden(ctx: Excel.RequestContext, name: string): Excel.Worksheet {
  const ws = ctx.workbook.worksheets.add(name);
  ws.visibility = 'VeryHidden';
  return ws;
}

export async function readSetting(ctx: Excel.RequestContext, key: string): Promise<string | null> {
  const ws = await sheetOrNull(ctx, SETTINGS_SHEET);
  if (!ws) return null;
  const rows = await readFromA1(ctx, ws);
  const row = rows.find((r) => r[0] === key);
  if (!row) return null;
  let out = '';
  for (let c = 1; c < row.length && row[c] !== ''; c++) out += row[c];
  return out;
}

export async function writeSetting(ctx: Excel.RequestContext, key: string, value: string | null): Promise<void> {
  let ws = await sheetOrNull(ctx, SETTINGS_SHEET);
  let rows: string[][] = [];
  if (ws) rows = await readFromA1(ctx, ws);
  else if (value === null) return;
  else ws = createVeryHidden(ctx, SETTINGS_SHEET);
  let r = rows.findIndex((x) => x[0] === key);
  if (r < 0 && value === null) return;
  if (r < 0) {
    r = rows.findIndex((x) => (x[0] ?? '') === '');
    if (r < 0) r = rows.length;
  }
  const old = rows[r] ?? [];
  const chunks: string[] = [];
  if (value !== null) for (let i = 0; i < value.length; i += UNDO_CHUNK_CHARS) chunks.push(value.slice(i, i + UNDO_CHUNK_CHARS));
  const width = Math.max(old.length, chunks.length + 1);
  const cells: CellItem<CellEntry>[] = [];
  for (let c = 0; c < width; c++) {
    const s = value === null ? '' : c === 0 ? key : (chunks[c - 1] ?? '');
    cells.push({ row: r, col: c, item: text(s) });
  }
  await writeCells(ctx, [{ sheet: SETTINGS_SHEET, ws, cells }]);
}

/** Replace the stored snapshot (queued writes are sent with the next requests). */
export async function saveUndo(ctx: Excel.RequestContext, snapshot: UndoSnapshot, exists: boolean): Promise<number> {
  const ws = exists ? ctx.workbook.worksheets.getItem(UNDO_SHEET) : createVeryHidden(ctx, UNDO_SHEET);
  if (exists) ws.getUsedRange(true).clear('Contents');
  const cells = encodeSnapshot(snapshot).map((chunk, row) => ({ row, col: 0, item: text(chunk) }));
  return writeCells(ctx, [{ sheet: UNDO_SHEET, ws, cells }]);
}

export async function loadUndo(ctx: Excel.RequestContext): Promise<UndoSnapshot | null> {
  const ws = await sheetOrNull(ctx, UNDO_SHEET);
  if (!ws) return null;
  const rows = await readFromA1(ctx, ws);
  const chunks: string[] = [];
  for (const r of rows) {
    if ((r[0] ?? '') === '') break;
    chunks.push(r[0]);
  }
  return decodeSnapshot(chunks);
}

/** Forget the stored snapshot (after it was undone). */
export function queueClearUndo(ctx: Excel.RequestContext): void {
  ctx.workbook.worksheets.getItem(UNDO_SHEET).getUsedRange(true).clear('Contents');
}
