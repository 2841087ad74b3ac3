/** CADRE.NOTICEEND, NOTICEOK, PROBATIONEND, PROBATIONSTATUS, REPORTSDUE, ACCOUNTABILITY, TODATE. */
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import {
  ACCOUNTABILITY_LABELS,
  accountabilityFn,
  noticeEndFn,
  noticeOkFn,
  probationEndFn,
  probationStatusFn,
  reportsDueFn,
  toDateFn,
} from '../../../src/functions/impl/dates';
import { localDate } from '../../../src/values/local-date';
import { expectError, serial } from './helpers';

const P = DEFAULT_POLICY;
const FIELDS = P.notice.requiredFields;
const FULL = FIELDS.map((f) => `${f}：略`);

describe('CADRE.NOTICEEND (二.4, 5 working days)', () => {
  it.each([
    [serial('2026-09-30')],
    ['2026-09-30'],
    ['2026年9月30日'],
    ['2026.9.30'],
    ['２０２６－０９－３０'],
    [20260930],
    [{ type: 'Double', basicValue: serial('2026-09-30'), numberFormat: 'yyyy-mm-dd' }],
  ])('a notice from 2026-09-30 (%p) crossing National Day ends 2026-10-12', (start) => {
    expect(noticeEndFn(start, P)).toBe(serial('2026-10-12'));
  });

  it('calendar-day policy: 9月1日–9月5日', () => {
    const cal: Policy = { ...P, notice: { ...P.notice, dayKind: 'calendar' } };
    expect(noticeEndFn('2026-09-01', cal)).toBe(serial('2026-09-05'));
    expect(noticeEndFn('2026-09-30', cal)).toBe(serial('2026-10-04'));
  });

  it('a year the statutory calendar does not know yet is #N/A, not a guess', () => {
    expectError(noticeEndFn('2040-03-02', P), 'notAvailable', '「公示开始日期」');
  });

  it('bad or imprecise dates are #VALUE! naming the argument', () => {
    expectError(noticeEndFn('2026.09', P), 'invalidValue', '「公示开始日期」应为具体到日的日期', '"2026.09"');
    expectError(noticeEndFn('下周一', P), 'invalidValue', '「公示开始日期」无法将 "下周一" 识别为日期');
    expectError(noticeEndFn(null, P), 'invalidValue', '「公示开始日期」', '空白');
    expectError(noticeEndFn('2026-02-30', P), 'invalidValue', '「公示开始日期」日期 "2026-02-30" 无效');
  });
});

describe('CADRE.NOTICEOK', () => {
  it('long enough and complete, contents in policy order', () => {
    expect(noticeOkFn('2026-09-30', '2026-10-12', [FULL], null, P)).toBe(true);
  });

  it('one working day short (Sunday 10-11 instead of Monday 10-12) is FALSE', () => {
    expect(noticeOkFn(serial('2026-09-30'), serial('2026-10-11'), [FULL], null, P)).toBe(false);
  });

  it('without contents only the period is checked', () => {
    expect(noticeOkFn('2026-09-30', '2026-10-12', null, null, P)).toBe(true);
    expect(noticeOkFn('2026-09-30', '2026-10-09', undefined, undefined, P)).toBe(false);
  });

  it('a blank required item is FALSE; header names map the items in any order and width', () => {
    const blanks = FULL.map((v, i) => (i === 2 ? '' : v));
    expect(noticeOkFn('2026-09-30', '2026-10-12', [blanks], null, P)).toBe(false);
    const names = [...FIELDS].reverse().map((f) => f.replace('(', '（').replace(')', '）'));
    expect(noticeOkFn('2026-09-30', '2026-10-12', [[...FULL].reverse()], [names], P)).toBe(true);
    expect(noticeOkFn('2026-09-30', '2026-10-12', [FULL.slice(1)], [FIELDS.slice(1)], P)).toBe(false);
  });

  it('mismatched shapes and end-before-start are #VALUE!', () => {
    expectError(noticeOkFn('2026-09-30', '2026-10-12', [FULL.slice(1)], null, P), 'invalidValue', '「公示内容」应为 6 个单元格');
    expectError(noticeOkFn('2026-09-30', '2026-10-12', [FULL], [FIELDS.slice(1)], P), 'invalidValue', '「内容名称」应与「公示内容」的单元格数相同');
    expectError(noticeOkFn('2026-09-30', '2026-09-01', null, null, P), 'invalidValue', '早于开始日期');
    expectError(noticeOkFn('2026-09-30', 'x', null, null, P), 'invalidValue', '「公示截止日期」');
  });
});

