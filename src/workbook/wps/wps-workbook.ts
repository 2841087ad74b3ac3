/**
 * The WPS adapter (WPS 适配器) of WorkbookPort over the WPS 表格 (ET) object model of a WPS JS
 * add-in (`window.Application`, src/workbook/wps/et.ts). ET calls are synchronous and in-process;
 * every read and write still goes through whole-range matrices (wps-cells.ts), so the number of
 * calls depends on sheets, rectangles and format runs, not on rows.
 *
 * It behaves like the Office adapter (src/workbook/office/office-workbook.ts) and passes the same
 * suites (tests/unit/office/*, run over both adapters):
 * - apply refuses before writing anything when a target sheet is missing or protected
 *   (Worksheet.ProtectContents), stores the undo snapshot in the very hidden sheet `_cadre_undo`
 *   first, then writes; `lastUndo()` reads it back after the task pane was reopened.
 * - Text that could be read as a formula, number or date is written with a leading apostrophe
 *   (src/ledger/text-entry.ts): ET, like Excel, enters a string written to Formula like typing.
 * - Settings live in the very hidden sheet `_cadre_settings` (Worksheet.Visible =
 *   xlSheetVeryHidden), same layout as the Office and file adapters, so a workbook moves between
 *   Excel, WPS and the CLI with its policy and its undo.
 * - Marks are conditional formats (FormatConditions.Add(xlExpression, , "=MARK_FORMULA")) the
 *   add-in owns (src/workbook/marks-plan.ts); clearMarks deletes only those.
 * - Hidden rows: Range.SpecialCells(xlCellTypeVisible).Address(); merges: Range.MergeCells /
 *   MergeArea in the header rows (MERGE_SCAN_ROWS), with a notice when merges lie further down.
 *
 * Construct with the host's Application: `new WpsWorkbook(() => window.Application)`.
 */
import { msg, type Msg } from '../../i18n/message';
import { parseAreas, uncoveredRows } from '../../ledger/a1-areas';
import { checkPlan } from '../../ledger/apply-plan';
import { cellBlocks, type CellItem } from '../../ledger/chunk';
import type { CellState, EditPlan, UndoSnapshot } from '../../ledger/edit-plan';
import type { CellValue, Grid, RangeBox } from '../../ledger/grid';
import { valueEntry } from '../../ledger/text-entry';
import { decodeSnapshot, encodeSnapshot, UNDO_CHUNK_CHARS } from '../../ledger/undo-codec';
import { isOwnedMarkFormula, MARK_FILL, MARK_FORMULA, markGroups } from '../marks-plan';
import { formulaOf, isInternalSheet } from '../office/office-read';
import { SETTINGS_SHEET, UNDO_SHEET } from '../office/office-store';
import { cellKey, planWrites, snapshotOf, undoWrites, type CellEntry, type SheetWrites } from '../plan-writes';
import type { CellMark, CellStyle, SheetInfo, SheetSpec, WorkbookPort } from '../port';
import { PortError } from '../port';
import { Notices } from '../notices';
import { POINTS_PER_CM, specCells } from '../sheet-spec-cells';
import {
  bgr,
  XL_BOTTOM,
  XL_CELL_TYPE_VISIBLE,
  XL_CENTER,
  XL_CONTINUOUS,
  XL_EXPRESSION,
  XL_LANDSCAPE,
  XL_LEFT,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_RIGHT,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_TOP,
  type EtApplication,
  type EtWorkbook,
  type EtWorksheet,
} from './et';
import { etValue, rangeAt, readFormats, toMatrix, writeEntries } from './wps-cells';

/** Rows at the top of a sheet searched for merged cells (where headers are). */
export const MERGE_SCAN_ROWS = 10;

const NOTICES = {
  noWorkbook: msg('WPS 表格中没有打开的工作簿，请先打开台账文件。', 'No workbook is open in WPS Spreadsheets; open the ledger first.'),
  mergesBelow: (s: string): Msg =>
    msg(
      `工作表“${s}”第 ${MERGE_SCAN_ROWS} 行以下有合并单元格，未逐一读取（表头识别只看前 ${MERGE_SCAN_ROWS} 行）。`,
      `Sheet "${s}" has merged cells below row ${MERGE_SCAN_ROWS}; they were not read (headers are looked for in the first ${MERGE_SCAN_ROWS} rows).`,
    ),
};

