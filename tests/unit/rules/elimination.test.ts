import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy, type Rounding } from '../../../src/policy/policy';
import { CODES, eliminate, eliminationCounts, postKindOf, type EliminationRecord } from '../../../src/rules/elimination';
import { localDate } from '../../../src/values/local-date';

const P = DEFAULT_POLICY;
const withElim = (e: Partial<Policy['elimination']>): Policy => ({ ...P, elimination: { ...P.elimination, ...e } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

/** A population cadre with `bad` incompetent votes of `valid`. */
const cadre = (name: string, bad: number, valid = 100, extra: Partial<EliminationRecord> = {}): EliminationRecord => ({
  name,
  level: '正科级',
  realPost: true,
  incompetentVotes: bad,
  validVotes: valid,
  ...extra,
});

/** N cadres whose incompetent votes are N, N-1, …, 1 out of 1000: no ties, rank i+1 for cadre i. */
const distinct = (n: number) => Array.from({ length: n }, (_, i) => cadre(`c${i}`, n - i, 1000));

describe('eliminationCounts (四.4) — the hand-computed table', () => {
  // Shares 2 % / 1 % / 1 %. Exact products:
  //   N     2%·N   1%·N
  //   49    0.98   0.49
  //   50    1      0.5
  //   99    1.98   0.99
  //   100   2      1
  //   150   3      1.5
  //   180   3.6    1.8
  //   500   10     5
  // round (half up): preliminary 1,1,2,2,3,4,10; removal 0,1,1,1,2,2,5; the 1 % admonition
  //   rounds like removal but is capped at preliminary − removal (both come out of the 2 %):
  //   N=50 → min(1, 0) = 0, N=150 → min(2, 1) = 1. N=49 leaves one preliminary-only cadre.
  // floor: preliminary 0,1,1,2,3,3,10; removal 0,0,0,1,1,1,5; admonition 0,0,0,1,1,1,5
  //   (N=50, 99: one preliminary-only; N=150, 180: one preliminary-only).
  // ceil: preliminary 1,1,2,2,3,4,10; removal 1,1,1,1,2,2,5; admonition capped 0,0,1,1,1,2,5.
  const table: [Rounding, number, number, number, number][] = [
    ['round', 49, 1, 0, 0],
    ['round', 50, 1, 1, 0],
    ['round', 99, 2, 1, 1],
    ['round', 100, 2, 1, 1],
    ['round', 150, 3, 2, 1],
    ['round', 180, 4, 2, 2],
    ['round', 500, 10, 5, 5],
    ['floor', 49, 0, 0, 0],
    ['floor', 50, 1, 0, 0],
    ['floor', 99, 1, 0, 0],
    ['floor', 100, 2, 1, 1],
    ['floor', 150, 3, 1, 1],
    ['floor', 180, 3, 1, 1],
    ['floor', 500, 10, 5, 5],
    ['ceil', 49, 1, 1, 0],
    ['ceil', 50, 1, 1, 0],
    ['ceil', 99, 2, 1, 1],
    ['ceil', 100, 2, 1, 1],
    ['ceil', 150, 3, 2, 1],
    ['ceil', 180, 4, 2, 2],
    ['ceil', 500, 10, 5, 5],
  ];
  test.each(table)('%s N=%d → preliminary %d, removal %d, admonition %d', (rounding, n, preliminary, removal, admonition) => {
    const d = eliminationCounts(n, withElim({ rounding }));
    expect(d.outcome).toEqual({ preliminary, removal, admonition });
    expect(d.reasons[0]).toMatchObject({ code: 'elimination.counts', rule: '四.4', value: n });
    // The same counts come out of a full elimination over N distinct cadres.
    const res = eliminate(distinct(n), withElim({ rounding }));
    expect(res.population).toBe(n);
    expect(res.counts).toEqual({ preliminary, removal, admonition });
    const tiers = res.rows.map((r) => r.tier);
    expect(tiers.filter((t) => t === 'removal')).toHaveLength(removal);
    expect(tiers.filter((t) => t === 'admonition')).toHaveLength(admonition);
    expect(tiers.filter((t) => t !== null)).toHaveLength(preliminary);
  });

  it('explains a capped admonition and a preliminary-only remainder', () => {
    expect(codes(eliminationCounts(150, P).reasons)).toEqual(['elimination.counts', 'elimination.admonition-capped']);
    expect(codes(eliminationCounts(130, P).reasons)).toEqual(['elimination.counts', 'elimination.preliminary-only']);
    expect(eliminationCounts(130, P).outcome).toEqual({ preliminary: 3, removal: 1, admonition: 1 });
    expect(codes(eliminationCounts(100, P).reasons)).toEqual(['elimination.counts']);
  });

  it('N = 0 gives zero counts', () => {
    expect(eliminationCounts(0, P).outcome).toEqual({ preliminary: 0, removal: 0, admonition: 0 });
  });

  it('policy shares at their boundaries', () => {
    expect(eliminationCounts(100, withElim({ preliminaryShare: 0.05, removalShare: 0.02, admonitionShare: 0.03 })).outcome).toEqual({
      preliminary: 5,
      removal: 2,
      admonition: 3,
    });
    // A removal share above the preliminary share (only possible without validation) is clamped.
    expect(eliminationCounts(100, withElim({ preliminaryShare: 0.01, removalShare: 0.02 })).outcome).toEqual({ preliminary: 1, removal: 1, admonition: 0 });
  });
});

describe('eliminate (四.4) — ranking and tiers', () => {
  it('ranks by 不称职票比例 descending, RANK.EQ ties, input order kept', () => {
    const recs = [cadre('a', 10), cadre('b', 30), cadre('c', 10), cadre('d', 20), cadre('e', 0)];
    const res = eliminate(recs, P);
    expect(res.rows.map((r) => [r.name, r.rank])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 3],
      ['d', 2],
      ['e', 5],
    ]);
    expect(res.rows.map((r) => r.ratio)).toEqual([0.1, 0.3, 0.1, 0.2, 0]);
    expect(res.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('compares ratios with different bases exactly: 1/3 ties 2/6, 29/100 is below 3/10', () => {
    const res = eliminate([cadre('x', 1, 3), cadre('y', 2, 6), cadre('z', 29, 100), cadre('w', 3, 10)], P);
    expect(res.rows.map((r) => r.rank)).toEqual([1, 1, 4, 3]);
  });

  // N = 100: preliminary 2, removal 1, admonition 1 (cut-offs at positions 1, 2, 2).
  const hundred = (top: number[]) => [...top.map((v, i) => cadre(`t${i}`, v)), ...Array.from({ length: 100 - top.length }, (_, i) => cadre(`r${i}`, 1))];

  it('no ties: removal, admonition, then nothing', () => {
    const res = eliminate(hundred([50, 40, 30]), P, { decisionDate: localDate(2024, 1, 31) });
    expect(res.rows.slice(0, 3).map((r) => [r.tier, r.tie])).toEqual([
      ['removal', false],
      ['admonition', false],
      [null, false],
    ]);
    expect(res.rows[0].keepsRank).toBe(false);
    expect(res.rows[1].reviewDate).toEqual(localDate(2025, 1, 31));
    expect(codes(res.rows[0].reasons)).toEqual(['elimination.tier']);
    expect(res.rows[0].reasons[0]).toMatchObject({ rule: '四.4', threshold: 1, value: 1 });
    expect(res.reasons.some((r) => r.code === 'elimination.tie-at-cutoff')).toBe(false);
  });

  it('tie across the removal cut-off: both removal, flagged', () => {
    const res = eliminate(hundred([50, 50, 30]), P);
    expect(res.rows.slice(0, 3).map((r) => [r.tier, r.tie, r.rank])).toEqual([
      ['removal', true, 1],
      ['removal', true, 1],
      [null, false, 3],
    ]);
    expect(codes(res.rows[0].reasons)).toEqual(['elimination.tier', 'elimination.tie-at-cutoff']);
    expect(res.reasons.find((r) => r.code === 'elimination.tie-at-cutoff')?.value).toBe(2);
  });

  it('tie across the admonition/preliminary cut-off: all tied included and flagged', () => {
    const res = eliminate(hundred([50, 40, 40, 40, 30]), P);
    expect(res.rows.slice(0, 5).map((r) => [r.tier, r.tie])).toEqual([
      ['removal', false],
      ['admonition', true],
      ['admonition', true],
      ['admonition', true],
      [null, false],
    ]);
  });

  it('a tie inside a tier (not straddling) is not flagged', () => {
    // N = 500: removal 5. Ranks 1,2,2,4,5 — the tie at 2 sits wholly inside the removal tier.
    const recs = [...[90, 80, 80, 70, 60].map((v, i) => cadre(`t${i}`, v)), ...Array.from({ length: 495 }, (_, i) => cadre(`r${i}`, 1))];
    const res = eliminate(recs, P);
    expect(res.rows.slice(0, 5).every((r) => r.tier === 'removal' && !r.tie)).toBe(true);
  });

  it('a tie across the preliminary-only cut-off (N = 130: cut-offs 1, 2, 3)', () => {
    const recs = [...[90, 80, 70, 70].map((v, i) => cadre(`t${i}`, v)), ...Array.from({ length: 126 }, (_, i) => cadre(`r${i}`, 1))];
    const res = eliminate(recs, P);
    expect(res.rows.slice(0, 5).map((r) => [r.tier, r.tie])).toEqual([
      ['removal', false],
      ['admonition', false],
      ['preliminary', true],
      ['preliminary', true],
      [null, false],
    ]);
  });

  it('cadres without any incompetent vote are never placed in a tier', () => {
    const recs = [cadre('a', 5), ...Array.from({ length: 99 }, (_, i) => cadre(`z${i}`, 0))];
    const res = eliminate(recs, P);
    expect(res.rows[0].tier).toBe('removal');
    expect(res.rows.slice(1).every((r) => r.tier === null && r.rank === 2)).toBe(true);
    expect(codes(res.reasons)).toContain('elimination.zero-ratio');
  });

  it('population: 正副科级 real posts only; non-leading 职级 and unknown posts are not counted', () => {
    const recs = [
      cadre('a', 9),
      cadre('b', 8, 100, { level: '副科级' }),
      cadre('c', 50, 100, { level: '一级主任科员', realPost: false }),
      cadre('d', 50, 100, { realPost: false }),
      cadre('e', 50, 100, { level: '副处级' }),
      cadre('f', 50, 100, { level: null }),
      cadre('g', 50, 100, { realPost: null }),
    ];
    const res = eliminate(recs, P);
    expect(res.population).toBe(2);
    expect(res.rows.map((r) => r.inPopulation)).toEqual([true, true, false, false, false, false, false]);
    expect(res.rows[2]).toMatchObject({ rank: null, tier: null, ratio: null });
    expect(codes(res.rows[6].reasons)).toEqual(['elimination.post-unknown']);
    expect(codes(res.reasons)).toEqual(expect.arrayContaining(['elimination.post-unknown', 'elimination.excluded']));
  });

  it('elimination.levels from the policy decides the population', () => {
    const res = eliminate([cadre('a', 9), cadre('b', 8, 100, { level: '副科级' })], withElim({ levels: ['副科级'] }));
    expect(res.population).toBe(1);
  });

  it('bad vote data: counted in N, not ranked, table marked incomplete', () => {
    const recs = [cadre('a', 101), cadre('b', -1), cadre('c', 1, 0), ...Array.from({ length: 97 }, (_, i) => cadre(`r${i}`, i))];
    const res = eliminate(recs, P);
    expect(res.population).toBe(100);
    expect(res.rows.slice(0, 3).every((r) => r.rank === null && r.tier === null && r.inPopulation)).toBe(true);
    expect(res.rows[0].reasons[0]).toMatchObject({ code: 'elimination.bad-votes', severity: 'error' });
    expect(res.reasons.find((r) => r.code === 'elimination.incomplete')?.value).toBe(3);
  });

  it('admonition review date follows elimination.admonitionMonths by EDATE', () => {
    const res = eliminate(hundred([50, 40]), withElim({ admonitionMonths: 1 }), { decisionDate: localDate(2024, 1, 31) });
    expect(res.rows[1].reviewDate).toEqual(localDate(2024, 2, 29));
    expect(res.rows[1].reasons[1]).toMatchObject({ policyKey: 'elimination.admonitionMonths', value: 1 });
  });

  it('passes sheet and row through for the CLI JSON', () => {
    const res = eliminate([cadre('a', 1, 10, { sheet: '测评', row: 7 })], P);
    expect(res.rows[0]).toMatchObject({ sheet: '测评', row: 7, name: 'a', ratio: 0.1, rank: 1, tier: null, tie: false });
  });
});

describe('eliminate — properties', () => {
  const recArb = fc.record({
    valid: fc.integer({ min: 1, max: 60 }),
    bad: fc.nat(60),
    level: fc.constantFrom('正科级', '副科级', '一级主任科员'),
    realPost: fc.constantFrom(true, true, true, false, null),
  });
  const recsArb = fc.array(recArb, { maxLength: 400 }).map((xs) =>
    xs.map((x, i): EliminationRecord => ({
      name: `p${i}`,
      level: x.level,
      realPost: x.realPost,
      incompetentVotes: x.bad % (x.valid + 1),
      validVotes: x.valid,
    })),
  );
  const policyArb = fc
    .record({
      rounding: fc.constantFrom<Rounding>('round', 'floor', 'ceil'),
      pre: fc.integer({ min: 2, max: 30 }),
      rem: fc.integer({ min: 1, max: 30 }),
      adm: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ rounding, pre, rem, adm }) =>
      withElim({ rounding, preliminaryShare: pre / 100, removalShare: Math.min(rem, pre) / 100, admonitionShare: adm / 100 }),
    );

  it('rank and tier per person do not depend on input order', () => {
    fc.assert(
      fc.property(recsArb, policyArb, fc.func(fc.integer()), (recs, policy, f) => {
        const shuffled = recs
          .map((r, i) => ({ r, k: f(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        const byName = (res: ReturnType<typeof eliminate>) => new Map(res.rows.map((r) => [r.name, [r.rank, r.tier, r.tie, r.ratio]]));
        expect(byName(eliminate(shuffled, policy))).toEqual(byName(eliminate(recs, policy)));
      }),
      { numRuns: 200 },
    );
  });

  it('tiers are nested and counts never exceed N; untied tiers hold exactly their counts', () => {
    fc.assert(
      fc.property(recsArb, policyArb, (recs, policy) => {
        const res = eliminate(recs, policy);
        const { preliminary, removal, admonition } = res.counts;
        expect(preliminary).toBeLessThanOrEqual(res.population);
        expect(removal + admonition).toBeLessThanOrEqual(preliminary);
        for (const r of res.rows) {
          if (r.tier === null) continue;
          // removal ⊂ preliminary: every tier sits inside the preliminary cut-off
          expect(r.rank).not.toBeNull();
          expect(r.rank as number).toBeLessThanOrEqual(preliminary);
          if (r.tier === 'removal') expect(r.rank as number).toBeLessThanOrEqual(removal);
          expect(r.ratio as number).toBeGreaterThan(0);
        }
        const tiered = res.rows.filter((r) => r.tier !== null);
        if (!tiered.some((r) => r.tie)) {
          expect(tiered.filter((r) => r.tier === 'removal').length).toBeLessThanOrEqual(removal);
          expect(tiered.length).toBeLessThanOrEqual(preliminary);
        }
        // Anyone with a strictly higher ratio than a tiered cadre is tiered too (no one skipped).
        const minTiered = Math.min(...tiered.map((r) => r.ratio as number));
        for (const r of res.rows) if (r.ratio !== null && r.ratio > minTiered) expect(r.tier).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('postKindOf — how a record says 实职', () => {
  test.each([
    ['一级主任科员', 'non-leading'],
    ['四级调研员', 'non-leading'],
    ['享受副主任科员待遇', 'non-leading'],
    [' 科员 ', 'non-leading'],
    ['县农业农村局局长', 'leading'],
    ['城关镇党委书记', 'leading'],
    ['县委办公室副主任', 'leading'],
    // A 职级 written after the unit is still a 职级: 主任科员 is not a 主任 post.
    ['县财政局一级主任科员', 'non-leading'],
    ['县委办公室四级主任科员', 'non-leading'],
    ['城关镇享受副主任科员待遇', 'non-leading'],
    ['县财政局局长（一级调研员）', 'leading'],
    ['县委办公室主任、二级调研员', 'leading'],
    ['干部', null],
    ['', null],
    [null, null],
  ])('%p → %p', (title, kind) => {
    expect(postKindOf(title)).toBe(kind);
  });
});

describe('CODES', () => {
  it('documents every code eliminate emits', () => {
    const documented = new Set(CODES.map((c) => c.code));
    const recs = [
      cadre('a', 101),
      cadre('g', 5, 100, { realPost: null }),
      cadre('x', 1, 10, { realPost: false }),
      cadre('b', 5),
      cadre('c', 5),
      ...Array.from({ length: 120 }, () => cadre('z', 0)),
    ];
    const res = eliminate(recs, P, { decisionDate: localDate(2024, 1, 1) });
    const emitted = [...res.reasons, ...res.rows.flatMap((r) => r.reasons)].map((r) => r.code);
    expect(emitted.length).toBeGreaterThan(0);
    for (const c of emitted) expect(documented.has(c)).toBe(true);
  });
});
