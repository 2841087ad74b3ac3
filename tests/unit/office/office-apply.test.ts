import { msg } from '../../../src/i18n/message';
import type { CellEdit, EditPlan } from '../../../src/ledger/edit-plan';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { MARK_FORMULA as OFFICE_MARK } from '../../../src/workbook/office/office-marks';
import { MARK_FORMULA as FILE_MARK } from '../../../src/workbook/file/file-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { allSets } from '../../support/fake-ledger';
import { hostWith, LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';

const label = msg('测试修改', 'test change');
const why = msg('原因', 'reason');
const old = { value: null, formula: null, numberFormat: 'General' };
const edit = (sheet: string, row: number, col: number, n: CellEdit['new']): CellEdit => ({ sheet, row, col, old, new: n, why, code: 'test' });

describe.each(LIVE_HOSTS)('$name adapter: apply / undo', (host: LiveHost) => {
  const fakeWith = (...sheets: [string, number][]): FakeExcel => hostWith(host, ...sheets);
  it('apply then undo leaves values, formulas and number formats identical', async () => {
    const fx = fakeWith(['花名册', 50], ['考核', 10]);
    fx.seed('花名册', 60, 7, { value: '=看似公式', quotePrefix: true });
    const before = fx.contents();
    const wb = host.port(fx);
    const plan: EditPlan = {
      edits: [
        edit('花名册', 1, 0, { value: '张三' }),
        edit('花名册', 2, 1, { value: '110101198503010011', numberFormat: 'General' }),
        edit('花名册', 3, 2, { value: 31500, numberFormat: 'yyyy-mm-dd' }),
        edit('花名册', 4, 4, { value: 0.25 }),
        edit('花名册', 60, 7, { value: null }),
        edit('花名册', 70, 9, { formula: '=CADRE.IDMASK(B2)' }),
        edit('考核', 5, 3, { value: true }),
      ],
    };
    await wb.apply(plan, label);
    expect(fx.contents()).not.toEqual(before);
    expect(fx.sheet('花名册').cell(2, 1)).toMatchObject({ value: '110101198503010011', formula: null });
    const snap = await wb.lastUndo();
    expect(snap).not.toBeNull();
    await wb.undo(snap!);
    const after = fx.contents();
    delete after._cadre_undo;
    expect(after).toEqual(before);
    expect(await wb.lastUndo()).toBeNull();
  });

  it('keeps the undo snapshot in the workbook: a new task pane (new adapter) can undo', async () => {
    const fx = fakeWith(['花名册', 5]);
    const before = fx.contents();
    const snap = await host.port(fx).apply({ edits: [edit('花名册', 1, 0, { value: '李四' })] }, label);
    expect(fx.sheet('_cadre_undo').visibility).toBe('VeryHidden');
    const reopened = host.port(fx);
    const stored = await reopened.lastUndo();
    expect(stored).toEqual(snap);
    await reopened.undo(stored!);
    const after = fx.contents();
    delete after._cadre_undo;
    expect(after).toEqual(before);
  });

  it('writes injection-prone text as text', async () => {
    const fx = fakeWith(['花名册', 5]);
    const texts = ['=SUM(A1)', '+86 123', '-5 days', '@home', '00123', '1985.10', 'TRUE', '#N/A', "'quoted"];
    const wb = host.port(fx);
    await wb.apply({ edits: texts.map((t, i) => edit('花名册', 1 + i, 6, { value: t })) }, label);
    texts.forEach((t, i) => expect(fx.sheet('花名册').cell(1 + i, 6)).toMatchObject({ value: t, formula: null }));
    const [g] = await wb.read(['花名册']);
    // Known limit: a text equal to an error literal ("#N/A") reads back as that error (no valueTypes).
    texts
      .filter((t) => t !== '#N/A')
      .forEach((t) => {
        const i = texts.indexOf(t);
        expect(g.values[1 + i][6]).toBe(t);
        expect(g.formulas[1 + i][6]).toBeNull();
      });
  });

  it('changes nothing on a protected sheet and names it in both languages', async () => {
    const fx = fakeWith(['花名册', 5]);
    fx.addSheet('试用期台账', { protected: true });
    fx.seed('试用期台账', 0, 0, { value: '姓名' });
    const before = fx.contents();
    const wb = host.port(fx);
    const plan = { edits: [edit('花名册', 1, 0, { value: 'x' }), edit('试用期台账', 0, 0, { value: 'y' })] };
    const err = await wb.apply(plan, label).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'sheet-protected' });
    const m = (err as { userMessage: { 'zh-CN': string; 'en-US': string } }).userMessage;
    expect(m['zh-CN']).toContain('试用期台账');
    expect(m['en-US']).toContain('试用期台账');
    expect(fx.contents()).toEqual(before);
    await wb.markCells([{ sheet: '试用期台账', row: 0, col: 0, severity: 'error' }]);
    expect(fx.sheet('试用期台账').conditionalFormats).toEqual([]);
    expect(wb.takeNotices()[0]['zh-CN']).toContain('试用期台账');
  });

  // 4,000 rows: the Office adapter's requests stay within one 4 MiB budget (see the request-limit test below).
  it('costs as many round trips for a 4,000-row plan as for a 20-row one', async () => {
    const cost = async (rows: number): Promise<number> => {
      const fx = host.desktop();
      fx.addSheet('大表');
      const edits: CellEdit[] = [];
      for (let r = 0; r < rows; r++) for (let c = 0; c < 5; c++) edits.push(edit('大表', r, c, { value: `干部${r}`, numberFormat: '@' }));
      const wb = host.port(fx);
      fx.resetStats();
      await wb.apply({ edits }, label);
      expect(fx.sheet('大表').cell(rows - 1, 4)?.value).toBe(`干部${rows - 1}`);
      return host.cost(fx);
    };
    expect(await cost(4_000)).toBe(await cost(20));
  });
});

