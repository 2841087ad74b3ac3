import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { applyDismissal, CODES, DISMISSAL_OUTCOMES, incompetentTrigger, standbyEndDate, type DismissalOutcome } from '../../../src/rules/dismissal';
import { localDate } from '../../../src/values/local-date';

const P = DEFAULT_POLICY;
const withDis = (d: Partial<Policy['dismissal']>): Policy => ({ ...P, dismissal: { ...P.dismissal, ...d } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('incompetentTrigger (四.2)', () => {
  test.each([
    [50, 100, true],
    [5000, 10000, true],
    [4999, 10000, false],
    [1, 2, true],
    [3, 7, false],
    [4, 7, true],
    [15, 30, true],
    [14, 30, false],
    [166, 333, false],
    [167, 333, true],
    [0, 10, false],
  ])('%d/%d → %p', (bad, valid, triggered) => {
    const d = incompetentTrigger(bad, valid, P);
    expect(d.outcome).toBe(triggered);
    expect(d.reasons[0]).toMatchObject({
      rule: '四.2',
      code: triggered ? 'dismissal.triggered' : 'dismissal.not-triggered',
      threshold: 0.5,
      value: bad / valid,
      policyKey: 'dismissal.incompetentTriggerRatio',
    });
  });

  test.each([
    [11, 10],
    [-1, 10],
    [1, 0],
    [0.5, 10],
  ])('bad data %p/%p → null with an error', (bad, valid) => {
    const d = incompetentTrigger(bad, valid, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['dismissal.bad-votes']);
    expect(d.reasons[0].severity).toBe('error');
  });

  it('the other grounds of the same sentence trigger it too, even with bad vote data', () => {
    expect(incompetentTrigger(1, 10, P, { strongComplaints: true }).outcome).toBe(true);
    const d = incompetentTrigger(11, 10, P, { dividedViews: true, strongComplaints: true });
    expect(d.outcome).toBe(true);
    expect(codes(d.reasons)).toEqual(['dismissal.bad-votes', 'dismissal.triggered', 'dismissal.triggered']);
  });

  it('follows dismissal.incompetentTriggerRatio at its boundary', () => {
    const p = withDis({ incompetentTriggerRatio: 1 / 3 });
    expect(incompetentTrigger(1, 3, p).outcome).toBe(true);
    expect(incompetentTrigger(33, 100, p).outcome).toBe(false);
  });

  it('property: triggered exactly when 2·bad ≥ valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.nat(100000), (valid, b) => {
        const bad = b % (valid + 1);
        expect(incompetentTrigger(bad, valid, P).outcome).toBe(2 * bad >= valid);
      }),
    );
  });
});

describe('dismissal outcomes (四.2)', () => {
  it('four outcomes with descriptions in both languages', () => {
    expect(Object.keys(DISMISSAL_OUTCOMES)).toEqual(['remove-without-rank', 'remove-keep-rank-standby', 'admonition', 'demotion']);
    for (const o of Object.values(DISMISSAL_OUTCOMES)) {
      expect(o.description['zh-CN']).not.toBe('');
      expect(o.description['en-US']).not.toBe('');
    }
  });

  test.each([
    [localDate(2024, 1, 15), localDate(2024, 7, 15)],
    [localDate(2023, 8, 31), localDate(2024, 2, 29)],
    [localDate(2023, 12, 31), localDate(2024, 6, 30)],
  ])('standby from %p ends %p (EDATE, 6 months)', (start, end) => {
    expect(standbyEndDate(start, P)).toEqual(end);
    const d = applyDismissal('remove-keep-rank-standby', start, P);
    expect(d.outcome).toEqual({ outcome: 'remove-keep-rank-standby', keepsRank: true, standbyEnd: end });
    expect(d.reasons[0]).toMatchObject({ code: 'dismissal.outcome', value: 6, policyKey: 'dismissal.standbyMonths' });
  });

  it('dismissal.standbyMonths is read from the policy', () => {
    expect(standbyEndDate(localDate(2024, 1, 31), withDis({ standbyMonths: 1 }))).toEqual(localDate(2024, 2, 29));
  });

  test.each([
    ['remove-without-rank', false],
    ['admonition', true],
    ['demotion', false],
  ] as [DismissalOutcome, boolean][])('%s keeps rank: %p, no standby date', (o, keeps) => {
    const d = applyDismissal(o, localDate(2024, 1, 1), P);
    expect(d.outcome).toEqual({ outcome: o, keepsRank: keeps });
    expect(d.reasons[0].message['zh-CN']).toBe(DISMISSAL_OUTCOMES[o].label);
  });

  it('every emitted code is documented', () => {
    const documented = new Set(CODES.map((c) => c.code));
    const emitted = [
      ...incompetentTrigger(1, 2, P).reasons,
      ...incompetentTrigger(0, 2, P).reasons,
      ...incompetentTrigger(3, 2, P).reasons,
      ...applyDismissal('demotion', localDate(2024, 1, 1), P).reasons,
    ];
    for (const r of emitted) expect(documented.has(r.code)).toBe(true);
  });
});
