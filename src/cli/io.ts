/**
 * The CLI's side effects behind one small interface, so tests run `main` in-process with files
 * in memory and the real binary uses Node's fs and streams.
 */
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { todayLocal, type LocalDate } from '../values/local-date';

export interface CliIo {
  out(text: string): void;
  /**
   * Writes bytes (UTF-8 text) to stdout; settles once they are written and the array may be
   * reused. Optional: without it the CLI decodes them and calls out().
   */
  outBytes?(bytes: Uint8Array): Promise<void>;
  err(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  /** Canonical path (symlinks resolved when the file exists), to refuse writing over the input. */
  samePath(a: string, b: string): Promise<boolean>;
  today(): LocalDate;
  /** Create a folder and its parents (forms -o DIR/); optional, so in-memory test IOs need none. */
  makeDir?(dir: string): Promise<void>;
}

async function canonical(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    // The output usually does not exist yet: resolve its directory instead.
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * One piece to stdout, settling when the stream has written it. Node writes stdout synchronously
 * when it is a file or (on POSIX) a terminal, and asynchronously when it is a pipe, where a write
 * the reader is not ready for is queued with its buffer ("A note on process I/O",
 * https://nodejs.org/docs/latest-v20.x/api/process.html#a-note-on-process-io). Waiting for the
 * write's callback keeps one piece in flight: `check --json | cat` held every piece of a 28 MB
 * result queued (~300 MB peak, against ~230 MB), and the piece's buffer is reused only once written.
 */
function writeStdout(bytes: Uint8Array): Promise<void> {
  if (stdoutClosed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    process.stdout.write(bytes, (e) => (e && !isClosedPipe(e) ? reject(e) : resolve()));
  });
}

/**
 * Set once the reader of stdout has gone (`check --json | head`): the rest of the output is
 * dropped quietly and the command ends with its own exit code, as a Unix tool stops at SIGPIPE —
 * not with Node's "Unhandled 'error' event … EPIPE" stack trace.
 */
let stdoutClosed = false;

// EPIPE, and the writes still queued on the stream Node destroyed for it.
const isClosedPipe = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || (stdoutClosed && code === 'ERR_STREAM_DESTROYED');
};

function watchStdout(): void {
  if (process.stdout.listeners('error').includes(onStdoutError)) return;
  process.stdout.on('error', onStdoutError);
}

function onStdoutError(e: unknown): void {
  if (isClosedPipe(e)) stdoutClosed = true;
  else throw e;
}

export function nodeIo(): CliIo {
  watchStdout();
  return {
    out: (t) => void (stdoutClosed || process.stdout.write(t)),
    outBytes: writeStdout,
    err: (t) => process.stderr.write(t),
    // One read, not fs.promises.readFile's 512 KiB turns through the thread pool: the command has
    // nothing else to do meanwhile (a 7.5 MB roster: ~2–16 ms instead of ~12–23 ms).
    readFile: async (f) => new Uint8Array(readFileSync(f)),
    writeFile: (f, d) => fs.writeFile(f, d),
    samePath: async (a, b) => (await canonical(a)) === (await canonical(b)),
    today: () => todayLocal(),
    makeDir: async (d) => void (await fs.mkdir(d, { recursive: true })),
  };
}
