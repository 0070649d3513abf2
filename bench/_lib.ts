// Shared benchmark plumbing: every suite yields results in one JSON-lines format,
// {"suite","case","metric","value", ...}, optionally with a baseline and the ratio to it.

export type BenchResult = {
  readonly suite: string;
  readonly case: string;
  readonly metric: string;
  readonly value: number;
  readonly baseline?: string;
  readonly baselineValue?: number;
  readonly ratio?: number;
  readonly [extra: string]: unknown;
};

/** A suite: a file `bench/<suite>.bench.ts` exporting `run`. */
export type Suite = { run(): AsyncIterable<BenchResult> | Iterable<BenchResult> };

/** Seconds taken by `fn`, high resolution. */
export function time<T>(fn: () => T): { seconds: number; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/**
 * Runs `fn` once to warm up, then `reps` times, and returns the median seconds, every run's
 * seconds (ascending) and the last result (so that callers can check the computations agree).
 */
export function measure<T>(fn: () => T, reps = 5): { seconds: number; runs: number[]; result: T } {
  fn();
  const runs: number[] = [];
  let result = fn();
  for (let i = 0; i < reps; i++) {
    const t = time(fn);
    runs.push(t.seconds);
    result = t.result;
  }
  runs.sort((a, b) => a - b);
  return { seconds: runs[Math.floor(runs.length / 2)] as number, runs, result };
}

/** A small deterministic generator (mulberry32) so that every run prices the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds a rate for printing, keeping three significant decimals. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
