import fc from 'fast-check';
import { msg } from '../../../src/i18n/message';
import type { CellValue } from '../../../src/ledger/grid';
import type { CellEdit, CellWrite } from '../../../src/ledger/edit-plan';
import { LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('=SUM(A1)', '+86 123', '-5 days', '@home', '00123', '1985.10', 'TRUE', "'x", '张三', ' 3'));
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  text,
);
const format = fc.constantFrom('General', '@', '0.00', 'yyyy-mm-dd', '0%');
const cell = fc.record({ value, formula: fc.option(fc.constantFrom('=A1+1', '=CADRE.VOTERATIO(1,2)', '=SUM(B1:B3)'), { nil: null }), numberFormat: format });
const write: fc.Arbitrary<CellWrite> = fc.oneof(
  fc.record({ value, numberFormat: fc.option(format, { nil: undefined }) }, { requiredKeys: ['value'] }),
  fc.record({ formula: fc.constantFrom('=B2*2', '=CADRE.IDMASK(A1)'), numberFormat: fc.option(format, { nil: undefined }) }, { requiredKeys: ['formula'] }),
);

describe.each(LIVE_HOSTS)('$name adapter: undo(apply(plan)) restores the workbook', (host: LiveHost) => {
  it('for random grids and random plans', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.record({ row: fc.nat(7), col: fc.nat(6), w: write }), { selector: (e) => `${e.row},${e.col}`, maxLength: 15 }),
        async (grid, edits) => {
          const fx = host.make();
          fx.addSheet('S');
          grid.forEach((row, r) =>
            row.forEach((c, col) => {
              // A formula's result depends on the formula only (the fake recalculates by formula text).
              if (c.formula) fx.seed('S', r, col, { formula: c.formula, value: c.formula.length, numberFormat: c.numberFormat });
              else fx.seed('S', r, col, { value: c.value, numberFormat: c.numberFormat, quotePrefix: typeof c.value === 'string' });
            }),
          );
          const before = fx.contents();
          const wb = host.port(fx);
          const plan = {
            edits: edits.map((e): CellEdit => ({
              sheet: 'S',
              row: e.row,
              col: e.col,
              old: { value: null, formula: null, numberFormat: 'General' },
              new: e.w,
              why: msg('x', 'x'),
              code: 't',
            })),
          };
          const snap = await wb.apply(plan, msg('改', 'change'));
          await wb.undo(snap);
          const after = fx.contents();
          delete after._cadre_undo;
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
