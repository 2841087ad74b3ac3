/**
 * The worksheet scanner's one-pass ways (xlsx-sheet.ts: usualCell for the usual cell, row for the
 * usual <row>) give exactly what the general way gives, for every shape of cell and row, however
 * the XML is cut into chunks; and the odd shapes read as exceljs reads them.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inflateRawSync } from 'zlib';
import { openFileWorkbook } from '../../../../src/workbook/file/file-workbook';
import { openGridBook } from '../../../../src/workbook/file/xlsx-grid-reader';
import { readSheet, SheetFeeder, SheetScanner, type SheetCtx, type SheetRef } from '../../../../src/workbook/file/xlsx-sheet';

const REF: SheetRef = { name: 'S', path: 'xl/worksheets/sheet1.xml', visibility: 'visible' };
const CTX: SheetCtx = {
  formats: [undefined, 'yyyy-mm-dd', '0.00'],
  strings: ['甲', '乙', 'x&y', '  '],
  richStrings: new Set([1]),
  date1904: false,
};
const enc = (s: string) => new TextEncoder().encode(s);
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A Grid, or the refusal: the one-pass ways must refuse what the general way refuses. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** The general way only: a scanner given TextCells (as for the settings sheet) never takes the one-pass way. */
const general = (xml: Uint8Array) => readSheet(xml, REF, CTX, new Map());
const usual = (xml: Uint8Array) => readSheet(xml, REF, CTX);

