import fc from 'fast-check';
import { STATUTORY_CALENDAR, workCalendar } from '../../../src/calendar';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { checkAssetDeclaration, checkNotice, CODES, findAssetDetails, noticeEnd, type NoticeRecord } from '../../../src/rules/notice';
import { formatIso, fromEpochDay, type LocalDate, parseIso, toEpochDay } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
const withNotice = (n: Partial<Policy['notice']>): Policy => ({ ...DEFAULT_POLICY, notice: { ...DEFAULT_POLICY.notice, ...n } });
const WORKING = DEFAULT_POLICY;
const CALENDAR = withNotice({ dayKind: 'calendar' });
const endIso = (start: string, p: Policy): string | null => {
  const e = noticeEnd(D(start), p).outcome;
  return e ? formatIso(e) : null;
};
const FULL: NoticeRecord['contents'] = Object.fromEntries(DEFAULT_POLICY.notice.requiredFields.map((f) => [f, '已填写']));
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('noticeEnd (二.4 公示期限为5天)', () => {
  it('9月1日–9月5日 is five days in calendar mode', () => {
    expect(endIso('2026-09-01', CALENDAR)).toBe('2026-09-05');
    expect(endIso('2026-09-01', withNotice({ dayKind: 'calendar', countStartDay: false }))).toBe('2026-09-06');
  });

  it('a notice starting 2026-09-30 crossing National Day, working-day mode, ends 2026-10-12', () => {
    // 2026 per 国务院办公厅 notice (chinese-days data): 10-01..10-07 off; 09-20 (Sun) and 10-10 (Sat)
    // are 调休 working days. Day 1 = 09-30 (Wed), then 10-08 Thu (2), 10-09 Fri (3),
    // 10-10 Sat 调休 (4), 10-11 Sun off, 10-12 Mon (5).
    const d = noticeEnd(D('2026-09-30'), WORKING);
    expect(d.outcome && formatIso(d.outcome)).toBe('2026-10-12');
    expect(codes(d.reasons)).toEqual(['notice.end']);
    expect(d.reasons[0]).toMatchObject({ rule: '二.4', threshold: 5, policyKey: 'notice.days' });
  });

  it('the same notice in calendar mode ends 2026-10-04 (09-30, 10-01, 10-02, 10-03, 10-04)', () => {
    expect(endIso('2026-09-30', CALENDAR)).toBe('2026-10-04');
  });

  it('a start on a day off (2026-10-03, National Day) counts from the next working day', () => {
    // Day 1 = 10-08 Thu, 2 = 10-09 Fri, 3 = 10-10 Sat (调休), 4 = 10-12 Mon, 5 = 10-13 Tue.
    const d = noticeEnd(D('2026-10-03'), WORKING);
    expect(d.outcome && formatIso(d.outcome)).toBe('2026-10-13');
    expect(codes(d.reasons)).toEqual(['notice.start-not-working-day', 'notice.end']);
  });

  it.each([
    ['2026-03-02', '2026-03-06', 'Mon–Fri'],
    ['2026-03-06', '2026-03-12', 'Fri + next Mon–Thu'],
    ['2026-09-16', '2026-09-21', 'Wed 16, Thu 17, Fri 18, Sun 20 (调休), Mon 21'],
  ])('working mode %s → %s (%s)', (start, expected) => {
    expect(endIso(start, WORKING)).toBe(expected);
  });

  it('working mode without counting the start day', () => {
    expect(endIso('2026-03-02', withNotice({ countStartDay: false }))).toBe('2026-03-09');
  });

  it('a start in a year the calendar does not know is calendar.unknown-year, not a guess', () => {
    const d = noticeEnd(D('2027-01-04'), WORKING);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['calendar.unknown-year']);
    // …and it works once the county enters the day range it needs.
    const cal = workCalendar({ years: [{ year: 2027, holidays: [D('2027-01-01')], workdays: [] }] });
    if (!cal.ok) throw new Error('calendar');
    expect(formatIso(noticeEnd(D('2027-01-04'), WORKING, cal.value).outcome!)).toBe('2027-01-08');
  });

  it.each([0, -1, 2.5])('days = %p is notice.policy-invalid', (days) => {
    const d = noticeEnd(D('2026-03-02'), withNotice({ days }));
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['notice.policy-invalid']);
  });

  it('an invalid start is notice.invalid-date', () => {
    expect(codes(noticeEnd({ y: 2026, m: 2, d: 30 }, WORKING).reasons)).toEqual(['notice.invalid-date']);
  });

  const day = fc.integer({ min: toEpochDay(D('2004-01-01')), max: toEpochDay(D('2026-11-30')) });
  it('the end is monotone in the start, never before it, in both modes (property)', () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom(WORKING, CALENDAR), fc.boolean(), (a, b, base, cs) => {
        const p = withNotice({ dayKind: base.notice.dayKind, countStartDay: cs });
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = noticeEnd(fromEpochDay(lo), p, STATUTORY_CALENDAR).outcome!;
        const y = noticeEnd(fromEpochDay(hi), p, STATUTORY_CALENDAR).outcome!;
        expect(toEpochDay(x)).toBeGreaterThanOrEqual(lo);
        expect(toEpochDay(x)).toBeLessThanOrEqual(toEpochDay(y));
      }),
    );
  });

  it('a record that ends on the computed end always passes (property)', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(WORKING, CALENDAR), (e, p) => {
        const start = fromEpochDay(e);
        const end = noticeEnd(start, p).outcome!;
        expect(checkNotice({ start, end, contents: FULL }, p).outcome.ok).toBe(true);
      }),
    );
  });
});

