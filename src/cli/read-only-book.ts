/**
 * A workbook opened only to be read — check, eliminate, and brief / forms when they write no copy
 * of the workbook. The fast read-only reader (xlsx-grid-reader) gives the full reader's Grids and
 * reads the add-in's stored settings with the full reader's decoding; anything it does not handle
 * (or any damaged input, whose errors the full reader words) goes to the full reader (exceljs).
 * On a 100,000-row roster the full reader alone takes ~6 s and ~900 MB, the fast one under 1 s
 * and ~200 MB.
 */
import { msg, type Msg } from '../i18n/message';
import type { GetSetting } from '../policy/workbook-policy';
import type { FileWorkbook } from '../workbook/file/file-workbook';
import { openLegacy, workbookFormat, type WorkbookFormat } from '../workbook/file/open-workbook';
import { FORMAT_MSG } from '../workbook/file/format-messages';
import { GridReaderDamaged, openGridBook, type GridBook } from '../workbook/file/xlsx-grid-reader';
import type { Grid } from '../ledger/grid';
import { PortError } from '../workbook/port';
import { inflateRawSync } from 'zlib';
import { inflateStream } from './inflate-stream';

/** A reader's message about a file, as the commands print it: the file's name first. */
export function aboutFile(file: string, m: Msg): Msg {
  return msg(`${file}：${m['zh-CN']}`, `${file}: ${m['en-US']}`);
}

/** A workbook opened for reading: its ledger grids, its stored settings and the format it came in. */
export interface ReadOnlyBook {
  read(): Promise<Grid[]>;
  getSetting: GetSetting;
  readonly format: WorkbookFormat;
}

/**
 * Which reader served each read-only opening (fast; full: the fast one gave up; legacy), and how
 * often brief or forms also opened the full reader to write a copy (edit): for tests and benches.
 */
export const readerUse = { fast: 0, full: 0, legacy: 0, edit: 0 };

/** The full reader (exceljs) on these bytes; refused input throws PortError. */
export async function openFull(bytes: Uint8Array): Promise<FileWorkbook> {
  return (await import('../workbook/file/file-workbook')).openFileWorkbook(bytes);
}

/**
 * Open `bytes` to read. Refused input (not a workbook, encrypted, no worksheets …) throws
 * PortError with the reason, for the caller to prefix with the file's name.
 */
export async function openReadOnly(bytes: Uint8Array): Promise<ReadOnlyBook> {
  const format = await workbookFormat(bytes);
  if (format !== 'xlsx') {
    const legacy = await openLegacy(bytes, format);
    readerUse.legacy++;
    return { read: () => legacy.read(), getSetting: (k) => legacy.getSetting(k), format };
  }
  let fullBook: Promise<FileWorkbook> | null = null;
  const full = (): Promise<FileWorkbook> => {
    if (!fullBook) {
      readerUse.full++;
      fullBook = openFull(bytes);
    }
    return fullBook;
  };
  let fast: GridBook;
  try {
    fast = openGridBook(bytes, (b) => inflateRawSync(b), inflateStream);
  } catch (e) {
    const book = await fallback(full, e);
    return { read: () => book.read(), getSetting: (k) => book.getSetting(k), format };
  }
  if (fast.sheetNames.length === 0) throw new PortError('unreadable', FORMAT_MSG.noSheets);
  readerUse.fast++;
  return {
    read: () => fast.read().catch(async (e: unknown) => (await fallback(full, e)).read()),
    getSetting: (k) => fast.getSetting(k).catch(async (e: unknown) => (await fallback(full, e)).getSetting(k)),
    format,
  };
}

/**
 * The full reader, after the fast one gave up with `why`. When the fast reader found the package
 * damaged and the full reader refuses it too, the refusal says what the fast reader found — the
 * sheet and the row where it breaks off, the cell naming a missing string — rather than the full
 * reader's own words (exceljs's, e.g. "Cannot set properties of undefined").
 */
async function fallback(full: () => Promise<FileWorkbook>, why: unknown): Promise<FileWorkbook> {
  try {
    return await full();
  } catch (e) {
    if (why instanceof GridReaderDamaged && e instanceof PortError && e.code === 'unreadable') throw new PortError('unreadable', why.userMessage);
    throw e;
  }
}
