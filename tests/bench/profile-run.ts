/**
 * One run of the whole command (`node bin/cadre-ledger.js check FILE --json --as-of 2023-06-30`,
 * stdout to a file) under `node --cpu-prof`, and its samples by phase (profile-phases.ts). Shared by
 * tests/bench/profile.bench.ts and tests/unit/bench/profile-phases.test.ts.
 */
import { spawnSync } from 'child_process';
import { closeSync, openSync, promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { modulesOf, phaseTimes, type CpuProfile, type PhaseTimes } from './profile-phases';

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'cadre-ledger.js');
/** The one-file build the bin runs (webpack.cli.config.js). */
export const BUNDLE = path.join(ROOT, 'dist', 'node', 'bundle', 'cadre-ledger.js');

export interface ProfiledRun extends PhaseTimes {
  readonly exit: number;
  readonly stderr: string;
  /** Where the .cpuprofile was written (in `dir`). */
  readonly profileFile: string;
}

/** Profiles one check of `file`, sampling every `intervalUs` µs; files go to `dir` (`run` names them). */
export async function profileCheck(file: string, dir: string, run: number, intervalUs: number): Promise<ProfiledRun> {
  const bundleText = await fs.readFile(BUNDLE, 'utf8').catch(() => {
    throw new Error(`${BUNDLE} is missing: run npm install (or npm run build:cli)`);
  });
  const profDir = path.join(dir, `prof-${run}`);
  const fd = openSync(path.join(dir, `out-${run}.json`), 'w');
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-interval=${intervalUs}`, BIN, 'check', file, '--json', '--as-of', '2023-06-30'],
    { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' },
  );
  closeSync(fd);
  const [name] = await fs.readdir(profDir).catch(() => []);
  if (!name) throw new Error(`no profile written: ${r.stderr}`);
  const profileFile = path.join(profDir, name);
  const profile = JSON.parse(await fs.readFile(profileFile, 'utf8')) as CpuProfile;
  const times = phaseTimes(profile, modulesOf(new Map([[pathToFileURL(BUNDLE).href, bundleText]])));
  return { ...times, exit: r.status ?? -1, stderr: r.stderr, profileFile };
}
