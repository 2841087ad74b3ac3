/**
 * Reader of the workbook formats a county office keeps besides .xlsx (旧版及其他格式读取): legacy
 * Excel .xls (BIFF8, and BIFF5 in the same compound-file container), WPS 表格 .et/.ett where it
 * is that same container, and OpenDocument .ods — into the same Grids the .xlsx readers give, so
 * the rest of the engine cannot tell the difference.
 *
 * Library: SheetJS Community Edition 0.20.3, taken from the npm registry as `@e965/xlsx`, an
 * unmodified republish of the cdn.sheetjs.com tarball (the `xlsx` package on npm stopped at
 * 0.18.5, which has CVE-2023-30533, prototype pollution, fixed in 0.19.3, and CVE-2024-22363,
 * ReDoS, fixed in 0.20.2). SheetJS finds the BIFF "Workbook"/"Book" stream in a compound file, so
 * a WPS .et saved in that container reads like an .xls (SheetJS's format table lists "WPS 电子表格
 * (ET)" as read-only, docs.sheetjs.com/docs/miscellany/formats; LibreOffice 7.4 registers "et"
 * with its "MS Excel 97" type and "ett" with the Excel 97 template, share/registry/calc.xcd);
 * anything else in a compound file is refused (format-messages.ts), and so is a BIFF stream with a
 * FILEPASS record (an open password), which SheetJS reports as "File is password-protected".
 *
 * Mapping onto Grid, following the .xlsx path's rules (file-workbook.ts / xlsx-grid-reader.ts):
 * - values: `cellDates: false`, so dates stay serials; a number in a date-formatted cell goes
 *   through exceljs's Date round trip (viaDate) and 1904-system workbooks are moved to 1900
 *   serials, as exceljs does; errors become CellError by their text (#DIV/0!, #N/A …);
 * - formulas: SheetJS's A1 text (`cellFormula: true`; BIFF shared formulas are expanded per cell,
 *   ODS OpenFormula `of:=[.A1]` is translated to `A1`), with the leading '=';
 * - number formats: `cellNF: true` gives each cell's format code; `\` escapes are dropped as
 *   exceljs's NumFmtXform drops them; no code is 'General';
 * - merges from `!merges`; cells under a merge other than its top-left read as null (as Excel and
 *   exceljs report them);
 * - hidden rows, sheet visibility and protection: BIFF from SheetJS (`!rows[r].hidden`,
 *   Workbook.Sheets[i].Hidden, `!protect`); SheetJS's ODS reader does not keep them, so they are
 *   read from content.xml here (odsSheetFacts);
 * - the used area ends at the last cell with a value, a formula or a format, or a merge's end.
 * The add-in's settings sheet is kept out of the Grids and read by getSetting, as for .xlsx.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, Grid, RangeBox, SheetVisibility } from '../../ledger/grid';
import { PortError, type SheetInfo } from '../port';
import type { Msg } from '../../i18n/message';
import { damaged, FORMAT_LABEL, FORMAT_MSG, type LegacyFormat } from './format-messages';
import { decodeSetting, SETTINGS_SHEET } from './settings-sheet';
import { type GridBook } from './xlsx-grid-reader';
import { viaDate } from './xlsx-sheet';
import { isDateFmt } from './xlsx-xml';

/** A workbook read from a legacy or open format: read-only, with the format it came in. */
export interface LegacyBook extends GridBook {
  readonly format: LegacyFormat;
  /** Every sheet's Grid (settings sheet included), for the conversion to .xlsx. */
  readonly allGrids: readonly Grid[];
}

/** BIFF error codes ([MS-XLS] 2.5.15 BErr) for cells whose text SheetJS does not give. */
const BERR: Readonly<Record<number, string>> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A' };

const READ_OPTS: XLSX.ParsingOptions = {
  type: 'array',
  cellFormula: true,
  cellNF: true,
  cellDates: false,
  cellText: false,
  cellHTML: false,
  sheetStubs: true,
  dense: true,
};

