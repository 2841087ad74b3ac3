/**
 * The entry layer (src/functions/functions.ts): FnErrors become CustomFunctions.Error (#VALUE! /
 * #N/A) with the message in the Office UI language, spilled errors stay in their cells, the
 * *TODAY twins use today's date, and every function reads the workbook policy.
 */
import * as F from '../../../src/functions/functions';
import { applyPolicySetting, applySettings } from '../../../src/functions/policy-source';
import { addDays, todayLocal, toSerial } from '../../../src/values/local-date';
import { serial } from './helpers';

class FakeCfError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  g.CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
});
afterEach(() => {
  delete g.Office;
  applySettings({ policy: null, calendar: null });
});
afterAll(() => {
  delete g.CustomFunctions;
});

function thrown(fn: () => unknown): FakeCfError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeCfError) return e;
    throw e;
  }
  throw new Error('expected a CustomFunctions.Error to be thrown');
}

describe('CADRE entry functions', () => {
  it('return plain values for good input', () => {
    expect(F.voteRatio('45', 90)).toBe(0.5);
    expect(F.votePass(50, 100, '原班子')).toBe(true);
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-12'));
    expect(F.noticeOk('2026-09-30', '2026-10-12')).toBe(true);
    expect(F.committeePass(8, 15, 12)).toBe(true);
    expect(F.probationEnd('2024-02-29')).toBe(serial('2025-02-28'));
    expect(F.probationStatus('2025-03-15', '2025-06-01')).toBe('试用期内');
    expect(F.reportsDue('2025-03-15', '2025-06-16')).toBe(1);
    expect(F.accountability('2025-03-15', '2026-03-16')).toContain('不适用本条');
    expect(F.incompetentTrigger(50, 100)).toBe(true);
    expect(F.idMask('11010519491231002X')).toBe('110105********002X');
    expect(F.idCheck('')).toBe('');
    expect(F.toDate('1985.03')).toBe(serial('1985-03-01'));
  });

  it('throw #VALUE! with the zh-CN message by default, en-US when Office speaks English', () => {
    const zh = thrown(() => F.voteRatio(-3, 10));
    expect(zh).toEqual(new FakeCfError('#VALUE!', '「得票数」应为不小于0的整数，收到 -3'));
    g.Office = { context: { displayLanguage: 'en-US' } };
    expect(thrown(() => F.voteRatio(-3, 10)).message).toBe('votes should be a whole number ≥ 0; got -3');
    g.Office = { context: { displayLanguage: 'zh-CN' } };
    expect(thrown(() => F.voteRatio(-3, 10)).message).toContain('「得票数」');
  });

  it('throw #N/A where no answer exists yet', () => {
    expect(thrown(() => F.toDate('至今')).code).toBe('#N/A');
    expect(thrown(() => F.probationStatus('2025-03-15', '2025-01-01')).code).toBe('#N/A');
  });

  it('spill one cell per row, with per-row errors as error values in their cells', () => {
    const out = F.elimRank([[30], [null], ['x'], [10]], [[100], [null], [100], [100]]);
    expect(out).toHaveLength(4);
    expect(out[1]).toEqual(['']);
    expect(out[2][0]).toBeInstanceOf(FakeCfError);
    expect((out[2][0] as FakeCfError).message).toContain('「不称职票（区域第3行）」');
    expect((out[0][0] as FakeCfError).code).toBe('#VALUE!');
    const tiers = F.elimTier(
      Array.from({ length: 100 }, (_, i) => [100 - i]),
      Array.from({ length: 100 }, () => [1000]),
    );
    expect(tiers.slice(0, 3)).toEqual([['免职'], ['诫勉'], ['']]);
    expect(F.shortlist([['局长'], ['局长']], [[9], [8]], [[10], [10]])).toEqual([['建议人选'], ['建议人选']]);
    expect(() => F.elimRank([[1], [2]], [[3]])).toThrow(FakeCfError);
  });

  it('the *TODAY twins answer as of today, the same as the as-of version given today', () => {
    const today = todayLocal();
    const start = toSerial(addDays(today, -40));
    expect(F.probationStatusToday(start)).toBe(F.probationStatus(start, toSerial(today)));
    expect(F.probationStatusToday(start)).toBe('试用期内');
    const old = toSerial(addDays(today, -800));
    expect(F.reportsDueToday(old)).toBe(4);
    expect(F.reportsDueToday(old)).toBe(F.reportsDue(old, toSerial(today)));
  });

  it('use the workbook policy when one is stored, the defaults otherwise', () => {
    expect(F.votePass(30, 100, '新推荐')).toBe(true);
    expect(F.noticeEnd('2026-09-01')).toBe(serial('2026-09-07'));
    applyPolicySetting(JSON.stringify({ recommend: { newcomerMinRatio: 0.35 }, notice: { dayKind: 'calendar' } }));
    expect(F.votePass(30, 100, '新推荐')).toBe(false);
    expect(F.noticeEnd('2026-09-01')).toBe(serial('2026-09-05'));
    // A parameter still overrides the threshold for its own formula.
    expect(F.votePass(30, 100, '新推荐', '30%')).toBe(true);
  });

  it('count working days by the workbook calendar: an extra holiday moves the notice end', () => {
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-12'));
    expect(F.noticeOk('2026-09-30', '2026-10-12')).toBe(true);
    applySettings({ policy: null, calendar: JSON.stringify({ extraHolidays: ['2026-10-12'] }) });
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-13'));
    expect(F.noticeOk('2026-09-30', '2026-10-12')).toBe(false);
    expect(F.noticeOk('2026-09-30', '2026-10-13')).toBe(true);
    // Together with a stored policy: 7 working days from 2026-09-30, skipping 10-12 too.
    applySettings({ policy: JSON.stringify({ notice: { days: 7 } }), calendar: JSON.stringify({ extraHolidays: ['2026-10-12'] }) });
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-15'));
  });

  it('a hand-entered year (2027) answers instead of #N/A', () => {
    const unknown = thrown(() => F.noticeEnd('2027-03-01'));
    expect(unknown.code).toBe('#N/A');
    expect(thrown(() => F.noticeOk('2027-03-01', '2027-03-05')).code).toBe('#N/A');
    const year2027 = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workdays: ['2027-02-14'],
    };
    applySettings({ policy: null, calendar: JSON.stringify({ years: [year2027] }) });
    expect(F.noticeEnd('2027-03-01')).toBe(serial('2027-03-05'));
    expect(F.noticeOk('2027-03-01', '2027-03-05')).toBe(true);
    // Across 春节 as entered: 02-05 (Fri), 02-14 (make-up Sunday), 02-15, 02-16, 02-17.
    expect(F.noticeEnd('2027-02-05')).toBe(serial('2027-02-17'));
  });

  it('a bad calendar setting keeps the statutory calendar', () => {
    applySettings({ policy: null, calendar: JSON.stringify({ extraHolidays: ['2026-10-32'] }) });
    expect(F.noticeEnd('2026-09-30')).toBe(serial('2026-10-12'));
    expect(thrown(() => F.noticeEnd('2027-03-01')).code).toBe('#N/A');
  });
});
