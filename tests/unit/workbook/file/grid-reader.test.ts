/**
 * The read-only reader (src/workbook/file/xlsx-grid-reader.ts) gives exactly the Grids and the
 * stored settings of the full exceljs reader on every fixture workbook, and hands what it does not
 * handle to the full reader.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { inflateRawSync } from 'zlib';
import { FIXTURES, type FixtureName } from '../../../fixtures/build';
import { openFileWorkbook } from '../../../../src/workbook/file/file-workbook';
import { decodeSetting, SETTING_CHUNK_CHARS, SETTINGS_SHEET } from '../../../../src/workbook/file/settings-sheet';
import { GridReaderUnsupported, openGridBook, slideFormula } from '../../../../src/workbook/file/xlsx-grid-reader';

const inflate = (b: Uint8Array) => new Uint8Array(inflateRawSync(b));

async function both(bytes: Uint8Array) {
  const full = await openFileWorkbook(bytes);
  const fast = openGridBook(bytes, inflate);
  return { full, fast };
}

/** Workbooks beyond the fixtures: every cell kind the readers treat specially. */
async function edgeCases(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('边界 & <情况>');
  ws.getCell('A1').value = { richText: [{ text: '姓', font: { bold: true } }, { text: '名' }] };
  ws.getCell('B1').value = 'a&b <c> "d" \'e\'';
  ws.getCell('C1').value = '行一\r\n行二';
  ws.getCell('D1').value = true;
  ws.getCell('E1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('F1').value = { formula: 'D1', result: false } as ExcelJS.CellFormulaValue;
  ws.getCell('G1').value = { formula: 'B1&"x"', result: 'a&b <c>x' } as ExcelJS.CellFormulaValue;
  ws.getCell('H1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('I1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
  ws.getCell('A2').value = new Date(Date.UTC(2022, 8, 1, 13, 45, 10));
  ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.getCell('B2').value = 0.1;
  ws.getCell('B2').numFmt = 'h:mm';
  ws.getCell('C2').value = { formula: 'DATE(2022,9,1)', result: 44805.5 } as ExcelJS.CellFormulaValue;
  ws.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('D2').numFmt = '0.00%'; // empty cell with a format: part of the used area
  ws.getCell('E2').value = { text: '链接', hyperlink: 'https://example.org' };
  ws.getCell('F2').value = { text: '内部', hyperlink: '#Sheet2!A1' };
  ws.getCell('G2').value = Number('1234567890123456789'); // an ID typed as a number
  ws.getCell('H2').value = '';
  ws.getCell('A3').value = new Date(Date.UTC(2022, 8, 1));
  ws.getCell('A3').numFmt = 'yyyy\\-mm\\-dd'; // exceljs's NumFmtXform drops the \ escapes
  ws.fillFormula('A4:C6', 'A1+$B$1+B$2+$C3+SUM(A1:B2)', (r: number, c: number) => r * 10 + c);
  ws.getCell('A8').value = { formula: 'A4', result: 1 } as ExcelJS.CellFormulaValue;
  ws.mergeCells('D4:F5');
  ws.getCell('D4').value = '合并';
  ws.getCell('E5').value = 'hidden under the merge';
  ws.mergeCells('H8:I12'); // beyond the last cell: widens the used area
  ws.getRow(5).hidden = true;
  ws.getRow(30).hidden = true; // hidden but empty and below the used area
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('B3').value = 3;
  const very = wb.addWorksheet('很隐藏', { state: 'veryHidden' });
  very.getCell('A1').value = 'x';
  const locked = wb.addWorksheet('锁定');
  locked.getCell('A1').value = '锁';
  await locked.protect('pw', {});
  wb.addWorksheet('空表');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A long value (the undo snapshot of a big change): more than two chunks, CJK and escapes included. */
const LONG_UNDO = JSON.stringify({
  id: 'u1',
  label: { 'zh-CN': '安全修复', 'en-US': 'Safe fixes' },
  cells: Array.from({ length: 1500 }, (_, i) => ({ sheet: '花名册', row: i, col: 3, state: { value: `张三${i} <&> "x"`, formula: null } })),
});

/** A fixture with settings saved as the add-in saves them: policy, calendar and a chunked undo.last. */
async function withStoredSettings(): Promise<Uint8Array> {
  const wb = await openFileWorkbook(await FIXTURES['appointment.xlsx']());
  await wb.setSetting('policy', '{"notice":{"days":7},"elimination":{"preliminaryShare":0.04}}');
  await wb.setSetting('calendar', '{"extraHolidays":["2022-09-02"],"extraWorkdays":[],"years":[]}');
  await wb.setSetting('undo.last', LONG_UNDO);
  await wb.setSetting('empty', '');
  return wb.save();
}

/** A settings sheet with every kind of cell the decoding treats specially. */
async function oddSettings(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('花名册').getCell('A1').value = '姓名';
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  const row = (r: number, ...cells: ExcelJS.CellValue[]) => cells.forEach((v, c) => (ws.getCell(r, c + 1).value = v));
  row(1, { richText: [{ text: 'calendar' }] }); // a rich-text key is not the key
  row(2, 'calendar', '{"extraHolidays":', '["2022-09-02"]}');
  row(3, 'k.number', 'ab', 5, 'after the number');
  row(4, 'k.formula', 'x', { formula: '"y"', result: 'y' } as ExcelJS.CellFormulaValue, 'z');
  row(5, 'k.rich', { richText: [{ text: 'r', font: { bold: true } }] }, 'after');
  row(6, 'k.link', 'a', { text: 'b', hyperlink: 'https://example.org' }, 'c');
  row(7, 'k.merge', 'm', null, 'n');
  ws.mergeCells('B7:C7'); // the slave C7 reads as its master
  row(8, 'k.date', 'd', new Date(Date.UTC(2022, 8, 1)), 'e');
  row(9, 'k.number', 'second row with the same key');
  row(10, 42, 'a number key');
  row(11, 'k.inline', 1, 2, 3); // patched below: inline string, str, str with an entity
  row(12, 'k.vmerge', 'top');
  row(13, null, 'below');
  ws.mergeCells('A12:A13');
  row(14, 'k.empty', '');
  row(16, 'k.gap', 'after an empty row');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet2.xml';
  let xml = await zip.file(path)!.async('string');
  const patch = (ref: string, to: string) => {
    const re = new RegExp(`<c r="${ref}"([^>]*)><v>[^<]*</v></c>`);
    expect(re.test(xml)).toBe(true);
    xml = xml.replace(re, to);
  };
  patch('B11', '<c r="B11" t="inlineStr"><is><t>in&amp;line</t></is></c>');
  patch('C11', '<c r="C11" t="str"><v>s&amp;amp;t</v></c>');
  patch('D11', '<c r="D11" t="inlineStr"><is><r><t>rich</t></r></is></c>');
  zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const CASES: [string, () => Promise<Uint8Array>][] = [
  ...(Object.entries(FIXTURES) as [FixtureName, () => Promise<Uint8Array>][]),
  ['edge cases', edgeCases],
  ['stored settings', withStoredSettings],
  ['odd settings sheet', oddSettings],
];

const SETTING_KEYS = [
  'policy',
  'calendar',
  'undo.last',
  'empty',
  'k.number',
  'k.formula',
  'k.rich',
  'k.link',
  'k.merge',
  'k.date',
  'k.inline',
  'k.vmerge',
  'k.empty',
  'k.gap',
  '42',
  'absent',
];

describe('read-only grid reader = full reader', () => {
  it.each(CASES)('%s: identical sheet names, sheet infos and Grids', async (_name, build) => {
    const { full, fast } = await both(await build());
    expect(fast.sheetNames).toEqual(full.sheetNames);
    expect(await fast.listSheets()).toEqual(await full.listSheets());
    const a = await full.read();
    const b = await fast.read();
    expect(b.length).toBe(a.length);
    a.forEach((g, i) => {
      // toStrictEqual: NaN, null vs '' and -0 all count.
      expect(b[i]).toStrictEqual(g);
    });
    expect(b.map((g) => g.sheet)).not.toContain(SETTINGS_SHEET);
    for (const key of SETTING_KEYS) expect([key, await fast.getSetting(key)]).toEqual([key, await full.getSetting(key)]);
  });

  it.each(CASES)('%s: the same Grids when worksheets stream in chunks of any size (chunk borders anywhere)', async (_name, build) => {
    const bytes = await build();
    const whole = await openGridBook(bytes, inflate).read();
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      // Deliver the inflated XML in chunks of `size` bytes, and every third chunk one byte longer.
      const stream = async (data: Uint8Array, onChunk: (chunk: Uint8Array) => void) => {
        const out = inflate(data);
        for (let i = 0, k = 0; i < out.length; k++) {
          const step = size + (k % 3 === 0 ? 1 : 0);
          onChunk(out.subarray(i, i + step));
          i += step;
        }
      };
      expect([size, await openGridBook(bytes, inflate, stream).read()]).toStrictEqual([size, whole]);
    }
  });

  it('reads stored settings as the add-in wrote them, long values from their chunks', async () => {
    const { full, fast } = await both(await withStoredSettings());
    expect(LONG_UNDO.length).toBeGreaterThan(2 * SETTING_CHUNK_CHARS);
    expect(await fast.getSetting('undo.last')).toBe(LONG_UNDO);
    expect(await fast.getSetting('policy')).toBe('{"notice":{"days":7},"elimination":{"preliminaryShare":0.04}}');
    expect(await fast.getSetting('empty')).toBe('');
    expect(await fast.getSetting('absent')).toBeNull();
    expect(fast.sheetNames).toEqual(full.sheetNames);
  });

  it('decodes an odd settings sheet cell kind by cell kind', async () => {
    const { fast } = await both(await oddSettings());
    const got = Object.fromEntries(await Promise.all(SETTING_KEYS.map(async (k) => [k, await fast.getSetting(k)])));
    expect(got).toEqual({
      policy: null,
      calendar: '{"extraHolidays":["2022-09-02"]}',
      'undo.last': null,
      empty: null,
      'k.number': 'ab',
      'k.formula': 'x',
      'k.rich': '',
      'k.link': 'a',
      'k.merge': 'mmn',
      'k.date': 'd',
      'k.inline': 'in&lines&t',
      'k.vmerge': 'top',
      'k.empty': '',
      'k.gap': 'after an empty row',
      '42': null,
      absent: null,
    });
  });

  it('decodeSetting: the first row with the key, chunks up to the first cell that is not a text', () => {
    const rows: unknown[][] = [[], ['a', 'x', 'y', 3, 'z'], ['b'], ['a', 'second'], [{ richText: [] }, 'no']];
    const cell = (r: number, c: number) => rows[r - 1]?.[c - 1];
    expect(decodeSetting(rows.length, cell, 'a')).toBe('xy');
    expect(decodeSetting(rows.length, cell, 'b')).toBe('');
    expect(decodeSetting(rows.length, cell, 'c')).toBeNull();
    expect(decodeSetting(2, cell, 'b')).toBeNull(); // beyond rowCount
  });

  it('a workbook without a settings sheet has no settings', async () => {
    const fast = openGridBook(await FIXTURES['clean-roster.xlsx'](), inflate);
    expect(await fast.getSetting('policy')).toBeNull();
  });

  it('reads the edge cases as the core expects them', async () => {
    const { fast } = await both(await edgeCases());
    const [g] = await fast.read(['边界 & <情况>']);
    expect(g.values[0].slice(0, 9)).toEqual([
      '姓名',
      'a&b <c> "d" \'e\'',
      '行一\n行二',
      true,
      { error: '#N/A' },
      false,
      'a&b <c>x',
      { error: '#DIV/0!' },
      null,
    ]);
    expect(g.formulas[0][8]).toBe('=NOW()');
    expect(g.formulas[4][1]).toBe('=B2+$B$1+C$2+$C4+SUM(B2:C3)');
    expect(g.values[3][4]).toBeNull(); // slave of D4:F5
    expect(g.merges).toEqual([
      { top: 3, left: 3, bottom: 4, right: 5 },
      { top: 7, left: 7, bottom: 11, right: 8 },
    ]);
    expect(g.rowCount).toBe(12);
    expect(g.hiddenRows).toEqual([4]);
  });

  it('hands packages it does not read to the full reader: not a zip, damaged, missing parts', () => {
    expect(() => openGridBook(new TextEncoder().encode('not a zip at all'), inflate)).toThrow(GridReaderUnsupported);
    const fake = new Uint8Array(64);
    fake.set([0x50, 0x4b, 5, 6], 40);
    expect(() => openGridBook(fake, inflate)).toThrow(GridReaderUnsupported);
  });

  describe('a damaged part is never read in half: the full reader decides (it refuses all but one of these)', () => {
    const cut = (x: string) => x.slice(0, Math.floor(x.length * 0.6));
    const tail = (x: string) => `${x}<notclosed>`;
    const noEnd = (x: string) => x.replace(/<\/[\w:]+>\s*$/, '');
    const lastSi = (x: string) => `${x.slice(0, x.lastIndexOf('<si>'))}</sst>`;
    const parts = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'];
    const cases: [string, string, (x: string) => string][] = [
      ...parts.flatMap((p): [string, string, (x: string) => string][] => [
        [`${p} cut at 60 %`, p, cut],
        [`${p} with a tag after its root`, p, tail],
        [`${p} without its root's end tag`, p, noEnd],
      ]),
      ['xl/sharedStrings.xml without its last entry (a cell names it)', 'xl/sharedStrings.xml', lastSi],
      // Found in review: text, NUL or a no-break space after the root; a cut inside the rows closed by hand.
      ['xl/worksheets/sheet1.xml with text after its root', 'xl/worksheets/sheet1.xml', (x) => `${x}junk`],
      ['xl/worksheets/sheet1.xml with NUL padding after its root', 'xl/worksheets/sheet1.xml', (x) => `${x}\u0000\u0000`],
      ['xl/worksheets/sheet1.xml with a cell after its root', 'xl/worksheets/sheet1.xml', (x) => `${x}<c r="A1"><v>1</v></c>`],
      [
        'xl/worksheets/sheet1.xml cut after a row at 60 % and closed with </worksheet>',
        'xl/worksheets/sheet1.xml',
        (x) => `${x.slice(0, x.indexOf('</row>', Math.floor(x.length * 0.6)) + 6)}</worksheet>`,
      ],
      ['xl/sharedStrings.xml with a no-break space after its root', 'xl/sharedStrings.xml', (x) => `${x}\u00a0`],
    ];
    it.each(cases)('%s', async (_name, part, damage) => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      zip.file(part, damage(await zip.file(part)!.async('string')));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const full = await openFileWorkbook(bytes).then(
        async (b) => ({ grids: await b.read() }),
        (e: unknown) => ({ refused: e }),
      );
      let fast: { grids: unknown } | { refused: unknown };
      try {
        fast = { grids: await openGridBook(bytes, inflate).read() };
      } catch (e) {
        fast = { refused: e };
      }
      if ('grids' in fast)
        expect(fast).toStrictEqual(full); // read only when read whole, as the full reader reads it
      else expect((fast as { refused: unknown }).refused).toBeInstanceOf(GridReaderUnsupported);
      // Before, the fast reader read 12 of these 13 (a worksheet cut at 60 % gave its first rows).
      if (!('grids' in full)) expect('grids' in fast).toBe(false);
    });

    it.each([
      ['a comment after the root of styles.xml', 'xl/styles.xml', (x: string) => `${x}\n<!-- x -->\n`],
      ['a processing instruction after the root of sharedStrings.xml', 'xl/sharedStrings.xml', (x: string) => `${x}<?x y?>`],
      ['a comment and a processing instruction after the root of workbook.xml', 'xl/workbook.xml', (x: string) => `${x}<!-- a --> <?b c?>\r\n`],
      ['a comment after the worksheet', 'xl/worksheets/sheet1.xml', (x: string) => `${x}<!-- generated -->`],
    ])('well-formed XML after a root (%s) is read, as the full reader reads it', async (_name, part, add) => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      zip.file(part, add(await zip.file(part)!.async('string')));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      expect(await openGridBook(bytes, inflate).read()).toStrictEqual(await (await openFileWorkbook(bytes)).read());
    });

    it('a chart sheet is left out, as the full reader leaves it out (it read as an empty extra Grid, then made the file slow)', async () => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      const wb = await zip.file('xl/workbook.xml')!.async('string');
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file('xl/workbook.xml', wb.replace('</sheets>', '<sheet name="Chart1" sheetId="99" r:id="rId99"/></sheets>'));
      zip.file(
        'xl/_rels/workbook.xml.rels',
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        ),
      );
      zip.file(
        'xl/chartsheets/sheet1.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>',
      );
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const { full, fast } = await both(bytes);
      expect(fast.sheetNames).toEqual(full.sheetNames);
      expect(fast.sheetNames).not.toContain('Chart1');
      expect(await fast.read()).toStrictEqual(await full.read());
    });

    it('a worksheet whose part has another name (xl/worksheets/data.xml) is read; the full reader, which would leave it out, refuses the file naming it', async () => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file('xl/worksheets/data.xml', await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
      zip.remove('xl/worksheets/sheet1.xml');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/data.xml'));
      const renamed = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const original = await openGridBook(await FIXTURES['clean-roster.xlsx'](), inflate).read();
      expect(await openGridBook(renamed, inflate).read()).toStrictEqual(original);
      // exceljs would leave it out: the full reader refuses the file, naming the sheet and its part.
      await expect(openFileWorkbook(renamed)).rejects.toMatchObject({
        code: 'unreadable',
        userMessage: { 'zh-CN': expect.stringContaining(`工作表“${original[0].sheet}”无法读取：它在文件中的部件（xl/worksheets/data.xml）`) },
      });
    });

    it('a worksheet cut anywhere is refused, never read in part (property)', async () => {
      const zip = await JSZip.loadAsync(await FIXTURES['clean-roster.xlsx']());
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const end = xml.lastIndexOf('</worksheet>');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: end }), async (at) => {
          zip.file('xl/worksheets/sheet1.xml', xml.slice(0, at));
          const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
          await expect(openGridBook(bytes, inflate).read()).rejects.toBeInstanceOf(GridReaderUnsupported);
        }),
        { numRuns: 60 },
      );
    });
  });

  it('slides shared formulas like exceljs (absolute parts kept, functions and names untouched)', () => {
    expect(slideFormula('A1+$B$1+B$2+$C3+SUM(A1:B2)+Sheet2!A1+LOG10(A1)', { row: 1, col: 1 }, { row: 3, col: 2 })).toBe(
      'B3+$B$1+C$2+$C5+SUM(B3:C4)+Sheet2!B3+LOG10(B3)',
    );
  });
});
