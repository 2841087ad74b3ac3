/**
 * The table of files a new user might hand us that are not a readable .xlsx (issue 15), shared by
 * the CLI test (tests/unit/cli/bad-files.test.ts) and the standalone page's e2e test: each with
 * the exact message both languages must show. Built from code; the legacy-format files are the
 * committed LibreOffice saves (tests/fixtures/formats/).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import type { Msg } from '../../src/i18n/message';
import { FORMAT_MSG } from '../../src/workbook/file/format-messages';
import { FIXTURES } from '../fixtures/build';

export interface BadFile {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  /** The reader's message (the CLI prefixes it with the file name). */
  readonly message: Msg | RegExpPair;
}

/** For messages carrying a library's reason: zh-CN and en-US patterns. */
export interface RegExpPair {
  readonly 'zh-CN': RegExp;
  readonly 'en-US': RegExp;
}

/** Deterministic bytes that are no known container (a NUL among the first ones). */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0x13;
  out[3] = 0;
  return out;
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

/** An .xlsx whose workbook lists no sheet (its worksheet parts left in place). */
async function noSheets(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  zip.file('xl/workbook.xml', wb.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>').replace(/<definedNames>[\s\S]*<\/definedNames>/, ''));
  return zip.generateAsync({ type: 'uint8array' });
}

/** A compound file (as a WPS .et in a private format would be) without a Workbook stream. */
function compoundWithoutWorkbook(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/WpsContent', new Uint8Array(600).fill(7));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

/** A compound file holding an encrypted package ([MS-OFFCRYPTO] 2.3.4: EncryptionInfo, EncryptedPackage). */
function encryptedPackage(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array(200).fill(4));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(5000).fill(9));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

/**
 * An .xls with an open password: the LibreOffice .xls with a FILEPASS record ([MS-XLS] 2.4.117,
 * wEncryptionType 1 = RC4) right after the workbook's BOF, as Excel writes it for an encrypted
 * file. (The rest is not encrypted: the reader must stop at FILEPASS, which is the point.)
 */
async function encryptedXls(): Promise<Uint8Array> {
  const cfb = XLSX.CFB.read(await formatFile('xls', 'clean-roster')(), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(entry.content as ArrayLike<number>);
  const afterBof = 4 + (stream[2] | (stream[3] << 8));
  const body = new Uint8Array(54);
  body.set([1, 0, 1, 0, 1, 0]); // RC4, version 1.1
  const header = new Uint8Array([0x2f, 0x00, body.length & 0xff, body.length >> 8]);
  const content = new Uint8Array([...stream.subarray(0, afterBof), ...header, ...body, ...stream.subarray(afterBof)]);
  entry.content = content as unknown as typeof entry.content;
  entry.size = content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

export const FORMATS_DIR = path.join(__dirname, '..', 'fixtures', 'formats');
function formatFile(ext: 'xls' | 'ods', fixture: string): () => Promise<Uint8Array> {
  return async () => new Uint8Array(await fs.readFile(path.join(FORMATS_DIR, ext, `${fixture}.${ext}`)));
}

const UTF8 = new TextEncoder();

export const BAD_FILES: readonly BadFile[] = [
  { name: 'empty.xlsx', bytes: async () => new Uint8Array(0), message: FORMAT_MSG.empty },
  { name: 'random.xlsx', bytes: async () => randomBytes(3000), message: FORMAT_MSG.notWorkbook },
  { name: 'notes.xlsx', bytes: async () => UTF8.encode('这不是表格，是一段说明文字。\nplain text\n'), message: FORMAT_MSG.text },
  { name: 'roster.csv', bytes: async () => UTF8.encode('姓名,出生年月,身份证号\n张三,1980-01-01,110101198001011234\n'), message: FORMAT_MSG.text },
  { name: 'a-txt-zipped.xlsx', bytes: () => zipOf({ 'a.txt': 'hello' }), message: FORMAT_MSG.zipWithoutWorkbook },
  {
    name: 'truncated.xlsx',
    bytes: async () => {
      const b = await FIXTURES['clean-roster.xlsx']();
      return b.slice(0, Math.floor(b.length / 2));
    },
    message: {
      'zh-CN': /^文件已损坏，无法作为Excel 工作簿（\.xlsx）读取（.+）$/,
      'en-US': /^The file is damaged and cannot be read as an Excel workbook \(\.xlsx\) \(.+\)$/,
    },
  },
  {
    // A sound zip whose worksheet XML stops after a row at 60 %: the fast reader of check read the rows before
    // the cut and said nothing of the rest; now it leaves the file to the full reader, which refuses it.
    name: 'cut-sheet.xlsx',
    bytes: async () => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      // Cut after a whole row, as a writer that stopped would leave it.
      zip.file('xl/worksheets/sheet1.xml', xml.slice(0, xml.indexOf('</row>', Math.floor(xml.length * 0.6)) + '</row>'.length));
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    },
    // The command line says where the sheet breaks off (its fast reader found it); the standalone
    // page opens files with the full reader only, which words it as a package that does not load.
    message: {
      'zh-CN': /^(文件已损坏：工作表“干部信息”的内容在第 \d+ 行处中断，此行及以后的行无法读取|文件已损坏或不是有效的 Excel 工作簿（.+）)$/,
      'en-US':
        /^(The file is damaged: sheet "干部信息" breaks off at row \d+; that row and the rows after it cannot be read|The file is damaged or not a valid Excel workbook \(.+\))$/,
    },
  },
  { name: 'encrypted.xlsx', bytes: async () => encryptedPackage(), message: FORMAT_MSG.encrypted },
  { name: 'encrypted.xls', bytes: encryptedXls, message: FORMAT_MSG.encrypted },
  { name: 'book.xlsb', bytes: () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' }), message: FORMAT_MSG.xlsb },
  { name: 'private.et', bytes: async () => compoundWithoutWorkbook(), message: FORMAT_MSG.cfbWithoutWorkbook },
  {
    name: 'truncated.xls',
    bytes: async () => {
      const b = await formatFile('xls', 'clean-roster')();
      return b.slice(0, Math.floor(b.length / 2));
    },
    message: {
      'zh-CN': /^文件已损坏，无法作为旧版 Excel \/ WPS 表格（\.xls \/ \.et）读取$/,
      'en-US': /^The file is damaged and cannot be read as legacy Excel \/ WPS Spreadsheets \(\.xls \/ \.et\)$/,
    },
  },
  { name: 'no-sheets.xlsx', bytes: noSheets, message: FORMAT_MSG.noSheets },
];

/** Readable legacy files: the same ledger as the .xlsx fixture, in each format (.et: the same container as .xls). */
export const LEGACY_FILES = [
  { name: 'probation.xls', fixture: 'probation-protected.xlsx', bytes: formatFile('xls', 'probation-protected') },
  { name: 'probation.et', fixture: 'probation-protected.xlsx', bytes: formatFile('xls', 'probation-protected') },
  { name: 'probation.ods', fixture: 'probation-protected.xlsx', bytes: formatFile('ods', 'probation-protected') },
] as const;

export function matches(m: Msg | RegExpPair, lang: 'zh-CN' | 'en-US', text: string): boolean {
  const want = m[lang];
  return typeof want === 'string' ? text === want : want.test(text);
}
