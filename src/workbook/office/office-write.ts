/**
 * Writing cells over the Excel JS API (写入): the cells to write are grouped into rectangles
 * (src/ledger/chunk.ts), each rectangle is one `formulas` matrix (and one `numberFormat` matrix
 * when formats change, with null for "leave this cell's format", as documented in "Blank and null
 * values in Excel add-ins", learn.microsoft.com), and rectangles are packed into requests below
 * the byte budget, one `context.sync()` per request.
 *
 * Everything goes through `Range.formulas` (ExcelApi 1.1): a formula is written as its text, a
 * constant as its value (strings guarded by src/ledger/text-entry.ts). Contents are written
 * before number formats: a formula entered into a cell already formatted as Text ("@") would be
 * stored as text, while changing the format of a cell afterwards never changes its contents
 * (found by the undo property test: restoring a formula in a Text cell).
 */
import { cellBlocks, entryBytes, packBlocks, type CellItem } from '../../ledger/chunk';
import { isFormulaEntry as isFormula, type CellEntry } from '../plan-writes';

export type { CellEntry };

/** 4 MiB: below Excel on the web's 5 MB request limit, leaving room for the request envelope. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

export interface SheetWrites {
  readonly sheet: string;
  readonly ws?: Excel.Worksheet;
  readonly cells: readonly CellItem<CellEntry>[];
}

const rowBytes = (items: readonly CellEntry[]): number => {
  let n = 2;
  for (const x of items) n += entryBytes(x.entry) + 2 * entryBytes(x.numberFormat);
  return n;
};

/** Write all cells; returns the number of requests used. */
export async function writeCells(ctx: Excel.RequestContext, writes: readonly SheetWrites[], budget = REQUEST_BUDGET): Promise<number> {
  const targets = writes.filter((w) => w.cells.length > 0);
  const sheets = targets.map((w) => w.ws ?? ctx.workbook.worksheets.getItem(w.sheet));
  // Blocks of every sheet share requests; each item remembers its sheet.
  const blocks = targets.flatMap((w, i) => cellBlocks(w.cells.map((c) => ({ row: c.row, col: c.col, item: { ...c.item, sheet: i } }))));
  const batches = packBlocks(blocks, rowBytes, budget);
  for (const batch of batches) {
    for (const block of batch) {
      const range = sheets[block.items[0][0].sheet].getRangeByIndexes(block.top, block.left, block.items.length, block.items[0].length);
      // A formula entered into a Text ("@") cell stays text: such cells are set to General first
      // and get their final format afterwards (callers give formula cells their final format).
      if (block.items.some((row) => row.some((x) => isFormula(x) && x.numberFormat !== null))) {
        range.numberFormat = block.items.map((row) => row.map((x) => (isFormula(x) && x.numberFormat !== null ? 'General' : null))) as unknown as string[][];
      }
      range.formulas = block.items.map((row) => row.map((x) => x.entry)) as unknown as string[][];
      if (block.items.some((row) => row.some((x) => x.numberFormat !== null))) {
        // null entries keep a cell's format (documented for numberFormat matrices).
        range.numberFormat = block.items.map((row) => row.map((x) => x.numberFormat)) as unknown as string[][];
      }
    }
    await ctx.sync();
  }
  return batches.length;
}
