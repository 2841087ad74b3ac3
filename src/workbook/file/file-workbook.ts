/**
 * The file adapter (文件适配器) of WorkbookPort over exceljs: an .xlsx held in memory, usable in
 * Node (CLI, tests) and in the browser (the task pane's standalone mode resolves exceljs to its
 * browser build through the package's "browser" field). No file system here on purpose: callers
 * pass the bytes in and take the bytes of `save()` out.
 *
 * Conventions the core relies on:
 * - dates come back as Excel serials (1900 system) with their date number format;
 * - formula cells give the formula text ('=…', shared formulas translated) plus the cached result;
 * - errors become CellError, rich text and hyperlinks become their plain text;
 * - merged cells other than the top-left one read as null (as Excel reports them);
 * - a zh-CN Excel's implicit built-in formats (numFmtId 27–36, 50–58 with no <numFmt>, e.g. 31 =
 *   yyyy"年"m"月"d"日") are declared in styles.xml before exceljs loads the package
 *   (implicit-formats.ts), so those cells read as dates with their zh-CN code, and save writes
 *   the same code back as an explicit custom format (id ≥ 164) instead of General.
 *
 * Marks: findings are marked with conditional-format rules whose formula is the owned expression
 * MARK_FORMULA ("CADRE_MARK"<>"" is always true, and no user writes it), so clearMarks removes
 * exactly ours and the user's own fills and rules survive.
 *
 * Settings: a very hidden sheet SETTINGS_SHEET, key in column A, value split over columns B, C, …
 * in chunks below Excel's 32,767-character cell limit (settings-sheet.ts: the layout and the
 * decoding, shared with the read-only reader).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { msg, type Msg } from '../../i18n/message';
import type { CellError, CellValue, Grid, RangeBox, SheetVisibility } from '../../ledger/grid';
import { a1, isCellError } from '../../ledger/grid';
import type { CellState, CellWrite, EditPlan, UndoSnapshot } from '../../ledger/edit-plan';
import { checkPlan, newSnapshotId, restoreWrites } from '../../ledger/apply-plan';
import type { Severity } from '../../values/finding';
import type { CellMark, CellStyle, SheetInfo, SheetSpec, WorkbookPort } from '../port';
import { PortError } from '../port';
import { declareImplicitFormats } from './implicit-formats';
import { sniffWorkbookBytes } from './sniff';
import { FORMAT_MSG, sheetsSkipped } from './format-messages';
import { workbookParts } from './xlsx-grid-reader';
import type { SheetRef } from './xlsx-sheet';
import { decodeSetting, SETTING_CHUNK_CHARS, SETTINGS_SHEET } from './settings-sheet';

export { SETTINGS_SHEET } from './settings-sheet';
export const MARK_FORMULA = '"CADRE_MARK"<>""';
const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in Excel's 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;

const MARK_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** An .xlsx in memory behind WorkbookPort; `save()` gives the bytes back. */
export interface FileWorkbook extends WorkbookPort {
  save(): Promise<Uint8Array>;
  /** Names of all worksheets in workbook order, the settings sheet excluded. */
  readonly sheetNames: readonly string[];
}

/**
 * Open .xlsx bytes. Not a zip, an encrypted (password-protected) file, a legacy .xls, a damaged
 * package or a workbook without worksheets each give PortError 'unreadable' with a message that
 * says which (other formats: open-workbook.ts dispatches by content).
 */
export async function openFileWorkbook(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const problem = sniffWorkbookBytes(bytes);
  if (problem) throw new PortError('unreadable', problem);
  const wb = new ExcelJS.Workbook();
  let listed: readonly SheetRef[] | null = null;
  try {
    const pkg = await preparePackage(bytes);
    listed = pkg.listed;
    const loaded = pkg.bytes;
    // exceljs accepts a Buffer/ArrayBuffer; pass a tight ArrayBuffer so a view's offset is honoured.
    const buf = loaded.buffer.slice(loaded.byteOffset, loaded.byteOffset + loaded.byteLength) as ArrayBuffer;
    await wb.xlsx.load(buf);
  } catch (e) {
    throw new PortError(
      'unreadable',
      msg(`文件已损坏或不是有效的 Excel 工作簿（${shortReason(e)}）`, `The file is damaged or not a valid Excel workbook (${shortReason(e)})`),
    );
  }
  // exceljs loads only the worksheets whose part is named xl/worksheets/sheetN.xml and silently
  // leaves out any other the workbook lists: refused by name rather than checked without it.
  const skipped = (listed ?? []).filter((s) => s.name !== SETTINGS_SHEET && !wb.worksheets.some((ws) => ws.name === s.name));
  if (skipped.length) throw new PortError('unreadable', sheetsSkipped(skipped));
  // A package that loads but holds no worksheet (or only the add-in's settings) is nothing to
  // check: refused, so no command ever reports "no problems" for a file it did not read.
  if (!wb.worksheets.some((ws) => ws.name !== SETTINGS_SHEET)) throw new PortError('unreadable', FORMAT_MSG.noSheets);
  return new ExcelJsWorkbook(wb);
}

