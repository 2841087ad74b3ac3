/**
 * The shared runtime's glue (src/functions/policy-sync.ts) on a fake Excel: a change to the
 * stored policy or to the stored calendar recalculates the whole workbook once, so that
 * non-volatile CADRE formulas (NOTICEEND…) do not keep answers computed under the old settings;
 * an unchanged setting recalculates nothing.
 */
import { refreshPolicy, type ExcelRun } from '../../../src/functions/policy-sync';
import { applySettings, CALENDAR_SETTING_KEY, POLICY_SETTING_KEY, policyErrors } from '../../../src/functions/policy-source';
import * as F from '../../../src/functions/functions';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { allSets } from '../../support/fake-ledger';
import { serial } from './helpers';

const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  g.Excel = { CalculationType: { full: 'Full', recalculate: 'Recalculate' } };
});
afterAll(() => {
  delete g.Excel;
});
afterEach(() => applySettings({ policy: null, calendar: null }));

/** Excel.run on the fake, with workbook.application.calculate recorded. */
function runner(fx: FakeExcel, calculations: string[]): ExcelRun {
  return (batch) =>
    fx.run((ctx) => {
      const workbook = { worksheets: ctx.workbook.worksheets, application: { calculate: (kind: string) => calculations.push(kind) } };
      return batch(new Proxy(ctx, { get: (t, p) => (p === 'workbook' ? workbook : Reflect.get(t, p)) }));
    });
}

describe('refreshPolicy', () => {
  it('a calendar change triggers the same full recalculation as a policy change; no change, none', async () => {
    const fx = new FakeExcel();
    const book = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const calculations: string[] = [];
    const run = runner(fx, calculations);

    expect(await refreshPolicy(run)).toBe(false); // nothing stored: the defaults stay
    expect(calculations).toEqual([]);

    await book.setSetting(POLICY_SETTING_KEY, JSON.stringify({ notice: { days: 6 } }));
    expect(await refreshPolicy(run)).toBe(true);
    expect(calculations).toEqual(['Full']);
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-13'));

    await book.setSetting(CALENDAR_SETTING_KEY, JSON.stringify({ extraHolidays: ['2026-10-13'] }));
    expect(await refreshPolicy(run)).toBe(true);
    expect(calculations).toEqual(['Full', 'Full']);
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-14'));

    expect(await refreshPolicy(run)).toBe(false); // read again, unchanged
    expect(calculations).toEqual(['Full', 'Full']);

    // A bad calendar: the statutory calendar again (a change), and the error is kept for the pane.
    await book.setSetting(CALENDAR_SETTING_KEY, '{"extraHolidays":"2026-10-13"}');
    expect(await refreshPolicy(run)).toBe(true);
    expect(calculations).toEqual(['Full', 'Full', 'Full']);
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-13'));
    expect(policyErrors().map((e) => e.code)).toEqual(['calendar.invalid-date']);
  });
});
