/**
 * CLI bench: a generated roster (10k, 50k, 100k, 200k rows) and assessment tally (5k, 10k, 20k rows)
 * run through the real `cadre-ledger check` (one child process per run, so peak memory is that
 * run's alone). Prints, per size, the median of BENCH_RUNS runs (default 5) of wall time, CPU time
 * (user + system) and peak RSS, and beside it the floor: a bare baseline that only inflates the
 * same worksheet XML (zlib's raw-inflate stream, as the reader uses it) and scans its bytes,
 * counting `<c ` tags — with the ratio of the two. Then the whole command as a user runs it
 * (`node bin/cadre-ledger.js check … --json` with stdout to a file: Node's own start, loading,
 * checking and writing every byte), timed from spawn to exit — with Node's own start beside it, and
 * where NODE_EXTRA_CA_CERTS is set (this machine), both again without it. The load average is printed before and after:
 * on a shared machine compare CPU times and ratios, not wall times. The 10k/50k/100k roster
 * outputs must hash to what `check` printed before the speed work of issue 14 (the findings are
 * identical, not just as many), and the cost per row must stay linear.
 *
 * Issue 15: the same 10k-row roster as .xlsx, .xls (BIFF8), .et (the same container) and .ods,
 * written by SheetJS from the .xlsx, each through `check` (legacy reader for all but .xlsx).
 *
 * Run: npm run build:cli && npx jest --selectProjects unit --testMatch '<rootDir>/tests/bench/cli.bench.ts' --coverage=false
 * (BENCH_RUNS=3 for a quicker run; BENCH_ONLY_ROSTER=1 to skip the settings and assessment parts;
 * BENCH_ENTRY=other/dist/node/cli/main.js to time another build — the output hashes are always
 * checked on this build's bin.)
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { closeSync, openSync, promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { openFileWorkbook } from '../../src/workbook/file/file-workbook';
import { writeAssessment as assessment, writeRoster as roster } from './generate';
import { median } from './stats';

const ROOT = path.join(__dirname, '..', '..');
// What bin/cadre-ledger.js runs: the one-file build (webpack.cli.config.js). BENCH_ENTRY: another
// build's entry (e.g. dist/node/cli/main.js of the commit before), to measure it the same way.
const ENTRY = process.env.BENCH_ENTRY ? path.resolve(process.env.BENCH_ENTRY) : path.join(ROOT, 'dist', 'node', 'bundle', 'cadre-ledger.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * The child's peak memory: VmHWM of /proc/self/status (reset by exec), not getrusage's maxRSS,
 * which on Linux carries the high-water mark of the forking jest process into the child.
 */
const PEAK = `const peakMb=()=>{try{return Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])/1024}catch{return process.resourceUsage().maxRSS/1024}};`;

/**
 * sha256 of `check --json --as-of 2023-06-30` (zh-CN) on the generated rosters, with the file name
 * written as FILE, recorded with the code before issue 14's speed work (re-recorded when issue 11's
 * kind-aware recognition and fixable.* findings changed the output on purpose, with that code).
 */
const ROSTER_OUTPUT_SHA256: Readonly<Record<number, string>> = {
  10000: 'b3857e51a84385d96c9acc8c4b34a8b861d0b60c064568842c76341f6e57f7a7',
  50000: 'a5d9aba43d9e9b6fd2f73db95e3579370b444c8f18ec4a83fde16a6d919417d7',
  100000: 'e63e76cb571d9041e05b510cf58ce7ace56443d6113acfe79dc9535f25071914',
};

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

/**
 * One real CLI run in a child process; the child reports its own time, CPU and peak RSS. Output is
 * discarded as bytes (outBytes), the way the binary writes it: a text-only IO would add a UTF-8
 * decode the binary never does.
 */
