import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { accountability, CODES, type AccountabilityScope } from '../../../src/rules/accountability';
import { addDays, addMonths, formatIso, fromEpochDay, type LocalDate, parseIso, toEpochDay } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
const P = DEFAULT_POLICY;
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('accountability (二.6)', () => {
  const appointed = D('2025-03-15');
  it.each<[string, AccountabilityScope, string]>([
    ['2024-11-02', 'before-appointment', 'accountability.selection'],
    ['2025-03-14', 'before-appointment', 'accountability.selection'],
    ['2025-03-15', 'within-window', 'accountability.current-unit'], // appointment day: already in post
    ['2026-03-14', 'within-window', 'accountability.current-unit'],
    ['2026-03-15', 'within-window', 'accountability.current-unit'], // anniversary = last day of "一年内"
    ['2026-03-16', 'outside-clause', 'accountability.outside-clause'],
  ])('appointed 2025-03-15, problem on %s → %s', (occurred, scope, code) => {
    const d = accountability({ appointed, occurred: D(occurred) }, P);
    expect(d.outcome?.scope).toBe(scope);
    expect(formatIso(d.outcome!.windowEnd)).toBe('2026-03-15');
    expect(codes(d.reasons)).toEqual([code]);
    expect(d.reasons[0].rule).toBe('二.6');
  });

  it('names the responsible parties of each branch', () => {
    expect(accountability({ appointed, occurred: D('2024-01-01') }, P).outcome?.responsible).toEqual(['selection-officials', 'original-unit-committee-head']);
    expect(accountability({ appointed, occurred: D('2025-06-01') }, P).outcome?.responsible).toEqual([
      'current-unit-committee-leadership',
      'current-unit-committee-supervising',
    ]);
    expect(accountability({ appointed, occurred: D('2027-01-01') }, P).outcome?.responsible).toEqual([]);
  });

  it('Feb 29 appointment: the window ends Feb 28 next year', () => {
    const a = D('2024-02-29');
    expect(accountability({ appointed: a, occurred: D('2025-02-28') }, P).outcome?.scope).toBe('within-window');
    expect(accountability({ appointed: a, occurred: D('2025-03-01') }, P).outcome?.scope).toBe('outside-clause');
  });

  it('a pre-appointment problem whose facts are not established yet carries a warning', () => {
    const d = accountability({ appointed, occurred: D('2024-05-01'), found: D('2025-08-01'), factsEstablished: false }, P);
    expect(codes(d.reasons)).toEqual(['accountability.selection', 'accountability.facts-pending']);
  });

  it('a county window of 24 months is honoured', () => {
    const p: Policy = { ...P, accountability: { windowMonths: 24 } };
    expect(accountability({ appointed, occurred: D('2027-03-15') }, p).outcome?.scope).toBe('within-window');
  });

  it.each([
    [{ appointed: { y: 2025, m: 2, d: 29 }, occurred: D('2025-06-01') }, 'accountability.invalid-date'],
    [{ appointed, occurred: { y: 2025, m: 6, d: 31 } }, 'accountability.invalid-date'],
    [{ appointed, occurred: D('2025-06-01'), found: { y: 2025, m: 0, d: 1 } }, 'accountability.invalid-date'],
    [{ appointed, occurred: D('2025-06-01'), found: D('2025-05-31') }, 'accountability.found-before-occurred'],
  ])('bad record → %s, no outcome', (c, code) => {
    const d = accountability(c, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual([code]);
  });

  it.each([0, 1.5, -12])('windowMonths %p → accountability.policy-invalid', (windowMonths) => {
    expect(codes(accountability({ appointed, occurred: D('2025-06-01') }, { ...P, accountability: { windowMonths } }).reasons)).toEqual([
      'accountability.policy-invalid',
    ]);
  });

  it('scope is before < within ≤ EDATE(appointed, 12) < outside for every pair of dates (property)', () => {
    const day = fc.integer({ min: toEpochDay(D('2000-01-01')), max: toEpochDay(D('2035-12-31')) });
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (a, offset) => {
        const ap = fromEpochDay(a);
        const oc = addDays(ap, offset);
        const end = toEpochDay(addMonths(ap, 12));
        const expected: AccountabilityScope = offset < 0 ? 'before-appointment' : toEpochDay(oc) <= end ? 'within-window' : 'outside-clause';
        expect(accountability({ appointed: ap, occurred: oc }, P).outcome?.scope).toBe(expected);
      }),
    );
  });

  it('CODES documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});
