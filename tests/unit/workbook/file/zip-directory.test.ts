/**
 * isPlainXlsxPackage (zip-directory.ts) says yes only to what JSZip opens as an .xlsx, so telling
 * the format without JSZip (open-workbook.ts) never changes what a user is told.
 */
import JSZip from 'jszip';
import { FIXTURES } from '../../../fixtures/build';
import { workbookFormat } from '../../../../src/workbook/file/open-workbook';
import { isPlainXlsxPackage } from '../../../../src/workbook/file/zip-directory';

const zipOf = (files: Record<string, string>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE') => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression });
};

describe('isPlainXlsxPackage', () => {
  it('accepts a workbook package, deflated or stored, and workbookFormat calls it xlsx', async () => {
    const xlsx = await FIXTURES['clean-roster.xlsx']();
    expect(isPlainXlsxPackage(xlsx)).toBe(true);
    const stored = await zipOf({ 'xl/workbook.xml': '<workbook/>', '[Content_Types].xml': '<Types/>' }, 'STORE');
    expect(isPlainXlsxPackage(stored)).toBe(true);
    expect(await workbookFormat(stored)).toBe('xlsx');
  });

  it.each([
    ['an .ods package', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }],
    ['an .xlsb package', { 'xl/workbook.bin': 'binary' }],
    ['a zip without a workbook', { 'readme.txt': 'hello' }],
  ])('refuses %s (JSZip then tells what it is)', async (_name, files) => {
    expect(isPlainXlsxPackage(await zipOf(files))).toBe(false);
  });

  it('refuses what is not a whole zip: other bytes, a cut package, a damaged local header, an unknown method', async () => {
    const xlsx = await FIXTURES['clean-roster.xlsx']();
    expect(isPlainXlsxPackage(new TextEncoder().encode('not a zip'))).toBe(false);
    expect(isPlainXlsxPackage(xlsx.subarray(0, xlsx.length - 10))).toBe(false);
    const badLocal = xlsx.slice();
    const second = badLocal.findIndex((b, i) => i > 0 && b === 0x50 && badLocal[i + 1] === 0x4b && badLocal[i + 2] === 3 && badLocal[i + 3] === 4);
    badLocal[second + 2] = 9; // the second entry's local header signature
    expect(isPlainXlsxPackage(badLocal)).toBe(false);
    await expect(workbookFormat(badLocal)).rejects.toThrow(/damaged|损坏/);
    // Central directory entry 1's method field (offset 10) set to 99, which JSZip does not know.
    const odd = xlsx.slice();
    const view = new DataView(odd.buffer);
    let eocd = odd.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const cd = view.getUint32(eocd + 16, true);
    view.setUint16(cd + 10, 99, true);
    expect(isPlainXlsxPackage(odd)).toBe(false);
  });
});
