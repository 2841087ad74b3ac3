import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { checkProbationReports, CODES, probationEnd, probationStatus, reportDueDates, type ProbationStatus } from '../../../src/rules/probation';
import { addDays, formatIso, fromEpochDay, type LocalDate, parseIso, toEpochDay } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
const P = DEFAULT_POLICY;
const withProb = (v: Partial<Policy['probation']>): Policy => ({ ...P, probation: { ...P.probation, ...v } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);
const iso = (d: LocalDate | null) => (d ? formatIso(d) : null);

describe('probationEnd = EDATE(start, 12) (Civil Code art. 201/202)', () => {
  it.each([
    ['2025-03-15', 12, '2026-03-15', 'same day next year'],
    ['2024-02-29', 12, '2025-02-28', 'no Feb 29 in 2025: month end'],
    ['2023-02-28', 12, '2024-02-28', 'not moved to the 29th'],
    ['2025-01-31', 12, '2026-01-31', 'Jan 31 stays Jan 31 after a year'],
    ['2025-01-31', 1, '2025-02-28', 'Jan 31 + 1 month → Feb 28'],
    ['2024-01-31', 1, '2024-02-29', 'Jan 31 + 1 month in a leap year → Feb 29'],
    ['2023-03-31', 11, '2024-02-29', '11 months to a leap February'],
    ['2025-12-31', 6, '2026-06-30', 'Dec 31 + 6 → Jun 30'],
  ])('%s + %i months → %s (%s)', (start, months, end) => {
    const d = probationEnd(D(start), withProb({ months }));
    expect(iso(d.outcome)).toBe(end);
    expect(d.reasons[0]).toMatchObject({ code: 'probation.end', rule: '二.5', threshold: months });
  });

  it('bad start or policy is a finding', () => {
    expect(codes(probationEnd({ y: 2025, m: 2, d: 29 }, P).reasons)).toEqual(['probation.invalid-date']);
    expect(codes(probationEnd(D('2025-03-15'), withProb({ months: 0 })).reasons)).toEqual(['probation.policy-invalid']);
    expect(codes(probationEnd(D('2025-03-15'), withProb({ reportEveryMonths: 1.5 })).reasons)).toEqual(['probation.policy-invalid']);
    expect(codes(probationEnd(D('2025-03-15'), withProb({ dueSoonDays: -1 })).reasons)).toEqual(['probation.policy-invalid']);
  });
});

describe('reportDueDates (months 3, 6, 9, 12)', () => {
  it.each([
    ['2025-03-15', ['2025-06-15', '2025-09-15', '2025-12-15', '2026-03-15']],
    ['2025-11-30', ['2026-02-28', '2026-05-30', '2026-08-30', '2026-11-30']],
    ['2025-01-31', ['2025-04-30', '2025-07-31', '2025-10-31', '2026-01-31']],
    ['2024-02-29', ['2024-05-29', '2024-08-29', '2024-11-29', '2025-02-28']],
  ])('%s → %p (each from the start, no drift)', (start, dues) => {
    expect(reportDueDates(D(start), P).outcome.map(formatIso)).toEqual(dues);
  });

  it('only whole report periods inside the probation', () => {
    expect(reportDueDates(D('2025-03-15'), withProb({ reportEveryMonths: 5 })).outcome.map(formatIso)).toEqual(['2025-08-15', '2026-01-15']);
  });
  it('bad input gives no dates and a finding', () => {
    const d = reportDueDates({ y: 2025, m: 4, d: 31 }, P);
    expect(d.outcome).toEqual([]);
    expect(codes(d.reasons)).toEqual(['probation.invalid-date']);
    expect(codes(reportDueDates(D('2025-03-15'), withProb({ months: -12 })).reasons)).toEqual(['probation.policy-invalid']);
  });

  const start = fc.integer({ min: toEpochDay(D('1990-01-01')), max: toEpochDay(D('2040-12-31')) }).map(fromEpochDay);
  it('due dates are strictly increasing and the last one is the end of probation (property)', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), (s, every, k) => {
        const p = withProb({ reportEveryMonths: every, months: every * k });
        const dues = reportDueDates(s, p).outcome;
        expect(dues).toHaveLength(k);
        for (let i = 1; i < dues.length; i++) expect(toEpochDay(dues[i])).toBeGreaterThan(toEpochDay(dues[i - 1]));
        expect(toEpochDay(dues[0])).toBeGreaterThan(toEpochDay(s));
        expect(iso(dues[dues.length - 1])).toBe(iso(probationEnd(s, p).outcome));
      }),
    );
  });
});