/** Open .xls / .et (compound file) or .ods (zip) bytes; PortError 'unreadable' when they cannot be read faithfully. */
export function openLegacyBook(bytes: Uint8Array, format: LegacyFormat): LegacyBook {
  let wb: XLSX.WorkBook;
  // SheetJS logs "ODS number format may be incorrect" with console.error for conditional ODS
  // formats (it keeps the first branch): that is no message for our user, and stderr is the CLI's
  // message channel. The read is synchronous, so nothing else logs in between.
  const logError = console.error;
  console.error = () => undefined;
  try {
    // A fresh view: SheetJS attaches its reading helpers to the array it is given (prep_blob).
    wb = XLSX.read(bytes.subarray(), READ_OPTS);
  } catch (e) {
    throw new PortError('unreadable', whyUnreadable(e, format));
  } finally {
    console.error = logError;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const facts = format === 'ods' ? odsSheetFacts(bytes) : null;
  const grids = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const fact = facts?.[i];
    const visibility: SheetVisibility = fact ? fact.visibility : biffVisibility(wb.Workbook?.Sheets?.[i]?.Hidden);
    const hidden = fact ? fact.hiddenRows : biffHiddenRows(ws);
    const isProtected = fact ? fact.protected : Boolean(ws['!protect']);
    return sheetGrid(name, ws, { date1904, visibility, hidden, isProtected });
  });
  const sheets = grids.filter((g) => g.sheet !== SETTINGS_SHEET);
  if (sheets.length === 0) throw new PortError('unreadable', FORMAT_MSG.noSheets);
  const settings = grids.find((g) => g.sheet === SETTINGS_SHEET);
  return {
    format,
    allGrids: grids,
    sheetNames: sheets.map((g) => g.sheet),
    listSheets: async (): Promise<SheetInfo[]> => sheets.map((g) => ({ name: g.sheet, visibility: g.visibility, protected: g.protected })),
    read: async (names?: readonly string[]): Promise<Grid[]> =>
      (names ?? sheets.map((g) => g.sheet)).map((n) => {
        const g = sheets.find((s) => s.sheet === n);
        if (!g) throw new PortError('sheet-missing', { 'zh-CN': `找不到工作表“${n}”`, 'en-US': `Sheet "${n}" not found` });
        return g;
      }),
    getSetting: async (key: string) => (settings ? decodeSetting(settings.rowCount, (r, c) => settingsText(settings, r - 1, c - 1), key) : null),
  };
}

/** A settings cell as exceljs's `cell.value` would give it for decodeSetting: text only when plain text. */
function settingsText(g: Grid, r: number, c: number): unknown {
  if (r >= g.rowCount || c >= g.colCount || g.formulas[r][c] !== null) return null;
  return g.values[r][c];
}

function whyUnreadable(e: unknown, format: LegacyFormat): Msg {
  const text = e instanceof Error ? e.message : String(e);
  // SheetJS's own words for an encrypted BIFF (FILEPASS) or ODS file; anything else is damage.
  if (/password-protected|ODS Encryption/i.test(text)) return FORMAT_MSG.encrypted;
  if (/Cannot find Workbook stream|Works 4|Quattro/i.test(text)) return FORMAT_MSG.cfbWithoutWorkbook;
  // SheetJS's other errors describe its internals (a truncated file gives a Node type error):
  // the user learns the file is damaged and which format it was read as.
  return damaged(FORMAT_LABEL[format]);
}

function biffVisibility(hidden: number | undefined): SheetVisibility {
  return hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible';
}

function biffHiddenRows(ws: XLSX.WorkSheet): (row: number) => boolean {
  const rows = ws['!rows'] ?? [];
  return (r) => Boolean(rows[r]?.hidden);
}

interface SheetFacts {
  readonly date1904: boolean;
  readonly visibility: SheetVisibility;
  readonly hidden: (row: number) => boolean;
  readonly isProtected: boolean;
}

/**
 * The number format as the .xlsx path reports it: exceljs drops `\` escapes; none is General. In
 * date and time codes, a quoted separator ("-", ".", "/", ":", " ") is written bare, as Excel
 * writes it: SheetJS's ODS reader quotes every <number:text>, so `yyyy"-"mm"-"dd` is `yyyy-mm-dd`.
 */
function formatCode(z: unknown): string {
  if (typeof z !== 'string' || z === '') return 'General';
  const code = z.replace(/[\\](.)/g, '$1');
  return isDateFmt(code) ? code.replace(/"([-./: ])"/g, '$1') : code;
}

