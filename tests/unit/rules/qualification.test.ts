import fc from 'fast-check';
import { CODES, checkQualification, fullYears, type CandidateRecord, type PostRequirements } from '../../../src/rules/qualification';
import { localDate } from '../../../src/values/local-date';

const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

const post: PostRequirements = {
  post: '县财政局局长',
  minSeniorityYears: 2,
  minWorkYears: 5,
  majors: ['经济', '财务', '会计'],
  specificPost: { post: '乡镇领导岗位', minYears: 2 },
  currentLevels: ['副科级', '正科级'],
};
const good: CandidateRecord = { name: '李四', seniorityYears: 2, workYears: 5, major: '农业经济管理', postYears: { 乡镇领导岗位: 2 }, currentLevel: '副科级' };

describe('checkQualification (二.1)', () => {
  it('a candidate meeting every requirement exactly at the boundary qualifies', () => {
    const d = checkQualification(post, good);
    expect(d).toEqual({ outcome: true, reasons: [] });
  });

  test.each([
    [{ seniorityYears: 1.9 }, ['qualification.seniority']],
    [{ workYears: 4 }, ['qualification.work-years']],
    [{ major: '汉语言文学' }, ['qualification.major']],
    [{ postYears: { 乡镇领导岗位: 1 } }, ['qualification.post-years']],
    [{ postYears: { 机关: 9 } }, ['qualification.post-years']],
    [{ currentLevel: '科员' }, ['qualification.current-level']],
    [{ workYears: null }, ['qualification.missing-data']],
    [{ seniorityYears: undefined }, ['qualification.missing-data']],
    [{ major: ' ' }, ['qualification.missing-data']],
    [{ currentLevel: null }, ['qualification.missing-data']],
    [{ postYears: undefined }, ['qualification.missing-data']],
    [{ workYears: -1 }, ['qualification.bad-data']],
    [{ workYears: NaN }, ['qualification.bad-data']],
  ] as [Partial<CandidateRecord>, string[]][])('%p → %p', (patch, expected) => {
    const d = checkQualification(post, { ...good, ...patch });
    expect(d.outcome).toBe(false);
    expect(codes(d.reasons)).toEqual(expected);
    for (const r of d.reasons) expect(r.rule).toBe('二.1');
  });

  it('lists every unmet requirement, not just the first', () => {
    const d = checkQualification(post, { name: '王五', seniorityYears: 0, workYears: 1, major: '体育', postYears: {}, currentLevel: '科员' });
    expect(codes(d.reasons)).toEqual([
      'qualification.seniority',
      'qualification.work-years',
      'qualification.major',
      'qualification.post-years',
      'qualification.current-level',
    ]);
    expect(d.reasons[1]).toMatchObject({ threshold: 5, value: 1 });
    expect(d.reasons[1].message['zh-CN']).toBe('王五：工龄 1 年，不足 5 年');
  });

  it('a post without requirements accepts anyone', () => {
    expect(checkQualification({ post: '任意', majors: [], currentLevels: [] }, { name: 'x' }).outcome).toBe(true);
  });

  it('every emitted code is documented', () => {
    const documented = new Set(CODES.map((c) => c.code));
    for (const c of [
      'qualification.seniority',
      'qualification.work-years',
      'qualification.major',
      'qualification.post-years',
      'qualification.current-level',
      'qualification.missing-data',
      'qualification.bad-data',
    ]) {
      expect(documented.has(c)).toBe(true);
    }
  });
});

describe('fullYears', () => {
  test.each([
    [localDate(2015, 9, 1), localDate(2020, 8, 31), 4],
    [localDate(2015, 9, 1), localDate(2020, 9, 1), 5],
    [localDate(2020, 2, 29), localDate(2021, 2, 28), 1],
    [localDate(2020, 2, 29), localDate(2024, 2, 28), 3],
    [localDate(2020, 2, 29), localDate(2024, 2, 29), 4],
    [localDate(2020, 5, 1), localDate(2019, 5, 1), 0],
  ])('%p → %p = %p', (a, b, n) => {
    expect(fullYears(a, b)).toBe(n);
  });

  it('property: never negative and monotone in the end date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2050 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.nat(20000),
        fc.nat(400),
        (y, m, d, k, extra) => {
          const from = localDate(y, m, d);
          const to1 = { y: y + Math.floor(k / 365), m, d };
          const to2 = { y: to1.y + Math.floor(extra / 100), m, d };
          expect(fullYears(from, to1)).toBeGreaterThanOrEqual(0);
          expect(fullYears(from, to2)).toBeGreaterThanOrEqual(fullYears(from, to1));
        },
      ),
    );
  });
});
