/**
 * Marking finding cells (标记问题单元格) with conditional formats the add-in owns: a custom rule
 * (ExcelApi 1.6) whose formula is MARK_FORMULA — always true, and nothing a user writes — with a
 * fill per severity. A conditional format paints over the cell's own fill without changing it,
 * so clearing the marks (deleting our rules, recognised by their formula) gives the user's fills
 * and rules back untouched. The file adapter uses the same formula, so marks made in either place
 * are cleared by either.
 *
 * Many cells share one rule through Worksheet.getRanges("A1,C3:D9,…") (RangeAreas, ExcelApi 1.9);
 * the address list is cut into pieces of at most ADDRESS_CHARS characters because the reference
 * names no limit and Excel's own reference strings are limited to a few thousand characters.
 * Without 1.9 each rectangle gets its own rule.
 */
import type { Msg } from '../../i18n/message';
import { msg } from '../../i18n/message';
import { boxAddress } from '../../ledger/a1-areas';
import { cellBlocks } from '../../ledger/chunk';
import type { Severity } from '../../values/finding';
import type { CellMark, SheetInfo } from '../port';
import type { Capabilities } from './requirements';
import { REQUEST_BUDGET } from './office-write';

/** Same text as the file adapter's MARK_FORMULA (src/workbook/file/file-workbook.ts). */
export const MARK_FORMULA = '"CADRE_MARK"<>""';
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const ADDRESS_CHARS = 2000;

export function isOwnedMarkFormula(formula: string): boolean {
  return formula.replace(/\s/g, '').toUpperCase().includes('"CADRE_MARK"<>""');
}

/** Add the marks; sheets that are protected or missing are skipped and named in a notice. */
export async function addMarks(
  ctx: Excel.RequestContext,
  infos: readonly SheetInfo[],
  marks: readonly CellMark[],
  caps: Capabilities,
  notices: Msg[],
): Promise<void> {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const groups = new Map<string, { sheet: string; severity: Severity; cells: { row: number; col: number; item: true }[] }>();
  const skipped = new Set<string>();
  for (const m of marks) {
    const info = byName.get(m.sheet);
    if (!info || info.protected) {
      skipped.add(m.sheet);
      continue;
    }
    const key = `${m.sheet}\u0000${m.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: m.sheet, severity: m.severity, cells: [] }));
    g.cells.push({ row: m.row, col: m.col, item: true });
  }
  for (const s of skipped) {
    notices.push(
      byName.has(s)
        ? msg(`工作表“${s}”受保护，未标记其中的问题（问题仍列在问题清单中）`, `Sheet "${s}" is protected; its findings were not marked (they are still listed)`)
        : msg(`找不到工作表“${s}”，未标记其中的问题`, `Sheet "${s}" not found; its findings were not marked`),
    );
  }
  let bytes = 0;
  for (const g of groups.values()) {
    const ws = ctx.workbook.worksheets.getItem(g.sheet);
    const blocks = cellBlocks(g.cells);
    const pieces: string[][] = [];
    let current: string[] = [];
    let len = 0;
    for (const b of blocks) {
      const a = boxAddress({ top: b.top, left: b.left, bottom: b.top + b.items.length - 1, right: b.left + b.items[0].length - 1 });
      if (!caps.rangeAreas || (current.length > 0 && len + a.length + 1 > ADDRESS_CHARS)) {
        if (current.length > 0) pieces.push(current);
        current = [];
        len = 0;
      }
      current.push(a);
      len += a.length + 1;
    }
    if (current.length > 0) pieces.push(current);
    for (const p of pieces) {
      const cf = caps.rangeAreas ? ws.getRanges(p.join(',')).conditionalFormats.add('Custom') : ws.getRange(p[0]).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${MARK_FORMULA}`;
      cf.custom.format.fill.color = MARK_FILL[g.severity];
      bytes += p.join(',').length + 400;
      if (bytes > REQUEST_BUDGET) {
        await ctx.sync();
        bytes = 0;
      }
    }
  }
  await ctx.sync();
}

/** Delete every rule we own on every unprotected sheet (two requests however many marks). */
export async function removeMarks(ctx: Excel.RequestContext, infos: readonly SheetInfo[]): Promise<void> {
  const lists = infos
    .filter((i) => !i.protected)
    .map((i) => {
      const list = ctx.workbook.worksheets.getItem(i.name).getRange().conditionalFormats;
      list.load('items/type,items/customOrNullObject/rule/formula');
      return list;
    });
  await ctx.sync();
  for (const list of lists) {
    for (const cf of list.items) {
      if (cf.type !== 'Custom') continue;
      const custom = cf.customOrNullObject;
      if (!custom.isNullObject && isOwnedMarkFormula(custom.rule.formula)) cf.delete();
    }
  }
  await ctx.sync();
}
