import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { allSets, fakeWith, seedAll } from '../../support/fake-ledger';
import { hostWith, LIVE_HOSTS, OFFICE, type LiveHost } from '../../support/live-hosts';

/** Round trips (requests on Office, object-model calls on WPS) to read a two-sheet ledger. */
async function costToRead(host: LiveHost, rows: number): Promise<number> {
  const fx = seedAll(host.desktop(), [
    ['花名册', rows],
    ['考核测评', Math.max(1, Math.floor(rows / 2))],
  ]);
  const wb = host.port(fx);
  fx.resetStats();
  const grids = await wb.read();
  expect(grids.map((g) => g.rowCount)).toEqual([rows + 1, Math.max(1, Math.floor(rows / 2)) + 1]);
  return host.cost(fx);
}

async function syncsToRead(rows: number, fx = FakeExcel.desktop()): Promise<number> {
  seedAll(fx, [
    ['花名册', rows],
    ['考核测评', Math.max(1, Math.floor(rows / 2))],
  ]);
  const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
  fx.resetStats();
  const grids = await wb.read();
  expect(grids.map((g) => g.rowCount)).toEqual([rows + 1, Math.max(1, Math.floor(rows / 2)) + 1]);
  expect(fx.stats.runs).toBe(1);
  return fx.stats.syncs;
}

describe.each(LIVE_HOSTS)('$name adapter: read', (host: LiveHost) => {
  it('costs as many round trips for 20,000 rows as for 20', async () => {
    const small = await costToRead(host, 20);
    const large = await costToRead(host, 20_000);
    if (host === OFFICE) expect(small).toBe(2);
    expect(large).toBe(small);
  });

  it('reads values, formulas, number formats, hidden rows and merges from A1', async () => {
    const fx = host.make();
    const s = fx.addSheet('台账');
    fx.seed('台账', 2, 1, { value: '姓名' });
    fx.seed('台账', 3, 1, { value: '=SUM(A1)', quotePrefix: true });
    fx.seed('台账', 3, 2, { formula: '=CADRE.VOTERATIO(1,2)', value: 0.5, numberFormat: '0%' });
    fx.seed('台账', 4, 2, { formula: '=1/0', value: { error: '#DIV/0!' } });
    s.hiddenRows.add(3);
    s.merges.push({ top: 2, left: 1, bottom: 2, right: 2 });
    const [g] = await host.port(fx).read(['台账']);
    expect(g.rowCount).toBe(5);
    expect(g.colCount).toBe(3);
    expect(g.values[0]).toEqual([null, null, null]);
    expect(g.values[3][1]).toBe('=SUM(A1)');
    expect(g.formulas[3][1]).toBeNull();
    expect(g.formulas[3][2]).toBe('=CADRE.VOTERATIO(1,2)');
    expect(g.numberFormats[3][2]).toBe('0%');
    expect(g.values[4][2]).toEqual({ error: '#DIV/0!' });
    expect(g.hiddenRows).toEqual([3]);
    expect(g.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
  });

  it('lists sheets without its own hidden sheets and says which are protected', async () => {
    const fx = hostWith(host, ['A', 2]);
    fx.addSheet('P', { protected: true });
    fx.addSheet('_cadre_undo', { visibility: 'VeryHidden' });
    expect(await host.port(fx).listSheets()).toEqual([
      { name: 'A', visibility: 'visible', protected: false },
      { name: 'P', visibility: 'visible', protected: true },
    ]);
  });

  it('reads an empty sheet as empty, and a missing sheet as an error naming it', async () => {
    const fx = hostWith(host, ['A', 2]);
    fx.addSheet('空表');
    const wb = host.port(fx);
    const [g] = await wb.read(['空表']);
    expect([g.rowCount, g.colCount, g.values]).toEqual([0, 0, []]);
    await expect(wb.read(['无此表'])).rejects.toMatchObject({ code: 'sheet-missing', userMessage: { 'zh-CN': expect.stringContaining('无此表') } });
  });
});

describe('OfficeWorkbook.read', () => {
  it('on Excel on the web, adds only the requests the 5 MB answer limit forces', async () => {
    const fx = new FakeExcel();
    const syncs = await syncsToRead(20_000, fx);
    const delivered = fx.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(Math.max(...fx.stats.responseBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    // sheet list + refused answer + metadata + one band per 4 MiB of data (rounded up, per sheet)
    expect(syncs).toBeLessThanOrEqual(3 + Math.ceil(delivered / (4 * 1024 * 1024)) + 2);
  });

  it('reads in row bands, each answer below 5 MB, when one answer would be too large', async () => {
    const fx = fakeWith(['大表', 40_000]);
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const [g] = await wb.read(['大表']);
    expect(g.rowCount).toBe(40_001);
    expect(g.values[40_000][0]).toBe('干部40000');
    expect(g.formulas[40_000][4]).toBe('=CADRE.VOTERATIO(D40001,50)');
    expect(fx.stats.refusedResponses).toBe(1);
    expect(Math.max(...fx.stats.responseBytes)).toBeLessThanOrEqual(fx.responseLimit);
  });

  it('reads a sheet of one column and 300,000 rows (bands grow past what push(...band) takes)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('身份证号');
    const ROWS = 300_000;
    for (let r = 0; r < ROWS; r++) fx.seed('身份证号', r, 0, { value: r + 1 });
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const [g] = await wb.read(['身份证号']);
    expect(g.rowCount).toBe(ROWS);
    expect(g.values[ROWS - 1][0]).toBe(ROWS);
    expect(fx.stats.syncs).toBeGreaterThan(2);
  });

  it('degrades with a message when hidden rows and merges cannot be read', async () => {
    const fx = fakeWith(['A', 3]);
    fx.sheet('A').hiddenRows.add(2);
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: (_n, v) => v === '1.7' });
    const [g] = await wb.read();
    expect(g.hiddenRows).toEqual([]);
    const notes = wb.takeNotices().map((m) => m['en-US']);
    expect(notes).toEqual([expect.stringContaining('hidden rows'), expect.stringContaining('merged cells')]);
  });

  it('refuses to run without the minimum requirement set, in both languages', async () => {
    const fx = fakeWith(['A', 3]);
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: () => false });
    await expect(wb.read()).rejects.toMatchObject({ code: 'unsupported', userMessage: { 'zh-CN': expect.stringContaining('ExcelApi 1.7') } });
    expect(fx.stats.runs).toBe(0);
  });
});
