/** The policy and calendar the functions read: stored overrides resolved once, defaults otherwise. */
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { isWorkingDay, STATUTORY_CALENDAR } from '../../../src/calendar';
import {
  applyCalendarSetting,
  applyPolicySetting,
  applySettings,
  CALENDAR_SETTING_KEY,
  currentCalendar,
  currentPolicy,
  loadPolicy,
  onPolicyChange,
  policyErrors,
  POLICY_SETTING_KEY,
} from '../../../src/functions/policy-source';
import { loadWorkbookPolicy } from '../../../src/policy/workbook-policy';
import { parseIso, type LocalDate } from '../../../src/values/local-date';

const day = (s: string): LocalDate => parseIso(s) as LocalDate;
const EXTRA_HOLIDAY = JSON.stringify({ extraHolidays: ['2026-10-12'] });

afterEach(() => applySettings({ policy: null, calendar: null }));

describe('policy source', () => {
  it('defaults when nothing is stored', () => {
    applyPolicySetting(null);
    expect(currentPolicy()).toEqual(DEFAULT_POLICY);
    expect(policyErrors()).toEqual([]);
  });

  it('resolves stored overrides and reports changes once', () => {
    const seen: number[] = [];
    const off = onPolicyChange((p) => seen.push(p.notice.days));
    expect(applyPolicySetting('{"notice":{"days":7}}')).toBe(true);
    expect(currentPolicy().notice.days).toBe(7);
    expect(currentPolicy().recommend).toEqual(DEFAULT_POLICY.recommend);
    expect(applyPolicySetting('{"notice":{"days":7}}')).toBe(false); // same text: nothing to do
    expect(applyPolicySetting('{"notice": {"days": 7}}')).toBe(false); // same policy: no recalculation
    off();
    expect(seen).toEqual([7]);
  });

  it('refused values keep their defaults and are reported; unreadable JSON keeps all defaults', () => {
    applyPolicySetting('{"notice":{"days":-1},"recommend":{"newcomerMinRatio":0.4}}');
    expect(currentPolicy().notice.days).toBe(5);
    expect(currentPolicy().recommend.newcomerMinRatio).toBe(0.4);
    expect(policyErrors().map((e) => e.code)).toEqual(['policy.invalid-value']);
    applyPolicySetting('{not json');
    expect(currentPolicy()).toEqual(DEFAULT_POLICY);
    expect(policyErrors()[0].message['zh-CN']).toContain('不是有效的 JSON');
  });

  it('loads through any settings reader under the keys "policy" and "calendar"', async () => {
    const asked: string[] = [];
    const changed = await loadPolicy(async (key) => {
      asked.push(key);
      return key === POLICY_SETTING_KEY ? '{"probation":{"months":6}}' : null;
    });
    expect(changed).toBe(true);
    expect(asked).toEqual([POLICY_SETTING_KEY, CALENDAR_SETTING_KEY]);
    expect(POLICY_SETTING_KEY).toBe('policy');
    expect(CALENDAR_SETTING_KEY).toBe('calendar');
    expect(currentPolicy().probation.months).toBe(6);
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
  });
});