function measureOnce(file: string, rows: number, command: string): Measure {
  const script = `${PEAK}const t=process.hrtime.bigint();require(${JSON.stringify(ENTRY)}).main([${JSON.stringify(command)},${JSON.stringify(file)},'--json','--as-of','2023-06-30'],{out(){},outBytes:async()=>{},err(s){process.stderr.write(s)},readFile:async f=>new Uint8Array(require('fs').readFileSync(f)),writeFile:async()=>{},samePath:async()=>false,today:()=>({y:2023,m:6,d:30})}).then(c=>{const u=require(${JSON.stringify(ENTRY)}).readerUse;process.stdout.write(JSON.stringify({exit:c,ms:Number(process.hrtime.bigint()-t)/1e6,cpuMs:(process.cpuUsage().user+process.cpuUsage().system)/1e3,peakMb:peakMb(),reader:u.legacy?'legacy':u.full?'full':u.fast?'fast':'none'}))})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const j = JSON.parse(r.stdout) as { exit: number; ms: number; cpuMs: number; peakMb: number; reader: Measure['reader'] };
  return { rows, ...j };
}

/** RUNS runs; the median of each figure. */
function measure(file: string, rows: number, command: string): Measure {
  const runs = Array.from({ length: RUNS }, () => measureOnce(file, rows, command));
  return { ...runs[0], ms: median(runs.map((m) => m.ms)), cpuMs: median(runs.map((m) => m.cpuMs)), peakMb: median(runs.map((m) => m.peakMb)) };
}

/**
 * The floor, in a child process like the CLI run: read the file, find the first worksheet in the
 * zip's central directory, inflate it with zlib's raw-inflate stream (1 MiB chunks, as the CLI)
 * and count the `<c ` tags in its bytes. Nothing is decoded, kept or checked.
 */
function baselineOnce(file: string): { ms: number; cpuMs: number; peakMb: number; cells: number } {
  const script = `${PEAK}const t=process.hrtime.bigint();const zlib=require('zlib');const b=require('fs').readFileSync(${JSON.stringify(file)});
let e=b.length-22;while(b.readUInt32LE(e)!==0x06054b50)e--;let p=b.readUInt32LE(e+16);const n=b.readUInt16LE(e+10);let size=0,off=-1;
for(let i=0;i<n;i++){const nl=b.readUInt16LE(p+28),name=b.toString('utf8',p+46,p+46+nl);if(name==='xl/worksheets/sheet1.xml'){size=b.readUInt32LE(p+20);off=b.readUInt32LE(p+42);}p+=46+nl+b.readUInt16LE(p+30)+b.readUInt16LE(p+32);}
const start=off+30+b.readUInt16LE(off+26)+b.readUInt16LE(off+28);let cells=0,s0=0,s1=0;
const z=zlib.createInflateRaw({chunkSize:1024*1024});z.on('data',c=>{for(let i=0;i<c.length;i++){const x=c[i];if(x===32&&s1===60&&s0===99)cells++;s1=s0;s0=x;}});
z.on('end',()=>process.stdout.write(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,cpuMs:(process.cpuUsage().user+process.cpuUsage().system)/1e3,peakMb:peakMb(),cells})));z.end(b.subarray(start,start+size));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { ms: number; cpuMs: number; peakMb: number; cells: number };
}

/**
 * The whole command as a user runs it: `node bin/cadre-ledger.js check FILE --json --as-of …` with
 * stdout to a file, timed from spawn to exit in this process — Node's own start (~70 ms here),
 * loading, checking and writing every byte of the JSON. Peak memory from peak-hook.js.
 */
function commandOnce(file: string, outFile: string, env: NodeJS.ProcessEnv = process.env): { ms: number; peakMb: number; bytes: number; exit: number } {
  const fd = openSync(outFile, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'peak-hook.js'), path.join(ROOT, 'bin', 'cadre-ledger.js'), 'check', file, '--json', '--as-of', '2023-06-30'],
    {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env,
    },
  );
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(fd);
  const peak = /\{"benchPeakMb":([\d.]+)\}/.exec(r.stderr);
  if (!peak) throw new Error(`no peak from the command: ${r.stderr}`);
  return { ms, peakMb: Number(peak[1]), bytes: statSync(outFile).size, exit: r.status ?? -1 };
}

function command(file: string, outFile: string, env: NodeJS.ProcessEnv = process.env): { ms: number; peakMb: number; bytes: number; exit: number } {
  const runs = Array.from({ length: RUNS }, () => commandOnce(file, outFile, env));
  return { ...runs[0], ms: median(runs.map((m) => m.ms)), peakMb: median(runs.map((m) => m.peakMb)) };
}

/**
 * This environment without NODE_EXTRA_CA_CERTS, or null when it is not set. Node reads and parses
 * that certificate file when it starts (here /etc/ssl/certs/ca-certificates.crt: ~50 ms of each
 * command's start); a user's machine usually has no such setting.
 */
