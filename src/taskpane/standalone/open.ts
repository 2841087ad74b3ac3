/**
 * Standalone mode: a workbook the user picks (or the sample ledger shipped in assets/) opened in
 * this browser through the file adapter, so every screen talks to the same WorkbookPort as in
 * Excel. The bytes never leave the browser; the sample is fetched from the add-in's own origin.
 * A legacy .xls / WPS .et or an .ods is read by the legacy reader (a separate chunk, loaded only
 * then) and held as an .xlsx in memory; `note` says so on the home page. Anything unreadable is
 * refused with the reader's message (open-workbook.ts).
 */
import type { Msg } from '../../i18n/message';
import { openFileWorkbook, type FileWorkbook } from '../../workbook/file/file-workbook';
import { convertedNote } from '../../workbook/file/format-messages';
import { openAnyFileWorkbook } from '../../workbook/file/open-workbook';
import { SAMPLE_LEDGER_URL } from '../build-info';

export async function openWorkbookFile(file: File): Promise<{ book: FileWorkbook; note: Msg | null }> {
  const { book, format } = await openAnyFileWorkbook(new Uint8Array(await file.arrayBuffer()));
  return { book, note: format === 'xlsx' ? null : convertedNote(format, 'download') };
}

export async function openSampleLedger(): Promise<FileWorkbook> {
  const res = await fetch(SAMPLE_LEDGER_URL, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${SAMPLE_LEDGER_URL}: HTTP ${res.status}`);
  return openFileWorkbook(new Uint8Array(await res.arrayBuffer()));
}
