/** Runs the cadre-ledger CLI in-process with its files in memory (the tests' one CliIo). */
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { LocalDate } from '../../src/values/local-date';

export type MemoryIo = CliIo & { stdout: string; stderr: string; files: Record<string, Uint8Array> };

/** A CliIo over `files` (written files land there too); a missing file is ENOENT, like fs. */
export function memoryIo(files: Record<string, Uint8Array>, today: LocalDate = { y: 2023, m: 6, d: 30 }): MemoryIo {
  const io: MemoryIo = {
    stdout: '',
    stderr: '',
    files,
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    readFile: async (f) => {
      if (!(f in files)) throw Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
      return files[f];
    },
    writeFile: async (f, d) => void (files[f] = d),
    samePath: async (a, b) => path.resolve(a) === path.resolve(b),
    today: () => today,
  };
  return io;
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly files: Map<string, Uint8Array>;
}

export async function runCli(argv: string[], files: Record<string, Uint8Array> = {}, today?: LocalDate): Promise<CliRun> {
  const io = memoryIo(files, today); // written files land in `files` too
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr, files: new Map(Object.entries(io.files)) };
}