describe('CADRE.PROBATIONEND (二.5, EDATE)', () => {
  it.each([
    ['2025-03-15', '2026-03-15'],
    ['2024-02-29', '2025-02-28'], // leap day clamps
    ['2025-01-31', '2026-01-31'],
  ])('%s → %s', (start, end) => {
    expect(probationEndFn(start, P)).toBe(serial(end));
    expect(probationEndFn(serial(start), P)).toBe(serial(end));
  });

  it('county policy months', () => {
    expect(probationEndFn('2025-01-31', { ...P, probation: { ...P.probation, months: 1 } })).toBe(serial('2025-02-28'));
  });

  it('bad start', () => {
    expectError(probationEndFn('1985年3月', P), 'invalidValue', '「任职日期」应为具体到日的日期');
  });
});

describe('CADRE.PROBATIONSTATUS', () => {
  const start = '2025-03-15'; // ends 2026-03-15
  it('试用期内 early in the year', () => {
    expect(probationStatusFn(start, '2025-06-01', null, null, P)).toBe('试用期内');
    expect(probationStatusFn(serial(start), serial('2025-06-01'), null, null, P)).toBe('试用期内');
  });

  it('即将期满 within dueSoonDays, 期满待考核 after the end, assessments decide', () => {
    expect(probationStatusFn(start, '2026-02-12', null, null, P)).toBe('试用期内'); // 31 days left
    expect(probationStatusFn(start, '2026-02-13', null, null, P)).toBe('即将期满'); // 30 days left
    expect(probationStatusFn(start, '2026-03-15', null, null, P)).toBe('即将期满'); // last day
    expect(probationStatusFn(start, '2026-03-16', null, null, P)).toBe('期满待考核');
    expect(probationStatusFn(start, '2026-03-25', '2026-03-20', '胜任', P)).toBe('已正式任职');
    expect(probationStatusFn(start, '2026-03-25', '2026-03-20', '不胜任', P)).toBe('已解除试任职务');
    expect(probationStatusFn(start, '2026-03-25', '2026-03-20', false, P)).toBe('已解除试任职务');
    // An assessment dated after the as-of date is not known yet.
    expect(probationStatusFn(start, '2026-03-18', '2026-03-20', '胜任', P)).toBe('期满待考核');
  });

  it('the *TODAY twin passes today as a LocalDate', () => {
    expect(probationStatusFn(start, localDate(2025, 6, 1), null, null, P)).toBe('试用期内');
  });

  it('as-of before the start has no status (#N/A); bad arguments #VALUE!', () => {
    expectError(probationStatusFn(start, '2025-03-01', null, null, P), 'notAvailable', '早于任职日期');
    expectError(probationStatusFn(start, null, null, null, P), 'invalidValue', '「检查日期」');
    expectError(probationStatusFn(start, '2026-03-25', null, '胜任', P), 'invalidValue', '「考核日期」');
    expectError(probationStatusFn(start, '2026-03-25', '2026-03-20', '还行', P), 'invalidValue', '「考核结果」应为“胜任”或“不胜任”', '"还行"');
  });
});

