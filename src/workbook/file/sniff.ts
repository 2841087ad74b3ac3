/**
 * Tell, from the first bytes, what kind of container a file is (文件识别), so the user gets one
 * clear sentence instead of a zip library's stack trace, and the bytes go to the reader that can
 * read them: a zip package (.xlsx, or .ods — told apart by its parts, open-workbook.ts), an OLE
 * compound file (.xls / WPS .et, or an encrypted .xlsx), or nothing we read.
 */
import type { Msg } from '../../i18n/message';
import { FORMAT_MSG } from './format-messages';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** [MS-CFB] 2.2 header signature. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the UTF-16LE text occurs in the bytes (stream names inside a compound file). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat: number[] = [];
  for (const ch of text) pat.push(ch.charCodeAt(0), 0);
  const limit = Math.min(bytes.length, 1 << 20) - pat.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Text (CSV, TSV, HTML or XML saved as ".xls"): a UTF-16 byte-order mark, or no NUL and almost no
 * control bytes in the first 8 KB. Random or binary bytes have NULs with near certainty.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control * 100 <= n;
}

export type Container = { readonly kind: 'zip' } | { readonly kind: 'cfb' } | { readonly kind: 'refused'; readonly message: Msg };

/** The container of the bytes, or why they are no workbook at all. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes.length === 0) return { kind: 'refused', message: FORMAT_MSG.empty };
  if (startsWith(bytes, ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, EMPTY_ZIP)) return { kind: 'refused', message: FORMAT_MSG.zipWithoutWorkbook };
  if (startsWith(bytes, CFB)) {
    // An encrypted .xlsx (or .xls with "agile" encryption) is a compound file holding the package
    // encrypted ([MS-OFFCRYPTO] 2.3.4: streams EncryptionInfo and EncryptedPackage).
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) return { kind: 'refused', message: FORMAT_MSG.encrypted };
    return { kind: 'cfb' };
  }
  if (looksLikeText(bytes)) return { kind: 'refused', message: FORMAT_MSG.text };
  return { kind: 'refused', message: FORMAT_MSG.notWorkbook };
}

/** null when the bytes look like a zip package (.xlsx); otherwise the reason exceljs cannot open them. */
export function sniffWorkbookBytes(bytes: Uint8Array): Msg | null {
  const c = sniffContainer(bytes);
  if (c.kind === 'zip') return null;
  return c.kind === 'cfb' ? FORMAT_MSG.cfbNotXlsx : c.message;
}
