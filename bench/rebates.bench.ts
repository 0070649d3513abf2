// Suite `rebates`: accrual of 10 M generated invoice and credit-note lines against 1 k
// deals for 50 k customers. `accrue-10m` runs on one thread (lines/s counts accrual only,
// chunks of 100 k lines generated outside the clock); `accrue-10m-2workers` shards the
// chunks over two worker threads, merges their totals and checks them against the single
// pass. Its value is the lines of both workers over the longer worker's accrual time (the
// same clock as the single pass, so the two compare); the wall clock, which adds worker
// start-up and line generation, is reported beside it. Each chunk's accrual state is folded
// into per deal/customer/period totals (accrualTotals), so that the 10 M provisions never
// sit in memory at once.
import { Worker } from 'node:worker_threads';
import { accrueRebates } from '../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../src/pricing/rebates/compileRebateDeals.js';
import { type BenchResult, round3 } from './_lib.js';
import { addToTotals, CHUNK, chunkOfLines, DEALS, CUSTOMERS, dealInputs, LINES, mergeTotals, sameTotals, type Totals } from './_rebatesData.js';

type WorkerResult = { totals: Totals; entries: number; lines: number; seconds: number };

function runWorker(shard: number, shards: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: a small bootstrap registers it, then loads the TypeScript worker.
    const url = new URL('./rebates.worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: { shard, shards } });
    w.once('message', (m: WorkerResult) => resolve(m));
    w.once('error', reject);
  });
}

export async function* run(): AsyncGenerator<BenchResult> {
  const program = compileRebateDeals(dealInputs());
  const totals: Totals = new Map();
  let seconds = 0;
  let cpuSeconds = 0; // CPU time of the process (GC threads included): tells a busy machine from a slow run
  let entries = 0;
  for (let chunk = 0; chunk < LINES / CHUNK; chunk++) {
    const lines = chunkOfLines(chunk);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { state } = accrueRebates(program, lines, { rounding: 'halfEven' });
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    cpuSeconds += (c.user + c.system) / 1e6;
    entries += state.size;
    addToTotals(totals, state);
  }
  const single = Math.round(LINES / seconds);
  yield { suite: 'rebates', case: 'accrue-10m', metric: 'lines/s', value: single, lines: LINES, deals: DEALS, customers: CUSTOMERS, provisions: entries, target: 2_000_000, seconds: round3(seconds), cpuSeconds: round3(cpuSeconds) };

  const t0 = process.hrtime.bigint();
  const parts = await Promise.all([runWorker(0, 2), runWorker(1, 2)]);
  const merged = mergeTotals(parts[0]?.totals ?? new Map(), parts[1]?.totals ?? new Map());
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const slowest = Math.max(...parts.map((p) => p.seconds));
  const value = Math.round(LINES / slowest);
  yield {
    suite: 'rebates',
    case: 'accrue-10m-2workers',
    metric: 'lines/s',
    value,
    lines: LINES,
    provisions: parts.reduce((n, p) => n + p.entries, 0),
    sameAsSinglePass: sameTotals(merged, totals),
    speedUp: Math.round((value / single) * 100) / 100,
    seconds: round3(slowest),
    workerSeconds: parts.map((p) => round3(p.seconds)),
    wallSeconds: round3(wall),
    note: 'value: lines over the accrual time of the slower worker; wallSeconds adds worker start-up and line generation',
  };
}
