/**
 * CLI bench: a generated roster (10k, 50k, 100k rows) and assessment tally (5k, 10k, 20k rows)
 * run through the real `cadre-ledger check` (one child process per file, so peak memory is that
 * run's alone). Prints time and peak RSS per size and checks that cost grows linearly. A 20k
 * roster with the add-in's stored settings (policy, calendar, a long chunked undo.last) is read by
 * the fast reader like the same roster without them.
 *
 * Issue 15: the same 10k-row roster as .xlsx, .xls (BIFF8), .et (the same container) and .ods,
 * written by SheetJS from the .xlsx, each through `check` (legacy reader for all but .xlsx).
 *
 * Run: npm run build:cli && npx jest --selectProjects unit --testMatch '<rootDir>/tests/bench/cli.bench.ts' --coverage=false
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { openFileWorkbook } from '../../src/workbook/file/file-workbook';

const ROOT = path.join(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const id18 = (first17: string) => first17 + '10X98765432'[[...first17].reduce((s, ch, i) => s + Number(ch) * WEIGHTS[i], 0) % 11];

async function roster(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['XX县干部花名册']).commit();
  ws.addRow(['序号', '姓名', '性别', '出生年月', '身份证号', '参加工作时间', '任现职时间', '现任职务', '职级', '学历', '工作单位', '备注']).commit();
  for (let i = 0; i < n; i++) {
    const y = 1960 + (i % 40);
    const m = 1 + (i % 12);
    const birth = `${y}${String(m).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const id =
      i % 97 === 0 ? `${id18(`110101${birth}${String(i % 1000).padStart(3, '0')}`).slice(0, 17)}0` : id18(`110101${birth}${String(i % 1000).padStart(3, '0')}`);
    const birthCell = i % 3 === 0 ? `${y}.${String(m).padStart(2, '0')}` : i % 3 === 1 ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1));
    ws.addRow([
      i + 1,
      `干部${i}`,
      i % 2 ? '男' : '女',
      birthCell,
      id,
      `${y + 22}.07`,
      `${y + 30}.03`,
      '局长',
      i % 2 ? '正科级' : '副科级',
      '大学',
      '某局',
      '',
    ]).commit();
  }
  await wb.commit();
}

async function assessment(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('考核测评');
  ws.addRow(['XX县2022年度科级实职领导干部考核测评汇总表']).commit();
  ws.addRow(['序号', '姓名', '现任职务', '职级', '有效票', '优秀', '称职', '基本称职', '不称职', '考核等次']).commit();
  for (let i = 0; i < n; i++) {
    const inc = (i * 7919) % 23;
    ws.addRow([i + 1, `干部${i}`, '农业局局长', i % 2 ? '正科级' : '副科级', 40, 10, 40 - 10 - inc, 0, inc, inc >= 20 ? '不称职' : '称职']).commit();
  }
  await wb.commit();
}

interface Measure {
  rows: number;
  ms: number;
  /** CPU time (user + system) of the run: the figure to compare when the machine is shared. */
  cpuMs: number;
  peakMb: number;
  exit: number;
  /** The reader the run used (src/cli/main.ts readerUse). */
  reader: 'fast' | 'full' | 'legacy' | 'none';
}

/** One real CLI run in a child process; the child reports its own peak RSS. */
function measure(file: string, rows: number, command: string): Measure {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(ENTRY)}).main([${JSON.stringify(command)},${JSON.stringify(file)},'--json','--as-of','2023-06-30'],{out(){},err(s){process.stderr.write(s)},readFile:async f=>new Uint8Array(require('fs').readFileSync(f)),writeFile:async()=>{},samePath:async()=>false,today:()=>({y:2023,m:6,d:30})}).then(c=>{const u=require(${JSON.stringify(ENTRY)}).readerUse;process.stdout.write(JSON.stringify({exit:c,ms:Number(process.hrtime.bigint()-t)/1e6,cpuMs:(process.cpuUsage().user+process.cpuUsage().system)/1e3,peakMb:process.resourceUsage().maxRSS/1024,reader:u.legacy?'legacy':u.full?'full':u.fast?'fast':'none'}))})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const j = JSON.parse(r.stdout) as { exit: number; ms: number; cpuMs: number; peakMb: number; reader: Measure['reader'] };
  return { rows, ...j };
}

