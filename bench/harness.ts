import { performance } from 'node:perf_hooks';

/**
 * A benchmark times a subject against a baseline doing the irreducible part of
 * the same work (raw SQL, a bare parse…) in the same process, so the ratio means
 * something on any machine. Tests never assert timings; `npm run bench` reports them.
 */
export interface Benchmark {
  name: string;
  /** What the ratio is against, in a few words. */
  baselineLabel: string;
  setup?: () => void | Promise<void>;
  baseline: () => unknown;
  subject: () => unknown;
  /** Highest acceptable subject/baseline ratio; above it the run exits 1. */
  maxRatio?: number;
  teardown?: () => void;
  /**
   * For subjects that take seconds (a 200,000-row import): time this many single runs
   * (after one warm-up) instead of batches, each after `reset` (untimed), and take the median.
   */
  runs?: number;
  /** Puts the state back before every run of either side (e.g. deletes what an import wrote). */
  reset?: () => void;
}

export interface BenchResult {
  name: string;
  baseline: string;
  subjectMs: number;
  baselineMs: number;
  ratio: number;
  maxRatio: number | null;
  ok: boolean;
}

/** Median of per-call times over batches, after a warm-up, so one GC pause does not decide. */
function medianMs(fn: () => unknown, minBatchMs = 20, batches = 15): number {
  for (let i = 0; i < 5; i++) fn();
  let perBatch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    if (performance.now() - t >= minBatchMs || perBatch >= 1 << 20) break;
    perBatch *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push((performance.now() - t) / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/**
 * Median of `runs` single timed calls after one warm-up, each preceded by an untimed `reset`.
 * A call may return a promise (a chain of dispatcher calls, each needing the last one's answer).
 */
async function medianOfRuns(
  fn: () => unknown,
  runs: number,
  reset: (() => void) | undefined,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    reset?.();
    const t = performance.now();
    await fn();
    if (i > 0) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

export async function runBenchmarks(list: Benchmark[]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const b of list) {
    await b.setup?.();
    const time = async (fn: () => unknown) => (b.runs ? medianOfRuns(fn, b.runs, b.reset) : medianMs(fn));
    const baselineMs = await time(b.baseline);
    const subjectMs = await time(b.subject);
    b.teardown?.();
    const ratio = subjectMs / baselineMs;
    results.push({
      name: b.name,
      baseline: b.baselineLabel,
      subjectMs,
      baselineMs,
      ratio,
      maxRatio: b.maxRatio ?? null,
      ok: b.maxRatio === undefined || ratio <= b.maxRatio,
    });
  }
  return results;
}

export function formatResults(results: BenchResult[]): string {
  const w = Math.max(...results.map((r) => r.name.length), 4);
  const lines = results.map((r) => {
    const value = r.subjectMs < 1 ? `${(r.subjectMs * 1000).toFixed(1)}µs` : `${r.subjectMs.toFixed(2)}ms`;
    const limit = r.maxRatio === null ? '' : ` (limit ${r.maxRatio}×${r.ok ? '' : ', OVER'})`;
    return `${r.name.padEnd(w)}  ${value.padStart(9)}  ${r.ratio.toFixed(2).padStart(7)}× ${r.baseline}${limit}`;
  });
  return [`${'name'.padEnd(w)}  ${'value'.padStart(9)}  ${'ratio'.padStart(8)} vs baseline`, ...lines].join(
    '\n',
  );
}
