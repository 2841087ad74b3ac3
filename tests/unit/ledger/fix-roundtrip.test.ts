/**
 * fix round trip: after applying the safe-transform plan and saving, every cell not in the plan
 * is identical — value, formula, style — on every sheet, as are merges, hidden rows, widths and
 * protection. Planned cells hold exactly what the plan says.
 */
import ExcelJS from 'exceljs';
import { FIXTURES, type FixtureName } from '../../fixtures/build';
import { declareImplicitNumberFormats, openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { planFixes } from '../../../src/ledger/transforms';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { msg } from '../../../src/i18n/message';
import type { EditPlan } from '../../../src/ledger/edit-plan';

const ctx = { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } };

/**
 * Both sides as Excel sees them: a zh-CN file's implicit built-in formats (numFmtId 27, 31, …)
 * declared first, as the file adapter does, so "unchanged" means same value and same format code.
 */
async function load(raw: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = await declareImplicitNumberFormats(raw);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

async function fixed(name: FixtureName): Promise<{ before: Uint8Array; after: Uint8Array; plan: EditPlan }> {
  const before = await FIXTURES[name]();
  const book = await openFileWorkbook(before);
  const r = checkWorkbook(await book.read(), ctx);
  const plan = planFixes(r.ledgers, ctx);
  await book.apply(plan, msg('修复', 'fix'));
  return { before, after: await book.save(), plan };
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, { value: string; style: string }> {
  const out = new Map<string, { value: string; style: string }>();
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out.set(`${r},${c}`, { value: JSON.stringify(cell.value), style: JSON.stringify(cell.style ?? {}) });
    }),
  );
  return out;
}

describe('fix round trip', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('%s: only planned cells change', async (name) => {
    const { before, after, plan } = await fixed(name);
    const a = await load(before);
    const b = await load(after);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const planned = new Set(plan.edits.map((e) => `${e.sheet}|${e.row + 1},${e.col + 1}`));
    let compared = 0;
    for (const wsA of a.worksheets) {
      const wsB = b.getWorksheet(wsA.name)!;
      const ca = cellsOf(wsA);
      const cb = cellsOf(wsB);
      for (const key of new Set([...ca.keys(), ...cb.keys()])) {
        if (planned.has(`${wsA.name}|${key}`)) continue;
        const x = ca.get(key) ?? { value: 'null', style: '{}' };
        const y = cb.get(key) ?? { value: 'null', style: '{}' };
        // A cell exceljs materialised empty on one side only is still the same empty cell.
        expect([wsA.name, key, y.value]).toEqual([wsA.name, key, x.value]);
        if (x.value !== 'null' || y.value !== 'null') expect([wsA.name, key, y.style]).toEqual([wsA.name, key, x.style]);
        compared++;
      }
      expect(wsB.model.merges.slice().sort()).toEqual(wsA.model.merges.slice().sort());
      const hidden = (ws: ExcelJS.Worksheet) => {
        const h: number[] = [];
        ws.eachRow({ includeEmpty: true }, (row, r) => row.hidden && h.push(r));
        return h;
      };
      expect(hidden(wsB)).toEqual(hidden(wsA));
      expect(wsB.columns?.map((c) => c.width)).toEqual(wsA.columns?.map((c) => c.width));
      expect(JSON.stringify((wsB as unknown as { sheetProtection: unknown }).sheetProtection ?? null)).toEqual(
        JSON.stringify((wsA as unknown as { sheetProtection: unknown }).sheetProtection ?? null),
      );
    }
    expect(compared).toBeGreaterThan(0);
    // Planned cells hold exactly the new content.
    const book = await openFileWorkbook(after);
    const grids = new Map((await book.read()).map((g) => [g.sheet, g]));
    for (const e of plan.edits) {
      const g = grids.get(e.sheet)!;
      if (e.new.formula !== undefined) {
        expect(g.formulas[e.row][e.col]).toBe(e.new.formula);
        expect(g.values[e.row][e.col]).toEqual(e.new.cached ?? null);
      } else {
        expect(g.formulas[e.row][e.col]).toBeNull();
        expect(g.values[e.row][e.col]).toEqual(e.new.value);
      }
      if (e.new.numberFormat !== undefined) expect(g.numberFormats[e.row][e.col]).toBe(e.new.numberFormat);
    }
  });

  it('plans the safe transforms and nothing ambiguous', async () => {
    const { plan } = await fixed('roster-messy.xlsx');
    const byCell = new Map(plan.edits.map((e) => [`${e.row + 1},${e.col + 1}`, e]));
    expect(byCell.get('6,2')?.new).toEqual({ value: '李四' }); // name trimmed
    expect(byCell.get('6,4')?.new).toEqual({ value: 31107, numberFormat: 'yyyy.mm' }); // 1985.03 → real date
    expect(byCell.get('10,5')?.new).toEqual({ value: '110101650812123', numberFormat: '@' }); // legacy ID as text
    expect(byCell.get('9,8')?.new).toEqual({ value: '第2办公室主任' }); // full-width digit
    expect(byCell.has('7,4')).toBe(false); // 1985.1 ambiguous: untouched
    expect(byCell.has('7,5')).toBe(false); // lost digits: untouched
    expect(byCell.has('5,4')).toBe(false); // already a real date
    expect(plan.edits.every((e) => e.why['zh-CN'] && e.why['en-US'] && e.code.startsWith('fix.'))).toBe(true);
  });

  it('never changes a protected sheet', async () => {
    const { plan } = await fixed('probation-protected.xlsx');
    expect(plan.edits).toEqual([]);
  });

  it('adds live CADRE formula columns with cached results right of the table', async () => {
    const { plan } = await fixed('recommendation.xlsx');
    const cols = plan.edits.filter((e) => e.code === 'fix.formula-column');
    const header = cols.filter((e) => e.new.value !== undefined).map((e) => [e.row + 1, e.col + 1, e.new.value]);
    expect(header).toEqual([
      [2, 10, '得票率'],
      [2, 11, '是否达标'],
    ]);
    const row4 = cols.filter((e) => e.row === 3).map((e) => e.new);
    expect(row4).toEqual([
      { formula: '=CADRE.VOTERATIO(G4,F4)', cached: 0.5, numberFormat: '0.00%' },
      { formula: '=CADRE.VOTEPASS(G4,F4,C4)', cached: true },
    ]);
    const row8 = cols.filter((e) => e.row === 7).map((e) => e.new.cached);
    expect(row8).toEqual([{ error: '#VALUE!' }, { error: '#VALUE!' }]); // 61 votes of 60
  });

  it.each(Object.keys(FIXTURES) as FixtureName[])('%s: fixing the fixed file plans nothing more', async (name) => {
    const { after } = await fixed(name);
    const book = await openFileWorkbook(after);
    const r = checkWorkbook(await book.read(), ctx);
    expect(planFixes(r.ledgers, ctx).edits).toEqual([]);
  });
});
