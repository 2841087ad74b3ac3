/**
 * The fast reader's inflate stream (src/cli/inflate-stream.ts): chunks arrive in order and whole,
 * a slow scan pauses the stream rather than queueing the sheet, and a scan that throws or damaged
 * data stops it with that error and no further chunk.
 */
import { deflateRawSync, inflateRawSync } from 'zlib';
import { inflateStream } from '../../../src/cli/inflate-stream';

/** ~12 MB of sheet-like XML: more chunks (1 MiB) than the queue holds (4). */
function sheetXml(): Buffer {
  const rows: string[] = [];
  for (let r = 1; rows.length < 120000; r++)
    rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 100003}</v></c><c r="B${r}"><v>${r * 3.25}</v></c></row>`);
  return Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
}

describe('inflateStream', () => {
  const xml = sheetXml();
  const deflated = deflateRawSync(xml);

  it('gives every byte in order, in chunks, even when the scan is slower than zlib', async () => {
    const chunks: Buffer[] = [];
    let most = 0;
    await inflateStream(deflated, (c) => {
      const until = Date.now() + 3; // a slow scan: zlib runs ahead and must be paused
      while (Date.now() < until);
      chunks.push(Buffer.from(c));
      most = Math.max(most, c.length);
    });
    expect(chunks.length).toBeGreaterThan(6);
    expect(most).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.concat(chunks).equals(inflateRawSync(deflated))).toBe(true);
    expect(Buffer.concat(chunks).equals(xml)).toBe(true);
  });

  it('stops at a scan that throws: that error, no chunk after it', async () => {
    let seen = 0;
    const stop = new Error('unsupported');
    await expect(
      inflateStream(deflated, () => {
        seen++;
        if (seen === 3) throw stop;
      }),
    ).rejects.toBe(stop);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toBe(3);
  });

  it('rejects damaged data', async () => {
    const bad = Buffer.from(deflated);
    bad.fill(0xff, 100, 400);
    await expect(inflateStream(bad, () => undefined)).rejects.toThrow();
  });

  it('an empty sheet resolves with nothing or empty chunks', async () => {
    const chunks: Uint8Array[] = [];
    await inflateStream(deflateRawSync(Buffer.alloc(0)), (c) => chunks.push(c));
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(0);
  });
});
