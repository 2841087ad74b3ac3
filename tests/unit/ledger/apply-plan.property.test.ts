/**
 * undo(apply(plan)) restores the workbook exactly, on the file adapter and on the pure Grid model,
 * for random sheets and random plans; apply writes only the planned cells.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { msg } from '../../../src/i18n/message';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { applyPlanToGrid, cellStateAt, checkPlan, snapshotFromGrids, restoreWrites } from '../../../src/ledger/apply-plan';
import type { Grid } from '../../../src/ledger/grid';

/** Cell by cell over the larger area (a Grid's extent follows its content). */
function sameCells(a: Grid, b: Grid): void {
  for (let r = 0; r < Math.max(a.rowCount, b.rowCount); r++)
    for (let c = 0; c < Math.max(a.colCount, b.colCount); c++) expect([r, c, cellStateAt(a, r, c)]).toEqual([r, c, cellStateAt(b, r, c)]);
}
import type { CellEdit, CellWrite, EditPlan } from '../../../src/ledger/edit-plan';
import type { CellValue } from '../../../src/ledger/grid';

const value = fc.oneof(
  fc.constant<CellValue>(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.constantFrom('=不是公式', '+86', '-', '@who', '1985.03'),
  fc.boolean(),
);
const write: fc.Arbitrary<CellWrite> = fc.oneof(
  value.map((v) => ({ value: v })),
  fc.tuple(value, fc.constantFrom('yyyy-mm-dd', '0.00%', '@')).map(([v, f]) => ({ value: v, numberFormat: f })),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ formula: `=A1+${n}`, cached: n })),
);

async function book(cells: CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  ws.getCell('B2').value = { formula: 'A1*2', result: 4 } as ExcelJS.CellFormulaValue;
  ws.getCell('C3').numFmt = 'yyyy.mm';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheetCells = fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 });
const planOf = (writes: [number, number, CellWrite][]): EditPlan => {
  const seen = new Set<string>();
  const edits: CellEdit[] = [];
  for (const [row, col, w] of writes) {
    if (seen.has(`${row},${col}`)) continue;
    seen.add(`${row},${col}`);
    edits.push({ sheet: '台账', row, col, old: { value: null, formula: null, numberFormat: 'General' }, new: w, why: msg('测试', 'test'), code: 'test' });
  }
  return { edits };
};
const writes = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), write), { minLength: 1, maxLength: 8 });

describe('apply / undo', () => {
  it('file adapter: undo(apply(plan)) == original, and apply changes only planned cells', async () => {
    await fc.assert(
      fc.asyncProperty(sheetCells, writes, async (cells, ws) => {
        const plan = planOf(ws);
        const wb = await openFileWorkbook(await book(cells));
        const [before] = await wb.read();
        const snap = await wb.apply(plan, msg('测试', 'test'));
        const [after] = await wb.read();
        sameCells(after, applyPlanToGrid(before, plan));
        const reopened = await openFileWorkbook(await wb.save());
        await reopened.undo(snap);
        const [restored] = await reopened.read();
        sameCells(restored, before);
      }),
      { numRuns: 40 },
    );
  }, 60000);

  it('pure model: the snapshot from Grids restores the Grid exactly', () => {
    fc.assert(
      fc.property(sheetCells, writes, (cells, ws) => {
        const plan = planOf(ws);
        const g = {
          sheet: '台账',
          rowCount: 4,
          colCount: 4,
          values: cells,
          formulas: cells.map((r) => r.map(() => null)),
          numberFormats: cells.map((r) => r.map(() => 'General')),
          merges: [],
          hiddenRows: [],
          protected: false,
          visibility: 'visible' as const,
        };
        const snap = snapshotFromGrids(plan, [g], msg('测试', 'test'));
        const after = applyPlanToGrid(g, plan);
        const undo: EditPlan = { edits: restoreWrites(snap).map((w) => ({ ...plan.edits[0], row: w.row, col: w.col, new: w.write })) };
        const back = applyPlanToGrid(after, undo);
        for (let r = 0; r < 4; r++)
          for (let c = 0; c < 4; c++) expect([back.values[r][c], back.formulas[r][c], back.numberFormats[r][c]]).toEqual([g.values[r][c], null, 'General']);
      }),
    );
  });

  it('checkPlan refuses protected or missing sheets, duplicate cells and invalid writes', () => {
    const e = (over: Partial<CellEdit>): CellEdit => ({
      sheet: 'A',
      row: 0,
      col: 0,
      old: { value: null, formula: null, numberFormat: 'General' },
      new: { value: 1 },
      why: msg('t', 't'),
      code: 't',
      ...over,
    });
    const sheets = [
      { name: 'A', protected: false },
      { name: 'P', protected: true },
    ];
    expect(checkPlan({ edits: [e({})] }, sheets)).toBeNull();
    expect(checkPlan({ edits: [e({ sheet: 'P' })] }, sheets)?.code).toBe('sheet-protected');
    expect(checkPlan({ edits: [e({ sheet: 'X' })] }, sheets)?.code).toBe('sheet-missing');
    expect(checkPlan({ edits: [e({}), e({})] }, sheets)?.message['zh-CN']).toMatch(/出现两次/);
    expect(checkPlan({ edits: [e({ new: { value: 1, formula: '=A1' } })] }, sheets)?.code).toBe('unsupported');
    expect(checkPlan({ edits: [e({ new: { formula: 'A1' } })] }, sheets)?.code).toBe('unsupported');
  });
});
