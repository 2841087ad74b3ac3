import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openFileWorkbook, MARK_FORMULA } from '../../../../src/workbook/file/file-workbook';
import { PortError } from '../../../../src/workbook/port';
import { msg } from '../../../../src/i18n/message';
import type { EditPlan } from '../../../../src/ledger/edit-plan';

async function sample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = 'XX县干部花名册';
  ws.getCell('A2').value = { richText: [{ text: '姓' }, { text: '名' }] };
  ws.getCell('B2').value = '出生年月';
  ws.getCell('C2').value = '得票';
  ws.getCell('D2').value = '比例';
  ws.getCell('A3').value = '张三';
  ws.getCell('B3').value = new Date(Date.UTC(1985, 2, 1));
  ws.getCell('B3').numFmt = 'yyyy-mm-dd';
  ws.getCell('C3').value = 30;
  ws.getCell('D3').value = { formula: 'C3/C4', result: 1.5 };
  ws.getCell('C4').value = 20;
  ws.getCell('D4').value = { formula: 'C4/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('A5').value = { text: '链接', hyperlink: 'https://example.org' };
  ws.getRow(4).hidden = true;
  const locked = wb.addWorksheet('锁定');
  locked.getCell('A1').value = 'x';
  await locked.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('openFileWorkbook', () => {
  it('reads values, dates as serials, formulas with cached results, errors, merges, hidden rows, protection', async () => {
    const book = await openFileWorkbook(await sample());
    expect(await book.listSheets()).toEqual([
      { name: '花名册', visibility: 'visible', protected: false },
      { name: '锁定', visibility: 'visible', protected: true },
    ]);
    const [g] = await book.read(['花名册']);
    expect(g.rowCount).toBe(5);
    expect(g.colCount).toBe(4);
    expect(g.values[0][0]).toBe('XX县干部花名册');
    expect(g.values[0][1]).toBeNull();
    expect(g.values[1][0]).toBe('姓名');
    expect(g.values[2][1]).toBe(31107); // 1985-03-01
    expect(g.numberFormats[2][1]).toBe('yyyy-mm-dd');
    expect(g.formulas[2][3]).toBe('=C3/C4');
    expect(g.values[2][3]).toBe(1.5);
    expect(g.values[3][3]).toEqual({ error: '#DIV/0!' });
    expect(g.values[4][0]).toBe('链接');
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(g.hiddenRows).toEqual([3]);
    expect(g.protected).toBe(false);
  });

  it('applies a plan, keeps text that looks like a formula as text, and undoes exactly', async () => {
    const book = await openFileWorkbook(await sample());
    const [before] = await book.read(['花名册']);
    const plan: EditPlan = {
      edits: [
        {
          sheet: '花名册',
          row: 2,
          col: 0,
          old: { value: '张三', formula: null, numberFormat: 'General' },
          new: { value: '=不是公式' },
          why: msg('测试', 'test'),
          code: 'test',
        },
        {
          sheet: '花名册',
          row: 2,
          col: 3,
          old: { value: 1.5, formula: '=C3/C4', numberFormat: 'General' },
          new: { value: 7, numberFormat: '0.00%' },
          why: msg('测试', 'test'),
          code: 'test',
        },
        {
          sheet: '花名册',
          row: 5,
          col: 5,
          old: { value: null, formula: null, numberFormat: 'General' },
          new: { formula: '=C3+C4', cached: 50 },
          why: msg('测试', 'test'),
          code: 'test',
        },
      ],
    };
    const snap = await book.apply(plan, msg('测试', 'test'));
    const reopened = await openFileWorkbook(await book.save());
    const [after] = await reopened.read(['花名册']);
    expect(after.values[2][0]).toBe('=不是公式');
    expect(after.formulas[2][0]).toBeNull();
    expect(after.values[2][3]).toBe(7);
    expect(after.numberFormats[2][3]).toBe('0.00%');
    expect(after.formulas[5][5]).toBe('=C3+C4');
    expect(after.values[5][5]).toBe(50);
    await reopened.undo(snap);
    const [restored] = await reopened.read(['花名册']);
    expect(restored.values).toEqual(before.values);
    expect(restored.formulas).toEqual(before.formulas);
    expect(restored.numberFormats).toEqual(before.numberFormats);
  });

  it('refuses a plan touching a protected sheet before writing anything', async () => {
    const book = await openFileWorkbook(await sample());
    const plan: EditPlan = {
      edits: [
        {
          sheet: '花名册',
          row: 2,
          col: 0,
          old: { value: '张三', formula: null, numberFormat: 'General' },
          new: { value: '李四' },
          why: msg('测试', 'test'),
          code: 'test',
        },
        {
          sheet: '锁定',
          row: 0,
          col: 0,
          old: { value: 'x', formula: null, numberFormat: 'General' },
          new: { value: 'y' },
          why: msg('测试', 'test'),
          code: 'test',
        },
      ],
    };
    await expect(book.apply(plan, msg('测试', 'test'))).rejects.toMatchObject({ code: 'sheet-protected' });
    const [g] = await book.read(['花名册']);
    expect(g.values[2][0]).toBe('张三');
  });

  it('stores settings in a very hidden sheet, long values included', async () => {
    const book = await openFileWorkbook(await sample());
    const long = 'x'.repeat(70000);
    await book.setSetting('policy', '{"a":1}');
    await book.setSetting('undo', long);
    const again = await openFileWorkbook(await book.save());
    expect(await again.getSetting('policy')).toBe('{"a":1}');
    expect(await again.getSetting('undo')).toBe(long);
    expect(again.sheetNames).toEqual(['花名册', '锁定']);
    await again.setSetting('policy', null);
    expect(await again.getSetting('policy')).toBeNull();
    expect(await again.getSetting('missing')).toBeNull();
  });

  it('marks cells with owned conditional formats and clears only those', async () => {
    const book = await openFileWorkbook(await sample());
    await book.markCells([
      { sheet: '花名册', row: 2, col: 1, severity: 'error' },
      { sheet: '花名册', row: 2, col: 2, severity: 'error' },
    ]);
    const saved = await book.save();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved.buffer.slice(saved.byteOffset, saved.byteOffset + saved.byteLength) as ArrayBuffer);
    const cfs = (wb.getWorksheet('花名册') as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(['B3 C3']);
    expect(cfs[0].rules[0].formulae).toEqual([MARK_FORMULA]);
    const again = await openFileWorkbook(saved);
    await again.clearMarks();
    const wb2 = new ExcelJS.Workbook();
    const s2 = await again.save();
    await wb2.xlsx.load(s2.buffer.slice(s2.byteOffset, s2.byteOffset + s2.byteLength) as ArrayBuffer);
    expect((wb2.getWorksheet('花名册') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toEqual([]);
  });

  it('writes an output sheet with styles, merges, links and refuses to overwrite without replace', async () => {
    const book = await openFileWorkbook(await sample());
    const spec = {
      name: '问题清单',
      rows: [
        ['问题', '位置'],
        ['日期有歧义', { value: '花名册!B3' }],
      ],
      merges: [{ top: 3, left: 0, bottom: 3, right: 1 }],
      styles: [{ box: { top: 0, left: 0, bottom: 0, right: 1 }, style: { bold: true, fill: '#DDEBF7', border: true } }],
      links: [{ row: 1, col: 1, target: "'花名册'!B3" }],
      columnWidths: [20, 12],
      freezeRows: 1,
      print: { paper: 'A4' as const, orientation: 'landscape' as const, fitToWidth: true, repeatRows: { first: 0, last: 0 } },
    };
    await book.writeSheet(spec);
    await expect(book.writeSheet(spec)).rejects.toBeInstanceOf(PortError);
    await book.writeSheet(spec, { replace: true });
    const again = await openFileWorkbook(await book.save());
    const [g] = await again.read(['问题清单']);
    expect(g.values[1]).toEqual(['日期有歧义', '花名册!B3']);
    expect(g.merges).toEqual([{ top: 3, left: 0, bottom: 3, right: 1 }]);
  });

  it('lays a later style over an earlier one property by property, as the Office and WPS adapters do', async () => {
    const book = await openFileWorkbook(await sample());
    await book.writeSheet({
      name: '材料',
      rows: [
        ['序号', '事项'],
        [1, '一段会换行的较长文字'],
      ],
      styles: [
        {
          box: { top: 0, left: 0, bottom: 1, right: 1 },
          style: { fontName: '仿宋_GB2312', fontSize: 11, bold: true, vertical: 'middle', wrap: true, horizontal: 'left', border: true },
        },
        // Centre the first column only: its wrapping, vertical alignment, font and borders stay.
        { box: { top: 0, left: 0, bottom: 1, right: 0 }, style: { horizontal: 'center' } },
        { box: { top: 1, left: 1, bottom: 1, right: 1 }, style: { fontSize: 12 } },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('材料')!;
    expect(ws.getCell('A2').alignment).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('A2').font).toMatchObject({ name: '仿宋_GB2312', size: 11, bold: true });
    expect(ws.getCell('A2').border?.left?.style).toBe('thin');
    expect(ws.getCell('B2').alignment).toEqual({ horizontal: 'left', vertical: 'middle', wrapText: true });
    expect(ws.getCell('B2').font).toMatchObject({ name: '仿宋_GB2312', size: 12, bold: true });
  });

  it('refuses, by name, a worksheet exceljs would silently leave out (its part not named xl/worksheets/sheetN.xml)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('花名册').getCell('A1').value = '姓名';
    wb.addWorksheet('考核测评').getCell('A1').value = '姓名';
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    zip.file('xl/worksheets/data.xml', await zip.file('xl/worksheets/sheet2.xml')!.async('string'));
    zip.remove('xl/worksheets/sheet2.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet2.xml', 'worksheets/data.xml'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Before: opened with 花名册 only, and 考核测评 was never checked.
    await expect(openFileWorkbook(bytes)).rejects.toMatchObject({
      code: 'unreadable',
      userMessage: {
        'zh-CN':
          '工作表“考核测评”无法读取：它在文件中的部件（xl/worksheets/data.xml）不是通常的命名，读取时会被漏掉，请在 Excel 或 WPS 表格中另存为 .xlsx 后再试',
        'en-US':
          'Sheet "考核测评" cannot be read: its part in the file (xl/worksheets/data.xml) is not named the usual way, and reading would leave it out; save it as .xlsx in Excel or WPS Spreadsheets and try again',
      },
    });
    // The same book as written, every part named as usual, opens with both sheets.
    expect((await openFileWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).sheetNames).toEqual(['花名册', '考核测评']);
  });

  it('says clearly why bytes are not a workbook', async () => {
    await expect(openFileWorkbook(new Uint8Array())).rejects.toMatchObject({ code: 'unreadable' });
    const text = new TextEncoder().encode('姓名,出生年月\n张三,1985.03\n');
    await expect(openFileWorkbook(text)).rejects.toThrow(/This is a text file \(such as \.csv/);
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) cfb[600 + i * 2] = name.charCodeAt(i);
    await expect(openFileWorkbook(cfb)).rejects.toThrow(/encrypted/);
    cfb.fill(0, 600);
    await expect(openFileWorkbook(cfb)).rejects.toThrow(/legacy \.xls/);
    const good = await sample();
    await expect(openFileWorkbook(good.slice(0, good.length / 2))).rejects.toThrow(/damaged/);
  });
});