function withoutExtraCerts(): NodeJS.ProcessEnv | null {
  if (!process.env.NODE_EXTRA_CA_CERTS) return null;
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Node's own start and exit (`node -e 0`), spawn to exit, median of RUNS. */
function nodeStart(env: NodeJS.ProcessEnv): number {
  return median(
    Array.from({ length: RUNS }, () => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore', env });
      if (r.status !== 0) throw new Error(`node -e 0 exited with ${r.status}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    }),
  );
}

function baseline(file: string): { ms: number; cpuMs: number; peakMb: number; cells: number } {
  const runs = Array.from({ length: RUNS }, () => baselineOnce(file));
  return { ms: median(runs.map((m) => m.ms)), cpuMs: median(runs.map((m) => m.cpuMs)), peakMb: median(runs.map((m) => m.peakMb)), cells: runs[0].cells };
}

/** sha256 of the real binary's `check --json` output on stdout, the file name written as FILE. */
function outputHash(file: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cadre-ledger.js'), 'check', file, '--json', '--as-of', '2023-06-30'], {
    encoding: 'utf8',
    maxBuffer: 1 << 27,
  });
  const text = r.stdout.replace(`"file":${JSON.stringify(file)}`, '"file":"FILE"');
  return createHash('sha256').update(text).digest('hex');
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

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

  it('roster: 10k, 50k, 100k, 200k rows, against the floor (inflate and scan only)', async () => {
    const out: Measure[] = [];
    const lines: string[] = [`load average before: ${load()} (${os.cpus().length} CPUs), median of ${RUNS} runs`];
    const bare = withoutExtraCerts();
    lines.push(
      `Node's own start and exit (node -e 0): ${(nodeStart(process.env) / 1000).toFixed(2)} s` +
        (bare
          ? `; ${(nodeStart(bare) / 1000).toFixed(2)} s without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}: Node reads it at start)`
          : ''),
    );
    for (const n of [10000, 50000, 100000, 200000]) {
      const file = path.join(dir, `roster-${n}.xlsx`);
      await roster(file, n);
      const m = measure(file, n, 'check');
      const b = baseline(file);
      const c = command(file, path.join(dir, `out-${n}.json`));
      out.push(m);
      lines.push(
        `roster ${String(n).padStart(7)} rows: check ${(m.ms / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, peak ${m.peakMb.toFixed(0)} MB | ` +
          `floor (inflate + scan ${b.cells} cells) ${(b.ms / 1000).toFixed(2)} s wall, ${(b.cpuMs / 1000).toFixed(2)} s CPU, peak ${b.peakMb.toFixed(0)} MB | ` +
          `ratio ${(m.ms / b.ms).toFixed(1)}× wall, ${(m.cpuMs / b.cpuMs).toFixed(1)}× CPU`,
        `roster ${String(n).padStart(7)} rows: whole command (node bin/cadre-ledger.js, Node's start to exit, ${(c.bytes / 1e6).toFixed(1)} MB of JSON to a file) ${(c.ms / 1000).toFixed(2)} s wall, peak ${c.peakMb.toFixed(0)} MB, exit ${c.exit}`,
      );
      expect([n, c.exit]).toEqual([n, 1]); // the whole command too finds the planted bad check digits
      if (bare && n === 100000) {
        const c2 = command(file, path.join(dir, `out-${n}-bare.json`), bare);
        // The same command, the same bytes out.
        expect([c2.exit, Buffer.compare(await fs.readFile(path.join(dir, `out-${n}-bare.json`)), await fs.readFile(path.join(dir, `out-${n}.json`)))]).toEqual([
          c.exit,
          0,
        ]);
        lines.push(
          `roster ${String(n).padStart(7)} rows: whole command without NODE_EXTRA_CA_CERTS ${(c2.ms / 1000).toFixed(2)} s wall, peak ${c2.peakMb.toFixed(0)} MB, exit ${c2.exit}`,
        );
      }
      // 200k has no recorded hash: the code before issue 14 crashed there (push(...) of 200k findings).
      if (ROSTER_OUTPUT_SHA256[n]) expect([n, outputHash(file)]).toEqual([n, ROSTER_OUTPUT_SHA256[n]]);
    }
    lines.push(`load average after: ${load()}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(out.every((m) => m.exit === 1)).toBe(true); // the planted bad check digits
    expectLinear(out);
  }, 1800000);

  const more = process.env.BENCH_ONLY_ROSTER ? it.skip : it;

  more(
    'roster 20k rows, without and with the stored settings of the add-in',
    async () => {
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
    },
    600000,
  );

  more(
    'assessment: 5k, 10k, 20k rows (check and eliminate)',
    async () => {
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
    },
    600000,
  );

  more(
    'legacy formats: roster 10k rows as .xlsx, .xls, .et and .ods',
    async () => {
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
    },
    600000,
  );
});
