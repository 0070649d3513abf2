// Suite `rebates`: accrual of 10 M generated invoice and credit-note lines against 1 k
// deals for 50 k customers. `accrue-10m` runs on one thread with the lines in columns
// (lines/s counts accrual only, chunks of 100 k lines generated outside the clock, the party
// index built once and timed apart); `accrue-10m-objects` accrues the same lines as objects
// and checks that the totals agree; `accrue-10m-2workers` shards the column chunks over two
// worker threads, merges their totals and checks them against the single pass. Its value is the lines of both workers over the longer worker's accrual time (the
// same clock as the single pass, so the two compare); the wall clock, which adds worker
// start-up and line generation, is reported beside it. Each chunk's accrual state is folded
// into per deal/customer/period totals (accrualTotals), so that the 10 M provisions never
// sit in memory at once.
import { Worker } from 'node:worker_threads';
import type { AccrualState } from '../src/pricing/rebates/AccrualState.js';
import { accrueRebateColumns } from '../src/pricing/rebates/accrueRebateColumns.js';
import { accrueRebates } from '../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../src/pricing/rebates/compileRebateDeals.js';
import { type BenchResult, round3 } from './_lib.js';
import { addToTotals, CHUNK, chunkOfColumns, chunkOfLines, CUSTOMERS, DEALS, dealInputs, LINES, mergeTotals, partiesOf, sameTotals, type Totals } from './_rebatesData.js';

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
  const i0 = process.hrtime.bigint();
  const parties = partiesOf(program);
  const indexSeconds = Number(process.hrtime.bigint() - i0) / 1e9;

  const columns = accrueChunks((chunk) => {
    const lines = chunkOfColumns(chunk, parties);
    return () => accrueRebateColumns(program, lines, { rounding: 'halfEven' }).state;
  });
  const single = Math.round(LINES / columns.seconds);
  yield {
    suite: 'rebates',
    case: 'accrue-10m',
    metric: 'lines/s',
    value: single,
    input: 'columns',
    lines: LINES,
    deals: DEALS,
    customers: CUSTOMERS,
    provisions: columns.entries,
    target: 2_000_000,
    seconds: round3(columns.seconds),
    cpuSeconds: round3(columns.cpuSeconds),
    indexSeconds: round3(indexSeconds),
    note: 'accrueRebateColumns; indexSeconds: indexRebateParties for the 50 k customers and 2 k items, once',
  };

  const objects = accrueChunks((chunk) => {
    const lines = chunkOfLines(chunk);
    return () => accrueRebates(program, lines, { rounding: 'halfEven' }).state;
  });
  yield {
    suite: 'rebates',
    case: 'accrue-10m-objects',
    metric: 'lines/s',
    value: Math.round(LINES / objects.seconds),
    input: 'objects',
    provisions: objects.entries,
    sameAsColumns: sameTotals(objects.totals, columns.totals),
    seconds: round3(objects.seconds),
    cpuSeconds: round3(objects.cpuSeconds),
    note: 'accrueRebates on the same lines as typed objects',
  };

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
    input: 'columns',
    lines: LINES,
    provisions: parts.reduce((n, p) => n + p.entries, 0),
    sameAsSinglePass: sameTotals(merged, columns.totals),
    speedUp: Math.round((value / single) * 100) / 100,
    seconds: round3(slowest),
    workerSeconds: parts.map((p) => round3(p.seconds)),
    wallSeconds: round3(wall),
    note: 'value: lines over the accrual time of the slower worker; wallSeconds adds worker start-up, indexing and line generation',
  };
}

// Accrues every chunk (`prepare` generates it outside the clock and returns the timed call),
// folding each chunk's state into totals so that 10 M provisions never sit in memory at once.
function accrueChunks(prepare: (chunk: number) => () => AccrualState): { totals: Totals; seconds: number; cpuSeconds: number; entries: number } {
  const totals: Totals = new Map();
  let seconds = 0;
  let cpuSeconds = 0; // CPU time of the process (GC threads included): tells a busy machine from a slow run
  let entries = 0;
  for (let chunk = 0; chunk < LINES / CHUNK; chunk++) {
    const accrue = prepare(chunk);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const state = accrue();
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    cpuSeconds += (c.user + c.system) / 1e6;
    entries += state.size;
    addToTotals(totals, state);
  }
  return { totals, seconds, cpuSeconds, entries };
}