describe('calendar source', () => {
  const stored: Record<string, string | null> = {
    [POLICY_SETTING_KEY]: '{"notice":{"days":7}}',
    [CALENDAR_SETTING_KEY]: JSON.stringify({ extraHolidays: ['2026-10-12'], years: [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }] }),
  };
  const reader = async (key: string) => stored[key] ?? null;

  it('holds the calendar in force, resolved exactly as the task pane and the CLI load it', async () => {
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
    expect(await loadPolicy(reader)).toBe(true);
    const loaded = await loadWorkbookPolicy(reader);
    expect(currentPolicy()).toEqual(loaded.policy);
    expect(currentCalendar()).toEqual(loaded.calendar);
    expect(policyErrors()).toEqual(loaded.errors);
    expect(isWorkingDay(currentCalendar(), day('2026-10-12'))).toEqual({ ok: true, value: false, notes: [] });
    expect(isWorkingDay(currentCalendar(), day('2027-01-04'))).toEqual({ ok: true, value: true, notes: [] });
    expect(isWorkingDay(STATUTORY_CALENDAR, day('2027-01-04')).ok).toBe(false);
  });

  it('a calendar change alone is a change (listeners run, callers recalculate); the same calendar is not', () => {
    const seen: boolean[] = [];
    const off = onPolicyChange((_p, cal) => seen.push(cal.extraHolidays.size > 0));
    expect(applyCalendarSetting(EXTRA_HOLIDAY)).toBe(true);
    expect(currentPolicy()).toEqual(DEFAULT_POLICY);
    expect(applyCalendarSetting(JSON.stringify({ extraHolidays: ['2026-10-12'], extraWorkdays: [] }))).toBe(false); // same calendar
    expect(applyPolicySetting('{"notice":{"days":7}}')).toBe(true); // the calendar stays
    expect(isWorkingDay(currentCalendar(), day('2026-10-12'))).toEqual({ ok: true, value: false, notes: [] });
    expect(applyCalendarSetting(null)).toBe(true);
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
    off();
    expect(seen).toEqual([true, true, false]);
  });

  it('a bad calendar setting keeps the statutory calendar and is reported like a policy error', () => {
    applySettings({ policy: '{"notice":{"days":-1}}', calendar: JSON.stringify({ extraHolidays: ['2026-13-01'] }) });
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
    expect(currentPolicy().notice.days).toBe(5);
    expect(policyErrors().map((e) => [e.code, e.severity])).toEqual([
      ['policy.invalid-value', 'error'],
      ['calendar.invalid-date', 'error'],
    ]);
    expect(policyErrors()[1].message['zh-CN']).toContain('2026-13-01');
    expect(policyErrors()[1].message['en-US']).toContain('not a valid YYYY-MM-DD date');
    applyCalendarSetting('{not json');
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
    expect(policyErrors().map((e) => e.code)).toEqual(['policy.invalid-value', 'calendar.invalid-date']);
    expect(policyErrors()[1].message['zh-CN']).toContain('（calendar）不是有效的 JSON');
    // A calendar that contradicts itself is refused as a whole, not resolved by an arbitrary order.
    applyCalendarSetting(JSON.stringify({ extraHolidays: ['2026-10-12'], extraWorkdays: ['2026-10-12'] }));
    expect(currentCalendar()).toBe(STATUTORY_CALENDAR);
    expect(policyErrors()[1].code).toBe('calendar.override-conflict');
  });

  it('two bundled copies of the module share one state, as taskpane.js and functions.js do in the shared runtime', () => {
    // webpack gives each entry its own copy of this module; the task pane saves settings through
    // its copy (Settings → refreshPolicy) while the CADRE functions read theirs.
    type Source = typeof import('../../../src/functions/policy-source');
    let pane: Source | undefined;
    let functions: Source | undefined;
    jest.isolateModules(() => {
      pane = jest.requireActual<Source>('../../../src/functions/policy-source');
    });
    jest.isolateModules(() => {
      functions = jest.requireActual<Source>('../../../src/functions/policy-source');
    });
    expect(pane).not.toBe(functions);
    const seen: number[] = [];
    const off = functions!.onPolicyChange((p) => seen.push(p.notice.days));
    expect(pane!.applyPolicySetting('{"notice":{"days":7}}')).toBe(true);
    expect(functions!.currentPolicy().notice.days).toBe(7);
    expect(currentPolicy().notice.days).toBe(7);
    expect(seen).toEqual([7]);
    // The functions' copy sees the same stored text, so reading it again is no change (no second recalculation).
    expect(functions!.applyPolicySetting('{"notice":{"days":7}}')).toBe(false);
    off();
  });
});