describe('CADRE.REPORTSDUE (quarterly reports overdue)', () => {
  it('nothing overdue on the due date, one the day after', () => {
    expect(reportsDueFn('2025-03-15', '2025-06-15', null, P)).toBe(0);
    expect(reportsDueFn('2025-03-15', '2025-06-16', null, P)).toBe(1);
    expect(reportsDueFn('2025-03-15', '2026-03-16', null, P)).toBe(4);
  });

  it('a Jan 31 start is due 04-30, 07-31, 10-31, 01-31 (each from the start, month-end clamped)', () => {
    expect(reportsDueFn('2025-01-31', '2025-04-30', null, P)).toBe(0);
    expect(reportsDueFn('2025-01-31', '2025-05-01', null, P)).toBe(1);
    expect(reportsDueFn('2025-01-31', '2025-05-01', [['2025-04-30']], P)).toBe(0);
  });

  it('received dates from a range, blanks ignored, any date form', () => {
    const received = [[serial('2025-06-10'), '', '2025年9月1日', null]];
    expect(reportsDueFn('2025-03-15', '2026-03-16', received, P)).toBe(2);
  });

  it('a report dated after the as-of date is bad data; a bad cell names its position', () => {
    expectError(reportsDueFn('2025-03-15', '2025-07-01', [['2025-08-01']], P), 'invalidValue', '晚于检查日期');
    expectError(reportsDueFn('2025-03-15', '2025-07-01', [['2025-06-01', 'abc']], P), 'invalidValue', '「汇报日期（第2个）」');
  });
});

describe('CADRE.ACCOUNTABILITY (二.6)', () => {
  it.each([
    ['2025-03-14', 'before-appointment'],
    ['2025-03-15', 'within-window'], // the appointment day itself is not "before"
    ['2026-03-15', 'within-window'], // last day of the year
    ['2026-03-16', 'outside-clause'],
  ] as const)('appointed 2025-03-15, problem on %s → %s', (occurred, scope) => {
    expect(accountabilityFn('2025-03-15', occurred, null, P)).toBe(ACCOUNTABILITY_LABELS[scope]);
  });

  it('Feb 29 appointment: the window ends Feb 28 next year', () => {
    expect(accountabilityFn(serial('2024-02-29'), serial('2025-02-28'), null, P)).toBe(ACCOUNTABILITY_LABELS['within-window']);
    expect(accountabilityFn(serial('2024-02-29'), serial('2025-03-01'), null, P)).toBe(ACCOUNTABILITY_LABELS['outside-clause']);
  });

  it('found before occurred is #VALUE!', () => {
    expectError(accountabilityFn('2025-03-15', '2025-05-01', '2025-04-01', P), 'invalidValue', '发现日期2025-04-01早于发生日期2025-05-01');
    expectError(accountabilityFn('2025-03-15', '', null, P), 'invalidValue', '「问题发生日期」');
  });
});

describe('CADRE.TODATE', () => {
  it.each([
    ['1985.03', '1985-03-01'],
    ['1985.3', '1985-03-01'],
    ['1985年3月', '1985-03-01'],
    [198503, '1985-03-01'],
    ['1985-03-01', '1985-03-01'],
    ['一九八五年三月', '1985-03-01'],
    ['１９８５．１０', '1985-10-01'],
    [1985.03, '1985-03-01'],
    [serial('2026-09-30'), '2026-09-30'],
  ])('TODATE(%p) = %s', (input, iso) => {
    expect(toDateFn(input)).toBe(serial(iso));
  });

  it('blank stays blank; 至今 is #N/A; 1985.1 (January or October?) is #VALUE!, not a guess', () => {
    expect(toDateFn(null)).toBe('');
    expect(toDateFn('')).toBe('');
    expectError(toDateFn('至今'), 'notAvailable', '「日期」', '至今');
    expectError(toDateFn(1985.1), 'invalidValue', '「日期」', '1985.10');
    expectError(toDateFn('1985.13'), 'invalidValue', '月份应为 1–12');
  });
});
