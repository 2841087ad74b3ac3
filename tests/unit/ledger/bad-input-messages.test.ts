/**
 * "Bad input gets a clear message that names the sheet, the cell and what was expected — and the
 * workbook is left untouched": a plan touching a protected sheet or a sheet that is gone (both
 * adapters), a planned cell changed since the preview (task-pane controller), an invalid policy
 * (CLI: names the source and the key).
 */
import ExcelJS from 'exceljs';
import { main } from '../../../src/cli/main';
import { memoryIo } from '../../support/cli-memory';
import { msg } from '../../../src/i18n/message';
import type { CellEdit, EditPlan } from '../../../src/ledger/edit-plan';
import { applyTicked, type PreparedPlan } from '../../../src/taskpane/check/changes';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { PortError } from '../../../src/workbook/port';
import { allSets, fakeWith } from '../../support/fake-ledger';

const label = msg('测试', 'test');
const why = msg('原因', 'reason');
const edit = (sheet: string, row: number, col: number, oldValue: string | null, value: string): CellEdit => ({
  sheet,
  row,
  col,
  old: { value: oldValue, formula: null, numberFormat: 'General' },
  new: { value },
  why,
  code: 'fix.text-normalize',
});

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('花名册');
  a.addRow(['姓名', '身份证号']);
  a.addRow(['张 三', '110101198503010011']);
  const p = wb.addWorksheet('试用期台账');
  p.addRow(['姓名', '试用期开始']);
  p.addRow(['李四', '2024.3']);
  await p.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function messageOf(e: unknown): { zh: string; en: string } {
  expect(e).toBeInstanceOf(PortError);
  const m = (e as PortError).userMessage;
  return { zh: m['zh-CN'], en: m['en-US'] };
}

describe('a refused plan names the sheet and the cell, and changes nothing', () => {
  const plan: EditPlan = {
    edits: [edit('花名册', 1, 0, '张 三', '张三'), edit('试用期台账', 1, 1, '2024.3', '2024.03'), edit('试用期台账', 1, 0, '李四', '李四 ')],
  };

  it('file adapter: protected sheet', async () => {
    const bytes = await book();
    const port = await openFileWorkbook(bytes);
    const before = await port.read();
    const m = messageOf(await port.apply(plan, label).catch((e: unknown) => e));
    expect(m.zh).toContain('“试用期台账”!B2 等 2 个单元格');
    expect(m.zh).toContain('请先撤销工作表保护');
    expect(m.en).toContain('"试用期台账"!B2 and 1 more');
    expect(await port.read()).toEqual(before);
  });

  it('Office adapter: protected sheet', async () => {
    const fx = fakeWith(['花名册', 3]);
    fx.addSheet('试用期台账', { protected: true });
    fx.seed('试用期台账', 1, 1, { value: '2024.3' });
    const before = fx.contents();
    const m = messageOf(await new OfficeWorkbook(fx.run, { isSetSupported: allSets }).apply(plan, label).catch((e: unknown) => e));
    expect(m.zh).toContain('“试用期台账”!B2');
    expect(m.en).toContain('"试用期台账"!B2');
    expect(fx.contents()).toEqual(before);
  });

  it('a sheet renamed or deleted since the preview', async () => {
    const port = await openFileWorkbook(await book());
    const before = await port.read();
    const m = messageOf(await port.apply({ edits: [edit('花名册', 1, 0, '张 三', '张三'), edit('考核', 4, 3, null, 'x')] }, label).catch((e: unknown) => e));
    expect(m.zh).toContain('找不到工作表“考核”（计划修改“考核”!D5）');
    expect(m.en).toContain('Sheet "考核" not found (the plan changes "考核"!D5)');
    expect(await port.read()).toEqual(before);
  });

  it('task pane: a planned cell changed since the preview', async () => {
    const port = await openFileWorkbook(await book());
    const prepared: PreparedPlan = { kind: 'fix', plan: { edits: [edit('花名册', 1, 0, '张三丰', '张三')] }, skipped: [], notices: [] };
    const before = await port.read();
    const m = messageOf(await applyTicked(port, prepared, new Set()).catch((e: unknown) => e));
    expect(m.zh).toContain('花名册!A2');
    expect(m.zh).toContain('请重新预览');
    expect(m.en).toContain('花名册!A2');
    expect(await port.read()).toEqual(before);
  });
});

describe('an invalid policy names the source and the key (CLI, exit 2, no output file)', () => {
  it('a --policy file and a value stored in the workbook', async () => {
    const files: Record<string, Uint8Array> = { 'a.xlsx': await book(), 'p.json': new TextEncoder().encode('{"notice":{"days":0}}') };
    const io = memoryIo(files, { y: 2025, m: 1, d: 1 });
    expect(await main(['fix', 'a.xlsx', '-o', 'out.xlsx', '--policy', 'p.json'], io)).toBe(2);
    expect(io.stderr).toContain('p.json');
    expect(io.stderr).toContain('notice.days');
    expect(Object.keys(files).sort()).toEqual(['a.xlsx', 'p.json']);
  });
});
