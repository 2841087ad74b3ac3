/**
 * CADRE.ELIMRANK + CADRE.ELIMTIER (one spilled call each) against what a user would otherwise
 * do: the same sheet with built-in formulas (ratio column, RANK.EQ as COUNTIF, COUNTIF for ties,
 * IF for tiers) evaluated by HyperFormula, a real spreadsheet engine. Prints both times and the
 * ratio, and asserts both agree on the ranks and tiers of a sample, so the bench checks something.
 *
 * Why the margin is wide: every RANK.EQ / COUNTIF cell scans the whole column, so the built-in
 * sheet does n scans of n cells (O(n²): 10k rows ≈ 10⁸ comparisons, 100k ≈ 10¹⁰), while the
 * spilled call sorts the population once (O(n log n)) and answers every row from that order.
 *
 * HyperFormula runs in a child process with a time budget: the 10,000-row sheet must finish (its
 * answers are compared with ours); at 100,000 rows the quadratic sheet takes hours, so it is
 * stopped after CADRE_BENCH_HF_BUDGET_S (default 120 s) and the bench reports that as a lower
 * bound together with the quadratic extrapolation from the 10,000-row run. The machine is shared:
 * raise the budget (e.g. CADRE_BENCH_HF_BUDGET_S=30000) only on a machine of your own.
 *
 * Run (only this bench; the jest config has two projects, so select one):
 *   npx jest --selectProjects unit --testMatch '<rootDir>/tests/bench/functions.bench.ts' --coverage=false
 * BENCH_SKIP_HF=1 times only the CADRE side (HyperFormula's 10,000-row sheet alone takes minutes
 * on a small machine); the spilled results are then checked against the rule itself
 * (src/rules/elimination.ts eliminate) instead of against HyperFormula.
 */
import { fork } from 'child_process';
import * as path from 'path';
import { DEFAULT_POLICY } from '../../src/policy/policy';
import { elimRankFn, elimTierFn, TIE_SUFFIX, TIER_LABELS, type Spill } from '../../src/functions/impl/population';
import { eliminate } from '../../src/rules/elimination';
import { isFnError } from '../../src/functions/impl/result';

interface Data {
  inc: number[];
  valid: number[];
  level: string[];
}

/** Deterministic pseudo-random ledger (LCG), as in elimination.bench.ts. */
function ledger(n: number): Data {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const d: Data = { inc: new Array(n), valid: new Array(n), level: new Array(n) };
  for (let i = 0; i < n; i++) {
    const valid = 20 + Math.floor(next() * 200);
    d.valid[i] = valid;
    d.level[i] = next() < 0.5 ? '正科级' : next() < 0.9 ? '副科级' : '一级主任科员';
    d.inc[i] = Math.floor(next() * next() * valid);
  }
  return d;
}

const column = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);

function ours(d: Data): { ms: number; ranks: Spill; tiers: Spill } {
  // Excel hands the ranges over as any[][]; building them is not part of the timed call.
  const inc = column(d.inc);
  const valid = column(d.valid);
  const level = column(d.level);
  const t0 = process.hrtime.bigint();
  const ranks = elimRankFn(inc, valid, level, null, DEFAULT_POLICY);
  const tiers = elimTierFn(inc, valid, level, null, DEFAULT_POLICY);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (isFnError(ranks) || isFnError(tiers)) throw new Error('the functions refused the bench data');
  return { ms, ranks, tiers };
}

interface HfRow {
  i: number;
  rank: number | string;
  tier: string;
}
type HfResult = { done: true; buildMs: number; readMs: number; counts: unknown[]; rows: HfRow[] } | { done: false; ms: number };

function hyperformula(d: Data, sample: number[], budgetMs: number): Promise<HfResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'hyperformula-elimination.js'), [], { stdio: 'inherit' });
    const t0 = Date.now();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ done: false, ms: Date.now() - t0 });
    }, budgetMs);
    child.on('message', (m: { buildMs: number; readMs: number; counts: unknown[]; rows: HfRow[] }) => {
      clearTimeout(timer);
      child.kill();
      resolve({ done: true, ...m });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0 || code === null) return;
      clearTimeout(timer);
      reject(new Error(`HyperFormula child exited with code ${code}`));
    });
    child.send({ ...d, sample });
  });
}

