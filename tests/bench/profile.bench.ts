/**
 * Where the time of `cadre-ledger check` goes (issue 14, point 1): the whole command as a user runs
 * it (`node bin/cadre-ledger.js check FILE --json …`, stdout to a file) under `node --cpu-prof`, on
 * a generated roster, its samples put into phases by tests/bench/profile-phases.ts. Prints, per
 * phase, the median over the runs of the main thread's time and its share, then the functions
 * with the most time of their own. The profiler adds some time of its own (more the finer
 * BENCH_PROFILE_US is); compare phases with each other, and the total with cli.bench.ts's whole
 * command, not with this run's wall time.
 *
 * Run: npm run build:cli && npx jest --selectProjects unit --testMatch '<rootDir>/tests/bench/profile.bench.ts' --coverage=false
 * (BENCH_ROWS: roster rows, default 100000; BENCH_RUNS: profiled runs, default 3; BENCH_PROFILE_US:
 * sampling interval in µs, default 250; BENCH_PROFILE_KEEP=dir keeps the .cpuprofile files, which
 * Chrome DevTools opens.)
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeRoster } from './generate';
import { ISSUE_PHASES, PHASES, type PhaseId } from './profile-phases';
import { BUNDLE, profileCheck, type ProfiledRun } from './profile-run';
import { median } from './stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 100000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const INTERVAL_US = Number(process.env.BENCH_PROFILE_US ?? 250);

const ms = (us: number): string => (us / 1000).toFixed(0).padStart(6);

describe('where check spends its time', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-profile-'));
    await fs.access(BUNDLE);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it(`roster of ${ROWS} rows, the whole command under --cpu-prof`, async () => {
    const file = path.join(dir, 'roster.xlsx');
    await writeRoster(file, ROWS);
    const runs: ProfiledRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await profileCheck(file, dir, i, INTERVAL_US);
      if (process.env.BENCH_PROFILE_KEEP) await fs.copyFile(run.profileFile, path.join(process.env.BENCH_PROFILE_KEEP, `check-${ROWS}-${i}.cpuprofile`));
      runs.push(run);
    }
    const total = median(runs.map((r) => r.total));
    const phase = (id: PhaseId): number => median(runs.map((r) => r.byPhase.get(id) ?? 0));
    const lines = [
      `check on a ${ROWS}-row roster: main thread, median of ${RUNS} profiled runs (sampling every ${INTERVAL_US} µs), load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
      `${'phase'.padEnd(48)}     ms  share`,
      ...PHASES.map((p) => `${p.label.padEnd(48)} ${ms(phase(p.id))}  ${((100 * phase(p.id)) / total).toFixed(1).padStart(5)}%`),
      `${'total sampled'.padEnd(48)} ${ms(total)}  (runs: ${runs.map((r) => (r.total / 1000).toFixed(0)).join(', ')} ms; each phase is its own median, so they need not add up)`,
      '',
      `functions with the most time of their own (run 1):`,
      ...runs[0].topFunctions.slice(0, 15).map((f) => `${ms(f.us)} ms  ${f.name.padEnd(28)} ${String(f.module ?? '').padEnd(44)} ${f.phase}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(runs.every((r) => r.exit === 1)).toBe(true); // the roster's planted bad check digits
    for (const id of ISSUE_PHASES) expect([id, phase(id) > 0]).toEqual([id, true]);
  }, 600_000);
});