describe('checkNotice', () => {
  it('complete and long enough → ok', () => {
    const d = checkNotice({ start: D('2026-09-30'), end: D('2026-10-12'), contents: FULL }, WORKING);
    expect(d.outcome).toEqual({ ok: true, requiredEnd: D('2026-10-12'), missingFields: [] });
    expect(codes(d.reasons)).toEqual(['notice.ok']);
  });

  it('one finding per missing or blank required item', () => {
    const contents = { ...FULL, 经济审计: '  ', 家庭财产申报结果: null, '现任职务(职称)': undefined };
    const d = checkNotice({ start: D('2026-09-30'), end: D('2026-10-12'), contents }, WORKING);
    expect(d.outcome.ok).toBe(false);
    expect(d.outcome.missingFields).toEqual(['经济审计', '家庭财产申报结果', '现任职务(职称)']);
    expect(codes(d.reasons)).toEqual(['notice.field-missing', 'notice.field-missing', 'notice.field-missing']);
    expect(d.reasons[0].message['zh-CN']).toContain('经济审计');
  });

  it('ending one working day early (Sunday 10-11 instead of Monday 10-12) is notice.too-short with the dates', () => {
    const d = checkNotice({ start: D('2026-09-30'), end: D('2026-10-11'), contents: FULL }, WORKING);
    expect(codes(d.reasons)).toEqual(['notice.too-short']);
    expect(d.reasons[0]).toMatchObject({ threshold: 5, value: 4, severity: 'error' });
    expect(d.reasons[0].message['zh-CN']).toContain('2026-10-12');
    expect(d.reasons[0].message['en-US']).toContain('2026-10-11');
  });

  it.each([
    ['2026-09-04', true, '4 calendar days'],
    ['2026-09-05', false, 'exactly five days'],
    ['2026-09-06', false, 'longer is fine'],
  ])('calendar mode 2026-09-01 → %s: too short = %s (%s)', (end, short) => {
    const d = checkNotice({ start: D('2026-09-01'), end: D(end), contents: FULL }, CALENDAR);
    expect(codes(d.reasons).includes('notice.too-short')).toBe(short);
    if (short) expect(d.reasons[0].value).toBe(4);
  });

  it('too short without counting the start day reports the days from the next day', () => {
    const d = checkNotice({ start: D('2026-09-01'), end: D('2026-09-05'), contents: FULL }, withNotice({ dayKind: 'calendar', countStartDay: false }));
    expect(d.reasons[0]).toMatchObject({ code: 'notice.too-short', value: 4 });
  });

  it('end before start is its own error', () => {
    expect(codes(checkNotice({ start: D('2026-09-30'), end: D('2026-09-01'), contents: FULL }, WORKING).reasons)).toEqual(['notice.end-before-start']);
  });

  it('an invalid end date or an unknown-year start gives a finding, not a verdict on the period', () => {
    expect(codes(checkNotice({ start: D('2026-09-30'), end: { y: 2026, m: 9, d: 31 }, contents: FULL }, WORKING).reasons)).toEqual(['notice.invalid-date']);
    const d = checkNotice({ start: D('2027-03-01'), end: D('2027-03-10'), contents: FULL }, WORKING);
    expect(codes(d.reasons)).toEqual(['calendar.unknown-year']);
    expect(d.outcome.requiredEnd).toBeNull();
  });

  it('a county policy with other required fields is honoured', () => {
    const p = withNotice({ requiredFields: ['基本情况', '廉政意见'] });
    const d = checkNotice({ start: D('2026-03-02'), end: D('2026-03-06'), contents: { 基本情况: 'x' } }, p);
    expect(d.outcome.missingFields).toEqual(['廉政意见']);
  });
});

