/**
 * Growth curve of bottom elimination (四.4): 10k, 100k, 1M rows. Prints time and heap; asserts
 * correctness on a sample (not a timed assertion — the machine is shared).
 * Run: npx jest --testMatch '**\/*.bench.ts' tests/bench/elimination.bench.ts --coverage=false
 */
import { DEFAULT_POLICY } from '../../src/policy/policy';
import { eliminate, type EliminationRecord } from '../../src/rules/elimination';

/** Deterministic pseudo-random records (LCG) so runs are comparable. */
function records(n: number): EliminationRecord[] {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: EliminationRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const valid = 20 + Math.floor(next() * 200);
    out[i] = {
      name: `p${i}`,
      level: next() < 0.5 ? '正科级' : next() < 0.9 ? '副科级' : '一级主任科员',
      realPost: true,
      incompetentVotes: Math.floor(next() * next() * valid),
      validVotes: valid,
    };
  }
  return out;
}

describe('elimination bench', () => {
  for (const n of [10_000, 100_000, 1_000_000]) {
    it(`ranks and tiers ${n.toLocaleString('en-US')} rows`, () => {
      const recs = records(n);
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      let peak = heap0;
      const t0 = process.hrtime.bigint();
      const res = eliminate(recs, DEFAULT_POLICY);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      peak = Math.max(peak, process.memoryUsage().heapUsed);

      console.log(
        `n=${n}: ${ms.toFixed(0)} ms, heap +${((peak - heap0) / 2 ** 20).toFixed(0)} MB (rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB), population ${res.population}, counts ${JSON.stringify(res.counts)}`,
      );

      // Correctness on a sample: rank = 1 + number of strictly higher ratios (brute force).
      const ratios = res.rows.filter((r) => r.ratio !== null).map((r) => r.ratio as number);
      for (let k = 0; k < 50; k++) {
        const row = res.rows[Math.floor((k * n) / 50)];
        if (row.ratio === null) {
          expect(row.inPopulation).toBe(false);
          continue;
        }
        const higher = ratios.reduce((c, x) => c + (x > (row.ratio as number) ? 1 : 0), 0);
        expect(row.rank).toBe(higher + 1);
      }
      const removal = res.rows.filter((r) => r.tier === 'removal');
      expect(removal.length).toBeGreaterThanOrEqual(res.counts.removal);
      const tiered = res.rows.filter((r) => r.tier !== null);
      expect(Math.max(...tiered.map((r) => r.rank as number))).toBeLessThanOrEqual(res.counts.preliminary);
      expect(res.population).toBeGreaterThan(n * 0.8);
    });
  }
});