function cellValue(cell: XLSX.CellObject, fmt: string, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
      return isDateFmt(fmt) ? viaDate(cell.v, date1904) : (cell.v as number);
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e': {
      const w = typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : BERR[cell.v as number];
      return { error: w ?? '#VALUE!' };
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return viaDate(d.getTime() / 86400000 + 25569, false);
    }
    default:
      return null;
  }
}

function sheetGrid(name: string, ws: XLSX.WorkSheet, facts: SheetFacts): Grid {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges: RangeBox[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const covered = (r: number, c: number): boolean =>
    merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  let rowCount = 0;
  let colCount = 0;
  const sparse: { r: number; c: number; v: CellValue; f: string | null; n: string }[] = [];
  data.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || (merges.length && covered(r, c))) return;
      const n = formatCode(cell.z);
      const f = typeof cell.f === 'string' && cell.f !== '' ? `=${cell.f}` : null;
      const v = cellValue(cell, n, facts.date1904);
      if (v === null && f === null && n === 'General') return;
      sparse.push({ r, c, v, f, n });
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    values.push(new Array<CellValue>(colCount).fill(null));
    formulas.push(new Array<string | null>(colCount).fill(null));
    numberFormats.push(new Array<string>(colCount).fill('General'));
  }
  for (const s of sparse) {
    values[s.r][s.c] = s.v;
    formulas[s.r][s.c] = s.f;
    numberFormats[s.r][s.c] = s.n;
  }
  const hiddenRows: number[] = [];
  for (let r = 0; r < rowCount; r++) if (facts.hidden(r)) hiddenRows.push(r);
  return { sheet: name, rowCount, colCount, values, formulas, numberFormats, merges, hiddenRows, protected: facts.isProtected, visibility: facts.visibility };
}

// ---------------------------------------------------------------------------------------------
// ODS facts SheetJS does not keep (OpenDocument 1.2 part 1, §9.1.2 table:table, §9.1.3
// table:table-row, §17.15 style:table-properties table:display)

interface OdsFacts {
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
  readonly hiddenRows: (row: number) => boolean;
}

const ATTR = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
};

/** Per table of content.xml, in document order (SheetJS's SheetNames order). */
export function odsSheetFacts(bytes: Uint8Array): OdsFacts[] {
  const zip = XLSX.CFB.read(bytes.subarray(), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, 'content.xml');
  if (!entry || !entry.content) throw new PortError('unreadable', damaged(FORMAT_LABEL.ods, 'content.xml'));
  const xml = new TextDecoder('utf-8').decode(entry.content as Uint8Array);
  const hiddenStyles = new Set<string>();
  const styleRe = /<style:style\b[^>]*>[\s\S]*?<\/style:style>/g;
  for (let m = styleRe.exec(xml); m; m = styleRe.exec(xml)) {
    if (ATTR(m[0], 'style:family') !== 'table') continue;
    if (/table:display="false"/.test(m[0])) hiddenStyles.add(ATTR(m[0], 'style:name') ?? '');
  }
  const out: OdsFacts[] = [];
  const tagRe = /<(\/?)table:(table-row|table)(?=[\s/>])[^>]*?(\/?)>/g;
  let depth = 0;
  let row = 0;
  let hidden: [number, number][] = [];
  let current: { visibility: SheetVisibility; protected: boolean } | null = null;
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    const [tag, close, name, selfClose] = m;
    if (name === 'table') {
      if (close) {
        if (--depth === 0 && current) {
          const ranges = hidden;
          out.push({ ...current, hiddenRows: (r) => ranges.some(([a, b]) => r >= a && r < b) });
        }
      } else if (!selfClose && depth++ === 0) {
        current = {
          visibility: hiddenStyles.has(ATTR(tag, 'table:style-name') ?? '\u0000') ? 'hidden' : 'visible',
          protected: ATTR(tag, 'table:protected') === 'true',
        };
        row = 0;
        hidden = [];
      }
    } else if (depth === 1 && !close) {
      const repeat = Number(ATTR(tag, 'table:number-rows-repeated') ?? '1') || 1;
      const vis = ATTR(tag, 'table:visibility');
      if (vis === 'collapse' || vis === 'filter') hidden.push([row, row + repeat]);
      row += repeat;
    }
  }
  return out;
}
