/**
 * Reading worksheets into Grids over the Excel JS API (读取): one request for the sheet list, one
 * for every sheet's used range with values, formulas and number formats loaded together, plus
 * hidden rows and merges from the same range; the number of requests does not depend on the
 * number of rows. Only when Excel refuses the answer as too large (Excel on the web: 5 MB per
 * response, ResponsePayloadSizeLimitExceeded) is the data read again in row bands sized from the
 * first band's measured bytes.
 *
 * API facts relied on (learn.microsoft.com Excel JS reference, @types/office-js "[Api set]"):
 * - Worksheet.getUsedRange(valuesOnly) (1.1; valuesOnly 1.2) returns A1 on an empty sheet.
 * - Range.formulas gives the formula, or the value for a constant cell (1.1); a quote-prefixed
 *   text such as '=x comes back without the apostrophe (OfficeDev/office-js#6687), so a cell is a
 *   formula only when its formula text differs from its value.
 * - Range.values gives "" for an empty cell and the error text ("#DIV/0!") for an error (1.1).
 * - Range.getSpecialCellsOrNullObject("Visible") (1.9): the visible cells; rows no area covers are
 *   hidden. Range.rowHidden (1.2) only says "all / none / mixed" for a range, so it cannot list
 *   rows without one request per row.
 * - Range.getMergedAreasOrNullObject() (1.13) fails above 512 merged areas (reference note).
 */
import type { Msg } from '../../i18n/message';
import type { CellValue, Grid, RangeBox, SheetVisibility } from '../../ledger/grid';
import { parseAreas, uncoveredRows } from '../../ledger/a1-areas';
import { utf8Length } from '../../ledger/chunk';
import type { SheetInfo } from '../port';
import { NOTICES, type Capabilities } from './requirements';

/** Sheets the add-in keeps for itself (settings, undo); never listed, read or checked. */
export const INTERNAL_SHEET_PREFIX = '_cadre_';

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export function isInternalSheet(name: string): boolean {
  return name.startsWith(INTERNAL_SHEET_PREFIX);
}

export function toVisibility(v: string): SheetVisibility {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

/** All worksheets with visibility and protection, in workbook order (one request). */
export async function loadSheetInfos(ctx: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  await ctx.sync();
  return sheets.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected }));
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** A value as Excel reported it → CellValue ('' → null, error text → CellError). */
export function cellValueOf(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** The formula of a cell, or null for a constant (including text that merely starts with '='). */
export function formulaOf(f: unknown, rawValue: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') && f !== rawValue ? f : null;
}

interface SheetParts {
  readonly info: SheetInfo;
  readonly used: Excel.Range;
  readonly visible: Excel.RangeAreas | null;
  readonly merged: Excel.RangeAreas | null;
}

interface Matrices {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** What one answer may carry: below the 5 MB limit of Excel on the web. */
export const BAND_BUDGET = 4 * 1024 * 1024;

/** Read the given sheets; notices about missing features are pushed to `notices`. */
export async function readGrids(ctx: Excel.RequestContext, infos: readonly SheetInfo[], caps: Capabilities, notices: Msg[]): Promise<Grid[]> {
  if (infos.length === 0) return [];
  if (!caps.visibleCells) notices.push(NOTICES.visibleCells);
  if (!caps.mergedAreas) notices.push(NOTICES.mergedAreas);
  const queue = (withData: boolean, withMerges: boolean): SheetParts[] =>
    infos.map((info) => {
      const ws = ctx.workbook.worksheets.getItem(info.name);
      const used = ws.getUsedRange(true);
      used.load(withData ? 'address,rowCount,columnCount,values,formulas,numberFormat' : 'address,rowCount,columnCount');
      const visible = caps.visibleCells ? used.getSpecialCellsOrNullObject('Visible') : null;
      visible?.load('address');
      const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { info, used, visible, merged };
    });

  let withMerges = caps.mergedAreas;
  let banded = false;
  let parts: SheetParts[];
  for (;;) {
    parts = queue(!banded, withMerges);
    try {
      await ctx.sync();
      break;
    } catch (e) {
      const tooLarge = errorCode(e) === 'ResponsePayloadSizeLimitExceeded';
      if (tooLarge && !banded) banded = true;
      else if (!tooLarge && withMerges) {
        // Most likely more than 512 merged areas: read again without merges rather than fail.
        notices.push(NOTICES.mergedFailed);
        withMerges = false;
      } else throw e;
    }
  }
  const data = banded
    ? await readBands(ctx, parts)
    : parts.map((p) => ({ values: p.used.values, formulas: p.used.formulas, numberFormat: p.used.numberFormat }));
  return parts.map((p, i) => toGrid(p, data[i]));
}

/**
 * Rows [top, top + rows) of columns [left, left + cols) loaded with `props`, one request per band
 * of rows, each answer below 5 MB (Excel on the web refuses more): `first` rows, then as many as
 * the previous band's measured bytes allow; a band the host still refuses is halved. `take` reads a
 * band (h rows) and returns its size in bytes.
 */
export async function loadInBands(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  box: { readonly top: number; readonly left: number; readonly rows: number; readonly cols: number },
  props: string,
  first: number,
  take: (range: Excel.Range, h: number) => number,
): Promise<void> {
  let band = Math.max(1, first);
  for (let start = 0; start < box.rows;) {
    const h = Math.min(band, box.rows - start);
    const r = ws.getRangeByIndexes(box.top + start, box.left, h, box.cols);
    r.load(props);
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded' && h > 1) {
        band = Math.max(1, Math.floor(h / 2));
        continue;
      }
      throw e;
    }
    band = Math.max(1, Math.floor((BAND_BUDGET / Math.max(1, take(r, h))) * h));
    start += h;
  }
}

