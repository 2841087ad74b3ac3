/**
 * Marking finding cells (标记问题单元格) with conditional formats the add-in owns (src/workbook/marks-plan.ts):
 * a custom rule (ExcelApi 1.6) whose formula is MARK_FORMULA, with a fill per severity.
 *
 * Many cells share one rule through Worksheet.getRanges("A1,C3:D9,…") (RangeAreas, ExcelApi 1.9);
 * the address list is cut into pieces of at most ADDRESS_CHARS characters. Without 1.9 each
 * rectangle gets its own rule.
 */
import type { Msg } from '../../i18n/message';
import type { CellMark, SheetInfo } from '../port';
import { isOwnedMarkFormula, MARK_FILL, MARK_FORMULA, markGroups } from '../marks-plan';
import type { Capabilities } from './requirements';
import { REQUEST_BUDGET } from './office-write';

export { isOwnedMarkFormula, MARK_FILL, MARK_FORMULA };

/** Add the marks; sheets that are protected or missing are skipped and named in a notice. */
export async function addMarks(
  ctx: Excel.RequestContext,
  infos: readonly SheetInfo[],
  marks: readonly CellMark[],
  caps: Capabilities,
  notices: Msg[],
): Promise<void> {
  let bytes = 0;
  for (const g of markGroups(infos, marks, caps.rangeAreas, notices)) {
    const ws = ctx.workbook.worksheets.getItem(g.sheet);
    for (const p of g.pieces) {
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
