/**
 * JSON text written straight into UTF-8 bytes, piece by piece (issue 14). `check --json` on a
 * 100,000-row roster prints 28 MB: made as strings, it cost ~120 MB of short-lived strings and
 * another encoding pass on the way to stdout. Here the text never exists as a string: fixed parts
 * are encoded once and each value is written into a reused buffer of PIECE bytes, handed out when
 * full. The bytes are those of Buffer.from(JSON.stringify(…)), tested by property.
 */

/** Bytes per piece of output: big enough that writing costs little per piece, small next to the heap. */
export const PIECE = 1 << 20;

const encoder = new TextEncoder();

/** The UTF-8 bytes of a well-formed text (for fixed parts, encoded once). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Most bytes `JSON.stringify(text)` can take without its quotes: `\u001f` is 6 bytes for 1 unit. */
export function jsonInnerMax(text: string): number {
  return 6 * text.length;
}

/**
 * Writes JSON.stringify(text) without its quotes at buf[at…] (room for jsonInnerMax(text) is the
 * caller's); returns the end. Text with nothing to escape (all but a few values) takes one loop
 * over its UTF-16 units; the rest is escaped by JSON.stringify itself, then encoded.
 */
export function putJsonInner(buf: Uint8Array, at: number, text: string): number {
  let p = at;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) return putEscaped(buf, at, text);
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      // A surrogate: a pair is one 4-byte character; a lone one JSON.stringify writes as \udxxx.
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return putEscaped(buf, at, text);
      const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      buf[p++] = 0xf0 | (u >> 18);
      buf[p++] = 0x80 | ((u >> 12) & 0x3f);
      buf[p++] = 0x80 | ((u >> 6) & 0x3f);
      buf[p++] = 0x80 | (u & 0x3f);
      i++;
    }
  }
  return p;
}

/** The escape path: JSON.stringify's own escapes (its text is well-formed), encoded. */
function putEscaped(buf: Uint8Array, at: number, text: string): number {
  return at + encoder.encodeInto(JSON.stringify(text).slice(1, -1), buf.subarray(at)).written;
}

/** Writes the decimal digits of a non-negative safe integer (other numbers as String() gives them). */
export function putNumber(buf: Uint8Array, at: number, n: number): number {
  if (!(n >= 0 && n <= 0xffffffff && Number.isInteger(n))) return putAscii(buf, at, String(n));
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  let p = at + digits;
  for (let x = n; p > at; x = Math.floor(x / 10)) buf[--p] = 48 + (x % 10);
  return at + digits;
}

/** Most bytes putNumber writes. */
export const NUMBER_MAX = 24;

/** Copies bytes in; gives the end. (TypedArray.set: measured faster than a loop, even for 20 bytes.) */
export function putBytes(buf: Uint8Array, at: number, bytes: Uint8Array): number {
  buf.set(bytes, at);
  return at + bytes.length;
}

/** Writes text known to be ASCII (cell letters, digits). */
export function putAscii(buf: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/**
 * The reused buffer and how full it is. A generator writes into `buf` from `pos` while what it
 * writes fits, then yields take() and calls fit(n) for what comes next; the one who reads a piece
 * is done with it before asking for the next.
 */
export class Pieces {
  buf: Uint8Array;
  pos = 0;
  constructor(readonly size: number = PIECE) {
    this.buf = new Uint8Array(size);
  }

  /** After a take(): makes the (empty) buffer hold n bytes, for the rare value bigger than a piece. */
  fit(n: number): void {
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  take(): Uint8Array {
    const piece = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return piece;
  }
}

/**
 * Fixed bytes that may be bigger than the room left: as many pieces as they need. (A generator
 * to `yield*`: one piece is handed out before the next is written.)
 */
export function* putLong(w: Pieces, bytes: Uint8Array): Generator<Uint8Array> {
  let from = 0;
  while (from < bytes.length) {
    if (w.pos === w.buf.length) yield w.take();
    const n = Math.min(bytes.length - from, w.buf.length - w.pos);
    w.buf.set(bytes.subarray(from, from + n), w.pos);
    w.pos += n;
    from += n;
  }
}