function chunked(xml: Uint8Array, cuts: number[]) {
  const feeder = new SheetFeeder(new SheetScanner(REF, CTX));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    feeder.push(xml.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  feeder.push(xml.subarray(from));
  return feeder.end();
}

// ---------------------------------------------------------------------------------------------
// generated cells and rows

const letters = (col: number): string => (col > 26 ? letters(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

const value = fc.oneof(
  fc.nat({ max: 5 }).map(String),
  fc.nat().map(String),
  fc.constantFrom('01', '0', '1.5', '-3', '1e3', '2.5E-2', '12345678901234567890', '1984.07', ' 7', '', '&#49;2', '1\r', 'abc', '44805.5'),
);
const cellParts = fc.record({
  ref: fc.constantFrom('plain', 'none', 'single', 'spaced', 'lower'),
  s: fc.constantFrom(undefined, '0', '1', '2', '', '01', 'x'),
  t: fc.constantFrom(undefined, 's', 'n', 'str', 'b', 'e', 'inlineStr', 'd'),
  order: fc.constantFrom('rst', 'rts', 'srt', 'tsr'),
  v: value,
  kind: fc.constantFrom('v', 'v', 'v', 'selfClose', 'formula', 'inline', 'emptyV', 'vSelfClose', 'spaceInTag'),
  gap: fc.constantFrom(0, 0, 0, 1),
});
type CellParts = typeof cellParts extends fc.Arbitrary<infer T> ? T : never;

function cellXml(row: number, col: number, p: CellParts): string {
  const ref = `${letters(col)}${row}`;
  const attrs: Record<string, string> = {};
  if (p.ref === 'plain') attrs.r = ` r="${ref}"`;
  else if (p.ref === 'single') attrs.r = ` r='${ref}'`;
  else if (p.ref === 'spaced') attrs.r = ` r = "${ref}"`;
  else if (p.ref === 'lower') attrs.r = ` r="${ref.toLowerCase()}"`; // not a reference: both ways refuse it
  if (p.s !== undefined) attrs.s = ` s="${p.s}"`;
  if (p.t !== undefined) attrs.t = ` t="${p.t}"`;
  const a = [...p.order].map((k) => attrs[k] ?? '').join('');
  const tag = p.kind === 'spaceInTag' ? `<c${a} >` : `<c${a}>`;
  switch (p.kind) {
    case 'selfClose':
      return `<c${a}/>`;
    case 'formula':
      return `${tag}<f>A1+1</f><v>${p.v}</v></c>`;
    case 'inline':
      return `<c${a.replace(/ t="[^"]*"/, '')} t="inlineStr"><is><t>${p.v}</t></is></c>`;
    case 'emptyV':
      return `${tag}<v></v></c>`;
    case 'vSelfClose':
      return `${tag}<v/></c>`;
    default:
      return `${tag}<v>${p.v}</v></c>`;
  }
}

const rowParts = fc.record({
  attrs: fc.constantFrom(
    (r: number) => ` r="${r}"`,
    (r: number) => ` r="${r}" spans="1:4" x14ac:dyDescent="0.25"`,
    (r: number) => ` r="${r}" hidden="1"`,
    (r: number) => ` hidden="true" r='${r}'`,
    (r: number) => ` r="${r}" hidden="0" s="2" customFormat="1"`,
    (r: number) => ` r = "${r}" s="1"`,
    (r: number) => ` r="&#${48 + (r % 10)};"`,
    (r: number) => ` r="${r}" s=""`,
    (r: number) => ` r="${r}" s="x"`,
    () => '',
  ),
  cells: fc.array(cellParts, { maxLength: 5 }),
});

function sheetOf(rows: (typeof rowParts extends fc.Arbitrary<infer T> ? T : never)[]): string {
  return sheetXml(
    rows
      .map((row, i) => {
        const r = i + 1;
        let col = 0;
        const cells = row.cells.map((c) => cellXml(r, (col += 1 + c.gap), c)).join('');
        return `<row${row.attrs(r)}>${cells}</row>`;
      })
      .join(''),
  );
}

describe('worksheet scanner: the one-pass ways = the general way', () => {
  it('gives the general way’s Grid for any cells and rows, in chunks cut anywhere', () => {
    fc.assert(
      fc.property(fc.array(rowParts, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const xml = enc(sheetOf(rows));
        const want = outcome(() => general(xml));
        expect(outcome(() => usual(xml))).toStrictEqual(want);
        expect(
          outcome(() =>
            chunked(
              xml,
              cuts.map((c) => c % (xml.length + 1)),
            ),
          ),
        ).toStrictEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [
      'shared string, style and date',
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44805</v></c><c r="C1" s="2" t="s"><v>2</v></c></row>',
      ['甲', 44805, 'x&y'],
    ],
    ['rich text index', '<row r="1"><c r="B1" t="s"><v>1</v></c></row>', [null, '乙']],
    [
      'numbers: decimal, negative, exponent, 16+ digits',
      '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1"><v>-3</v></c><c r="C1"><v>2.5E-2</v></c><c r="D1"><v>12345678901234567890</v></c></row>',
      [1.5, -3, 0.025, 12345678901234567000],
    ],
    [
      'attribute order t s r, single quotes, spaces around =',
      `<row r="1"><c t="s" s="0" r="A1"><v>0</v></c><c r='B1' t='s'><v>1</v></c><c r = "C1"><v>7</v></c></row>`,
      ['甲', '乙', 7],
    ],
    ['no r: the column after the previous cell, the row from <row>', '<row r="4"><c t="s"><v>0</v></c><c><v>2</v></c></row>', ['甲', 2]],
    ['entity and CR in a value', '<row r="1"><c r="A1"><v>&#49;2</v></c><c r="B1" t="str"><v>a&amp;amp;b\r\nc</v></c></row>', [12, 'a&b\nc']],
  ])('%s', (_name, rows, first) => {
    const xml = enc(sheetXml(rows));
    const g = usual(xml);
    expect(g).toStrictEqual(general(xml));
    expect(g.values[g.rowCount - 1].slice(0, first.length)).toStrictEqual(first);
  });

  it('refuses a shared-string index beyond the table, both ways (exceljs refuses the file; it read as empty before)', () => {
    const xml = enc(sheetXml('<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1" t="s"><v>1</v></c></row>'));
    const refused = { refused: 'The file is damaged: cell A1 of sheet "S" refers to shared string 10, which does not exist' };
    expect(outcome(() => usual(xml))).toEqual(refused);
    expect(outcome(() => general(xml))).toEqual(refused);
  });

  it('refuses a worksheet cut short or with anything after its end, both ways', () => {
    const whole = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const cut = 'The file is damaged: sheet "S" breaks off at row 1; that row and the rows after it cannot be read';
    const tail = 'The file is damaged: sheet "S" has content after its end';
    const cases: [string, string][] = [
      [whole.replace('</worksheet>', ''), cut],
      [whole.replace('</sheetData></worksheet>', ''), cut],
      [whole.replace('</sheetData>', ''), cut], // closed by hand inside the rows
      [`${whole}<row r="2"/>`, tail],
      [`${whole}<x/>`, tail],
      [`${whole}junk`, tail],
    ];
    for (const [xml, why] of cases) {
      expect([xml, outcome(() => usual(enc(xml)))]).toEqual([xml, { refused: why }]);
      expect([xml, outcome(() => general(enc(xml)))]).toEqual([xml, { refused: why }]);
    }
    // Whitespace and a comment after the end are well-formed XML: read.
    expect(outcome(() => usual(enc(`${whole}\n<!-- x -->\n`)))).toStrictEqual(usual(enc(whole)));
  });

  it('reads a cell cut at every byte the same as whole', () => {
    const xml = enc(sheetXml('<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>3</v></c><c r="B1" s="1"><v>44805.25</v></c><c r="AB1"><v>12</v></c></row>'));
    const want = usual(xml);
    for (let cut = 0; cut <= xml.length; cut++) expect([cut, chunked(xml, [cut])]).toStrictEqual([cut, want]);
  });
});

// ---------------------------------------------------------------------------------------------
// odd shapes against exceljs

/** An exceljs workbook whose sheet1.xml is replaced by `rows`: shared strings 甲, 乙, a&b; style ids of a date and a number format. */
async function workbookWith(rows: (style: { date: string; number: string }) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = '甲';
  ws.getCell('A2').value = '乙';
  ws.getCell('A3').value = 'a&b';
  ws.getCell('B1').value = 1;
  ws.getCell('B1').numFmt = 'yyyy-mm-dd';
  ws.getCell('B2').value = 1;
  ws.getCell('B2').numFmt = '0.00';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const styleOf = (ref: string) => (new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml) as RegExpExecArray)[1];
  const data = rows({ date: styleOf('B1'), number: styleOf('B2') });
  zip.file(path, xml.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${data}</sheetData>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('worksheet scanner: odd shapes read as exceljs reads them', () => {
  it('cells and rows in every attribute order, quoting and spacing', async () => {
    const bytes = await workbookWith(
      ({ date, number }) =>
        `<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" s="${date}"><v>44805.5</v></c><c r="C1" s="${number}" t="s"><v>2</v></c><c t="s" r="D1"><v>1</v></c><c r='E1' s='${date}'><v>44806</v></c><c r = "F1" t = "s"><v>0</v></c></row>` +
        `<row r="2" hidden="1"><c r="A2"><v>-1.25</v></c><c r="B2"><v>12345678901234567890</v></c><c r="C2"><v>&#55;</v></c><c r="D2" t="str"><v>x&amp;amp;y</v></c><c r="E2" t="inlineStr"><is><t>内联</t></is></c><c r="F2" t="b"><v>1</v></c></row>` +
        `<row r='3' hidden="true"><c s="0" t="s" r="A3"><v>1</v></c><c r="B3" ><v>5</v></c><c r="D3"><f>B3*2</f><v>10</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="${number}"/></row>` +
        `<row spans="1:2" r = "4" s="${number}" customFormat="1"><c r="A4" s="${date}" t="n"><v>1</v></c><c r="B4"><v>1\r</v></c></row>` +
        `<row r="&#54;"><c r="A6" t="s"><v>2</v></c></row>`,
    );
    const full = await (await openFileWorkbook(bytes)).read();
    const fast = await openGridBook(bytes, (b) => new Uint8Array(inflateRawSync(b))).read();
    expect(fast).toStrictEqual(full);
    // And what the core expects, so the comparison is not of two empty things.
    expect(fast[0].values[0]).toStrictEqual(['甲', 44805.5, 'a&b', '乙', 44806, '甲']);
    expect(fast[0].values[1]).toStrictEqual([-1.25, 12345678901234567000, 7, 'x&y', '内联', true]);
    expect(fast[0].hiddenRows).toEqual([1, 2]);
    expect(fast[0].rowCount).toBe(6);
  });
});
