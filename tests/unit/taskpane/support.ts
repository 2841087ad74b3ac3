/** Helpers of the task-pane controller tests: fixture workbooks through either adapter. */
import ExcelJS from 'exceljs';
import { forEachFilledCell, type Grid } from '../../../src/ledger/grid';
import { openFileWorkbook, type FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { allSets } from '../../support/fake-ledger';
import type { LiveHost, LivePort } from '../../support/live-hosts';

export async function gridsOf(bytes: Uint8Array): Promise<Grid[]> {
  return (await openFileWorkbook(bytes)).read();
}

/** A strict Excel fake holding exactly these grids (values, formulas, formats, protection, hidden rows, merges). */
export function fakeFromGrids(grids: readonly Grid[], fx: FakeExcel = FakeExcel.desktop()): FakeExcel {
  for (const g of grids) {
    const s = fx.addSheet(g.sheet, {
      protected: g.protected,
      visibility: g.visibility === 'veryHidden' ? 'VeryHidden' : g.visibility === 'hidden' ? 'Hidden' : 'Visible',
    });
    forEachFilledCell(g, (r, c, { value, formula, numberFormat }) =>
      fx.seed(g.sheet, r, c, formula !== null ? { formula, value, numberFormat } : { value, numberFormat }),
    );
    g.hiddenRows.forEach((r) => s.hiddenRows.add(r));
    s.merges.push(...g.merges);
  }
  return fx;
}

export async function officeOver(bytes: Uint8Array): Promise<{ fx: FakeExcel; port: OfficeWorkbook }> {
  const fx = fakeFromGrids(await gridsOf(bytes));
  return { fx, port: new OfficeWorkbook(fx.run, { isSetSupported: allSets }) };
}

/** The fixture in a strict fake of `host` (Office or WPS), with that host's adapter. */
export async function liveOver(host: LiveHost, bytes: Uint8Array): Promise<{ fx: FakeExcel; port: LivePort }> {
  const fx = fakeFromGrids(await gridsOf(bytes), host.desktop());
  return { fx, port: host.port(fx) };
}

/** Contents of a fake without the add-in's own hidden sheets. */
export function userContents(fx: FakeExcel): ReturnType<FakeExcel['contents']> {
  const c = fx.contents();
  for (const k of Object.keys(c)) if (k.startsWith('_cadre_')) delete c[k];
  return c;
}

/** Reload a file workbook's bytes with exceljs for assertions. */
export async function excelOf(book: FileWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
  return wb;
}

/** The fixture with a user's own fill and conditional format on 花名册, to see they survive the marks. */
export async function withUserFormats(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  ws.getCell('B5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.addConditionalFormatting({
    ref: 'I5:I15',
    rules: [
      { type: 'expression', priority: 2, formulae: ['LEN(I5)>3'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF92D050' } } } },
    ],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of every sheet as [value, formula, format], from grids. */
export function cellsOf(grids: readonly Grid[]): Record<string, [unknown, string | null, string]> {
  const out: Record<string, [unknown, string | null, string]> = {};
  for (const g of grids)
    for (let r = 0; r < g.rowCount; r++)
      for (let c = 0; c < g.colCount; c++) {
        const v = g.values[r][c];
        const f = g.formulas[r][c];
        const n = g.numberFormats[r][c];
        if (v !== null || f !== null || n !== 'General') out[`${g.sheet}!${r}:${c}`] = [v, f, n];
      }
  return out;
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅飞鹏辉建国志文斌宁欣怡晨阳雪松海燕';

/**
 * A clean roster of `rows` cadres on a strict fake (names, valid IDs agreeing with the birth date,
 * dates as real dates), plus `problems` rows with a wrong ID check digit: the findings do not grow
 * with the rows, so the request count of a check can be compared across sizes.
 */
export function seedCleanRoster(
  fx: FakeExcel,
  name: string,
  rows: number,
  problems: number,
  id18: (first17: string) => string,
  toSerial: (d: { y: number; m: number; d: number }) => number,
): void {
  fx.addSheet(name);
  ['序号', '姓名', '性别', '出生年月', '公民身份号码', '参加工作时间', '现任职务'].forEach((h, c) => fx.seed(name, 0, c, { value: h }));
  const base = toSerial({ y: 1960, m: 1, d: 1 });
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    const birth = base + (i % 12000);
    const serialDate = new Date(Date.UTC(1899, 11, 30) + birth * 86400000);
    const ymd = `${serialDate.getUTCFullYear()}${String(serialDate.getUTCMonth() + 1).padStart(2, '0')}${String(serialDate.getUTCDate()).padStart(2, '0')}`;
    const first17 = `110101${ymd}${String(Math.floor(i / 12000) * 2 + 1).padStart(3, '0')}`;
    let id = id18(first17);
    if (i < problems) id = first17 + (id.endsWith('0') ? '1' : '0');
    fx.seed(name, r, 0, { value: r });
    fx.seed(name, r, 1, { value: SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length] });
    fx.seed(name, r, 2, { value: i % 2 ? '女' : '男' });
    fx.seed(name, r, 3, { value: birth, numberFormat: 'yyyy-mm-dd' });
    fx.seed(name, r, 4, { value: id, numberFormat: '@' });
    fx.seed(name, r, 5, { value: birth + 8036, numberFormat: 'yyyy-mm-dd' });
    fx.seed(name, r, 6, { value: '科员' });
  }
}
