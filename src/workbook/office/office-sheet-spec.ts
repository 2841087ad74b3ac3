/**
 * Writing an output sheet (输出工作表) such as 问题清单 from a SheetSpec: contents as matrices
 * (src/workbook/office/office-write.ts; cells from src/workbook/sheet-spec-cells.ts), then styles,
 * merges, widths, row heights, frozen rows and print setup in the same requests. Links are HYPERLINK formulas
 * (Range.hyperlink needs ExcelApi 1.7 and one property set per cell).
 */
import type { Msg } from '../../i18n/message';
import { boxAddress } from '../../ledger/a1-areas';
import type { CellStyle, SheetSpec } from '../port';
import { hyperlinkFormula, POINTS_PER_CM, specCells } from '../sheet-spec-cells';
import { REQUEST_BUDGET, writeCells } from './office-write';
import { NOTICES, type Capabilities } from './requirements';

export { hyperlinkFormula };

/** Points for a width in characters (Excel's default 8.43 characters are 48 points). */
const pointsForChars = (chars: number): number => Math.round(chars * 5.7 * 100) / 100;

/**
 * Request bytes of one queued formatting action, generously (Office.js sends each property set as
 * an action with its object path): formatting is sent in requests of its own below the budget.
 */
const FORMAT_ACTION_BYTES = 400;

export async function writeSpec(ctx: Excel.RequestContext, ws: Excel.Worksheet, spec: SheetSpec, caps: Capabilities, notices: Msg[]): Promise<void> {
  const cells = specCells(spec);
  // A wizard's sheet of 100,000 rows has a style per row: queued at once, they made one request of
  // 7–22 MB, which Excel on the web refuses (5 MB); so a request is sent whenever the queue is full.
  let queued = 0;
  const queue = async (actions: number): Promise<void> => {
    queued += actions * FORMAT_ACTION_BYTES;
    if (queued < REQUEST_BUDGET) return;
    await ctx.sync();
    queued = 0;
  };
  for (const s of spec.styles ?? []) await queue(applyStyle(ws.getRange(boxAddress(s.box)), s.style));
  for (const m of spec.merges ?? []) {
    ws.getRange(boxAddress(m)).merge(false);
    await queue(1);
  }
  (spec.columnWidths ?? []).forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsForChars(w);
  });
  // Row heights in points, for the rows the spec gives one.
  const heights = spec.rowHeights ?? [];
  for (let r = 0; r < heights.length; r++) {
    const h = heights[r];
    if (h === undefined) continue;
    ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
    await queue(2);
  }
  if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
  if (spec.print) {
    if (!caps.pageLayout) notices.push(NOTICES.pageLayout);
    else {
      const p = spec.print;
      const layout = ws.pageLayout;
      layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      if (p.marginsCm) {
        layout.topMargin = p.marginsCm.top * POINTS_PER_CM;
        layout.bottomMargin = p.marginsCm.bottom * POINTS_PER_CM;
        layout.leftMargin = p.marginsCm.left * POINTS_PER_CM;
        layout.rightMargin = p.marginsCm.right * POINTS_PER_CM;
      }
      if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
      if (p.area) layout.setPrintArea(boxAddress(p.area));
    }
  }
  if (spec.visibility && spec.visibility !== 'visible') ws.visibility = spec.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
  // The queued formatting travels with the first content request.
  await writeCells(ctx, [{ sheet: spec.name, ws, cells }]);
  await ctx.sync();
}

/** Queue a style's property sets on `range`; returns how many actions were queued (the range and each property set). */
function applyStyle(range: Excel.Range, s: CellStyle): number {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontName !== undefined) f.font.name = s.fontName;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.horizontal) f.horizontalAlignment = s.horizontal === 'left' ? 'Left' : s.horizontal === 'right' ? 'Right' : 'Center';
  if (s.vertical) f.verticalAlignment = s.vertical === 'top' ? 'Top' : s.vertical === 'bottom' ? 'Bottom' : 'Center';
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.fill) f.fill.color = s.fill;
  const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;
  if (s.border) for (const edge of edges) f.borders.getItem(edge).style = 'Continuous';
  const set = [s.bold, s.fontName, s.fontSize, s.horizontal, s.vertical, s.wrap, s.fill].filter((x) => x !== undefined).length;
  return 1 + set + (s.border ? edges.length : 0);
}
