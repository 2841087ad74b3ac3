import { FakeExcel } from '../../support/fake-excel';

describe('the strict fake of the Excel JS API', () => {
  it('throws PropertyNotLoaded for a property read before load + sync', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S');
    fx.seed('S', 0, 0, { value: 1 });
    await fx.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('queues writes until sync and counts each sync with its bytes', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S');
    await fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['x', 2]];
      expect(fx.sheet('S').cell(0, 0)).toBeUndefined();
      await ctx.sync();
    });
    expect(fx.sheet('S').cell(0, 0)?.value).toBe('x');
    expect(fx.stats.syncs).toBe(1);
    expect(fx.stats.requestBytes[0]).toBeGreaterThan(10);
  });

  it('enters strings like typing: = + - @ become formulas, an apostrophe keeps text', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S');
    await fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:F1').values = [['=SUM(A2)', '+86 123', '-5', "'=SUM(A2)", '00123', 'TRUE']];
      await ctx.sync();
    });
    const s = fx.sheet('S');
    expect(s.cell(0, 0)?.formula).toBe('=SUM(A2)');
    expect(s.cell(0, 1)?.formula).toBe('=+86 123');
    expect(s.cell(0, 2)?.value).toBe(-5);
    expect(s.cell(0, 3)).toMatchObject({ value: '=SUM(A2)', formula: null, quotePrefix: true });
    expect(s.cell(0, 4)?.value).toBe(123);
    expect(s.cell(0, 5)?.value).toBe(true);
  });

  it('refuses writes to a protected sheet and requests above the limit', async () => {
    const fx = new FakeExcel();
    fx.addSheet('P', { protected: true });
    await expect(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('P').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    fx.requestLimit = 100;
    fx.addSheet('S');
    await expect(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x'.repeat(200)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fx.sheet('S').cell(0, 0)).toBeUndefined();
  });
});
