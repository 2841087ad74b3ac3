/** CADRE.VOTERATIO: votes ÷ base, and #VALUE! naming the argument for bad input. */
import * as fc from 'fast-check';

class FakeCfError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: '#VALUE!' }, associate: () => undefined };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { voteRatio, voteRatioOf } = require('../../src/functions/functions') as typeof import('../../src/functions/functions');

function errorOf(votes: unknown, base: unknown): FakeCfError {
  const r = voteRatioOf(votes, base);
  if (!(r instanceof FakeCfError)) throw new Error(`expected an error, got ${String(r)}`);
  return r;
}

describe('VOTERATIO', () => {
  test('is votes / base', () => {
    expect(voteRatio(15, 30)).toBe(0.5);
    expect(voteRatio(0, 7)).toBe(0);
    expect(voteRatio(7, 7)).toBe(1);
    expect(voteRatio(2996, 10000)).toBe(0.2996);
  });

  test('#VALUE! for negative, non-integer, non-numeric, base 0 and votes > base — naming the argument', () => {
    expect(errorOf(-1, 10)).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('得票数不能为负数') });
    expect(errorOf(1.5, 10).message).toContain('得票数必须是整数');
    expect(errorOf(1, 10.5).message).toContain('计算基数必须是整数');
    expect(errorOf(1, -10).message).toContain('计算基数不能为负数');
    expect(errorOf('3', 10).message).toContain('得票数不是数字');
    expect(errorOf(3, NaN).message).toContain('计算基数不是数字');
    expect(errorOf(0, 0).message).toContain('计算基数为0');
    expect(errorOf(11, 10).message).toContain('得票数(11)大于计算基数(10)');
    expect(errorOf(11, 10).message).toContain('votes (11) exceed the base (10)');
    expect(() => voteRatio(11, 10)).toThrow(FakeCfError);
  });

  test('always a ratio in [0, 1] for valid counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (base, k) => {
        const votes = k % (base + 1);
        const r = voteRatio(votes, base);
        return r >= 0 && r <= 1 && r === votes / base;
      }),
    );
  });
});
