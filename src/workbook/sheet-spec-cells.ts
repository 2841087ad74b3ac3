/**
 * The cells of an output sheet (输出工作表) as matrix entries, for the live-workbook adapters
 * (Office, WPS). Links are HYPERLINK formulas with a "#'Sheet'!D7" target, which jump inside the
 * workbook in every Excel version and in WPS 表格, and survive a trip through the file adapter.
 * Pure.
 */
import { isCellError, type CellValue } from '../ledger/grid';
import type { CellWrite } from '../ledger/edit-plan';
import { writeEntry, valueEntry } from '../ledger/text-entry';
import type { CellItem } from '../ledger/chunk';
import type { CellEntry } from './plan-writes';
import type { SheetSpec } from './port';

function isWrite(x: CellWrite | CellValue): x is CellWrite {
  return typeof x === 'object' && x !== null && !isCellError(x) && ('value' in x || 'formula' in x);
}

function displayText(x: CellWrite | CellValue): string {
  const v = isWrite(x) ? (x.value ?? x.cached ?? '') : x;
  if (v === null) return '';
  return isCellError(v) ? v.error : String(v);
}

const quoteFormulaText = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** =HYPERLINK("#'花名册'!D7","text"): an in-workbook link. */
export function hyperlinkFormula(target: string, text: string): string {
  return `=HYPERLINK(${quoteFormulaText(`#${target}`)},${quoteFormulaText(text)})`;
}

/** Every non-empty cell of the spec, links as HYPERLINK formulas. */
export function specCells(spec: SheetSpec): CellItem<CellEntry>[] {
  const links = new Map((spec.links ?? []).map((l) => [`${l.row}:${l.col}`, l.target]));
  const cells: CellItem<CellEntry>[] = [];
  spec.rows.forEach((row, r) =>
    row.forEach((x, c) => {
      const target = links.get(`${r}:${c}`);
      if (target !== undefined) {
        cells.push({ row: r, col: c, item: { entry: hyperlinkFormula(target, displayText(x)), numberFormat: null } });
        return;
      }
      if (isWrite(x)) cells.push({ row: r, col: c, item: { entry: writeEntry(x), numberFormat: x.numberFormat ?? null } });
      else if (x !== null) cells.push({ row: r, col: c, item: { entry: valueEntry(x), numberFormat: null } });
    }),
  );
  return cells;
}

/** 1 cm in points (page margins). */
export const POINTS_PER_CM = 28.3465;
