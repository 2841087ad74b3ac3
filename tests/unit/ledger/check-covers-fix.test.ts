/**
 * check ⊇ fix (issue 11, failure 4): every cell `fix` would change is named by `check` — one
 * fixable.* info finding per sheet and transform, on the first changed cell, with the count of
 * the fix preview — on every messy fixture and on text dates typed with full-width digits.
 */
import { FIXTURES, type FixtureName } from '../../fixtures/build';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { planWorkbookFixes } from '../../../src/ledger/fix-workbook';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { a1, type Grid } from '../../../src/ledger/grid';
import { sheet } from '../../fixtures/layouts/kit';
import { planFixes, planSummary } from '../../../src/ledger/transforms';
import type { EditPlan } from '../../../src/ledger/edit-plan';
import { writeAssessment, writeRoster } from '../../bench/generate';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const ctx = { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } };

/** The summary check reports, as planFixes's whole plan gives it: per sheet and transform, in plan order. */
function summaryOf(plan: EditPlan, listed: number) {
  const groups = new Map<string, { sheet: string; code: string; count: number; cells: { row: number; col: number }[]; why: unknown }>();
  for (const e of plan.edits) {
    const key = `${e.sheet}|${e.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: e.sheet, code: e.code, count: 0, cells: [], why: e.why }));
    g.count++;
    if (g.cells.length < listed) g.cells.push({ row: e.row, col: e.col });
  }
  return [...groups.values()];
}

/** check's summary (planSummary) is exactly what the whole plan fix applies would give. */
function summaryAgrees(grids: readonly Grid[]): void {
  const { ledgers } = checkWorkbook(grids, ctx);
  for (const listed of [1, 12, 1000]) expect(planSummary(ledgers, ctx, listed)).toEqual(summaryOf(planFixes(ledgers, ctx), listed));
}

function agree(grids: readonly Grid[]): number {
  summaryAgrees(grids);
  const { findings } = checkWorkbook(grids, ctx);
  const { plan } = planWorkbookFixes(grids, ctx);
  const groups = new Map<string, { first: string; n: number }>();
  for (const e of plan.edits) {
    const key = `${e.sheet}|${e.code.replace(/^fix\./, 'fixable.')}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { first: a1(e.row, e.col), n: 1 });
  }
  const fixable = findings.filter((f) => f.code.startsWith('fixable.'));
  expect(fixable).toHaveLength(groups.size);
  for (const f of fixable) {
    const g = groups.get(`${f.sheet}|${f.code}`);
    expect(g).toBeDefined();
    expect(a1(f.row, f.col)).toBe(g?.first);
    expect(f.severity).toBe('info');
    expect(f.message['zh-CN'].startsWith(`${g?.n} 个单元格`)).toBe(true);
  }
  return plan.edits.length;
}

describe('check names every cell fix changes', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('%s', async (name) => {
    const book = await openFileWorkbook(await FIXTURES[name]());
    agree(await book.read());
  });

  it('reports full-width dates, padded names and text dates that check used to pass silently', () => {
    const g = sheet('花名册', [
      ['姓名', '出生年月', '参加工作时间', '身份证号'],
      ['张  三', '１９８６．０５', '2008年7月', null],
      ['李四', '1985.03', '2007.07', null],
    ]);
    expect(agree([g])).toBeGreaterThanOrEqual(5);
    const codes = checkWorkbook([g], ctx).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['fixable.name-normalize', 'fixable.date-normalize']));
  });

  it('the summary equals the whole plan on generated ledgers (dates in three shapes, formula columns)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-summary-'));
    try {
      for (const [file, write] of [
        ['roster.xlsx', writeRoster],
        ['assessment.xlsx', writeAssessment],
      ] as const) {
        await write(path.join(dir, file), 400);
        const book = await openFileWorkbook(new Uint8Array(await fs.readFile(path.join(dir, file))));
        const grids = await book.read();
        summaryAgrees(grids);
        expect(planFixes(checkWorkbook(grids, ctx).ledgers, ctx).edits.length).toBeGreaterThan(400);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
