import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildBrief } from '../../../src/brief/brief-model';
import { SECTION_TITLES } from '../../../src/brief/brief-document';
import {
  briefSheetName,
  cellCharsPerLine,
  FONTS,
  MARGINS_CM,
  MAX_ROW_POINTS,
  renderSheet,
  SHEET_COLUMNS,
  textUnits,
  wrapLines,
} from '../../../src/brief/render-sheet';
import type { SheetSpec } from '../../../src/workbook/port';
import { execFileSync } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { libreOfficeCalcOr, toPdf } from '../../support/libreoffice';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { FakeEt } from '../../support/fake-et';
import { WpsWorkbook } from '../../../src/workbook/wps/wps-workbook';
import type { EtApplication } from '../../../src/workbook/wps/et';
import type { WorkbookPort } from '../../../src/workbook/port';
import { allSets } from '../../support/fake-ledger';
import { AS_OF, emptyBriefWorkbook, fullBriefWorkbook, gridsOf, ROSTER_IDS, STRAY_ID } from './fixtures';

const textOf = (ws: ExcelJS.Worksheet): string => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('\n');
};

describe('wrapLines', () => {
  it('breaks CJK text at the width and hangs closing punctuation', () => {
    expect(wrapLines('一二三四五六', 4)).toEqual(['一二三四', '五六']);
    expect(wrapLines('一二三四，五六', 4)).toEqual(['一二三四，', '五六']);
    expect(wrapLines('ab一二', 2)).toEqual(['ab一', '二']);
    expect(wrapLines('', 4)).toEqual(['']);
    expect(textUnits('ab一“')).toBe(3);
  });

  it.each([
    ['诫勉2003.06入党', 4, ['诫勉', '2003.06', '入党']],
    ['免职一1%诫勉', 3, ['免职一', '1%诫勉']],
    ['一二三55.26%', 4, ['一二三', '55.26%']],
    ['一二21/38人', 3, ['一二', '21/38', '人']],
    ['一二2%×30人', 3, ['一二', '2%×30', '人']],
    // A figure that begins its line and is longer than a line breaks at the width.
    ['110101196001010000', 4, ['11010119', '60010100', '00']],
    ['一二三四', 2, ['一二', '三四']],
  ])('%j at %i characters a line → %j (a figure moves whole)', (text, max, lines) => {
    expect(wrapLines(text, max)).toEqual(lines);
  });

  it('loses no character and breaks no figure that fits a line', () => {
    const piece = fc.constantFrom('一', '二', '，', '。', '2003.06', '55.26%', '21/38', '1', '%', ' ', '（二.5）');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 4, max: 12 }), (pieces, max) => {
        const text = pieces.join('');
        const lines = wrapLines(text, max);
        expect(lines.join('')).toBe(text);
        for (let i = 1; i < lines.length; i++) {
          const [a, b] = [lines[i - 1], lines[i]];
          if (!/[\x21-\x7e×]$/.test(a) || !/^[\x21-\x7e×]/.test(b)) continue;
          // Broken inside a figure only when the figure alone is wider than a line (closing
          // punctuation that begins the run hangs: it ends what came before, as % in 一%|1).
          const tail = /[\x21-\x7e×]+$/.exec(a)![0].replace(/^[%.,;:!?)\]]+/, '');
          if (tail === '') continue;
          const run = tail + /^[\x21-\x7e×]+/.exec(b)![0];
          expect([a, b, textUnits(run) > max]).toEqual([a, b, true]);
        }
        // Closing punctuation never begins a line.
        for (const l of lines.slice(1)) expect([l, /^[，。、；：！？）》」』”’%．,.;:!?)\]]/.test(l)]).toEqual([l, false]);
      }),
    );
  });
});

/** Write the full brief's sheet through a live adapter: the spec, the sheet and its page setup as logged by the fake. */
async function writeBrief(wb: WorkbookPort, fx: FakeExcel) {
  const model = buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF);
  const { spec } = renderSheet(model);
  await wb.writeSheet(spec);
  const s = fx.sheet(spec.name);
  expect(s.cell(0, 0)?.value).toBe('常委会议研究材料');
  expect(s.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 7 }]));
  const layout = Object.fromEntries(s.log.filter((l) => l.target === 'pageLayout').map((l) => [l.prop, l.value]));
  return { spec, s, layout };
}

