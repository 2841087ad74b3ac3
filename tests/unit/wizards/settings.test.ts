import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import type { WorkbookPort } from '../../../src/workbook/port';
import { defaultOptions, writeOutput } from '../../../src/wizards/framework';
import {
  calendarTexts,
  formatDateList,
  formatSettingValue,
  overridesFromCalendar,
  parseCalendarTexts,
  parseDateList,
  parseSettingInput,
  resetOverride,
  setOverride,
  settingRows,
  settingsWizard,
  CAL_OPTS,
  SETTINGS_SHEET,
} from '../../../src/wizards/settings';
import { CALENDAR_SETTING_KEY, loadWorkbookPolicy, POLICY_SETTING_KEY } from '../../../src/policy/workbook-policy';
import { POLICY_SETTING_KEY as FUNCTIONS_KEY, applyPolicySetting, currentPolicy } from '../../../src/functions/policy-source';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { POLICY_KEYS } from '../../../src/policy/validate';
import { STATUTORY_CALENDAR, isWorkingDay } from '../../../src/calendar';
import { msg } from '../../../src/i18n/message';
import { parseIso, type LocalDate } from '../../../src/values/local-date';
import { FakeExcel } from '../../support/fake-excel';
import { LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';
import { allSets } from '../../support/fake-ledger';
import { settingsWorkbook } from '../../fixtures/wizards-5-7';
import { cellText } from '../../../src/wizards/types';

const day = (s: string): LocalDate => parseIso(s) as LocalDate;
const never = async () => ({ action: 'cancel' as const });

/** Run wizard 7 on a port as the frame does: policy and calendar from the workbook, then write. */
async function runOn(port: WorkbookPort, edits: Record<string, string | boolean>) {
  const loaded = await loadWorkbookPolicy((k) => port.getSetting(k));
  const inputs = { sources: {}, policy: loaded.policy, calendar: loaded.calendar, asOf: day('2026-01-05') };
  const options = defaultOptions(settingsWizard.optionFields(inputs), edits);
  const result = await settingsWizard.run({ ...inputs, options }, {});
  return { result, options };
}

const EDITS = {
  'notice.days': '7',
  'recommend.newcomerMinRatio': '35%',
  'elimination.rounding': 'floor',
  'elimination.levels': '正科级、副科级、股级',
  'committeeVote.quorum': '3/4',
  [CAL_OPTS.holidays]: '2026-10-09',
  [CAL_OPTS.years]: '2027 | 2027-01-01~2027-01-03、2027-02-06~2027-02-12 | 2027-02-14',
};

function expectSaved(policy: typeof DEFAULT_POLICY): void {
  expect(policy.notice.days).toBe(7);
  expect(policy.recommend.newcomerMinRatio).toBe(0.35);
  expect(policy.elimination.rounding).toBe('floor');
  expect(policy.elimination.levels).toEqual(['正科级', '副科级', '股级']);
  expect(policy.committeeVote.quorum).toBe(0.75);
  // untouched keys keep their defaults
  expect(policy.probation).toEqual(DEFAULT_POLICY.probation);
}

describe('wizard 7 · 设置 (pure)', () => {
  test('every key with value, default and source; shares shown as exact percentages', () => {
    const { rows } = settingRows({});
    expect(rows.map((r) => r.key)).toEqual(POLICY_KEYS);
    const q = rows.find((r) => r.key === 'committeeVote.quorum');
    expect(formatSettingValue('committeeVote.quorum', q?.value)).toBe('2/3');
    expect(formatSettingValue('recommend.newcomerMinRatio', 0.3)).toBe('30%');
    expect(rows.find((r) => r.key === 'recommend.incumbentMinRatio')?.source['zh-CN']).toBe('二.2 原班子成员(副职推荐正职)得票比例不能少于50%');
    expect(rows.every((r) => !r.changed && r.error === null)).toBe(true);
  });

  test('input parsing: percentages, fractions, lists, booleans; "50" for a share is refused, not guessed', () => {
    expect(parseSettingInput('recommend.incumbentMinRatio', '５０％')).toEqual({ ok: true, value: 0.5 });
    expect(parseSettingInput('committeeVote.quorum', '2/3')).toEqual({ ok: true, value: 2 / 3 });
    expect(parseSettingInput('recommend.quorum', '无')).toEqual({ ok: true, value: null });
    expect(parseSettingInput('notice.countStartDay', '否')).toEqual({ ok: true, value: false });
    expect(parseSettingInput('notice.requiredFields', '基本情况，主要政绩')).toEqual({ ok: true, value: ['基本情况', '主要政绩'] });
    const fifty = parseSettingInput('recommend.incumbentMinRatio', '50');
    expect(fifty.ok).toBe(true);
    const set = setOverride({}, 'recommend.incumbentMinRatio', fifty.ok ? fifty.value : null);
    expect(set.ok).toBe(false);
    expect(!set.ok && set.message['zh-CN']).toBe('recommend.incumbentMinRatio 必须是0到1之间的数，收到 50');
    expect(parseSettingInput('notice.days', '七')).toEqual({
      ok: false,
      message: msg('notice.days 必须是正整数，收到“七”', 'notice.days must be a positive whole number; got "七"'),
    });
  });

  test('overrides: a contradiction is refused with both keys named; equal to the default removes the override; reset', () => {
    const a = setOverride({}, 'elimination.removalShare', 0.03);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message['zh-CN']).toContain('elimination.removalShare（0.03）不能大于 elimination.preliminaryShare');
    const b = setOverride({}, 'notice.days', 7);
    expect(b.ok && b.flat).toEqual({ 'notice.days': 7 });
    const c = b.ok ? setOverride(b.flat, 'notice.days', 5) : null;
    expect(c?.ok && c.flat).toEqual({});
    expect(resetOverride({ 'notice.days': 7, 'probation.months': 6 }, 'notice.days')).toEqual({ 'probation.months': 6 });
  });

  test('calendar texts: ranges, round trip, conflicts and days outside their year refused with the day named', () => {
    const list = parseDateList('2027-01-01~2027-01-03、2027-02-14', msg('x', 'x'));
    expect(list.ok && list.dates.length).toBe(4);
    expect(formatDateList(list.ok ? list.dates : [])).toBe('2027-01-01~2027-01-03、2027-02-14');
    const bad = parseCalendarTexts({ extraHolidays: '2026-10-09', extraWorkdays: '2026-10-09', years: [] });
    expect(!bad.ok && bad.message['zh-CN']).toBe('2026-10-09 同时被设为节假日和工作日');
    const outside = parseCalendarTexts({ extraHolidays: '', extraWorkdays: '', years: [{ year: '2027', holidays: '2026-12-31', workdays: '' }] });
    expect(!outside.ok && outside.message['zh-CN']).toBe('2027年安排中出现了2026-12-31');
    const typo = parseCalendarTexts({ extraHolidays: '2026-13-01', extraWorkdays: '', years: [] });
    expect(!typo.ok && typo.message['zh-CN']).toBe('另行放假的日期：“2026-13-01”不是 YYYY-MM-DD 日期或“起~止”日期段');
    const ok = parseCalendarTexts({ extraHolidays: '', extraWorkdays: '', years: [{ year: '2099', holidays: '2099-01-01', workdays: '' }] });
    expect(ok.ok && calendarTexts(ok.overrides).years).toEqual([{ year: '2099', holidays: '2099-01-01', workdays: '' }]);
  });

  test('round trip through the file adapter: save → reload → the policy, calendar and the functions pick them up', async () => {
    const book = await openFileWorkbook(await settingsWorkbook());
    const { result, options } = await runOn(book, { ...EDITS, writeSheet: true });
    expect(result.refused).toEqual([]);
    const out = await writeOutput(book, settingsWizard, result, options, never);
    expect(out).toEqual({ written: true, sheet: SETTINGS_SHEET, replaced: false });
    const again = await openFileWorkbook(await book.save());
    const loaded = await loadWorkbookPolicy((k) => again.getSetting(k));
    expect(loaded.errors).toEqual([]);
    expectSaved(loaded.policy);
    expect(isWorkingDay(loaded.calendar, day('2026-10-09'))).toEqual({ ok: true, value: false, notes: [] });
    expect(isWorkingDay(loaded.calendar, day('2027-02-14'))).toEqual({ ok: true, value: true, notes: [] });
    expect(isWorkingDay(loaded.calendar, day('2027-01-04'))).toEqual({ ok: true, value: true, notes: [] });
    // the same key the CADRE functions read
    expect(FUNCTIONS_KEY).toBe(POLICY_SETTING_KEY);
    applyPolicySetting(await again.getSetting(POLICY_SETTING_KEY));
    expect(currentPolicy().notice.days).toBe(7);
    applyPolicySetting(null);
    expect(JSON.parse((await again.getSetting(POLICY_SETTING_KEY)) as string)).toEqual({
      recommend: { newcomerMinRatio: 0.35 },
      notice: { days: 7 },
      committeeVote: { quorum: 0.75 },
      elimination: { levels: ['正科级', '副科级', '股级'], rounding: 'floor' },
    });
    // the calendar as the wizard sees it next time (from the built calendar)
    expect(calendarTexts(overridesFromCalendar(loaded.calendar))).toEqual({
      extraHolidays: '2026-10-09',
      extraWorkdays: '',
      years: [{ year: '2027', holidays: '2027-01-01~2027-01-03、2027-02-06~2027-02-12', workdays: '2027-02-14' }],
    });
    // the printed sheet
    const grid = (await again.read([SETTINGS_SHEET]))[0];
    const noticeRow = grid.values.find((r) => r[0] === 'notice.days');
    expect(noticeRow?.slice(0, 4)).toEqual(['notice.days', '7', '5', '已修改']);
    // enum values by their Chinese label, the stored value in brackets
    expect(grid.values.find((r) => r[0] === 'elimination.rounding')?.slice(0, 4)).toEqual([
      'elimination.rounding',
      '向下取整（floor）',
      '四舍五入（round）',
      '已修改',
    ]);
    // reset all → settings removed
    const reset = await runOn(
      again,
      Object.fromEntries(POLICY_KEYS.map((k) => [k, formatSettingValue(k, (settingRows({}).rows.find((r) => r.key === k) as { default: unknown }).default)])),
    );
    await writeOutput(again, settingsWizard, { ...reset.result, calendar: {} }, { ...reset.options, writeSheet: false }, never);
    expect(await again.getSetting(POLICY_SETTING_KEY)).toBeNull();
    expect(await again.getSetting(CALENDAR_SETTING_KEY)).toBeNull();
  });

  test.each(LIVE_HOSTS)('round trip through the $name adapter over the strict fake', async (host: LiveHost) => {
    const fx = host.desktop();
    fx.addSheet('说明');
    const wb = host.port(fx);
    const { result, options } = await runOn(wb, EDITS);
    await writeOutput(wb, settingsWizard, result, options, never);
    expect(fx.sheet('_cadre_settings').visibility).toBe('VeryHidden');
    const reopened = host.port(fx);
    const loaded = await loadWorkbookPolicy((k) => reopened.getSetting(k));
    expect(loaded.errors).toEqual([]);
    expectSaved(loaded.policy);
    expect(isWorkingDay(loaded.calendar, day('2026-10-09'))).toEqual({ ok: true, value: false, notes: [] });
    // the wizard's own defaults now show the stored values
    const fields = settingsWizard.optionFields({ sources: {}, policy: loaded.policy, calendar: loaded.calendar, asOf: day('2026-01-05') });
    expect(fields.find((f) => f.key === 'notice.days')?.default).toBe('7');
    expect(fields.find((f) => f.key === CAL_OPTS.holidays)?.default).toBe('2026-10-09');
  });

  test('an invalid value is refused with the key named and the workbook untouched (file and Office)', async () => {
    const book = await openFileWorkbook(await settingsWorkbook());
    await book.setSetting(POLICY_SETTING_KEY, JSON.stringify({ notice: { days: 6 } }));
    const before = Buffer.from(await book.save()).length;
    const bad = await runOn(book, { 'notice.days': '0', 'probation.dueSoonDays': '45', writeSheet: true });
    expect(bad.result.refused.map((m: { 'zh-CN': string }) => m['zh-CN'])).toEqual(['notice.days 必须是正整数，收到 0']);
    expect(bad.result.rows.find((r) => cellText(r.cells[0]).split('\n')[0] === 'notice.days')?.flag).toBe('error');
    expect(bad.result.summary[0].message['zh-CN']).toContain('工作簿未作任何修改');
    await expect(writeOutput(book, settingsWizard, bad.result, bad.options, never)).rejects.toThrow('notice.days');
    expect(await book.getSetting(POLICY_SETTING_KEY)).toBe(JSON.stringify({ notice: { days: 6 } }));
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['说明']);
    expect(Buffer.from(await book.save()).length).toBe(before);

    const fx = FakeExcel.desktop();
    fx.addSheet('说明');
    const wb = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const snapshot = JSON.stringify(fx.contents());
    const r = await runOn(wb, { 'elimination.rounding': 'bankers' });
    expect(r.result.refused[0]['en-US']).toBe('elimination.rounding must be one of: round, floor, ceil; got "bankers"');
    await expect(writeOutput(wb, settingsWizard, r.result, r.options, never)).rejects.toThrow('elimination.rounding must be one of');
    expect(JSON.stringify(fx.contents())).toBe(snapshot);
    expect(fx.findSheet('_cadre_settings')).toBeUndefined();
  });

  test('enum values in the result table and the help by their label in each language: 向下取整, 默认 四舍五入', async () => {
    const book = await openFileWorkbook(await settingsWorkbook());
    const { result } = await runOn(book, { 'elimination.rounding': 'floor', 'notice.dayKind': 'calendar' });
    const cells = (key: string, locale: 'zh-CN' | 'en-US') =>
      result.rows.find((r) => cellText(r.cells[0]).startsWith(key))?.cells.map((c) => cellText(c, locale));
    expect(cells('elimination.rounding', 'zh-CN')?.[1]).toBe('向下取整\n默认 四舍五入\n已修改');
    expect(cells('notice.dayKind', 'zh-CN')?.[1]).toBe('自然日\n默认 工作日\n已修改');
    expect(cells('elimination.rounding', 'en-US')?.[1]).toMatch(/^round down\ndefault round half up\n/);
    const field = settingsWizard
      .optionFields({ sources: {}, policy: DEFAULT_POLICY, calendar: STATUTORY_CALENDAR, asOf: day('2026-01-05') })
      .find((f) => f.key === 'elimination.rounding');
    expect(field?.help?.['zh-CN']).toContain('默认 四舍五入；');
    expect(field?.kind === 'select' && field.choices.map((c) => c.label['zh-CN'])).toEqual(['四舍五入（round）', '向下取整（floor）', '向上取整（ceil）']);
  });

  test('a stored value that is refused shows the key and its default in force', async () => {
    const book = await openFileWorkbook(await settingsWorkbook());
    await book.setSetting(POLICY_SETTING_KEY, JSON.stringify({ notice: { days: -1 } }));
    const loaded = await loadWorkbookPolicy((k) => book.getSetting(k));
    expect(loaded.policy.notice.days).toBe(5);
    expect(loaded.errors[0].message['zh-CN']).toBe('notice.days 必须是正整数，收到 -1');
    await book.setSetting(CALENDAR_SETTING_KEY, '{bad');
    const again = await loadWorkbookPolicy((k) => book.getSetting(k));
    expect(again.calendar).toBe(STATUTORY_CALENDAR);
    expect(again.errors.some((e) => e.message['zh-CN'].startsWith('工作簿中的设置（calendar）不是有效的 JSON'))).toBe(true);
  });
});
