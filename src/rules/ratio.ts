import type { Rounding } from '../policy/policy';

/**
 * Exact ratio arithmetic shared by every rule that compares votes / base with a threshold or
 * takes a share of a headcount (SPEC §2: "ratios are compared exactly").
 *
 * Why not `votes / base >= t`: the threshold arrives as a double (0.3 is really
 * 0.2999999999999999889) and products such as 0.01 * 150 give 1.5000000000000002, which
 * rounds the wrong way. Instead a threshold is read back as the simplest rational that the
 * double stands for (0.3 → 3/10, 2/3 → 2/3, 0.02 → 1/50) and compared in BigInt integers.
 * The simplest rational is found among the continued-fraction convergents of the double's exact
 * value: any p/q with q < 2^26 that rounds to the double is within half an ulp of it, hence
 * closer than 1/(2q²), hence a convergent (Legendre), and it is the first convergent that rounds
 * back to the double because two such rationals cannot share a double.
 */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

const cache = new Map<number, Rational>();

/** The simplest rational that rounds to `t` (finite, ≥ 0). */
export function rationalOf(t: number): Rational {
  const hit = cache.get(t);
  if (hit) return hit;
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`rationalOf: ${t}`);
  // Exact value of the double as m / 2^k (doubling is exact, so this terminates with an integer).
  let m = t;
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  let num = BigInt(m);
  let den = 1n << BigInt(k);
  // Convergents h/g of num/den.
  let [h0, h1] = [0n, 1n];
  let [g0, g1] = [1n, 0n];
  let found: Rational = { p: num, q: den };
  while (den !== 0n) {
    const a = num / den;
    [h0, h1] = [h1, a * h1 + h0];
    [g0, g1] = [g1, a * g1 + g0];
    [num, den] = [den, num - a * den];
    if (Number(h1) / Number(g1) === t) {
      found = { p: h1, q: g1 };
      break;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(t, found);
  return found;
}

/**
 * Sign of num/den − t, exactly: −1, 0 or 1. `num`, `den` are non-negative safe integers,
 * den > 0 (callers validate counts first).
 */
export function compareRatio(num: number, den: number, t: number): -1 | 0 | 1 {
  const { p, q } = rationalOf(t);
  const l = BigInt(num) * q;
  const r = p * BigInt(den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** num/den ≥ t, exactly (50 % passes ≥ 50 %; 29.96 % fails ≥ 30 %). */
export function ratioAtLeast(num: number, den: number, t: number): boolean {
  return compareRatio(num, den, t) >= 0;
}

/** num/den > t, exactly (e.g. "more than half"). */
export function ratioAbove(num: number, den: number, t: number): boolean {
  return compareRatio(num, den, t) > 0;
}

/** x > t·n exactly, for a count x and a headcount n (e.g. yes votes > ½ of all members). */
export function countAbove(x: number, t: number, n: number): boolean {
  const { p, q } = rationalOf(t);
  return BigInt(x) * q > p * BigInt(n);
}

/** x ≥ t·n exactly (e.g. present ≥ ⅔ of members). */
export function countAtLeast(x: number, t: number, n: number): boolean {
  const { p, q } = rationalOf(t);
  return BigInt(x) * q >= p * BigInt(n);
}

/**
 * share·n rounded by `mode`, exactly: round = half up (1 % of 150 = 1.5 → 2), floor, ceil.
 * `share` ≥ 0 and `n` a non-negative safe integer.
 */
export function roundShare(share: number, n: number, mode: Rounding): number {
  const { p, q } = rationalOf(share);
  const x = p * BigInt(n);
  switch (mode) {
    case 'floor':
      return Number(x / q);
    case 'ceil':
      return Number((x + q - 1n) / q);
    case 'round':
      return Number((2n * x + q) / (2n * q));
  }
}

/** Largest count accepted: below 2^26 the double votes/base orders and ties rationals exactly. */
export const MAX_COUNT = 2 ** 26;

/** A vote or head count: a non-negative integer no larger than MAX_COUNT. */
export function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_COUNT;
}

/** Formats a ratio as a percentage with enough digits that 29.96 % never shows as 30 %. */
export function percent(num: number, den: number): string {
  if (den === 0) return '—';
  const v = (num / den) * 100;
  // Two decimals, but never rounded onto a whole percent the ratio is not: thresholds are whole
  // percents, so 7499/25000 shows as 29.996 %, not 30 %.
  let digits = 2;
  let s = v.toFixed(digits);
  while (digits < 10 && Number.isInteger(Number(s)) && num * 100 !== Number(s) * den) s = v.toFixed(++digits);
  return `${s.replace(/\.?0+$/, '')}%`;
}
