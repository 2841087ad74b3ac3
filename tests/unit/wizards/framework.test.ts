/** The wizard framework: cancellation, never replacing a sheet unasked, names, detection, policy. */
import { selectionRoundWorkbook } from '../../fixtures/selection-round';
import {
  CHAIN_SETTING_KEY,
  eachChunk,
  isCancelled,
  missingOptions,
  loadWizardPolicy,
  uniqueSheetName,
  safeSheetName,
  writeOutput,
  WizardCancelled,
} from '../../../src/wizards/framework';
import { tallyWizard, TALLY_SHEET } from '../../../src/wizards/tally';
import { noticeWizard } from '../../../src/wizards/notice';
import { WIZARDS } from '../../../src/wizards/registry';
import { open, prepare, grid, rowOf } from './helpers';
import { formatIso } from '../../../src/values/local-date';

describe('cancellation', () => {
  test('a run cancelled mid-way stops with WizardCancelled and writes nothing', async () => {
    const port = await open(await selectionRoundWorkbook());
    const before = (await port.listSheets()).map((s) => s.name);
    const { inputs } = await prepare(port, tallyWizard);
    // many rows, so the run takes several chunks
    const main = inputs.sources.main!;
    const big = { ...main, rows: Array.from({ length: 2000 }, (_, i) => main.rows[i % main.rows.length]) };
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = tallyWizard.run(
      { ...inputs, sources: { main: big } },
      {
        signal: ctl.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 400) ctl.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(WizardCancelled);
    expect(seen).toEqual([0, 200, 400]);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(before);
    expect(await port.getSetting(CHAIN_SETTING_KEY)).toBeNull();
  });

  test('eachChunk visits every item and reports progress; an aborted signal stops before the first item', async () => {
    const got: number[] = [];
    const progress: [number, number][] = [];
    await eachChunk([1, 2, 3, 4, 5], { onProgress: (d, t) => progress.push([d, t]) }, (x) => got.push(x), 2);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    const ctl = new AbortController();
    ctl.abort();
    const none: number[] = [];
    const e = await eachChunk([1], { signal: ctl.signal }, (x) => none.push(x)).catch((x: unknown) => x);
    expect(isCancelled(e)).toBe(true);
    expect(none).toEqual([]);
  });
});

describe('writing the output never replaces a sheet without asking', () => {
  async function setup() {
    const port = await open(await selectionRoundWorkbook());
    const { inputs } = await prepare(port, tallyWizard);
    const result = await tallyWizard.run(inputs, {});
    // a sheet of the user's already under the output name
    await port.writeSheet({ name: TALLY_SHEET, rows: [['我的旧数据']] });
    return { port, result, options: inputs.options };
  }

  test('cancel: nothing changes, no chain link', async () => {
    const { port, result, options } = await setup();
    const asked: [string, string][] = [];
    const out = await writeOutput(port, tallyWizard, result, options, async (existing, suggestion) => {
      asked.push([existing, suggestion]);
      return { action: 'cancel' };
    });
    expect(asked).toEqual([[TALLY_SHEET, `${TALLY_SHEET}(2)`]]);
    expect(out).toEqual({ written: false, sheet: null, replaced: false });
    expect(rowOf(await grid(port, TALLY_SHEET), 0)).toEqual(['我的旧数据']);
    expect(await port.getSetting(CHAIN_SETTING_KEY)).toBeNull();
  });

  test('new name: the old sheet stays, the result goes to the new one; a taken new name is asked again', async () => {
    const { port, result, options } = await setup();
    await port.writeSheet({ name: '另存', rows: [['x']] });
    const answers = [
      { action: 'rename' as const, name: '另存' },
      { action: 'rename' as const, name: '计票第二轮' },
    ];
    const asked: string[] = [];
    const out = await writeOutput(port, tallyWizard, result, options, async (existing) => {
      asked.push(existing);
      return answers.shift()!;
    });
    expect(asked).toEqual([TALLY_SHEET, '另存']);
    expect(out).toEqual({ written: true, sheet: '计票第二轮', replaced: false });
    expect(rowOf(await grid(port, TALLY_SHEET), 0)).toEqual(['我的旧数据']);
    expect(rowOf(await grid(port, '另存'), 0)).toEqual(['x']);
    expect(rowOf(await grid(port, '计票第二轮'), 0)[0]).toBe('民主推荐计票结果');
    expect(JSON.parse((await port.getSetting(CHAIN_SETTING_KEY))!).tally.sheet).toBe('计票第二轮');
  });

  test('replace only when the answer says so', async () => {
    const { port, result, options } = await setup();
    const out = await writeOutput(port, tallyWizard, result, options, async () => ({ action: 'replace' }));
    expect(out).toEqual({ written: true, sheet: TALLY_SHEET, replaced: true });
    expect(rowOf(await grid(port, TALLY_SHEET), 0)[0]).toBe('民主推荐计票结果');
  });

  test('no clash: written without asking', async () => {
    const port = await open(await selectionRoundWorkbook());
    const { inputs } = await prepare(port, tallyWizard);
    const result = await tallyWizard.run(inputs, {});
    const ask = jest.fn();
    const out = await writeOutput(port, tallyWizard, result, inputs.options, ask);
    expect(ask).not.toHaveBeenCalled();
    expect(out.sheet).toBe(TALLY_SHEET);
  });
});

describe('helpers', () => {
  test('sheet names: invalid characters, 31 characters, numbered when taken (case-insensitive)', () => {
    expect(safeSheetName('a/b:c?[d]')).toBe('a_b_c__d_');
    expect(safeSheetName('长'.repeat(40))).toHaveLength(31);
    expect(uniqueSheetName('Result', ['result', 'Result(2)'])).toBe('Result(3)');
    expect(uniqueSheetName('长'.repeat(31), ['长'.repeat(31)])).toBe(`${'长'.repeat(28)}(2)`);
  });

  test('policy and calendar from the workbook settings: overrides apply, bad JSON keeps defaults and names the setting', async () => {
    const port = await open(await selectionRoundWorkbook());
    await port.setSetting('policy', '{"notice":{"days":7}}');
    await port.setSetting('calendar', '{"extraHolidays":["2026-10-09"]}');
    const p = await loadWizardPolicy(port);
    expect(p.errors).toEqual([]);
    expect(p.policy.notice.days).toBe(7);
    expect(p.calendar.extraHolidays.size).toBe(1);
    await port.setSetting('policy', '{notice');
    await port.setSetting('calendar', '{"extraHolidays":["2026-13-01"]}');
    const bad = await loadWizardPolicy(port);
    expect(bad.policy.notice.days).toBe(5);
    expect(bad.calendar.extraHolidays.size).toBe(0);
    expect(bad.errors.map((e) => e.code)).toEqual(['policy.invalid-value', 'calendar.invalid-date']);
    expect(bad.errors[0].message['en-US']).toContain('(policy)');
    expect(bad.errors[1].message['zh-CN']).toContain('2026-13-01');
  });

  test('a saved extra day off moves the notice end date in the notice wizard', async () => {
    const port = await open(await selectionRoundWorkbook());
    const before = await noticeWizard.run((await prepare(port, noticeWizard, { start: '2026-09-30' })).inputs, {});
    expect(formatIso(before.end!)).toBe('2026-10-12');
    await port.setSetting('calendar', '{"extraHolidays":["2026-10-09"]}');
    const after = await noticeWizard.run((await prepare(port, noticeWizard, { start: '2026-09-30' })).inputs, {});
    expect(formatIso(after.end!)).toBe('2026-10-13');
    expect(after.summary.find((r) => r.code === 'notice.days-off-skipped')?.message['zh-CN']).toContain('2026-10-09');
  });

  test('the notice start date is required; missing options are named', async () => {
    const port = await open(await selectionRoundWorkbook());
    const { inputs } = await prepare(port, noticeWizard);
    const fields = noticeWizard.optionFields(inputs);
    expect(missingOptions(fields, { start: '' }).map((f) => f.key)).toEqual(['start']);
    expect(missingOptions(fields, inputs.options)).toEqual([]);
  });

  test('the registry lists the chain in order with unique ids, and every output kind is recognisable', () => {
    const ids = WIZARDS.map((w) => w.id);
    expect(ids.slice(0, 4)).toEqual(['tally', 'shortlist', 'notice', 'committee']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
