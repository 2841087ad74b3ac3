/**
 * Opening whatever bytes the user gives (打开工作簿): the format is told from the content, never
 * from the file name (a county office's ".xls" may be a WPS .et, an .xlsx, or a web page), and
 * each kind goes to its reader:
 * - .xlsx → the exceljs adapter (file-workbook.ts) or, for read-only commands, the fast reader;
 * - .xls / WPS .et (BIFF in a compound file) and .ods → the legacy reader (legacy-reader.ts),
 *   loaded lazily: it carries SheetJS, which .xlsx users never need (a separate browser chunk);
 * - everything else → PortError 'unreadable' with a message naming the format and what to do:
 *   empty, text (.csv), unknown bytes, a zip without a workbook, .xlsb, encrypted files, a
 *   compound file without workbook data, a damaged package.
 * For fix, brief --sheet and the browser page, a legacy workbook is converted to an .xlsx in memory
 * (legacy-to-xlsx.ts) so the same adapter edits and saves it; the input file is never written.
 */
import type JSZip from 'jszip';
import { msg } from '../../i18n/message';
import { PortError } from '../port';
import { damaged, FORMAT_MSG, type LegacyFormat } from './format-messages';
import type { FileWorkbook } from './file-workbook';
import type { LegacyBook } from './legacy-reader';
import { sniffContainer } from './sniff';
import { isPlainXlsxPackage } from './zip-directory';

export type WorkbookFormat = 'xlsx' | LegacyFormat;

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const XLSX_LABEL = msg('Excel 工作簿（.xlsx）', 'an Excel workbook (.xlsx)');

/** The format of the bytes, or PortError 'unreadable' saying why they are no workbook we read. */
export async function workbookFormat(bytes: Uint8Array): Promise<WorkbookFormat> {
  const c = sniffContainer(bytes);
  if (c.kind === 'refused') throw new PortError('unreadable', c.message);
  if (c.kind === 'cfb') return 'xls';
  // The usual .xlsx is told from its zip directory: JSZip (loading it and indexing the package
  // costs ~80 ms on a 7 MB roster) only for other zips, to word their damage or tell their kind.
  if (isPlainXlsxPackage(bytes)) return 'xlsx';
  let zip: JSZip;
  try {
    const { default: JSZipLib } = await import(/* webpackChunkName: "standalone" */ 'jszip');
    zip = await JSZipLib.loadAsync(bytes);
  } catch (e) {
    throw new PortError('unreadable', damaged(XLSX_LABEL, (e instanceof Error ? e.message : String(e)).slice(0, 120)));
  }
  if (zip.file('xl/workbook.xml')) return 'xlsx';
  if (zip.file('xl/workbook.bin')) throw new PortError('unreadable', FORMAT_MSG.xlsb);
  const mime = await zip.file('mimetype')?.async('string');
  if (mime?.trim() === ODS_MIME || (mime === undefined && zip.file('content.xml'))) {
    const manifest = (await zip.file('META-INF/manifest.xml')?.async('string')) ?? '';
    // ODF 1.2 part 3 §4.8: an encrypted entry carries <manifest:encryption-data>.
    if (manifest.includes('encryption-data')) throw new PortError('unreadable', FORMAT_MSG.encrypted);
    return 'ods';
  }
  throw new PortError('unreadable', FORMAT_MSG.zipWithoutWorkbook);
}

/** The legacy reader, loaded on first use (its own chunk in the browser). */
export async function openLegacy(bytes: Uint8Array, format: LegacyFormat): Promise<LegacyBook> {
  const { openLegacyBook } = await import(/* webpackChunkName: "legacy-reader" */ './legacy-reader');
  return openLegacyBook(bytes, format);
}

/** A workbook to edit and save as .xlsx, and the format it was read from. */
export interface OpenedWorkbook {
  readonly book: FileWorkbook;
  readonly format: WorkbookFormat;
}

/** Open any workbook we read for editing; a legacy one is converted to .xlsx in memory. */
export async function openAnyFileWorkbook(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const format = await workbookFormat(bytes);
  const { openFileWorkbook } = await import(/* webpackChunkName: "standalone" */ './file-workbook');
  if (format === 'xlsx') return { book: await openFileWorkbook(bytes), format };
  const legacy = await openLegacy(bytes, format);
  const { gridsToXlsx } = await import(/* webpackChunkName: "legacy-reader" */ './legacy-to-xlsx');
  return { book: await openFileWorkbook(await gridsToXlsx(legacy.allGrids)), format };
}
