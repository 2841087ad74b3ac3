/**
 * Tell, from the first bytes, why a file cannot be opened as .xlsx (文件识别), so the user gets one
 * clear sentence instead of a zip library's stack trace.
 */
import { msg, type Msg } from '../../i18n/message';

const ZIP = [0x50, 0x4b];
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

/** null when the bytes look like a zip package (.xlsx); otherwise the reason it is not one. */
export function sniffWorkbookBytes(bytes: Uint8Array): Msg | null {
  if (bytes.length === 0) return msg('文件为空，不是 Excel 工作簿', 'The file is empty, not an Excel workbook');
  if (startsWith(bytes, ZIP)) return null;
  if (startsWith(bytes, CFB)) {
    if (containsUtf16(bytes, 'EncryptionInfo')) {
      return msg(
        '文件已加密（设置了打开密码），请在 Excel 中去掉密码后再试',
        'The file is encrypted (password to open); remove the password in Excel and try again',
      );
    }
    return msg('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试', 'This is a legacy .xls file; save it as .xlsx in Excel and try again');
  }
  return msg('不是 Excel 工作簿（.xlsx）文件', 'Not an Excel workbook (.xlsx) file');
}