/**
 * The package as exceljs should load it (implicit zh-CN formats declared, see
 * declareImplicitNumberFormats) and the worksheets its workbook.xml lists (null when that cannot
 * be read here: exceljs then speaks for the package).
 */
async function preparePackage(bytes: Uint8Array): Promise<{ bytes: Uint8Array; listed: readonly SheetRef[] | null }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { bytes, listed: null };
  }
  let listed: readonly SheetRef[] | null = null;
  try {
    const wbXml = await zip.file('xl/workbook.xml')?.async('string');
    const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
    if (wbXml !== undefined && relsXml !== undefined) listed = workbookParts(wbXml, relsXml).sheets;
  } catch {
    listed = null;
  }
  const styles = await zip
    .file('xl/styles.xml')
    ?.async('string')
    .catch(() => undefined);
  const patched = styles === undefined ? null : declareImplicitFormats(styles);
  if (patched === null) return { bytes, listed };
  zip.file('xl/styles.xml', patched);
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), listed };
}

/**
 * The package with xl/styles.xml declaring the implicit zh-CN number formats its cells use
 * (implicit-formats.ts), or the same bytes when there is nothing to declare or the zip cannot be
 * read here (exceljs then reports the damage in its own words). Only styles.xml is re-compressed:
 * JSZip copies the other deflated entries as they are.
 */
export async function declareImplicitNumberFormats(bytes: Uint8Array): Promise<Uint8Array> {
  return (await preparePackage(bytes)).bytes;
}

function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 120);
}

/** Excel serial (1900 system) of a Date that exceljs produced (UTC-based). */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

type Ws = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;

class ExcelJsWorkbook implements FileWorkbook {
  constructor(private readonly wb: ExcelJS.Workbook) {}