describe('checkProbationReports (a report counts for the quarter it is received in)', () => {
  const start = D('2025-03-15'); // periods: [03-15, 06-15], [06-16, 09-15], [09-16, 12-15], [12-16, 2026-03-15]

  it('on the due date counts; the day after counts for the next quarter, leaving a gap', () => {
    const d = checkProbationReports(start, [D('2025-06-15'), D('2025-09-16')], D('2026-01-10'), P);
    expect(d.outcome.map((q) => q.state)).toEqual(['received', 'overdue', 'received', 'pending']);
    expect(iso(d.outcome[2].receivedOn)).toBe('2025-09-16');
    expect(iso(d.outcome[1].from)).toBe('2025-06-16');
    const overdue = d.reasons.filter((r) => r.code === 'probation.report-overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].message['zh-CN']).toContain('2025-09-15');
  });

  it.each([
    ['2025-06-15', 'pending', 'on the due date itself it is not yet overdue'],
    ['2025-06-16', 'overdue', 'the day after it is'],
  ])('no report, as of %s → first quarter %s (%s)', (asOf, state) => {
    expect(checkProbationReports(start, [], D(asOf), P).outcome[0].state).toBe(state);
  });

  it('a report on the start day counts for the first quarter; two in one quarter count once', () => {
    const d = checkProbationReports(start, [D('2025-05-01'), D('2025-03-15')], D('2025-10-01'), P);
    expect(d.outcome.map((q) => q.state)).toEqual(['received', 'overdue', 'pending', 'pending']);
    expect(iso(d.outcome[0].receivedOn)).toBe('2025-03-15');
  });

  it('all four overdue a year later with nothing received', () => {
    const d = checkProbationReports(start, [], D('2026-03-16'), P);
    expect(codes(d.reasons)).toEqual(Array(4).fill('probation.report-overdue'));
    expect(d.reasons[3]).toMatchObject({ severity: 'warning', value: 4, threshold: 3, rule: '二.5' });
  });

  it('reports dated before the start, after the as-of date, or impossible are findings and are not counted', () => {
    const d = checkProbationReports(start, [D('2025-03-14'), D('2025-07-01'), { y: 2025, m: 6, d: 31 }], D('2025-06-20'), P);
    expect(codes(d.reasons).slice(0, 3)).toEqual(['probation.report-before-start', 'probation.report-after-as-of', 'probation.invalid-date']);
    expect(d.outcome[0].state).toBe('overdue');
  });

  it('bad as-of date or policy', () => {
    expect(codes(checkProbationReports(start, [], { y: 2025, m: 13, d: 1 }, P).reasons)).toEqual(['probation.invalid-date']);
    expect(codes(checkProbationReports(start, [], D('2025-06-20'), withProb({ months: 0 })).reasons)).toEqual(['probation.policy-invalid']);
  });

  it('a report on every due date means nothing is ever overdue (property)', () => {
    const s = fc.integer({ min: toEpochDay(D('2000-01-01')), max: toEpochDay(D('2030-12-31')) }).map(fromEpochDay);
    fc.assert(
      fc.property(s, fc.integer({ min: 0, max: 500 }), (st, later) => {
        const dues = reportDueDates(st, P).outcome;
        const asOf = addDays(dues[3], later - 100);
        const got = dues.filter((d) => toEpochDay(d) <= toEpochDay(asOf));
        const r = checkProbationReports(st, got, asOf, P);
        expect(codes(r.reasons)).not.toContain('probation.report-overdue');
      }),
    );
  });
});

describe('probationStatus', () => {
  const start = D('2025-03-15'); // ends 2026-03-15; dueSoonDays 30
  it.each<[string, ProbationStatus, string]>([
    ['2025-03-15', '试用期内', 'first day'],
    ['2026-02-12', '试用期内', '31 days left'],
    ['2026-02-13', '即将期满', '30 days left'],
    ['2026-03-15', '即将期满', 'last day of probation'],
    ['2026-03-16', '期满待考核', 'the day after the end'],
  ])('as of %s → %s (%s)', (asOf, status) => {
    expect(probationStatus(start, D(asOf), null, P).outcome).toBe(status);
  });

  it('期满待考核 is a warning with the days since the end', () => {
    const d = probationStatus(start, D('2026-04-14'), null, P);
    expect(d.reasons[0]).toMatchObject({ code: 'probation.awaiting-assessment', severity: 'warning', value: 30 });
  });

  it.each<[string, boolean, ProbationStatus]>([
    ['2026-03-19', true, '期满待考核'],
    ['2026-03-20', true, '已正式任职'],
    ['2026-03-20', false, '已解除试任职务'],
  ])('assessed 2026-03-20, as of %s, competent=%s → %s', (asOf, competent, status) => {
    expect(probationStatus(start, D(asOf), { date: D('2026-03-20'), competent }, P).outcome).toBe(status);
  });

  it('an assessment before the end is flagged but still decides the status', () => {
    const d = probationStatus(start, D('2026-03-10'), { date: D('2026-03-01'), competent: true }, P);
    expect(d.outcome).toBe('已正式任职');
    expect(codes(d.reasons)).toEqual(['probation.assessed-early', 'probation.status']);
  });

  it('before the start, or with impossible dates, there is no status', () => {
    expect(codes(probationStatus(start, D('2025-03-14'), null, P).reasons)).toEqual(['probation.not-started']);
    expect(probationStatus(start, { y: 2026, m: 2, d: 29 }, null, P).outcome).toBeNull();
    expect(codes(probationStatus(start, D('2026-04-01'), { date: { y: 2026, m: 2, d: 30 }, competent: true }, P).reasons)).toEqual(['probation.invalid-date']);
    expect(codes(probationStatus({ y: 2025, m: 2, d: 29 }, D('2026-04-01'), null, P).reasons)).toEqual(['probation.invalid-date']);
  });

  it('without an assessment the status only moves forward in time (property)', () => {
    const order: ProbationStatus[] = ['试用期内', '即将期满', '期满待考核'];
    const day = fc.integer({ min: 0, max: 800 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const sx = probationStatus(start, addDays(start, x), null, P).outcome!;
        const sy = probationStatus(start, addDays(start, y), null, P).outcome!;
        expect(order.indexOf(sx)).toBeLessThanOrEqual(order.indexOf(sy));
      }),
    );
  });
});

describe('CODES', () => {
  it('documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});
