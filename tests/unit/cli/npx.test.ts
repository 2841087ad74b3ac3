import { execFileSync, spawn, spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { FIXTURES } from '../../fixtures/build';
import { writeRoster } from '../../bench/generate';

/** SPEC §7: after `npm install`, `npx cadre-ledger …` works from the repository root. */
describe('npx cadre-ledger from the repository root', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    scripts: Record<string, string>;
  };

  beforeAll(() => {
    // What `npm install` runs (the "prepare" script): compile the CLI, link the bin.
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.cli.json')], {
      cwd: root,
      stdio: 'pipe',
    });
    execFileSync(process.execPath, [path.join(root, 'scripts', 'link-bin.js')], { cwd: root, stdio: 'pipe' });
  }, 180000);

  it('is wired: the bin is declared and "prepare" links it into node_modules/.bin', () => {
    expect(pkg.bin['cadre-ledger']).toBe('bin/cadre-ledger.js');
    expect(pkg.scripts.prepare).toMatch(/npm run build:cli/);
    // tsc checks the types; webpack makes the one file bin/cadre-ledger.js runs.
    expect(pkg.scripts['build:cli']).toMatch(/tsc -p tsconfig\.cli\.json && webpack --config webpack\.cli\.config\.js/);
    expect(pkg.scripts.prepare).toMatch(/node scripts\/link-bin\.js/);
  });

  it('writes a long --json result into a pipe whole before exiting (it was cut after 64 KiB)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-pipe-'));
    const input = path.join(dir, 'roster.xlsx');
    await writeRoster(input, 2000);
    const r = spawnSync(process.execPath, [path.join(root, pkg.bin['cadre-ledger']), 'check', input, '--json', '--as-of', '2023-06-30'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(200000);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(2000);
    await fs.rm(dir, { recursive: true, force: true });
  }, 60000);

  it('stops quietly when the reader of stdout goes (check --json | head): its own exit code, no EPIPE stack trace', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-head-'));
    const input = path.join(dir, 'roster.xlsx');
    await writeRoster(input, 3000);
    for (const json of [true, false]) {
      const child = spawn(process.execPath, [path.join(root, pkg.bin['cadre-ledger']), 'check', input, ...(json ? ['--json'] : []), '--as-of', '2023-06-30'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // Like head -c 100: read the first bytes, then close the pipe with most of the result unread.
      const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8', 0, 100))));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect([json, first.length > 0, code, err]).toEqual([json, true, 1, '']);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }, 60000);

  it('runs without asking the registry and keeps the exit-code contract', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-npx-'));
    const input = path.join(dir, '花名册.xlsx');
    await fs.writeFile(input, await FIXTURES['roster-messy.xlsx']());
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    // --no-install: fail instead of fetching a package of that name from the registry.
    const r = spawnSync(npx, ['--no-install', 'cadre-ledger', 'check', input, '--json', '--as-of', '2023-06-30'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/E404|could not determine executable/);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).file).toContain('花名册.xlsx');
    const help = spawnSync(npx, ['--no-install', 'cadre-ledger', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/cadre-ledger check/);
    await fs.rm(dir, { recursive: true, force: true });
  }, 60000);
});
