/**
 * Formula injection (SPEC §6, DESIGN.md): text the add-in or the CLI writes into a workbook that
 * begins with = + - @ (also after a tab or a carriage return, and the full-width ＝ ＋ － ＠ that
 * East Asian Excel may convert on entry) is stored as text, never as a formula — through both
 * adapters and both write paths (apply, writeSheet).
 *
 * - File adapter (CLI fix, standalone mode): write, save, reload with exceljs; the cell is a string
 *   cell, not a formula, and reads back exactly.
 * - Office and WPS adapters: the strict fakes of the Excel JS API and of the ET object model enter strings like typed input; the cell
 *   must hold the text with the quote prefix (the guard the adapter adds), not a formula. The quote
 *   prefix is asserted for every such string, so the test does not rely on how faithfully the fake
 *   models Excel's parsing of a particular prefix.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { msg } from '../../../src/i18n/message';
import type { CellEdit, EditPlan } from '../../../src/ledger/edit-plan';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { hostWith, LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';

const PREFIXES = ['=', '+', '-', '@', '\t=', '\t+', '\r=', '\r-', ' =', '＝', '＋', '－', '＠', '=='] as const;

/** A prefix, then any printable text (formula-like bodies weighted in). */
const injectable = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')),
      fc.constantFrom('SUM(A1:A9)', 'HYPERLINK("http://x","点")', '1+1', "cmd|' /C calc'!A0", '2', 'A1', '3.5', '身份证号'),
    ),
  )
  .map(([p, body]) => p + body);

const label = msg('测试', 'test');
const why = msg('原因', 'reason');
const old = { value: null, formula: null, numberFormat: 'General' };
const edit = (row: number, col: number, value: string): CellEdit => ({ sheet: '花名册', row, col, old, new: { value }, why, code: 'test' });

async function roster(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '公民身份号码']);
  ws.addRow(['张三', '110101198503010011']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/**
 * A bare CR inside an XML text node reads back as LF (XML end-of-line normalisation; exceljs does
 * not escape it as _x000D_). That changes no cell into a formula; compare modulo that.
 */
const xmlText = (s: string): string => s.replace(/\r\n?/g, '\n');

function expectText(ws: ExcelJS.Worksheet, row: number, col: number, text: string): void {
  const cell = ws.getCell(row + 1, col + 1);
  expect([text, cell.type]).toEqual([text, ExcelJS.ValueType.String]);
  expect(cell.formula).toBeFalsy();
  expect(cell.value).toBe(xmlText(text));
}

describe('formula injection: the file adapter stores such text as text', () => {
  it('apply and writeSheet, saved and reloaded with exceljs', async () => {
    const base = await roster();
    await fc.assert(
      fc.asyncProperty(fc.array(injectable, { minLength: 1, maxLength: 6 }), async (texts) => {
        const book = await openFileWorkbook(base);
        const plan: EditPlan = { edits: texts.map((t, i) => edit(2 + i, 2, t)) };
        await book.apply(plan, label);
        await book.writeSheet({ name: '输出', rows: [['序号', '内容'], ...texts.map((t, i) => [i + 1, t]), [{ value: texts[0] }]] });
        const wb = await reload(await book.save());
        texts.forEach((t, i) => expectText(wb.getWorksheet('花名册')!, 2 + i, 2, t));
        texts.forEach((t, i) => expectText(wb.getWorksheet('输出')!, 1 + i, 1, t));
        expectText(wb.getWorksheet('输出')!, 1 + texts.length, 0, texts[0]);
        // And the adapter itself reads them back as values without formulas.
        const [g] = await (await openFileWorkbook(await book.save())).read(['输出']);
        texts.forEach((t, i) => expect([g.values[1 + i][1], g.formulas[1 + i][1]]).toEqual([xmlText(t), null]));
      }),
      { numRuns: 60 },
    );
    // 60 exceljs open/save/reload round trips: about 4-10 s on a 2-core machine, over jest's 5 s default.
  }, 60_000);
});

describe.each(LIVE_HOSTS)('formula injection: the $name adapter enters such text with the quote prefix', (host: LiveHost) => {
  it('apply and writeSheet through the strict fake', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(injectable, { minLength: 1, maxLength: 6 }), async (texts) => {
        const fx = hostWith(host, ['花名册', 3]);
        const wb = host.port(fx);
        await wb.apply({ edits: texts.map((t, i) => edit(10 + i, 7, t)) }, label);
        await wb.writeSheet({ name: '输出', rows: [['序号', '内容'], ...texts.map((t, i) => [i + 1, t]), [{ value: texts[0] }]] });
        texts.forEach((t, i) => {
          expect([t, fx.sheet('花名册').cell(10 + i, 7)]).toEqual([t, expect.objectContaining({ value: t, formula: null, quotePrefix: true })]);
          expect([t, fx.sheet('输出').cell(1 + i, 1)]).toEqual([t, expect.objectContaining({ value: t, formula: null, quotePrefix: true })]);
        });
        expect(fx.sheet('输出').cell(1 + texts.length, 0)).toEqual(expect.objectContaining({ value: texts[0], formula: null, quotePrefix: true }));
      }),
      { numRuns: 60 },
    );
  });
});
