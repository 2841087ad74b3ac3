/**
 * `check` prints exactly what it printed before the performance work of issue 14 (the golden
 * outputs in tests/golden/check-output.json were recorded with the code before it): every
 * fixture, a generated roster and assessment tally, JSON and text, zh-CN and en-US. The reader,
 * the parsers, the checks and the output may be made faster, never different.
 *
 * Only after an intended change of output: UPDATE_GOLDEN=1 npx jest tests/unit/cli/check-golden --coverage=false
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES } from '../../fixtures/build';
import { writeAssessment, writeRoster } from '../../bench/generate';
import { runCli } from '../../support/cli-memory';

const GOLDEN = path.join(__dirname, '..', '..', 'golden', 'check-output.json');

/** Small outputs are kept whole (a diff shows what changed); big ones by hash and length. */
function digest(text: string): string | { sha256: string; chars: number } {
  return text.length <= 4000 ? text : { sha256: createHash('sha256').update(text).digest('hex'), chars: text.length };
}

async function inputs(): Promise<[string, Uint8Array][]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-golden-'));
  try {
    await writeRoster(path.join(dir, 'roster.xlsx'), 3000);
    await writeAssessment(path.join(dir, 'assessment.xlsx'), 1000);
    const generated: [string, Uint8Array][] = [
      ['generated-roster-3000.xlsx', new Uint8Array(await fs.readFile(path.join(dir, 'roster.xlsx')))],
      ['generated-assessment-1000.xlsx', new Uint8Array(await fs.readFile(path.join(dir, 'assessment.xlsx')))],
    ];
    const fixtures = await Promise.all(Object.entries(FIXTURES).map(async ([name, build]) => [name, await build()] as [string, Uint8Array]));
    return [...fixtures, ...generated];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('check output is unchanged (golden)', () => {
  it('every fixture and the generated ledgers, JSON and text, both languages', async () => {
    const got: Record<string, unknown> = {};
    for (const [name, bytes] of await inputs()) {
      for (const lang of ['zh-CN', 'en-US']) {
        for (const json of [true, false]) {
          const argv = ['check', name, '--as-of', '2023-06-30', '--lang', lang, ...(json ? ['--json'] : [])];
          const r = await runCli(argv, { [name]: bytes });
          got[`${name} ${lang}${json ? ' --json' : ''}`] = { code: r.code, out: digest(r.out), err: r.err };
        }
      }
    }
    if (process.env.UPDATE_GOLDEN) await fs.writeFile(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
    expect(got).toEqual(JSON.parse(await fs.readFile(GOLDEN, 'utf8')));
  }, 120000);
});
