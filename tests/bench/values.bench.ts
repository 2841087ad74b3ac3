/**
 * Bench: 1,000,000 date cells of mixed forms through parseChineseDate. Prints time, ns/cell and
 * memory; asserts correctness on a sample, never a timing (the machine is shared).
 *
 * Not part of the default suite (testMatch is *.test.ts). Run it with
 *   npx jest --coverage=false --testMatch '<glob of tests/bench/ *.bench.ts>' tests/bench/values.bench.ts
 * where the glob is the string: two stars, /tests/bench/, two stars, /*.bench.ts (see the report;
 * it cannot be written literally inside this comment). BENCH_CELLS=… changes the cell count.
 */
import { formatDate, parseChineseDate, type DateOptions } from '../../src/values/dates';
import { fromEpochDay, toEpochDay, toSerial, type LocalDate } from '../../src/values/local-date';

const CELLS = Number(process.env.BENCH_CELLS ?? 1_000_000);
const SAMPLE_EVERY = 997;

type Form = (d: LocalDate) => { value: string | number; fmt: 0 | 1 | 2; precision: 'day' | 'month'; date?: LocalDate };
const fw = (s: string) => s.replace(/[0-9.\-/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const p2 = (n: number) => String(n).padStart(2, '0');
const CN = '〇一二三四五六七八九';
const cnMonth = (m: number) => (m < 10 ? CN[m] : m === 10 ? '十' : `十${CN[m - 10]}`);

// fmt: 0 unknown format, 1 date-formatted cell, 2 General cell.
const FORMS: readonly Form[] = [
  (d) => ({ value: toSerial(d), fmt: 1, precision: 'day' }),
  (d) => ({ value: toSerial(d), fmt: 1, precision: 'day' }),
  // October typed as 1985.10 is ambiguous in a General cell (by design); the bench uses November.
  (d) => {
    const m = d.m === 10 ? 11 : d.m;
    return { value: Number(`${d.y}.${p2(m)}`), fmt: 2, precision: 'month', date: { y: d.y, m, d: 1 } };
  },
  (d) => ({ value: d.y * 100 + d.m, fmt: 2, precision: 'month' }),
  (d) => ({ value: formatDate(d, 'month'), fmt: 0, precision: 'month' }),
  (d) => ({ value: `${d.y}.${d.m}`, fmt: 0, precision: 'month' }),
  (d) => ({ value: `${d.y}年${d.m}月`, fmt: 0, precision: 'month' }),
  (d) => ({ value: `${d.y}年${d.m}月${d.d}日`, fmt: 0, precision: 'day' }),
  (d) => ({ value: formatDate(d, 'day'), fmt: 0, precision: 'day' }),
  (d) => ({ value: `${d.y}/${d.m}/${d.d}`, fmt: 0, precision: 'day' }),
  (d) => ({ value: `${d.y}${p2(d.m)}${p2(d.d)}`, fmt: 0, precision: 'day' }),
  (d) => ({ value: fw(formatDate(d, 'month')), fmt: 0, precision: 'month' }),
  (d) => ({ value: ` ${d.y}.${p2(d.m)} `, fmt: 0, precision: 'month' }),
  (d) => ({ value: `${Array.from(String(d.y), (c) => CN[Number(c)]).join('')}年${cnMonth(d.m)}月`, fmt: 0, precision: 'month' }),
];
const OPTS: readonly DateOptions[] = [{}, { numberFormat: 'yyyy-mm-dd' }, { numberFormat: 'General' }];

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

test(`parseChineseDate over ${CELLS.toLocaleString('en-US')} mixed cells`, () => {
  const lo = toEpochDay({ y: 1950, m: 1, d: 1 });
  const span = toEpochDay({ y: 2010, m: 12, d: 31 }) - lo + 1;
  let seed = 20261126;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

  const before = process.memoryUsage();
  const values: (string | number)[] = new Array(CELLS);
  const fmts = new Uint8Array(CELLS);
  const truth: { i: number; date: LocalDate; precision: string }[] = [];
  for (let i = 0; i < CELLS; i++) {
    const date = fromEpochDay(lo + Math.floor(rand() * span));
    const cell = FORMS[i % FORMS.length](date);
    values[i] = cell.value;
    fmts[i] = cell.fmt;
    const want = cell.date ?? (cell.precision === 'day' ? date : { ...date, d: 1 });
    if (i % SAMPLE_EVERY === 0) truth.push({ i, date: want, precision: cell.precision });
  }
  const built = process.memoryUsage();

  let peakRss = built.rss;
  let peakHeap = built.heapUsed;
  // Warm-up so the JIT has compiled the parser before the clock starts.
  for (let i = 0; i < Math.min(CELLS, 20_000); i++) parseChineseDate(values[i], OPTS[fmts[i]]);
  let parsed = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CELLS; i++) {
    const r = parseChineseDate(values[i], OPTS[fmts[i]]);
    if (r.ok) parsed++;
    if ((i & 0xffff) === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const after = process.memoryUsage();

  const lines = [
    `cells            ${CELLS.toLocaleString('en-US')} (${FORMS.length} forms, round robin)`,
    `parsed ok        ${parsed.toLocaleString('en-US')}`,
    `time             ${(ns / 1e6).toFixed(0)} ms`,
    `per cell         ${(ns / CELLS).toFixed(0)} ns`,
    `rss              before ${mb(before.rss)}, inputs built ${mb(built.rss)}, peak ${mb(Math.max(peakRss, after.rss))}, after ${mb(after.rss)}`,
    `Δ inputs         rss +${mb(built.rss - before.rss)}, heap +${mb(built.heapUsed - before.heapUsed)}`,
    `Δ parsing (peak) rss +${mb(Math.max(peakRss, after.rss) - built.rss)}, heap +${mb(Math.max(peakHeap, after.heapUsed) - built.heapUsed)}`,
    `heapUsed         before ${mb(before.heapUsed)}, inputs built ${mb(built.heapUsed)}, peak ${mb(Math.max(peakHeap, after.heapUsed))}, after ${mb(after.heapUsed)}`,
  ];
  process.stdout.write(`\nvalues bench — parseChineseDate\n${lines.join('\n')}\n`);

  // Correctness, not speed: every cell is a valid date in range, and a sample parses to its truth.
  expect(parsed).toBe(CELLS);
  for (const { i, date, precision } of truth) {
    const r = parseChineseDate(values[i], OPTS[fmts[i]]);
    expect(r.ok && { ...r.value.date, p: r.value.precision }).toEqual({ ...date, p: precision });
  }
}, 300_000);
