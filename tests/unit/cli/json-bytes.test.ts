/**
 * The byte writers under `check --json` (src/cli/json-bytes.ts) give exactly the UTF-8 of
 * JSON.stringify and String() (issue 14), for any text: controls, quotes, lone surrogates, astral.
 */
import fc from 'fast-check';
import { jsonInnerMax, NUMBER_MAX, Pieces, putJsonInner, putLong, putNumber } from '../../../src/cli/json-bytes';

const inner = (t: string) => Buffer.from(JSON.stringify(t).slice(1, -1));

function written(text: string): Buffer {
  // Room exactly as promised, and a sentinel after it that must stay untouched.
  const buf = new Uint8Array(jsonInnerMax(text) + 1).fill(0xaa);
  const end = putJsonInner(buf, 0, text);
  expect(buf[buf.length - 1]).toBe(0xaa);
  return Buffer.from(buf.subarray(0, end));
}

describe('putJsonInner', () => {
  it.each([
    ['', ''],
    ['plain', 'plain'],
    ['姓名 "干部1" 含有数字', '姓名 \\"干部1\\" 含有数字'],
    ['a\\b\n\t\u0001\u001f\u007f', 'a\\\\b\\n\\t\\u0001\\u001f\u007f'],
    ['😀 𠀀', '😀 𠀀'],
    ['\ud83d', '\\ud83d'],
    ['x\ude00y', 'x\\ude00y'],
    ['\ude00\ud83d', '\\ude00\\ud83d'],
    ['é·“”', 'é·“”'],
  ])('%j → %j', (text, json) => {
    expect(written(text).toString('utf8')).toBe(json);
    expect(written(text).equals(inner(text))).toBe(true);
  });

  it('= Buffer.from(JSON.stringify(text) without quotes) for any UTF-16 text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (t) => {
        expect(written(t).equals(inner(t))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes at an offset, leaving what is before it', () => {
    const buf = new Uint8Array(20).fill(1);
    expect(putJsonInner(buf, 3, 'é"')).toBe(3 + 2 + 2);
    expect([...buf.subarray(0, 8)]).toEqual([1, 1, 1, 0xc3, 0xa9, 0x5c, 0x22, 1]);
  });
});

describe('putNumber', () => {
  it('= String(n) for integers, big and odd numbers (property)', () => {
    const num = fc.oneof(fc.nat(), fc.integer({ min: 0, max: 0xffffffff }), fc.double(), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 32, -1, NaN, Infinity));
    fc.assert(
      fc.property(num, (n) => {
        const buf = new Uint8Array(NUMBER_MAX);
        expect(Buffer.from(buf.subarray(0, putNumber(buf, 0, n))).toString('latin1')).toBe(String(n));
      }),
    );
  });
});

describe('putLong', () => {
  it('splits bytes over as many pieces as they need, in order', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.integer({ min: 1, max: 30 }), fc.nat(30), (bytes, size, before) => {
        const w = new Pieces(size);
        const got: number[] = [];
        for (let i = 0; i < Math.min(before, size); i++) w.buf[w.pos++] = 7;
        for (const piece of putLong(w, bytes)) {
          expect(piece.length).toBe(size);
          got.push(...piece);
        }
        got.push(...w.take());
        expect(got).toEqual([...Array(Math.min(before, size)).fill(7), ...bytes]);
      }),
    );
  });
});