/** Each sheet's used range in row bands, one request per band, each answer below 5 MB. */
async function readBands(ctx: Excel.RequestContext, parts: readonly SheetParts[]): Promise<Matrices[]> {
  const out: Matrices[] = [];
  for (const p of parts) {
    const m: Matrices = { values: [], formulas: [], numberFormat: [] };
    const cols = p.used.columnCount;
    const origin = parseAreas(p.used.address)[0] ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const ws = ctx.workbook.worksheets.getItem(p.info.name);
    // First band: a size that fits even at ~80 bytes per cell; later bands: from measured bytes.
    const box = { top: origin.top, left: origin.left, rows: p.used.rowCount, cols };
    await loadInBands(ctx, ws, box, 'values,formulas,numberFormat', Math.floor(60_000 / Math.max(1, cols)), (r, h) => {
      // Row by row, not push(...band): a band of 130,000+ rows (a sheet of one or two narrow
      // columns) overflows the call's arguments.
      for (let i = 0; i < h; i++) {
        m.values.push(r.values[i]);
        m.formulas.push(r.formulas[i]);
        m.numberFormat.push(r.numberFormat[i]);
      }
      return utf8Length(JSON.stringify([r.values, r.formulas, r.numberFormat]));
    });
    out.push(m);
  }
  return out;
}

function toGrid(p: SheetParts, m: Matrices): Grid {
  const origin: RangeBox = parseAreas(p.used.address)[0] ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const usedRows = p.used.rowCount;
  const usedCols = p.used.columnCount;
  const empty = usedRows === 1 && usedCols === 1 && m.values[0]?.[0] === '' && m.formulas[0]?.[0] === '';
  const rowCount = empty ? 0 : origin.top + usedRows;
  const colCount = empty ? 0 : origin.left + usedCols;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const vr: CellValue[] = new Array(colCount).fill(null);
    const fr: (string | null)[] = new Array(colCount).fill(null);
    const nr: string[] = new Array(colCount).fill('General');
    const ur = r - origin.top;
    if (ur >= 0) {
      const rv = m.values[ur];
      const rf = m.formulas[ur];
      const rn = m.numberFormat[ur];
      for (let c = 0; c < usedCols; c++) {
        const raw = rv[c];
        vr[origin.left + c] = cellValueOf(raw);
        fr[origin.left + c] = formulaOf(rf[c], raw);
        nr[origin.left + c] = typeof rn[c] === 'string' && rn[c] !== '' ? (rn[c] as string) : 'General';
      }
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  let hiddenRows: number[] = [];
  if (p.visible && rowCount > 0) {
    const bottom = origin.top + usedRows - 1;
    hiddenRows = p.visible.isNullObject ? rangeRows(origin.top, bottom) : uncoveredRows(origin.top, bottom, parseAreas(p.visible.address));
  }
  const merges = p.merged && !p.merged.isNullObject ? parseAreas(p.merged.address) : [];
  return {
    sheet: p.info.name,
    rowCount,
    colCount,
    values,
    formulas,
    numberFormats,
    merges,
    hiddenRows,
    protected: p.info.protected,
    visibility: p.info.visibility,
  };
}

function rangeRows(top: number, bottom: number): number[] {
  const out: number[] = [];
  for (let r = top; r <= bottom; r++) out.push(r);
  return out;
}