describe.each(LIVE_HOSTS)('$name adapter: marks, settings and output sheets', (host: LiveHost) => {
  const fakeWith = (...sheets: [string, number][]): FakeExcel => hostWith(host, ...sheets);
  it('marks with an owned rule and clears only its own rules', async () => {
    expect(OFFICE_MARK).toBe(FILE_MARK);
    const fx = fakeWith(['花名册', 30]);
    fx.sheet('花名册').conditionalFormats.push({
      id: 'user',
      type: 'Custom',
      formula: '=$D2>40',
      fill: '#00FF00',
      boxes: [{ top: 1, left: 3, bottom: 30, right: 3 }],
    });
    const wb = host.port(fx);
    const marks = [2, 3, 4, 9].map((row) => ({ sheet: '花名册', row, col: 1, severity: 'error' as const }));
    await wb.markCells([...marks, { sheet: '花名册', row: 5, col: 2, severity: 'warning' }]);
    const cfs = fx.sheet('花名册').conditionalFormats;
    expect(cfs).toHaveLength(3);
    expect(cfs[1]).toMatchObject({
      formula: `=${OFFICE_MARK}`,
      fill: '#FFC7CE',
      boxes: [
        { top: 2, left: 1, bottom: 4, right: 1 },
        { top: 9, left: 1, bottom: 9, right: 1 },
      ],
    });
    await wb.clearMarks();
    expect(fx.sheet('花名册').conditionalFormats.map((c) => c.id)).toEqual(['user']);
  });

  it('stores settings in a very hidden sheet and reads them back', async () => {
    const fx = fakeWith(['花名册', 2]);
    const wb = host.port(fx);
    const big = JSON.stringify({ notice: { days: 5 }, pad: 'x'.repeat(70_000) });
    await wb.setSetting('policy', big);
    await wb.setSetting('lang', '=zh');
    expect(fx.sheet('_cadre_settings').visibility).toBe('VeryHidden');
    expect(await wb.getSetting('policy')).toBe(big);
    expect(await wb.getSetting('lang')).toBe('=zh');
    await wb.setSetting('policy', 'short');
    expect(await wb.getSetting('policy')).toBe('short');
    await wb.setSetting('policy', null);
    expect(await wb.getSetting('policy')).toBeNull();
    expect(await wb.getSetting('missing')).toBeNull();
  });

  it('writes a findings sheet with in-workbook links, refusing to overwrite unless asked', async () => {
    const fx = fakeWith(['花名册', 2]);
    const wb = host.port(fx);
    const spec = {
      name: '问题清单',
      rows: [
        ['工作表', '单元格', '说明'],
        ['花名册', 'B2', '=身份证号校验位错误'],
      ],
      links: [{ row: 1, col: 1, target: "'花名册'!B2" }],
      styles: [{ box: { top: 0, left: 0, bottom: 0, right: 2 }, style: { bold: true, border: true } }],
      freezeRows: 1,
      columnWidths: [12, 8, 40],
    };
    await wb.writeSheet(spec);
    const s = fx.sheet('问题清单');
    expect(s.cell(1, 1)?.formula).toBe(`=HYPERLINK("#'花名册'!B2","B2")`);
    expect(s.cell(1, 2)).toMatchObject({ value: '=身份证号校验位错误', formula: null });
    expect(s.frozenRows).toBe(1);
    await expect(wb.writeSheet(spec)).rejects.toMatchObject({ code: 'sheet-exists' });
    await wb.writeSheet({ ...spec, rows: [['无问题']], links: [] }, { replace: true });
    expect(fx.sheet('问题清单').cell(1, 1)).toBeUndefined();
  });
});

describe('Office adapter: request limits', () => {
  it('keeps every request below 5 MB when a plan touches 100,000 cells of long text', async () => {
    const fx = FakeExcel.desktop();
    fx.addSheet('大表');
    const long = '中华人民共和国干部'.repeat(12); // 108 CJK chars, 324 bytes
    const edits: CellEdit[] = [];
    for (let r = 0; r < 20_000; r++) for (let c = 0; c < 5; c++) edits.push(edit('大表', r, c, { value: `${long}${r}` }));
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    await wb.apply({ edits }, label);
    expect(fx.stats.requestBytes.length).toBeGreaterThan(5);
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fx.sheet('大表').cell(19_999, 4)?.value).toBe(`${long}19999`);
  });

  it('writes an output sheet of 100,000 rows with a style on every row in requests below 5 MB', async () => {
    const fx = new FakeExcel();
    fx.addSheet('花名册');
    const ROWS = 100_000;
    const spec = {
      name: '末位淘汰测算',
      rows: [['姓名', '比例', '档次'], ...Array.from({ length: ROWS }, (_, i) => [`干部${i + 1}`, (i % 40) / 40, i % 3 ? '诫勉' : '免职'])],
      // One style per row, as the wizards colour a row by its outcome: fill, font, alignment, borders.
      styles: Array.from({ length: ROWS }, (_, i) => ({
        box: { top: i + 1, left: 0, bottom: i + 1, right: 2 },
        style: {
          fill: i % 3 ? '#FFF2CC' : '#F8CBAD',
          bold: i % 3 === 0,
          fontName: '仿宋',
          fontSize: 11,
          horizontal: 'left' as const,
          vertical: 'middle' as const,
          wrap: true,
          border: true,
        },
      })),
      freezeRows: 1,
    };
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    await wb.writeSheet(spec);
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThanOrEqual(fx.requestLimit);
    const s = fx.sheet('末位淘汰测算');
    expect(s.cell(ROWS, 0)?.value).toBe(`干部${ROWS}`);
  }, 120_000);
});