function report(label: string, ms: readonly Measure[]): void {
  const lines = ms.map(
    (m) =>
      `${label} ${String(m.rows).padStart(7)} rows: ${(m.ms / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, peak ${m.peakMb.toFixed(0)} MB, ${((m.ms * 1000) / m.rows).toFixed(1)} µs/row, exit ${m.exit}, ${m.reader} reader`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Linear: time per row at the largest size is within 2× of the smallest (no quadratic blow-up). */
function expectLinear(ms: readonly Measure[]): void {
  const perRow = ms.map((m) => m.ms / m.rows);
  expect(perRow[perRow.length - 1]).toBeLessThan(perRow[0] * 2);
}

describe('cadre-ledger check bench', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-bench-'));
    await fs.access(ENTRY);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('roster: 10k, 50k, 100k rows', async () => {
    const out: Measure[] = [];
    for (const n of [10000, 50000, 100000]) {
      const file = path.join(dir, `roster-${n}.xlsx`);
      await roster(file, n);
      out.push(measure(file, n, 'check'));
    }
    report('roster', out);
    expect(out.every((m) => m.exit === 1)).toBe(true); // the planted bad check digits
    expectLinear(out);
  }, 600000);

  it('roster 20k rows, without and with the stored settings of the add-in', async () => {
    const plain = path.join(dir, 'roster-20000.xlsx');
    await roster(plain, 20000);
    const book = await openFileWorkbook(await fs.readFile(plain));
    await book.setSetting('policy', '{"notice":{"days":7},"elimination":{"preliminaryShare":0.04}}');
    await book.setSetting('calendar', '{"extraHolidays":["2022-09-02"],"extraWorkdays":[],"years":[]}');
    await book.setSetting(
      'undo.last',
      JSON.stringify({ cells: Array.from({ length: 4000 }, (_, i) => ({ sheet: '花名册', row: i, col: 1, value: `干部${i}` })) }),
    );
    const withSettings = path.join(dir, 'roster-20000-settings.xlsx');
    await fs.writeFile(withSettings, await book.save());
    const out = [measure(plain, 20000, 'check'), measure(withSettings, 20000, 'check')];
    report('roster without settings', out.slice(0, 1));
    report('roster with settings', out.slice(1));
    expect(out.map((m) => [m.exit, m.reader])).toEqual([
      [1, 'fast'],
      [1, 'fast'],
    ]);
  }, 600000);

  it('assessment: 5k, 10k, 20k rows (check and eliminate)', async () => {
    const out: Measure[] = [];
    const elim: Measure[] = [];
    for (const n of [5000, 10000, 20000]) {
      const file = path.join(dir, `assessment-${n}.xlsx`);
      await assessment(file, n);
      out.push(measure(file, n, 'check'));
      elim.push(measure(file, n, 'eliminate'));
    }
    report('assessment check', out);
    report('assessment eliminate', elim);
    expectLinear(out);
    expectLinear(elim);
  }, 600000);

  it('legacy formats: roster 10k rows as .xlsx, .xls, .et and .ods', async () => {
    const xlsx = path.join(dir, 'roster-10000.xlsx');
    await roster(xlsx, 10000);
    const wb = XLSX.read(await fs.readFile(xlsx), { cellNF: true, cellDates: false });
    const files: [string, string][] = [['xlsx', xlsx]];
    for (const [ext, bookType] of [
      ['xls', 'biff8'],
      ['et', 'biff8'],
      ['ods', 'ods'],
    ] as const) {
      const file = path.join(dir, `roster-10000.${ext}`);
      await fs.writeFile(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
      files.push([ext, file]);
    }
    const out = files.map(([ext, file]) => ({ ext, m: measure(file, 10000, 'check') }));
    for (const o of out) report(`roster .${o.ext.padEnd(4)}`, [o.m]);
    expect(out.map((o) => [o.ext, o.m.exit, o.m.reader])).toEqual([
      ['xlsx', 1, 'fast'],
      ['xls', 1, 'legacy'],
      ['et', 1, 'legacy'],
      ['ods', 1, 'legacy'],
    ]);
  }, 600000);
});