/** The lines each table row's longest cell takes, wrapped at its column's width (a merge across widens it), by row; other rows absent. */
function tableLines(spec: SheetSpec): Map<number, number> {
  const out = new Map<number, number>();
  spec.rows.forEach((row, r) => {
    const cells = row.map((v, c) => [v, c] as const).filter(([v]) => typeof v === 'string' || typeof v === 'number');
    if (cells.length < 2) return; // the title, date line and paragraph lines: one cell in column A
    let lines = 1;
    for (const [v, c] of cells) {
      const m = (spec.merges ?? []).find((x) => x.top === r && x.left === c);
      const width = SHEET_COLUMNS.slice(c, (m ? m.right : c) + 1).reduce((a, b) => a + b, 0);
      lines = Math.max(lines, wrapLines(String(v), cellCharsPerLine(width, 10.5)).length);
    }
    out.set(r, lines);
  });
  return out;
}

describe('renderSheet', () => {
  it('gives a table row of several lines the height of its longest cell wrapped at the column width, and the title and date rows the height of their fonts; other rows keep their automatic height', async () => {
    const { spec } = renderSheet(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    const heights = spec.rowHeights ?? [];
    const lines = tableLines(spec);
    let tall = 0;
    for (const [r, n] of lines) {
      if (n === 1) expect([r, heights[r]]).toEqual([r, undefined]);
      else {
        tall++;
        // 10.5 pt text at a line spacing of at least 1.3, never past the hosts' largest row.
        expect(heights[r]).toBeGreaterThanOrEqual(Math.min(MAX_ROW_POINTS, n * 10.5 * 1.3));
        expect(heights[r]).toBeLessThanOrEqual(MAX_ROW_POINTS);
      }
    }
    // Only table rows get a height, and the merged title and date rows (their fonts are 20 and 14 pt).
    expect([heights[0], heights[1]]).toEqual([Math.ceil(20 * 1.45 + 4), Math.ceil(14 * 1.45 + 4)]);
    heights.forEach((h, r) => expect([r, h !== undefined && (r < 2 || lines.has(r))]).toEqual([r, true]));
    expect(tall).toBeGreaterThan(10);
  });

  it('LibreOffice prints the sheet with no text over other text (before, wrapped cells spilled over the rows below)', async () => {
    if (!libreOfficeCalcOr('row heights were checked in the spec only')) return;
    const dir = path.join(__dirname, '../../../test-output/brief-sheet');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { spec } = renderSheet(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('空白');
    const book = await openFileWorkbook(new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer));
    await book.writeSheet(spec);
    const xlsx = path.join(dir, 'brief-sheet.xlsx');
    writeFileSync(xlsx, await book.save());
    const pdf = toPdf(xlsx);
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const overlaps: string[] = [];
    let words = 0;
    for (const page of html.split('<page ').slice(1)) {
      const boxes = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5],
      }));
      words += boxes.length;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          // More than a third of the shorter word's height shared, side by side: one text drawn over another.
          if (w > 1 && h > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) overlaps.push(`${a.text} × ${b.text}`);
        }
    }
    expect(words).toBeGreaterThan(200);
    expect(overlaps).toEqual([]);
  });

  it('names the sheet with the date and lays it out for A4 portrait printing', async () => {
    const model = buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF);
    const { spec, privacy } = renderSheet(model);
    expect(spec.name).toBe('常委会材料2025-03-10');
    expect(briefSheetName(AS_OF)).toBe(spec.name);
    expect(spec.print).toEqual({
      paper: 'A4',
      orientation: 'portrait',
      marginsCm: MARGINS_CM,
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      area: { top: 0, left: 0, bottom: spec.rows.length - 1, right: 7 },
    });
    expect(privacy).toHaveLength(1);
    // Every line of a paragraph fits the page: no cell text wider than the sheet allows.
    const total = SHEET_COLUMNS.reduce((a, b) => a + b, 0);
    for (const row of spec.rows) if (row.length === 1 && typeof row[0] === 'string') expect(textUnits(row[0]) * ((12 * 4) / 3)).toBeLessThanOrEqual(total * 7);
  });

  it('writes through the file adapter: title, numbered sections, fonts, merges and print setup survive a save', async () => {
    const book = await openFileWorkbook(await fullBriefWorkbook());
    const model = buildBrief(await book.read(), DEFAULT_POLICY, AS_OF);
    const { spec } = renderSheet(model);
    await book.writeSheet(spec);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(spec.name)!;
    expect(ws).toBeDefined();
    expect(ws.getCell('A1').value).toBe('常委会议研究材料');
    expect(ws.getCell('A1').font).toMatchObject({ name: FONTS.title, size: 20 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A2').value).toBe('（2025年3月10日）');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2']));
    const all = textOf(ws);
    for (const [i, title] of Object.values(SECTION_TITLES).entries()) expect(all).toContain(`${'一二三四五六'[i]}、${title}`);
    for (const id of [...ROSTER_IDS, STRAY_ID]) expect(all).not.toContain(id);
    const ps = ws.pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      printArea: `A1:H${spec.rows.length}`,
    });
    expect(ps.margins?.top).toBeCloseTo(3.7 / 2.54, 5);
    expect(ps.margins?.left).toBeCloseTo(2.8 / 2.54, 5);
    // Headings in 黑体, body in 仿宋, table heads bordered.
    let heading: ExcelJS.Cell | null = null;
    let table: ExcelJS.Cell | null = null;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === '　　一、拟任人选（一职双备）情况') heading = c;
        if (c.value === '不称职票/有效票' && !table) table = c;
      }),
    );
    expect(heading!.font).toMatchObject({ name: FONTS.heading, size: 14 });
    expect(table!.font).toMatchObject({ name: FONTS.heading });
    expect(table!.border?.top?.style).toBe('thin');
    expect(ws.getColumn(3).width).toBe(SHEET_COLUMNS[2]);
    // Row heights survive the save, on the rows that have one.
    const heights = spec.rowHeights ?? [];
    expect(heights.filter((h) => h !== undefined).length).toBeGreaterThan(10);
    spec.rows.forEach((_, r) => expect([r, ws.getRow(r + 1).height]).toEqual([r, heights[r]]));
  });

  it('writes the empty brief too, one line per empty section', async () => {
    const book = await openFileWorkbook(await emptyBriefWorkbook());
    const { spec } = renderSheet(buildBrief(await book.read(), DEFAULT_POLICY, AS_OF));
    await book.writeSheet(spec);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    const all = textOf(wb.getWorksheet(spec.name)!);
    expect(all).toContain('本工作簿中未识别到考察对象或任前公示，拟任人选未能核对。');
    expect(all).toContain('本工作簿中未识别到年度考核测评，末位淘汰排名未能核对。');
    expect(all).not.toContain(ROSTER_IDS[0]);
  });

  it('writes through the Office adapter against the strict Excel fake', async () => {
    const fx = new FakeExcel();
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const { spec, s, layout } = await writeBrief(wb, fx);
    expect(layout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      'setPrintTitleRows()': ['$1:$1'],
      'setPrintArea()': [`A1:H${spec.rows.length}`],
    });
    expect(layout.topMargin as number).toBeCloseTo(3.7 * 28.3465, 3);
    const fonts = new Set(s.log.filter((l) => l.prop.endsWith('font.name')).map((l) => l.value));
    expect([...fonts].sort()).toEqual([FONTS.body, FONTS.heading, FONTS.subheading, FONTS.title].sort());
    const texts = s.rows.flatMap((r) => (r ?? []).map((c) => String(c?.value ?? '')));
    expect(texts).toContain('　　六、数据来源');
    expect(texts.join()).not.toContain(STRAY_ID);
    // One rowHeight per row that has one, on that row.
    const heights = new Map<number, unknown>();
    (spec.rowHeights ?? []).forEach((h, r) => heights.set(r, h));
    expect(new Map(s.log.filter((l) => l.prop === 'rowHeight').map((l) => [Number(/\d+/.exec(l.target)![0]) - 1, l.value]))).toEqual(heights);
    // A second brief of the same day replaces the first only when asked.
    await expect(wb.writeSheet(spec)).rejects.toMatchObject({ code: 'sheet-exists' });
    await wb.writeSheet(spec, { replace: true });
  });

  it('writes through the WPS adapter against the strict ET fake: title, merges, fonts, A4 page setup', async () => {
    const fx = new FakeEt();
    const wb = new WpsWorkbook(() => fx.application as EtApplication);
    const { spec, s, layout } = await writeBrief(wb, fx);
    expect(layout).toMatchObject({
      Orientation: 1,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      PrintTitleRows: '$1:$1',
      PrintArea: `$A$1:$H$${spec.rows.length}`,
    });
    expect(layout.TopMargin as number).toBeCloseTo(3.7 * 28.3465, 3);
    const fonts = new Set(s.log.filter((l) => l.prop === 'Font.Name').map((l) => l.value));
    expect([...fonts].sort()).toEqual([FONTS.body, FONTS.heading, FONTS.subheading, FONTS.title].sort());
    expect(s.rows.flatMap((r) => (r ?? []).map((c) => String(c?.value ?? ''))).join()).not.toContain(STRAY_ID);
    const heights = new Map<number, unknown>();
    (spec.rowHeights ?? []).forEach((h, r) => heights.set(r, h));
    expect(new Map(s.log.filter((l) => l.prop === 'RowHeight').map((l) => [Number(/\d+/.exec(l.target)![0]) - 1, l.value]))).toEqual(heights);
    await expect(wb.writeSheet(spec)).rejects.toMatchObject({ code: 'sheet-exists' });
    await wb.writeSheet(spec, { replace: true });
    expect(fx.sheets.filter((x) => x.name === spec.name)).toHaveLength(1);
  });
});
