/**
 * Downloads made in the page itself (a Blob and an <a download>): the changed workbook in
 * standalone mode and the brief's .docx. Nothing is uploaded; this works in a browser and in
 * Excel's task pane webview.
 */
import { DownloadBlockedError, hostBlocksDownloads } from './host-downloads';
import type { Locale } from '../i18n/message';
import { fill } from '../i18n/strings';
import { C } from '../i18n/strings-check';

/** A workbook file's name without its spreadsheet extension (.xlsx, .xlsm, .xls, .et, .ett, .ods). */
export function workbookBaseName(name: string): string {
  return name.replace(/\.(xlsx|xlsm|xls|et|ett|ods)$/i, '').trim();
}

/**
 * `台账.xlsx` → `台账-已修正.xlsx` (`台账-fixed.xlsx` in English); a legacy `台账.xls` / `.et` / `.ods`
 * gets the same .xlsx name (the download is an .xlsx); any other name gets the suffix and .xlsx.
 */
export function correctedFileName(name: string, locale: Locale = 'zh-CN'): string {
  const base = workbookBaseName(name) || C.fileBase[locale];
  return fill(C.fixedFileName[locale], { base }, locale);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Save bytes as a file; throws DownloadBlockedError where the host would silently drop the download (Excel for Mac). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  if (hostBlocksDownloads()) throw new DownloadBlockedError();
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
