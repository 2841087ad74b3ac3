/**
 * `check --json` goes to stdout as bytes when the IO takes them (nodeIo.outBytes, issue 14) and as
 * text otherwise (the in-memory IO the golden test uses): both give the same bytes for every
 * fixture and a generated roster, and the bytes IO may hold a piece until its write settles.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { FIXTURES } from '../../fixtures/build';
import { writeRoster } from '../../bench/generate';
import { memoryIo, runCli } from '../../support/cli-memory';

/** Runs the CLI with an IO that takes bytes and settles each write a turn later, as a pipe does. */
async function runBytes(argv: string[], files: Record<string, Uint8Array>): Promise<{ code: number; out: Buffer; pieces: number }> {
  const io = memoryIo(files);
  const got: Buffer[] = [];
  io.out = (t) => void got.push(Buffer.from(t)); // the usage text and the like stay text
  io.outBytes = async (bytes) => {
    const atCall = Buffer.from(bytes);
    await new Promise((resolve) => setImmediate(resolve));
    // Unchanged until the write settled: the CLI waits before it writes the next piece over it.
    expect(Buffer.from(bytes).equals(atCall)).toBe(true);
    got.push(atCall);
  };
  const code = await main(argv, io);
  return { code, out: Buffer.concat(got), pieces: got.length };
}

describe('check --json as bytes', () => {
  it('the same bytes as the text IO for every fixture and a 6000-row roster (1.1–1.2 MB: two pieces), both languages', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cadre-bytes-'));
    try {
      await writeRoster(path.join(dir, 'roster.xlsx'), 6000);
      const inputs: [string, Uint8Array][] = [
        ...(await Promise.all(Object.entries(FIXTURES).map(async ([name, build]) => [name, await build()] as [string, Uint8Array]))),
        ['roster-6000.xlsx', new Uint8Array(await fs.readFile(path.join(dir, 'roster.xlsx')))],
      ];
      for (const [name, bytes] of inputs) {
        for (const lang of ['zh-CN', 'en-US']) {
          const argv = ['check', name, '--json', '--as-of', '2023-06-30', '--lang', lang];
          const text = await runCli(argv, { [name]: bytes });
          const raw = await runBytes(argv, { [name]: bytes });
          expect([name, raw.code]).toEqual([name, text.code]);
          expect(raw.out.equals(Buffer.from(text.out))).toBe(true);
          expect(raw.out.toString('utf8').endsWith('}\n')).toBe(true);
          if (name === 'roster-6000.xlsx') expect(raw.pieces).toBe(2);
        }
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120000);
});