/** The 10,000-row sheet must finish (its answers are compared); the 100,000-row one may not. */
const BUDGET_10K_MS = 900_000;
const BUDGET_MS = Number(process.env.CADRE_BENCH_HF_BUDGET_S ?? 120) * 1000;
const SKIP_HF = process.env.BENCH_SKIP_HF === '1';
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

describe('CADRE.ELIMRANK/ELIMTIER vs built-in formulas in HyperFormula', () => {
  let hf10k = 0;
  for (const n of [10_000, 100_000]) {
    it(
      `${n.toLocaleString('en-US')} rows`,
      async () => {
        const d = ledger(n);
        const mine = ours(d);
        expect(mine.ranks).toHaveLength(n);
        expect(mine.tiers).toHaveLength(n);
        // Sample: every tiered row (where the two could disagree) and the first 1,000 rows.
        const tiered = mine.tiers.flatMap((r, i) => (r[0] !== '' ? [i] : []));
        const sample = [...new Set([...tiered, ...Array.from({ length: Math.min(1000, n) }, (_, i) => i)])];
        if (SKIP_HF) {
          // The rule on the same records (every row is in range but the 一级主任科员 ones).
          const t0 = process.hrtime.bigint();
          const rule = eliminate(
            d.inc.map((x, i) => ({ name: `第${i + 1}行`, level: d.level[i], realPost: true, incompetentVotes: x, validVotes: d.valid[i] })),
            DEFAULT_POLICY,
          );
          const ruleMs = Number(process.hrtime.bigint() - t0) / 1e6;
          for (const i of sample) {
            const r = rule.rows[i];
            expect([i, mine.ranks[i][0]]).toEqual([i, r.inPopulation ? (r.rank ?? '') : '']);
            expect([i, mine.tiers[i][0]]).toEqual([i, r.inPopulation && r.tier ? `${TIER_LABELS[r.tier]}${r.tie ? TIE_SUFFIX : ''}` : '']);
          }
          console.log(
            `n=${n}: CADRE spilled calls (ELIMRANK + ELIMTIER) ${fmt(mine.ms)} | the rule alone, once ${fmt(ruleMs)} | agree on ${sample.length} sampled rows (${tiered.length} tiered) | HyperFormula not run (BENCH_SKIP_HF=1)`,
          );
          return;
        }
        const hf = await hyperformula(d, sample, n === 10_000 ? BUDGET_10K_MS : BUDGET_MS);
        if (n === 10_000) expect(hf.done).toBe(true);
        let line = `n=${n}: CADRE spilled call ${fmt(mine.ms)}`;
        if (hf.done) {
          const total = hf.buildMs + hf.readMs;
          if (n === 10_000) hf10k = total;
          line += ` | HyperFormula build+evaluate ${fmt(hf.buildMs)} + read ${fmt(hf.readMs)} = ${fmt(total)} | ratio ${(total / mine.ms).toFixed(0)}×`;
          for (const r of hf.rows) {
            expect([r.i, r.tier]).toEqual([r.i, mine.tiers[r.i][0]]);
            expect([r.i, r.rank]).toEqual([r.i, mine.ranks[r.i][0]]);
          }
          line += ` | agree on ${hf.rows.length} sampled rows (${tiered.length} tiered), counts N/prelim/removal/admonition ${hf.counts.join('/')}`;
        } else {
          const extrapolated = hf10k ? hf10k * (n / 10_000) ** 2 : 0;
          line += ` | HyperFormula did not finish within ${fmt(hf.ms)} (budget)${extrapolated ? `; quadratic extrapolation from 10k ≈ ${fmt(extrapolated)}` : ''} | ratio > ${(hf.ms / mine.ms).toFixed(0)}×${extrapolated ? ` (≈ ${(extrapolated / mine.ms).toFixed(0)}× extrapolated)` : ''}`;
        }

        console.log(line);
      },
      (n === 10_000 ? BUDGET_10K_MS : BUDGET_MS) + 120_000,
    );
  }
});
