import ExcelJS from 'exceljs';
import { msg } from '../../../src/i18n/message';
import type { CellEdit } from '../../../src/ledger/edit-plan';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import {
  applyTicked,
  editKey,
  lastUndo,
  parseRangeText,
  prepareFixes,
  prepareRepair,
  prepareToValues,
  previewRows,
  showValue,
  tickedPlan,
  undoLast,
  type PreparedPlan,
} from '../../../src/taskpane/check/changes';
import { correctedFileName } from '../../../src/taskpane/download';
import { openFileWorkbook, type FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { UNDO_SETTING } from '../../../src/workbook/undo-memory';
import { probationWorkbook, rosterWorkbook } from '../../fixtures/build';
import { FakeExcel } from '../../support/fake-excel';
import { allSets, seedLedger } from '../../support/fake-ledger';
import { LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';
import { cellsOf, liveOver, userContents } from './support';

const CTX = { policy: DEFAULT_POLICY, asOf: { y: 2022, m: 10, d: 1 } };

/** Keys of cells whose [value, formula, format] differ. */
function diff(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

const gridKey = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;

describe('fix preview, untick, apply, undo — file adapter', () => {
  it('changes exactly the ticked cells; undo from a reopened file restores everything exactly', async () => {
    const book = await openFileWorkbook(await rosterWorkbook());
    const before = cellsOf(await book.read());
    const prepared = await prepareFixes(book, CTX);
    expect(prepared.plan.edits.length).toBeGreaterThanOrEqual(4);
    const rows = previewRows(prepared.plan);
    expect(rows.map((r) => r.key)).toEqual(prepared.plan.edits.map(editKey));
    const dropped = [prepared.plan.edits[0], prepared.plan.edits[2]];
    const unticked = new Set(dropped.map(editKey));
    const snap = await applyTicked(book, prepared, unticked);
    expect(snap!.cells).toHaveLength(prepared.plan.edits.length - 2);
    const after = cellsOf(await book.read());
    const ticked = prepared.plan.edits.filter((e) => !unticked.has(editKey(e)));
    expect(diff(before, after)).toEqual(ticked.map((e) => gridKey(e.sheet, e.row, e.col)).sort());
    for (const e of dropped) expect(after[gridKey(e.sheet, e.row, e.col)]).toEqual(before[gridKey(e.sheet, e.row, e.col)]);

    // "The pane was closed and reopened": a new adapter over the saved bytes still knows the last change.
    const reopened = await openFileWorkbook(await book.save());
    expect(await lastUndo(reopened)).toEqual(snap);
    expect((await undoLast(reopened))?.id).toBe(snap!.id);
    expect(cellsOf(await reopened.read())).toEqual(before);
    expect(await reopened.getSetting(UNDO_SETTING)).toBeNull();
    expect(await undoLast(reopened)).toBeNull();
  });

  it('refuses a plan whose cells changed after the preview, naming them, and changes nothing', async () => {
    const book = await openFileWorkbook(await rosterWorkbook());
    const prepared = await prepareFixes(book, CTX);
    const e = prepared.plan.edits[1];
    await book.apply({ edits: [{ ...e, new: { value: '用户刚改过' } }] }, msg('用户', 'user'));
    const before = cellsOf(await book.read());
    await expect(applyTicked(book, prepared, new Set())).rejects.toMatchObject({ userMessage: { 'zh-CN': expect.stringContaining(editKey(e)) } });
    expect(cellsOf(await book.read())).toEqual(before);
  });

  it('leaves protected sheets out of every plan and says which', async () => {
    const book = await openFileWorkbook(await probationWorkbook());
    const fix = await prepareFixes(book, { ...CTX, asOf: { y: 2023, m: 6, d: 30 } });
    expect(fix.plan.edits).toHaveLength(0);
    expect(fix.notices[0]['zh-CN']).toContain('试用期台账');
    const tv = await prepareToValues(book, '试用期台账', '');
    expect(tv.plan.edits).toHaveLength(0);
    expect(tv.notices[0]['zh-CN']).toContain('“试用期台账”受保护');
  });
});

describe.each(LIVE_HOSTS)('fix preview, untick, apply, undo — $name adapter (strict fake)', (host: LiveHost) => {
  it('changes exactly the ticked cells; a new adapter (reopened pane) undoes exactly', async () => {
    const { fx, port } = await liveOver(host, await rosterWorkbook());
    const before = userContents(fx);
    const prepared = await prepareFixes(port, CTX);
    const fileprepared = await prepareFixes(await openFileWorkbook(await rosterWorkbook()), CTX);
    expect(prepared.plan.edits.map(editKey)).toEqual(fileprepared.plan.edits.map(editKey));
    const unticked = new Set([editKey(prepared.plan.edits[1])]);
    await applyTicked(port, prepared, unticked);
    const after = userContents(fx)['花名册'].cells;
    const changed = diff(before['花名册'].cells, after);
    const ticked = prepared.plan.edits.filter((e) => !unticked.has(editKey(e))).map((e) => editKey(e).replace('花名册!', ''));
    expect(changed).toEqual(ticked.sort());
    const reopened = host.port(fx);
    expect((await undoLast(reopened))?.cells).toHaveLength(ticked.length);
    expect(userContents(fx)).toEqual(before);
  });
});

const INJECTIONS = ['=SUM(A1)', '+86 123', '-5 天', '@home', '=HYPERLINK("http://x")'];

function injectionPlan(sheet: string): PreparedPlan {
  const old = { value: null, formula: null, numberFormat: 'General' };
  const edits: CellEdit[] = INJECTIONS.map((v, i) => ({ sheet, row: 30 + i, col: 1, old, new: { value: v }, why: msg('测试', 'test'), code: 'test' }));
  return { kind: 'fix', plan: { edits }, skipped: [], notices: [] };
}

describe('text that looks like a formula stays text', () => {
  it.each(LIVE_HOSTS)('through the $name adapter', async (host: LiveHost) => {
    const fx = host.desktop();
    seedLedger(fx, '台账', 5);
    await applyTicked(host.port(fx), injectionPlan('台账'), new Set());
    INJECTIONS.forEach((v, i) => expect(fx.sheet('台账').cell(30 + i, 1)).toMatchObject({ value: v, formula: null }));
  });

  it('through the file adapter, also after a save', async () => {
    const book = await openFileWorkbook(await rosterWorkbook());
    await applyTicked(book, injectionPlan('花名册'), new Set());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    INJECTIONS.forEach((v, i) => {
      const c = wb.getWorksheet('花名册')!.getCell(31 + i, 2);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(v);
    });
  });
});

describe.each(LIVE_HOSTS)('公式转为数值 and 修复公式 — $name adapter', (host: LiveHost) => {
  it('formulas to values, then undo: formulas, values and formats back exactly', async () => {
    const fx = host.desktop();
    seedLedger(fx, '得票', 10);
    const before = userContents(fx);
    const port = host.port(fx);
    const ranged = await prepareToValues(port, '得票', 'E2:E5');
    expect(ranged.plan.edits.map(editKey)).toEqual(['得票!E2', '得票!E3', '得票!E4', '得票!E5']);
    const all = await prepareToValues(port, null);
    expect(all.plan.edits).toHaveLength(10);
    await applyTicked(port, all, new Set());
    for (let r = 1; r <= 10; r++) expect(fx.sheet('得票').cell(r, 4)).toMatchObject({ formula: null, value: (r % 50) / 50, numberFormat: '0.0%' });
    await undoLast(host.port(fx));
    expect(userContents(fx)).toEqual(before);
  });

  it('repairs _xldudf_ and #NAME? CADRE formulas in one batch, then undo restores them', async () => {
    const fx = host.desktop();
    seedLedger(fx, '得票', 3);
    fx.seed('得票', 1, 4, { formula: '=[2]!_xldudf_CADRE_VOTERATIO(D2,50)', value: { error: '#NAME?' } });
    fx.seed('得票', 2, 4, { formula: '=CADRE.VOTERATIO(D3,50)', value: { error: '#NAME?' } });
    const before = userContents(fx);
    const port = host.port(fx);
    const p = await prepareRepair(port, null);
    expect(p.plan.edits.map((e) => [editKey(e), e.new.formula])).toEqual([
      ['得票!E2', '=CADRE.VOTERATIO(D2,50)'],
      ['得票!E3', '=CADRE.VOTERATIO(D3,50)'],
    ]);
    await applyTicked(port, p, new Set());
    expect(fx.sheet('得票').cell(1, 4)?.formula).toBe('=CADRE.VOTERATIO(D2,50)');
    await undoLast(port);
    expect(userContents(fx)).toEqual(before);
  });
});

describe('公式转为数值 and 修复公式 — file adapter', () => {
  it('both round trips through the file adapter', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('得票');
    ws.getRow(1).values = ['姓名', '得票', '得票率'];
    ws.getRow(2).values = ['张三', 30];
    ws.getCell('C2').value = { formula: 'CADRE.VOTERATIO(B2,50)', result: 0.6 };
    ws.getCell('C2').numFmt = '0.0%';
    ws.getRow(3).values = ['李四', 20];
    ws.getCell('C3').value = { formula: '_xldudf_CADRE_VOTERATIO(B3,50)', result: { error: '#NAME?' } } as ExcelJS.CellFormulaValue;
    const book: FileWorkbook = await openFileWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = cellsOf(await book.read());

    const tv = await prepareToValues(book, '得票', '');
    expect(tv.plan.edits.map(editKey)).toEqual(['得票!C2']);
    expect(tv.skipped.map((s) => s.row)).toEqual([2]);
    await applyTicked(book, tv, new Set());
    expect((await book.read())[0].formulas[1][2]).toBeNull();
    expect((await book.read())[0].values[1][2]).toBe(0.6);
    await undoLast(book);
    expect(cellsOf(await book.read())).toEqual(before);

    const rp = await prepareRepair(book, '得票');
    expect(rp.plan.edits.map((e) => e.new.formula)).toEqual(['=CADRE.VOTERATIO(B3,50)']);
    await applyTicked(book, rp, new Set());
    const reopened = await openFileWorkbook(await book.save());
    expect((await reopened.read())[0].formulas[2][2]).toBe('=CADRE.VOTERATIO(B3,50)');
    await undoLast(reopened);
    expect(cellsOf(await reopened.read())).toEqual(before);
  });

  it('a bad range gives a message naming what is expected and changes nothing', async () => {
    const fx = FakeExcel.desktop();
    seedLedger(fx, '得票', 3);
    const before = userContents(fx);
    const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    await expect(prepareToValues(port, '得票', 'E2:')).rejects.toMatchObject({ userMessage: { 'zh-CN': expect.stringContaining('D2:F100') } });
    await expect(prepareToValues(port, '没有这张表', '')).rejects.toMatchObject({ code: 'sheet-missing' });
    expect(userContents(fx)).toEqual(before);
  });
});

describe('pure helpers', () => {
  it('parseRangeText', () => {
    expect(parseRangeText('')).toEqual({ box: null });
    expect(parseRangeText(' $d$2:f100 ')).toEqual({ box: { top: 1, left: 3, bottom: 99, right: 5 } });
    expect(parseRangeText('B7')).toEqual({ box: { top: 6, left: 1, bottom: 6, right: 1 } });
    expect('error' in parseRangeText('D:D')).toBe(true);
    expect('error' in parseRangeText('XFE1')).toBe(true);
  });

  it('previewRows show dates as dates and formulas as formulas; tickedPlan drops unticked', () => {
    const old = { value: 31107, formula: null, numberFormat: 'yyyy-mm-dd' };
    const e: CellEdit = { sheet: 'S', row: 4, col: 3, old, new: { value: '1985.03' }, why: msg('x', 'x'), code: 'c' };
    const f: CellEdit = {
      ...e,
      row: 5,
      old: { value: { error: '#NAME?' }, formula: '=_xldudf_CADRE_X(1)', numberFormat: 'General' },
      new: { formula: '=CADRE.X(1)' },
    };
    expect(previewRows({ edits: [e, f] })).toEqual([
      { key: 'S!D5', sheet: 'S', cell: 'D5', old: '1985-03-01', new: '1985.03', why: e.why, code: 'c' },
      { key: 'S!D6', sheet: 'S', cell: 'D6', old: '=_xldudf_CADRE_X(1)', new: '=CADRE.X(1)', why: e.why, code: 'c' },
    ]);
    expect(tickedPlan({ edits: [e, f] }, new Set(['S!D5'])).edits).toEqual([f]);
    expect(showValue({ error: '#DIV/0!' }, 'General')).toBe('#DIV/0!');
    expect(showValue(true, 'General')).toBe('TRUE');
    expect(showValue(null, 'General')).toBe('');
  });

  it('correctedFileName', () => {
    expect(correctedFileName('台账.xlsx')).toBe('台账-已修正.xlsx');
    expect(correctedFileName('a.b.XLSX')).toBe('a.b-已修正.xlsx');
    expect(correctedFileName('')).toBe('工作簿-已修正.xlsx');
    // a legacy workbook downloads as .xlsx under its own name (issue 15)
    expect(correctedFileName('台账.xls')).toBe('台账-已修正.xlsx');
    expect(correctedFileName('台账.ET', 'en-US')).toBe('台账-fixed.xlsx');
    expect(correctedFileName('台账.ods')).toBe('台账-已修正.xlsx');
  });
});

describe('a large fix on Excel on the web', () => {
  it('undoes 60,000 cells: the snapshot (8 MB) is read back in bands below the 5 MB answer limit', async () => {
    const fx = new FakeExcel();
    const ROWS = 60_000;
    seedLedger(fx, '花名册', ROWS);
    for (let r = 1; r <= ROWS; r++) fx.seed('花名册', r, 2, { value: `1985.0${1 + (r % 9)}`, numberFormat: 'General' });
    const before = userContents(fx);
    const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const prepared = await prepareFixes(port, CTX);
    expect(prepared.plan.edits.length).toBeGreaterThanOrEqual(ROWS);
    await applyTicked(port, prepared, new Set());
    expect(fx.sheet('花名册').cell(1, 2)?.value).not.toBe('1985.02');
    fx.resetStats();
    const undone = await undoLast(new OfficeWorkbook(fx.run, { isSetSupported: allSets }));
    expect(undone?.cells).toHaveLength(prepared.plan.edits.length);
    expect(Math.max(...fx.stats.responseBytes)).toBeLessThanOrEqual(fx.responseLimit);
    expect(userContents(fx)).toEqual(before);
  }, 120_000);
});

describe('公式转为数值 on a large sheet', () => {
  it('prepares 200,000 edits (more than push(...edits) takes as arguments)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('得票');
    const ROWS = 200_000;
    for (let r = 0; r < ROWS; r++) fx.seed('得票', r, 0, { value: 0.5, formula: '=CADRE.VOTERATIO(1,2)', numberFormat: '0.0%' });
    const prepared = await prepareToValues(new OfficeWorkbook(fx.run, { isSetSupported: allSets }), '得票');
    expect(prepared.plan.edits).toHaveLength(ROWS);
    expect(prepared.plan.edits[ROWS - 1]).toMatchObject({ row: ROWS - 1, col: 0, new: { value: 0.5 } });
  });
});
