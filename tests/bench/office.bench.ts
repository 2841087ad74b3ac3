/**
 * Bench of the Office adapter against the strict fake (Excel on the web limits: 5 MB per request
 * and per answer). For 1,000 / 20,000 / 100,000 ledger rows (5 columns) it prints, for "check"
 * (read every sheet + mark one finding in ten rows + write the 问题清单 sheet with links) and for
 * "apply" (a plan changing one column on every row, then its undo): requests (syncs), request
 * bytes (total and largest), answer bytes, and the time spent in our code (wall time minus the
 * fake's own time inside sync()). Asserts correctness and the 5 MB limit, never a timing.
 *
 * Not part of the default suite (testMatch is *.test.ts). Run it with
 *   npx jest --coverage=false --testMatch '<glob of tests/bench/ *.bench.ts>' tests/bench/office.bench.ts
 * where the glob is two stars, /tests/bench/, two stars, /*.bench.ts. BENCH_ROWS=1000,20000 picks sizes.
 */
import { msg } from '../../src/i18n/message';
import type { CellEdit } from '../../src/ledger/edit-plan';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { FakeExcel } from '../support/fake-excel';
import { allSets, seedLedger } from '../support/fake-ledger';

const SIZES = (process.env.BENCH_ROWS ?? '1000,20000,100000').split(',').map(Number);
const LIMIT = 5 * 1024 * 1024;

interface Row {
  rows: number;
  phase: string;
  syncs: number;
  requestMB: string;
  largestRequestMB: string;
  answerMB: string;
  oursMs: number;
}

async function measure(fx: FakeExcel, rows: number, phase: string, f: () => Promise<void>): Promise<Row> {
  fx.resetStats();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const s = fx.stats;
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);
  expect(Math.max(...s.requestBytes)).toBeLessThanOrEqual(LIMIT);
  if (s.responseBytes.length) expect(Math.max(...s.responseBytes)).toBeLessThanOrEqual(LIMIT);
  return {
    rows,
    phase,
    syncs: s.syncs,
    requestMB: mb(s.requestBytes.reduce((a, b) => a + b, 0)),
    largestRequestMB: mb(Math.max(...s.requestBytes)),
    answerMB: mb(s.responseBytes.reduce((a, b) => a + b, 0)),
    oursMs: Math.round(wall - s.fakeMs),
  };
}

describe('Office adapter bench', () => {
  jest.setTimeout(600_000);
  it('prints syncs, bytes and time in our code for check and apply', async () => {
    const table: Row[] = [];
    for (const rows of SIZES) {
      const fx = new FakeExcel();
      seedLedger(fx, '花名册', rows);
      const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
      table.push(
        await measure(fx, rows, 'check', async () => {
          const [g] = await wb.read();
          expect(g.rowCount).toBe(rows + 1);
          const marks = [];
          const findings: (string | number)[][] = [['工作表', '单元格', '说明']];
          const links = [];
          for (let r = 1; r <= rows; r += 10) {
            marks.push({ sheet: '花名册', row: r, col: 1, severity: 'error' as const });
            findings.push(['花名册', `B${r + 1}`, '公民身份号码校验位错误']);
            links.push({ row: findings.length - 1, col: 1, target: `'花名册'!B${r + 1}` });
          }
          await wb.markCells(marks);
          await wb.writeSheet({ name: '问题清单', rows: findings, links, freezeRows: 1 }, { replace: true });
        }),
      );
      const edits: CellEdit[] = [];
      for (let r = 1; r <= rows; r++) {
        edits.push({
          sheet: '花名册',
          row: r,
          col: 2,
          old: { value: null, formula: null, numberFormat: 'General' },
          new: { value: `1985年${(r % 12) + 1}月`, numberFormat: '@' },
          why: msg('日期规范化', 'normalize date'),
          code: 'fix.date-normalize',
        });
      }
      let snap = null as Awaited<ReturnType<typeof wb.apply>> | null;
      table.push(await measure(fx, rows, 'apply', async () => void (snap = await wb.apply({ edits }, msg('日期', 'dates')))));
      table.push(await measure(fx, rows, 'undo', async () => wb.undo(snap!)));
      expect(fx.sheet('花名册').cell(rows, 2)?.value).toBe(31000 + (rows % 3000));
    }

    console.log(`Office adapter on the strict fake (Excel on the web limits)\n${formatTable(table)}`);
  });
});

function formatTable(rows: Row[]): string {
  const head = ['rows', 'phase', 'syncs', 'request MB', 'largest req MB', 'answer MB', 'our ms'];
  const body = rows.map((r) => [r.rows, r.phase, r.syncs, r.requestMB, r.largestRequestMB, r.answerMB, r.oursMs].map(String));
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  return [head, ...body].map((line) => line.map((c, i) => c.padStart(w[i])).join('  ')).join('\n');
}
