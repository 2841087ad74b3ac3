/**
 * What fix and brief --sheet write (输出文件): always an .xlsx package, whatever the input was
 * (.xlsx, .xls, WPS .et, .ods), so the output's name says .xlsx too — Excel and WPS refuse or warn
 * on a file whose extension does not match its content. `-o 台账.xls` writes 台账.xlsx;
 * `-o 台账` writes 台账.xlsx; `-o 台账.xlsx` is kept. The command says so when the name changed.
 */
import { msg, type Msg } from '../i18n/message';
import type { WorkbookFormat } from '../workbook/file/open-workbook';
import { convertedNote } from '../workbook/file/format-messages';

/** Spreadsheet extensions replaced by .xlsx (any other name gets .xlsx appended). */
const REPLACED = /\.(xls|xlsm|xlsb|xlt|xltx|xltm|et|ett|ods|ots|fods|csv|txt)$/i;

export function xlsxOutputName(name: string): string {
  if (/\.xlsx$/i.test(name)) return name;
  const m = REPLACED.exec(name);
  return m ? `${name.slice(0, m.index)}.xlsx` : `${name}.xlsx`;
}

/** The notes to print about the output: read from another format, renamed to .xlsx. */
export function outputNotes(format: WorkbookFormat, asked: string, written: string): Msg[] {
  const notes: Msg[] = [];
  if (format !== 'xlsx') notes.push(convertedNote(format));
  if (asked !== written) {
    notes.push(
      msg(`输出文件总是 .xlsx 格式，已写入 ${written}（而非 ${asked}）`, `The output is always an .xlsx workbook: written to ${written} (not ${asked})`),
    );
  }
  return notes;
}