describe('CODES', () => {
  it('documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});

describe('findAssetDetails: a 家庭财产申报结果 gives the result, never the assets (二.4)', () => {
  const kinds = (t: string) => [...new Set(findAssetDetails(t).map((d) => d.kind))].sort();

  it.each([
    ['已如实申报'],
    ['无'],
    ['经核查无异常'],
    ['按规定报告'],
    ['已按规定报告个人有关事项'],
    ['房产、车辆、存款等情况已如实申报'],
    ['存款一律如实申报，经核查一致'],
    ['2025年3月已如实申报'],
    ['2025-03-03申报，2025.3.5核查无异常'],
    ['二〇二五年三月已按规定报告'],
    ['住房情况已于2025年3月如实申报'],
    ['民主推荐得票21票（21/38），已如实申报'],
    ['经3人核查无异常'],
    ['身份证号110101********0012，已如实申报'],
    [''],
  ])('%p is a result: nothing flagged', (text) => {
    expect(findAssetDetails(text)).toEqual([]);
    expect(checkAssetDeclaration(text)).toEqual([]);
  });

  it.each([
    ['存款30万元，住房两套共260平方米', ['amount', 'area', 'count', 'holding']],
    ['住房一套120平方米，存款30万元', ['amount', 'area', 'count', 'holding']],
    ['存款约1.2万', ['amount', 'holding']],
    ['人民币5,000元', ['amount']],
    ['存款三十万元', ['amount']],
    ['住房98.5㎡', ['area', 'holding']],
    ['住房两百平米', ['area']],
    ['宅基地0.3亩', ['area']],
    ['轿车1辆', ['count', 'holding']],
    ['商铺三处房产', ['count']],
    ['股票5000股', ['holding']],
    ['持有基金3只', ['holding']],
    ['理财两笔', ['holding']],
    ['工资卡卡号：6222 0200 1234 5678', ['account']],
    ['建行账户6217000012345678901', ['account']],
    ['存款３０万元', ['amount', 'holding']],
    ['已如实申报（房产1套，存款20万）', ['amount', 'count', 'holding']],
  ])('%p gives details: %p', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
    const rs = checkAssetDeclaration(text);
    expect(rs.map((r) => [r.code, r.severity, r.rule])).toEqual([['notice.asset-details', 'warning', '二.4']]);
  });

  it('positions point into the given text, and the message names kinds, never the figures', () => {
    const text = '已如实申报：存款３０万元，住房120平方米';
    const found = findAssetDetails(text);
    expect(found.map((d) => text.slice(d.index, d.index + d.length))).toEqual(expect.arrayContaining(['３０万元', '120平方米']));
    const [r] = checkAssetDeclaration(text);
    expect(r.message['zh-CN']).toContain('金额、面积');
    expect(r.message['en-US']).toContain('amounts, areas');
    for (const m of [r.message['zh-CN'], r.message['en-US']]) {
      expect(m).not.toMatch(/30|３０|120|平方米/);
    }
  });

  it('notice.asset-details is documented as a warning', () => {
    expect(CODES.find((c) => c.code === 'notice.asset-details')?.severity).toBe('warning');
  });
});
