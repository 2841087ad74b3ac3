import { FakeEt } from '../../support/fake-et';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is driven like window.Application */
describe('the strict fake of the WPS 表格 (ET) object model', () => {
  const setup = (): { fx: FakeEt; ws: any } => {
    const fx = new FakeEt();
    fx.addSheet('S');
    const app = fx.application as any;
    return { fx, ws: app.ActiveWorkbook.Worksheets.Item('S') };
  };

  it('throws on members it does not model, for reads and writes, and counts every access', () => {
    const { fx, ws } = setup();
    fx.resetStats();
    expect(() => ws.Range('A1').Value).toThrow(/Range\.Value is not modelled/);
    expect(() => {
      ws.Range('A1').Text = 'x';
    }).toThrow(/cannot be set/);
    expect(() => ws.Cells.Item(1, 1)).toThrow(/not modelled/);
    expect(fx.calls).toBeGreaterThanOrEqual(3);
  });

  it('enters strings written to Formula like typing: = becomes a formula, an apostrophe keeps text', () => {
    const { fx, ws } = setup();
    ws.Range('A1:D1').Formula = [['=SUM(A2)', "'=SUM(A2)", '00123', 'TRUE']];
    const s = fx.sheet('S');
    expect(s.cell(0, 0)?.formula).toBe('=SUM(A2)');
    expect(s.cell(0, 1)).toMatchObject({ value: '=SUM(A2)', formula: null, quotePrefix: true });
    expect(s.cell(0, 2)?.value).toBe(123);
    expect(s.cell(0, 3)?.value).toBe(true);
    expect(ws.Range('B1').Formula).toBe('=SUM(A2)');
    expect(ws.Range('A1:B1').Value2).toEqual([[0, '=SUM(A2)']]);
  });

  it('answers one number format for a uniform range and null for a mixed one, and takes only a string', () => {
    const { fx, ws } = setup();
    fx.seed('S', 0, 0, { value: 1, numberFormat: '@' });
    fx.seed('S', 1, 0, { value: 2, numberFormat: '@' });
    expect(ws.Range('A1:A2').NumberFormat).toBe('@');
    expect(ws.Range('A1:A3').NumberFormat).toBeNull();
    expect(() => {
      ws.Range('A1:A2').NumberFormat = [['@'], ['0']];
    }).toThrow(/one format string/);
  });

  it('refuses writes to a protected sheet, and a sheet deletion that would prompt', () => {
    const fx = new FakeEt();
    fx.addSheet('P', { protected: true });
    const app = fx.application as any;
    const ws = app.ActiveWorkbook.Worksheets.Item('P');
    expect(() => {
      ws.Range('A1').Formula = 'x';
    }).toThrow(/protected/);
    expect(() => ws.Delete()).toThrow(/DisplayAlerts/);
    app.DisplayAlerts = false;
    ws.Delete();
    expect(fx.sheets).toHaveLength(0);
  });
});
