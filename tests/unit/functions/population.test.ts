/** CADRE.ELIMRANK, ELIMTIER, SHORTLIST: whole ranges in, one spilled column out. */
import { DEFAULT_POLICY, type Policy, type Rounding } from '../../../src/policy/policy';
import { elimRankFn, elimTierFn, shortlistFn, type Spill } from '../../../src/functions/impl/population';
import { isFnError } from '../../../src/functions/impl/result';
import { col, expectError } from './helpers';

const P = DEFAULT_POLICY;
const withElim = (e: Partial<Policy['elimination']>): Policy => ({ ...P, elimination: { ...P.elimination, ...e } });

function values(r: unknown): unknown[] {
  if (isFnError(r)) throw new Error(`unexpected error: ${r.message['zh-CN']}`);
  return (r as Spill).map((row) => {
    expect(row).toHaveLength(1);
    return row[0];
  });
}

/** N cadres with N, N-1, …, 1 incompetent votes of 1000: no ties, rank i+1 for row i. */
const distinct = (n: number) => ({ inc: col(Array.from({ length: n }, (_, i) => n - i)), valid: col(Array(n).fill(1000)) });

describe('CADRE.ELIMRANK / ELIMTIER (四.4)', () => {
  it('ranks like RANK.EQ (ties share a rank) and keeps input order', () => {
    const inc = col([10, 30, 30, 5, 0]);
    const valid = col([100, 100, 100, 100, 100]);
    expect(values(elimRankFn(inc, valid, null, null, P))).toEqual([3, 1, 1, 4, 5]);
  });

  it('compares ratios over different bases exactly: 1/3 ties 2/6', () => {
    expect(values(elimRankFn(col([1, 2, 29]), col([3, 6, 100]), null, null, P))).toEqual([1, 1, 3]);
  });

  // The hand-checked count table of the rules tests, through the functions.
  const table: [Rounding, number, number, number, number][] = [
    ['round', 49, 1, 0, 0],
    ['round', 50, 1, 1, 0],
    ['round', 99, 2, 1, 1],
    ['round', 100, 2, 1, 1],
    ['round', 150, 3, 2, 1],
    ['round', 180, 4, 2, 2],
    ['round', 500, 10, 5, 5],
    ['floor', 50, 1, 0, 0],
    ['floor', 150, 3, 1, 1],
    ['ceil', 49, 1, 1, 0],
  ];
  test.each(table)('%s N=%d → %d tiered: %d 免职, %d 诫勉', (rounding, n, preliminary, removal, admonition) => {
    const { inc, valid } = distinct(n);
    const tiers = values(elimTierFn(inc, valid, null, null, withElim({ rounding })));
    expect(tiers.filter((t) => t === '免职')).toHaveLength(removal);
    expect(tiers.filter((t) => t === '诫勉')).toHaveLength(admonition);
    expect(tiers.filter((t) => t !== '')).toHaveLength(preliminary);
    // Tiers follow rank order: removal first, then admonition, then preliminary.
    const order = tiers.filter((t) => t !== '');
    expect(order).toEqual([...Array(removal).fill('免职'), ...Array(admonition).fill('诫勉'), ...Array(preliminary - removal - admonition).fill('初步淘汰')]);
  });

  it('a tie across the removal cut-off: everyone tied is included and marked （并列）', () => {
    // N = 100: 1 removal, 1 admonition. Two tie for the top.
    const inc = Array.from({ length: 100 }, (_, i) => (i < 2 ? 60 : 10));
    const tiers = values(elimTierFn(col(inc), col(Array(100).fill(100)), null, null, P));
    expect(tiers.slice(0, 3)).toEqual(['免职（并列）', '免职（并列）', '']);
  });

  it('cadres without incompetent votes are never tiered', () => {
    const tiers = values(elimTierFn(col(Array(100).fill(0)), col(Array(100).fill(50)), null, null, P));
    expect(tiers.every((t) => t === '')).toBe(true);
  });

  it('population from level and real-post columns: others stay "", unknown posts are #N/A', () => {
    const inc = col([40, 50, 60, 30, 20]);
    const valid = col(Array(5).fill(100));
    const level = col(['正科级', '副科级', '一级主任科员', '副科级', '正科级']);
    const post = col(['是', '农业局局长', '否', '', true]);
    const ranks = (elimRankFn(inc, valid, level, post, P) as Spill).map((r) => r[0]);
    expect(ranks.slice(0, 3)).toEqual([2, 1, '']);
    expectError(ranks[3], 'notAvailable', '区域第4行', '「是否实职」未写明');
    expect(ranks[4]).toBe(3);
  });

  it('Excel-shaped cells: numbers stored as text, full width, units; blank rows stay blank', () => {
    const inc = col(['30', null, '１０', '', '5票']);
    const valid = col(['100', null, 100, '', '100人']);
    expect(values(elimRankFn(inc, valid, null, null, P))).toEqual([1, '', 2, '', 3]);
  });

  it('an unreadable row is #VALUE! in its cell, and makes every other rank #VALUE! too (not final)', () => {
    const r = elimRankFn(col([30, 'abc', 10, null, 12]), col([100, 100, 100, null, 10]), null, null, P) as Spill;
    expectError(r[1][0], 'invalidValue', '「不称职票（区域第2行）」应为不小于0的整数', '"abc"');
    expectError(r[4][0], 'invalidValue', '区域第5行', '大于计算基数');
    expectError(r[0][0], 'invalidValue', '第2、5行票数有误', '不能作为定论');
    expectError(r[2][0], 'invalidValue', '第2、5行');
    expect(r[3][0]).toBe('');
  });

  it('ranges of different heights or several columns are one #VALUE! for the call', () => {
    expectError(elimRankFn(col([1, 2]), col([10]), null, null, P), 'invalidValue', '「有效票」的行数（1）应与「不称职票」相同（2）');
    expectError(elimRankFn([[1, 2]], [[10, 10]], null, null, P), 'invalidValue', '「不称职票」应为单列区域', '1 行 × 2 列');
  });

  it('10,000 rows in one call: output shape = input shape, blanks preserved', () => {
    const n = 10_000;
    const inc: unknown[][] = [];
    const valid: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const blank = i % 97 === 0;
      inc.push([blank ? '' : (i * 7919) % 101]);
      valid.push([blank ? null : 100]);
    }
    for (const fn of [elimRankFn, elimTierFn]) {
      const out = fn(inc, valid, null, null, P) as Spill;
      expect(out).toHaveLength(n);
      expect(out.every((row) => row.length === 1)).toBe(true);
      out.forEach((row, i) => {
        if (i % 97 === 0) expect(row[0]).toBe('');
        else expect(isFnError(row[0])).toBe(false);
      });
    }
    const ranks = values(elimRankFn(inc, valid, null, null, P)).filter((x) => x !== '') as number[];
    expect(Math.min(...ranks)).toBe(1);
    const tiers = values(elimTierFn(inc, valid, null, null, P));
    // N = 10000 − 104 blanks = 9896: 2 % → 198 preliminary (plus any tie at the cut-off).
    expect(tiers.filter((t) => t !== '').length).toBeGreaterThanOrEqual(198);
  });
});

