/**
 * Standalone mode: an .xlsx the user picks (or the sample ledger shipped in assets/) opened in
 * this browser through the file adapter, so every screen talks to the same WorkbookPort as in
 * Excel. The bytes never leave the browser; the sample is fetched from the add-in's own origin.
 */
import { openFileWorkbook, type FileWorkbook } from '../../workbook/file/file-workbook';
import { SAMPLE_LEDGER_URL } from '../build-info';

export async function openWorkbookFile(file: File): Promise<FileWorkbook> {
  return openFileWorkbook(new Uint8Array(await file.arrayBuffer()));
}

export async function openSampleLedger(): Promise<FileWorkbook> {
  const res = await fetch(SAMPLE_LEDGER_URL, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${SAMPLE_LEDGER_URL}: HTTP ${res.status}`);
  return openFileWorkbook(new Uint8Array(await res.arrayBuffer()));
}
