/**
 * A zip package's central directory (目录), read without a zip library: the read-only reader's
 * way to its parts (xlsx-grid-reader.ts), and the quick way to tell an ordinary .xlsx package
 * (open-workbook.ts) without loading JSZip. Anything unusual (zip64, encryption, damage) throws
 * GridReaderUnsupported; callers then take the general way. No Node APIs.
 */
import { GridReaderUnsupported } from './xlsx-xml';

export interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

/** The central directory of a zip: name → entry. */
export function zipDirectory(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GridReaderUnsupported('no end of central directory');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new GridReaderUnsupported('zip64');
  const names = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (u32(b, p) !== 0x02014b50) throw new GridReaderUnsupported('bad central directory');
    const flags = u16(b, p + 8);
    if (flags & 1) throw new GridReaderUnsupported('encrypted entry');
    const method = u16(b, p + 10);
    const compressedSize = u32(b, p + 20);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new GridReaderUnsupported('zip64');
    out.set(names.decode(b.subarray(p + 46, p + 46 + nameLen)), { method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** An entry's stored bytes (compressed or not), found through its local header. */
export function entryData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (u32(b, p) !== 0x04034b50) throw new GridReaderUnsupported('bad local header');
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  return b.subarray(start, start + e.compressedSize);
}

/**
 * True when the bytes are an ordinary .xlsx package that JSZip would open too: a well-formed
 * central directory listing xl/workbook.xml, every entry stored or deflated (JSZip's two methods)
 * with its local header and data inside the file. False for anything else (the caller then asks
 * JSZip, which words the damage or tells .ods, .xlsb and other zips apart).
 */
export function isPlainXlsxPackage(b: Uint8Array): boolean {
  try {
    const dir = zipDirectory(b);
    if (!dir.has('xl/workbook.xml')) return false;
    for (const e of dir.values()) {
      if (e.method !== 0 && e.method !== 8) return false;
      if (entryData(b, e).length !== e.compressedSize) return false;
    }
    return true;
  } catch (e) {
    if (e instanceof GridReaderUnsupported) return false;
    throw e;
  }
}