describe('CADRE.SHORTLIST (二.3)', () => {
  it('per post: top 2 建议人选, next 2 考察对象, others ""', () => {
    const posts = col(['局长', '局长', '局长', '局长', '局长', '副局长', '副局长']);
    const votes = col([90, 80, 70, 60, 50, 40, 30]);
    const base = col(Array(7).fill(100));
    expect(values(shortlistFn(posts, votes, base, null, null, P))).toEqual(['建议人选', '建议人选', '考察对象', '考察对象', '', '建议人选', '建议人选']);
  });

  it('ties across a cut-off list everyone tied, marked （并列）; inspection breaks ties first', () => {
    const posts = col(Array(5).fill('局长'));
    const base = col(Array(5).fill(100));
    const tied = values(shortlistFn(posts, col([90, 80, 80, 60, 50]), base, null, null, P));
    expect(tied).toEqual(['建议人选', '建议人选（并列）', '建议人选（并列）', '考察对象', '']);
    const broken = values(shortlistFn(posts, col([90, 80, 80, 60, 50]), base, null, col(['优秀', '称职', '优秀', null, null]), P));
    expect(broken).toEqual(['建议人选', '考察对象', '建议人选', '考察对象', '']);
  });

  it('ineligible candidates are not ranked; blank rows stay blank', () => {
    const out = values(
      shortlistFn(col(['局长', null, '局长', '局长']), col([90, null, 80, 70]), col([100, null, 100, 100]), col(['否', null, '是', true]), null, P),
    );
    expect(out).toEqual(['', '', '建议人选', '建议人选']);
  });

  it('bad data: the row and its post are #VALUE!, other posts unaffected', () => {
    const r = shortlistFn(col(['局长', '局长', '主任']), col([90, 120, 50]), col([100, 100, 100]), null, null, P) as Spill;
    expectError(r[0][0], 'invalidValue', '大于计算基数');
    expectError(r[1][0], 'invalidValue', '大于计算基数');
    expect(r[2][0]).toBe('建议人选');
    const s = shortlistFn(col(['局长', '']), col([90, 10]), col([100, 100]), null, null, P) as Spill;
    expectError(s[1][0], 'invalidValue', '「职位（区域第2行）」应为职位名称');
  });

  it('10,000 rows in one call: output shape = input shape, blanks preserved', () => {
    const n = 10_000;
    const rows = Array.from({ length: n }, (_, i) => (i % 50 === 0 ? null : { post: `岗位${i % 400}`, votes: (i * 31) % 100 }));
    const out = shortlistFn(
      col(rows.map((r) => r?.post ?? '')),
      col(rows.map((r) => r?.votes ?? null)),
      col(rows.map((r) => (r ? 100 : null))),
      null,
      null,
      P,
    ) as Spill;
    expect(out).toHaveLength(n);
    expect(out.every((row) => row.length === 1 && !isFnError(row[0]))).toBe(true);
    out.forEach((row, i) => {
      if (i % 50 === 0) expect(row[0]).toBe('');
    });
    expect(out.filter((r) => String(r[0]).startsWith('建议人选')).length).toBeGreaterThanOrEqual(2 * 400 - 10);
  });
});