const sheetMissing = (s: string): Msg => msg(`找不到工作表“${s}”`, `Sheet "${s}" not found`);
const sheetProtected = (s: string): Msg =>
  msg(`工作表“${s}”受保护，未做任何修改；请先撤销工作表保护`, `Sheet "${s}" is protected; nothing was changed. Unprotect it first`);

interface Sheet {
  readonly ws: EtWorksheet;
  readonly info: SheetInfo;
}

const visibilityOf = (v: number): SheetInfo['visibility'] => (v === XL_SHEET_VERY_HIDDEN ? 'veryHidden' : v === XL_SHEET_HIDDEN ? 'hidden' : 'visible');

export class WpsWorkbook implements WorkbookPort {
  private readonly notices = new Notices();

  constructor(
    private readonly app: () => EtApplication,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Messages about skipped features since the last call, then forgets them. */
  takeNotices(): Msg[] {
    return this.notices.take();
  }

  private note(m: Msg): void {
    this.notices.add(m);
  }

  private book(): EtWorkbook {
    const wb = this.app().ActiveWorkbook;
    if (!wb) throw new PortError('unreadable', NOTICES.noWorkbook);
    return wb;
  }

  /** Every worksheet with visibility and protection, in workbook order. */
  private sheets(): Sheet[] {
    const list = this.book().Worksheets;
    const out: Sheet[] = [];
    for (let i = 1, n = list.Count; i <= n; i++) {
      const ws = list.Item(i);
      out.push({ ws, info: { name: ws.Name, visibility: visibilityOf(ws.Visible), protected: ws.ProtectContents } });
    }
    return out;
  }

  private find(name: string): Sheet | undefined {
    return this.sheets().find((s) => s.info.name.toLowerCase() === name.toLowerCase());
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets()
      .filter((s) => !isInternalSheet(s.info.name))
      .map((s) => s.info);
  }

  async read(names?: readonly string[]): Promise<Grid[]> {
    const all = this.sheets().filter((s) => !isInternalSheet(s.info.name));
    const byName = new Map(all.map((s) => [s.info.name, s]));
    const chosen = names
      ? names.map((n) => {
          const s = byName.get(n);
          if (!s) throw new PortError('sheet-missing', sheetMissing(n));
          return s;
        })
      : all;
    return chosen.map((s) => this.readGrid(s));
  }

  private readGrid({ ws, info }: Sheet): Grid {
    const used = ws.UsedRange;
    const top = used.Row - 1;
    const left = used.Column - 1;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    const values = toMatrix(used.Value2, rows, cols);
    const formulas = toMatrix(used.Formula, rows, cols);
    const box: RangeBox = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
    const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;
    const empty = rows === 1 && cols === 1 && isBlank(values[0][0]) && isBlank(formulas[0][0]);
    const rowCount = empty ? 0 : top + rows;
    const colCount = empty ? 0 : left + cols;
    const formats = empty ? [] : readFormats(ws, box, used);
    const grid = {
      sheet: info.name,
      rowCount,
      colCount,
      values: [] as CellValue[][],
      formulas: [] as (string | null)[][],
      numberFormats: [] as string[][],
      merges: empty ? [] : this.merges(ws, info.name, box),
      hiddenRows: empty ? [] : hiddenRows(ws, box),
      protected: info.protected,
      visibility: info.visibility,
    };
    for (let r = 0; r < rowCount; r++) {
      const vr: CellValue[] = new Array(colCount).fill(null);
      const fr: (string | null)[] = new Array(colCount).fill(null);
      const nr = new Array<string>(colCount).fill('General');
      const ur = r - top;
      if (ur >= 0) {
        for (let c = 0; c < cols; c++) {
          const raw = values[ur][c];
          vr[left + c] = etValue(raw);
          fr[left + c] = formulaOf(formulas[ur][c], raw);
          nr[left + c] = formats[ur][c];
        }
      }
      grid.values.push(vr);
      grid.formulas.push(fr);
      grid.numberFormats.push(nr);
    }
    return grid;
  }

  /** Merged areas among the first MERGE_SCAN_ROWS rows; a notice when there are merges below. */
  private merges(ws: EtWorksheet, sheet: string, box: RangeBox): RangeBox[] {
    if (rangeAt(ws, box).MergeCells === false) return [];
    const out: RangeBox[] = [];
    const covered = (r: number, c: number): boolean => out.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
    const last = Math.min(box.bottom, box.top + MERGE_SCAN_ROWS - 1);
    for (let r = box.top; r <= last; r++) {
      if (rangeAt(ws, { ...box, top: r, bottom: r }).MergeCells === false) continue;
      for (let c = box.left; c <= box.right; c++) {
        if (covered(r, c)) continue;
        const cell = rangeAt(ws, { top: r, left: c, bottom: r, right: c });
        if (cell.MergeCells !== true) continue;
        out.push(...parseAreas(cell.MergeArea.Address(false, false)));
      }
    }
    if (last < box.bottom && rangeAt(ws, { ...box, top: last + 1 }).MergeCells !== false) this.note(NOTICES.mergesBelow(sheet));
    return out;
  }

  async apply(plan: EditPlan, label: Msg): Promise<UndoSnapshot> {
    const all = this.sheets();
    const problem = checkPlan(
      plan,
      all.filter((s) => !isInternalSheet(s.info.name)).map((s) => s.info),
    );
    if (problem) throw new PortError(problem.code, problem.message);
    const byName = new Map(all.map((s) => [s.info.name, s.ws]));
    const states = readStates(byName, plan);
    const snapshot = snapshotOf(plan, states, label, this.now());
    // The snapshot is stored before the edits, so an interrupted apply can still be undone.
    this.saveUndo(snapshot);
    this.write(byName, planWrites(plan, states));
    return snapshot;
  }

  private write(sheets: ReadonlyMap<string, EtWorksheet>, writes: readonly SheetWrites[]): void {
    for (const w of writes) if (w.cells.length > 0) writeEntries(sheets.get(w.sheet) as EtWorksheet, w.cells);
  }

  async undo(snapshot: UndoSnapshot): Promise<void> {
    const all = this.sheets();
    const byName = new Map(all.map((s) => [s.info.name, s]));
    for (const sheet of new Set(snapshot.cells.map((c) => c.sheet))) {
      const s = byName.get(sheet);
      if (!s) throw new PortError('sheet-missing', msg(`找不到工作表“${sheet}”，无法撤销`, `Sheet "${sheet}" not found; cannot undo`));
      if (s.info.protected) throw new PortError('sheet-protected', sheetProtected(sheet));
    }
    for (const name of snapshot.createdSheets) {
      const s = byName.get(name);
      if (s) this.deleteSheet(s.ws);
    }
    byName.get(UNDO_SHEET)?.ws.UsedRange.ClearContents();
    this.write(new Map(all.map((s) => [s.info.name, s.ws])), undoWrites(snapshot));
  }

  /** The snapshot of the last apply still stored in the workbook, or null. */
  async lastUndo(): Promise<UndoSnapshot | null> {
    const s = this.find(UNDO_SHEET);
    if (!s) return null;
    const chunks: string[] = [];
    for (const r of readFromA1(s.ws)) {
      if ((r[0] ?? '') === '') break;
      chunks.push(r[0]);
    }
    return decodeSnapshot(chunks);
  }

  private saveUndo(snapshot: UndoSnapshot): void {
    const existing = this.find(UNDO_SHEET);
    const ws = existing?.ws ?? this.addVeryHidden(UNDO_SHEET);
    if (existing) ws.UsedRange.ClearContents();
    writeEntries(
      ws,
      encodeSnapshot(snapshot).map((chunk, row) => ({ row, col: 0, item: text(chunk) })),
    );
  }

  /** A new sheet after the last one (Sheets.Add(Before, After) as in lib.et.d.ts). */
  private addSheet(name: string): EtWorksheet {
    const list = this.book().Worksheets;
    const n = list.Count;
    const ws = n > 0 ? list.Add(undefined, list.Item(n)) : list.Add();
    ws.Name = name;
    return ws;
  }

  private addVeryHidden(name: string): EtWorksheet {
    const ws = this.addSheet(name);
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    return ws;
  }

  /** Delete without WPS's confirmation prompt (Application.DisplayAlerts, as in Excel). */
  private deleteSheet(ws: EtWorksheet): void {
    const app = this.app();
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      ws.Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
  }

  async writeSheet(spec: SheetSpec, options: { replace?: boolean } = {}): Promise<void> {
    const existing = this.find(spec.name);
    if (existing) {
      if (!options.replace) throw new PortError('sheet-exists', msg(`工作表“${spec.name}”已存在`, `Sheet "${spec.name}" already exists`));
      if (existing.info.protected) throw new PortError('sheet-protected', sheetProtected(existing.info.name));
      this.deleteSheet(existing.ws);
    }
    const ws = this.addSheet(spec.name);
    writeEntries(ws, specCells(spec));
    for (const s of spec.styles ?? []) applyStyle(ws, s.box, s.style);
    for (const m of spec.merges ?? []) rangeAt(ws, m).Merge(false);
    (spec.columnWidths ?? []).forEach((w, c) => {
      // Range.ColumnWidth is in characters of the standard font, like the spec's widths.
      rangeAt(ws, { top: 0, left: c, bottom: 0, right: c }).ColumnWidth = w;
    });
    (spec.rowHeights ?? []).forEach((h, r) => {
      // Range.RowHeight is in points, like the spec's heights.
      if (h !== undefined) rangeAt(ws, { top: r, left: 0, bottom: r, right: 0 }).RowHeight = h;
    });
    if (spec.freezeRows) {
      // Freezing is a window setting: activate the sheet, split below the rows, freeze.
      ws.Activate();
      const win = this.app().ActiveWindow;
      win.SplitColumn = 0;
      win.SplitRow = spec.freezeRows;
      win.FreezePanes = true;
    }
    if (spec.print) {
      const p = spec.print;
      const page = ws.PageSetup;
      page.Orientation = p.orientation === 'landscape' ? XL_LANDSCAPE : XL_PORTRAIT;
      page.PaperSize = XL_PAPER_A4;
      if (p.marginsCm) {
        page.TopMargin = p.marginsCm.top * POINTS_PER_CM;
        page.BottomMargin = p.marginsCm.bottom * POINTS_PER_CM;
        page.LeftMargin = p.marginsCm.left * POINTS_PER_CM;
        page.RightMargin = p.marginsCm.right * POINTS_PER_CM;
      }
      if (p.fitToWidth) {
        page.Zoom = false;
        page.FitToPagesWide = 1;
        page.FitToPagesTall = false;
      }
      if (p.repeatRows) page.PrintTitleRows = `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`;
      if (p.area) page.PrintArea = rangeAt(ws, p.area).Address(true, true);
    }
    if (spec.visibility && spec.visibility !== 'visible') ws.Visible = spec.visibility === 'veryHidden' ? XL_SHEET_VERY_HIDDEN : XL_SHEET_HIDDEN;
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    const all = this.sheets();
    const notices: Msg[] = [];
    const groups = markGroups(
      all.map((s) => s.info),
      marks,
      true,
      notices,
    );
    notices.forEach((n) => this.note(n));
    const byName = new Map(all.map((s) => [s.info.name, s.ws]));
    for (const g of groups) {
      const ws = byName.get(g.sheet) as EtWorksheet;
      for (const p of g.pieces) {
        const fc = ws.Range(p.join(',')).FormatConditions.Add(XL_EXPRESSION, undefined, `=${MARK_FORMULA}`);
        fc.Interior.Color = bgr(MARK_FILL[g.severity]);
      }
    }
  }

  async clearMarks(): Promise<void> {
    for (const { ws, info } of this.sheets()) {
      if (info.protected || isInternalSheet(info.name)) continue;
      const list = ws.Cells.FormatConditions;
      // Backwards: deleting shifts the later items down.
      for (let i = list.Count; i >= 1; i--) {
        const fc = list.Item(i);
        if (fc.Type === XL_EXPRESSION && isOwnedMarkFormula(fc.Formula1)) fc.Delete();
      }
    }
  }

  /** Show a cell: activate its sheet and select the cell. */
  async select(sheet: string, row: number, col: number): Promise<void> {
    const s = this.find(sheet);
    if (!s) throw new PortError('sheet-missing', sheetMissing(sheet));
    if (s.info.visibility !== 'visible')
      throw new PortError('unsupported', msg(`工作表“${sheet}”已隐藏，请先取消隐藏`, `Sheet "${sheet}" is hidden; unhide it first`));
    s.ws.Activate();
    rangeAt(s.ws, { top: row, left: col, bottom: row, right: col }).Select();
  }

  async getSetting(key: string): Promise<string | null> {
    return this.settingNow(key);
  }

  /** getSetting without the promise (ET is synchronous): for the WPS functions' policy reload. */
  settingNow(key: string): string | null {
    const s = this.find(SETTINGS_SHEET);
    if (!s) return null;
    const row = readFromA1(s.ws).find((r) => r[0] === key);
    if (!row) return null;
    let out = '';
    for (let c = 1; c < row.length && row[c] !== ''; c++) out += row[c];
    return out;
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    const s = this.find(SETTINGS_SHEET);
    if (!s && value === null) return;
    const ws = s?.ws ?? this.addVeryHidden(SETTINGS_SHEET);
    const rows = s ? readFromA1(ws) : [];
    let r = rows.findIndex((x) => x[0] === key);
    if (r < 0 && value === null) return;
    if (r < 0) {
      r = rows.findIndex((x) => (x[0] ?? '') === '');
      if (r < 0) r = rows.length;
    }
    const chunks: string[] = [];
    if (value !== null) for (let i = 0; i < value.length; i += UNDO_CHUNK_CHARS) chunks.push(value.slice(i, i + UNDO_CHUNK_CHARS));
    const width = Math.max((rows[r] ?? []).length, chunks.length + 1);
    const cells: CellItem<CellEntry>[] = [];
    for (let c = 0; c < width; c++) cells.push({ row: r, col: c, item: text(value === null ? '' : c === 0 ? key : (chunks[c - 1] ?? '')) });
    writeEntries(ws, cells);
  }
}

const text = (s: string): CellEntry => ({ entry: valueEntry(s === '' ? null : s), numberFormat: null });

/** The used cells of a sheet as strings from A1 ('' for empty). */
function readFromA1(ws: EtWorksheet): string[][] {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const out: string[][] = Array.from({ length: top }, () => []);
  for (const row of toMatrix(used.Value2, used.Rows.Count, used.Columns.Count)) {
    out.push([...new Array<string>(left).fill(''), ...row.map((v) => (v === null || v === undefined ? '' : String(v)))]);
  }
  return out;
}

/** Rows of `box` that no visible area covers. SpecialCells fails when no cell is visible. */
function hiddenRows(ws: EtWorksheet, box: RangeBox): number[] {
  let address: string;
  try {
    address = rangeAt(ws, box).SpecialCells(XL_CELL_TYPE_VISIBLE).Address(false, false);
  } catch {
    return uncoveredRows(box.top, box.bottom, []);
  }
  return uncoveredRows(box.top, box.bottom, parseAreas(address));
}

/** The exact current state of every planned cell, read per rectangle. */
function readStates(sheets: ReadonlyMap<string, EtWorksheet>, plan: EditPlan): Map<string, CellState> {
  const states = new Map<string, CellState>();
  for (const sheet of new Set(plan.edits.map((e) => e.sheet))) {
    const ws = sheets.get(sheet) as EtWorksheet;
    const cells = plan.edits.filter((e) => e.sheet === sheet).map((e) => ({ row: e.row, col: e.col, item: null }));
    for (const b of cellBlocksOf(cells)) {
      const range = rangeAt(ws, b);
      const h = b.bottom - b.top + 1;
      const w = b.right - b.left + 1;
      const values = toMatrix(range.Value2, h, w);
      const formulas = toMatrix(range.Formula, h, w);
      const formats = readFormats(ws, b, range);
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++)
          states.set(cellKey(sheet, b.top + i, b.left + j), {
            value: etValue(values[i][j]),
            formula: formulaOf(formulas[i][j], values[i][j]),
            numberFormat: formats[i][j],
          });
    }
  }
  return states;
}

function cellBlocksOf(cells: readonly CellItem<null>[]): RangeBox[] {
  return cellBlocks(cells).map((b) => ({ top: b.top, left: b.left, bottom: b.top + b.items.length - 1, right: b.left + b.items[0].length - 1 }));
}

function applyStyle(ws: EtWorksheet, box: RangeBox, s: CellStyle): void {
  const r = rangeAt(ws, box);
  if (s.bold !== undefined) r.Font.Bold = s.bold;
  if (s.fontName !== undefined) r.Font.Name = s.fontName;
  if (s.fontSize !== undefined) r.Font.Size = s.fontSize;
  if (s.horizontal) r.HorizontalAlignment = s.horizontal === 'left' ? XL_LEFT : s.horizontal === 'right' ? XL_RIGHT : XL_CENTER;
  if (s.vertical) r.VerticalAlignment = s.vertical === 'top' ? XL_TOP : s.vertical === 'bottom' ? XL_BOTTOM : XL_CENTER;
  if (s.wrap !== undefined) r.WrapText = s.wrap;
  if (s.fill) r.Interior.Color = bgr(s.fill);
  if (s.border) r.Borders.LineStyle = XL_CONTINUOUS;
}