  get sheetNames(): readonly string[] {
    return this.wb.worksheets.filter((ws) => ws.name !== SETTINGS_SHEET).map((ws) => ws.name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets
      .filter((ws) => ws.name !== SETTINGS_SHEET)
      .map((ws) => ({ name: ws.name, visibility: visibilityOf(ws), protected: isProtected(ws) }));
  }

  async read(sheets?: readonly string[]): Promise<Grid[]> {
    const names = sheets ?? this.sheetNames;
    return names.map((name) => readGrid(this.sheet(name)));
  }

  async apply(plan: EditPlan, label: Msg): Promise<UndoSnapshot> {
    const infos = await this.listSheets();
    const problem = checkPlan(plan, infos);
    if (problem) throw new PortError(problem.code, problem.message);
    const cells: { sheet: string; row: number; col: number; state: CellState }[] = [];
    for (const edit of plan.edits) {
      const ws = this.sheet(edit.sheet);
      const cell = ws.getCell(edit.row + 1, edit.col + 1);
      cells.push({ sheet: edit.sheet, row: edit.row, col: edit.col, state: cellState(cell) });
    }
    for (const edit of plan.edits) writeCell(this.sheet(edit.sheet), edit.row, edit.col, edit.new);
    return { id: newSnapshotId(), createdAt: new Date().toISOString(), label, cells, createdSheets: [] };
  }

  async undo(snapshot: UndoSnapshot): Promise<void> {
    for (const name of snapshot.createdSheets) {
      const ws = this.wb.getWorksheet(name);
      if (ws) this.wb.removeWorksheet(ws.id);
    }
    for (const w of restoreWrites(snapshot)) {
      const ws = this.wb.getWorksheet(w.sheet);
      if (!ws) throw new PortError('sheet-missing', sheetMissing(w.sheet));
      writeCell(ws, w.row, w.col, w.write);
    }
  }

  async writeSheet(spec: SheetSpec, options?: { replace?: boolean }): Promise<void> {
    const existing = this.wb.getWorksheet(spec.name);
    if (existing) {
      if (!options?.replace) {
        throw new PortError('sheet-exists', msg(`工作表“${spec.name}”已存在`, `Sheet "${spec.name}" already exists`));
      }
      if (isProtected(existing)) throw new PortError('sheet-protected', sheetProtected(spec.name));
      this.wb.removeWorksheet(existing.id);
    }
    writeSpec(this.wb.addWorksheet(spec.name), spec);
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    // One rule per sheet and severity, covering all its cells: Excel keeps sqref lists compact.
    const groups = new Map<string, { ws: Ws; severity: Severity; refs: string[] }>();
    for (const m of marks) {
      const ws = this.sheet(m.sheet);
      const key = `${m.sheet}\u0000${m.severity}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { ws, severity: m.severity, refs: [] }));
      g.refs.push(a1(m.row, m.col));
    }
    for (const g of groups.values()) {
      g.ws.addConditionalFormatting({
        ref: g.refs.join(' '),
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [MARK_FORMULA],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: MARK_FILL[g.severity] } } },
          },
        ],
      });
    }
  }

  async clearMarks(): Promise<void> {
    for (const ws of this.wb.worksheets) {
      const list = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
      if (!list || list.length === 0) continue;
      (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings = list.filter(
        (cf) => !cf.rules.some((r) => isOwnedRule(r)),
      );
    }
  }

  async getSetting(key: string): Promise<string | null> {
    const ws = this.wb.getWorksheet(SETTINGS_SHEET);
    if (!ws) return null;
    return decodeSetting(ws.rowCount, (r, c) => ws.findCell(r, c)?.value, key);
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    let ws = this.wb.getWorksheet(SETTINGS_SHEET);
    if (!ws) {
      if (value === null) return;
      ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    }
    let rowNo = findSettingRow(ws, key);
    if (rowNo === null) {
      if (value === null) return;
      rowNo = ws.actualRowCount + 1;
      while (ws.getRow(rowNo).getCell(1).value !== null) rowNo++;
    }
    const row = ws.getRow(rowNo);
    // Clear the previous chunks, then write the new ones.
    for (let c = 2; typeof row.getCell(c).value === 'string'; c++) row.getCell(c).value = null;
    if (value === null) {
      row.getCell(1).value = null;
      return;
    }
    row.getCell(1).value = key;
    if (value === '') {
      row.getCell(2).value = '';
      return;
    }
    for (let i = 0, c = 2; i < value.length; i += SETTING_CHUNK_CHARS, c++) row.getCell(c).value = value.slice(i, i + SETTING_CHUNK_CHARS);
  }

  async save(): Promise<Uint8Array> {
    const buf = await this.wb.xlsx.writeBuffer();
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  }

  private sheet(name: string): Ws {
    const ws = this.wb.getWorksheet(name);
    if (!ws || name === SETTINGS_SHEET) throw new PortError('sheet-missing', sheetMissing(name));
    return ws;
  }
}

function isOwnedRule(r: ExcelJS.ConditionalFormattingRule): boolean {
  const f = (r as { formulae?: unknown[] }).formulae;
  return Array.isArray(f) && f.some((x) => typeof x === 'string' && x.replace(/^=/, '') === MARK_FORMULA);
}

function findSettingRow(ws: Ws, key: string): number | null {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).value === key) return r;
  }
  return null;
}

const sheetMissing = (name: string): Msg => msg(`找不到工作表“${name}”`, `Sheet "${name}" not found`);
const sheetProtected = (name: string): Msg =>
  msg(`工作表“${name}”受保护，未做任何修改；请先撤销保护`, `Sheet "${name}" is protected; nothing was changed. Unprotect it first`);

function visibilityOf(ws: Ws): SheetVisibility {
  const s = (ws as unknown as { state?: string }).state;
  return s === 'hidden' || s === 'veryHidden' ? s : 'visible';
}

function isProtected(ws: Ws): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean | string | number } | null }).sheetProtection;
  if (!p) return false;
  return p.sheet === true || p.sheet === 1 || p.sheet === '1' || p.sheet === 'true';
}

/** A plain CellValue of whatever exceljs holds (formula cells: their cached result). */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('hyperlink' in o || 'text' in o) return plainValue(o.text);
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
  }
  return null;
}

function cellFormula(cell: Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const f = cell.formula;
  return f ? `=${f}` : null;
}

function cellNumberFormat(cell: Cell): string {
  const f = cell.numFmt;
  return typeof f === 'string' && f !== '' ? f : 'General';
}

/** Everything undo needs about one live cell. */
function cellState(cell: Cell): CellState {
  if (cell.type === ExcelJS.ValueType.Merge) {
    return { value: null, formula: null, numberFormat: cellNumberFormat(cell) };
  }
  const formula = cellFormula(cell);
  const value = formula ? plainValue(cell.result) : plainValue(cell.value);
  return { value, formula, numberFormat: cellNumberFormat(cell) };
}

/** Read one worksheet into a dense Grid, walking only the rows and cells that exist. */
export function readGrid(ws: Ws): Grid {
  let rowCount = 0;
  let colCount = 0;
  const sparse: { r: number; c: number; v: CellValue; f: string | null; n: string }[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNo) => {
    if (row.hidden) hiddenRows.push(rowNo - 1);
    // Walk the row's existing cells, empty ones included: an empty cell with a number format is
    // part of the used area, as in Excel (exceljs 4 keeps them in Row._cells).
    const cells = (row as unknown as { _cells?: (Cell | undefined)[] })._cells;
    const visit = (cell: Cell, colNo: number) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // slaves read as null, like Excel
      const formula = cellFormula(cell);
      const v = formula ? plainValue(cell.result) : plainValue(cell.value);
      const n = cellNumberFormat(cell);
      if (v === null && formula === null && n === 'General') return;
      sparse.push({ r: rowNo - 1, c: colNo - 1, v, f: formula, n });
      if (rowNo > rowCount) rowCount = rowNo;
      if (colNo > colCount) colCount = colNo;
    };
    if (Array.isArray(cells)) cells.forEach((cell, i) => cell && visit(cell, i + 1));
    else row.eachCell({ includeEmpty: false }, visit);
  });
  const merges: RangeBox[] = [];
  const raw = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(raw)) {
    if (!m) continue;
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const values: CellValue[][] = new Array(rowCount);
  const formulas: (string | null)[][] = new Array(rowCount);
  const numberFormats: string[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    values[r] = new Array<CellValue>(colCount).fill(null);
    formulas[r] = new Array<string | null>(colCount).fill(null);
    numberFormats[r] = new Array<string>(colCount).fill('General');
  }
  for (const s of sparse) {
    values[s.r][s.c] = s.v;
    formulas[s.r][s.c] = s.f;
    numberFormats[s.r][s.c] = s.n;
  }
  return {
    sheet: ws.name,
    rowCount,
    colCount,
    values,
    formulas,
    numberFormats,
    merges,
    hiddenRows: hiddenRows.filter((r) => r < rowCount),
    protected: isProtected(ws),
    visibility: visibilityOf(ws),
  };
}

function toExcelValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (isCellError(v)) return { error: (v as CellError).error } as ExcelJS.CellErrorValue;
  return v as string | number | boolean;
}

/**
 * Before a shared-formula master changes, give each clone its own translated formula, otherwise
 * the clones would lose their formula on save.
 */
function detachSharedClones(ws: Ws, master: Cell): void {
  const model = (master as unknown as { model?: { shareType?: string; ref?: string } }).model;
  if (!model || model.shareType !== 'shared' || !model.ref) return;
  const addr = master.address;
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(model.ref);
  if (!m) return;
  const top = Number(m[2]);
  const bottom = Number(m[4]);
  for (let r = top; r <= bottom; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { sharedFormula?: string; result?: unknown } | null;
      if (v && typeof v === 'object' && v.sharedFormula === addr) {
        cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
      }
    });
  }
}

/** Write one CellWrite: strings always as text, formulas with their cached result. */
export function writeCell(ws: Ws, row: number, col: number, w: CellWrite): void {
  const cell = ws.getCell(row + 1, col + 1);
  if (cell.type === ExcelJS.ValueType.Formula) detachSharedClones(ws, cell);
  if (w.formula !== undefined) {
    const text = w.formula.replace(/^=/, '');
    cell.value = { formula: text, result: toExcelValue(w.cached) as never } as ExcelJS.CellFormulaValue;
  } else {
    // exceljs stores a JS string as a shared string, so text beginning with = + - @ stays text.
    cell.value = toExcelValue(w.value);
  }
  if (w.numberFormat !== undefined) {
    // Style objects are shared between cells after loading: copy before changing one cell's format.
    cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** The properties `s` sets, and only those (an unset one is absent, not undefined). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What a CellStyle sets, as exceljs style parts: a font or alignment with only the properties it names. */
interface StyleLayer {
  readonly font?: Partial<ExcelJS.Font>;
  readonly alignment?: Partial<ExcelJS.Alignment>;
  readonly fill?: ExcelJS.Fill;
  readonly border?: Partial<ExcelJS.Borders>;
}

function styleLayer(s: CellStyle): StyleLayer {
  const font = defined({ bold: s.bold, name: s.fontName || undefined, size: s.fontSize || undefined });
  const alignment = defined({ horizontal: s.horizontal || undefined, vertical: s.vertical || undefined, wrapText: s.wrap });
  const thin = { style: 'thin' as const };
  return {
    ...(Object.keys(font).length ? { font } : {}),
    ...(Object.keys(alignment).length ? { alignment } : {}),
    ...(s.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } } as ExcelJS.Fill } : {}),
    ...(s.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
  };
}

/**
 * `current` with the layer laid over it. A style sets only the properties it names, as the Office
 * and WPS adapters do: a later { horizontal: 'center' } over a wrapped, middle-aligned box keeps
 * the wrapping and the vertical alignment (replacing the whole alignment lost both).
 */
function styleOver(current: Partial<ExcelJS.Style>, layer: StyleLayer): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...current };
  if (layer.font) out.font = { ...current.font, ...layer.font };
  if (layer.alignment) out.alignment = { ...current.alignment, ...layer.alignment };
  if (layer.fill) out.fill = layer.fill;
  if (layer.border) out.border = layer.border;
  return out;
}

function isCellWrite(x: unknown): x is CellWrite {
  return typeof x === 'object' && x !== null && !isCellError(x) && ('value' in x || 'formula' in x);
}

const CM_PER_INCH = 2.54;

function writeSpec(ws: Ws, spec: SheetSpec): void {
  spec.rows.forEach((row, r) => {
    row.forEach((item, c) => {
      if (isCellWrite(item)) writeCell(ws, r, c, item);
      else if (item !== null) writeCell(ws, r, c, { value: item as CellValue });
    });
  });
  for (const { box, style } of spec.styles ?? []) {
    const layer = styleLayer(style);
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.style = styleOver(cell.style, layer);
      }
    }
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  (spec.columnWidths ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  (spec.rowHeights ?? []).forEach((h, r) => {
    if (h !== undefined) ws.getRow(r + 1).height = h;
  });
  for (const link of spec.links ?? []) {
    const cell = ws.getCell(link.row + 1, link.col + 1);
    const text = plainValue(cell.value);
    cell.value = { text: text === null ? link.target : String(text), hyperlink: `#${link.target}` };
    cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), color: { argb: 'FF0563C1' }, underline: true } };
  }
  if (spec.freezeRows) ws.views = [{ state: 'frozen', ySplit: spec.freezeRows, xSplit: 0 }];
  if (spec.print) {
    const p = spec.print;
    const setup: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: p.orientation };
    if (p.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (p.marginsCm) {
      const m = p.marginsCm;
      setup.margins = {
        top: m.top / CM_PER_INCH,
        bottom: m.bottom / CM_PER_INCH,
        left: m.left / CM_PER_INCH,
        right: m.right / CM_PER_INCH,
        header: 0.3,
        footer: 0.3,
      };
    }
    if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
    if (p.area) setup.printArea = `${a1(p.area.top, p.area.left)}:${a1(p.area.bottom, p.area.right)}`;
    ws.pageSetup = { ...ws.pageSetup, ...setup };
  }
  if (spec.visibility) (ws as unknown as { state: string }).state = spec.visibility;
}
