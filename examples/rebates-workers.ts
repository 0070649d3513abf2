// Sharded accrual: two worker threads each accrue one shard of the lines, post their
// accrual states back, and mergeAccruals joins them into exactly the single-pass state.
// Run with: npx tsx examples/rebates-workers.ts
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { chunkOfLines, dealInputs } from '../bench/_rebatesData.js';
import { type AccrualState, accrueRebates, compileRebateDeals, listProvisions, mergeAccruals } from '../src/pricing/rebates/index.js';

const program = compileRebateDeals(dealInputs());

function shard(index: number): AccrualState {
  return accrueRebates(program, chunkOfLines(index), { rounding: 'halfEven' }).state;
}

function inWorker(index: number): Promise<AccrualState> {
  const url = new URL(import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Promise((resolve, reject) => {
    const w = new Worker(boot, { eval: true, workerData: { index } });
    w.once('message', (state: AccrualState) => resolve(state));
    w.once('error', reject);
  });
}

// Provisions compared by their figures (structured cloning drops the Money and Scaled prototypes).
const figures = (s: AccrualState): string =>
  listProvisions(s).map((e) => `${e.key} ${e.amount.minor} ${e.basis.units} ${e.periodEnd}`).join('\n');

/** Accrues two chunks in two workers, merges, and tells whether the result equals the single pass. */
export async function accrueInWorkers(): Promise<boolean> {
  const [a, b] = await Promise.all([inWorker(0), inWorker(1)]);
  const merged = mergeAccruals(b, a);
  const single = accrueRebates(program, [...chunkOfLines(0), ...chunkOfLines(1)], { rounding: 'halfEven' }).state;
  return figures(merged) === figures(single);
}

if (!isMainThread) {
  parentPort?.postMessage(shard((workerData as { index: number }).index));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void accrueInWorkers().then((same) => process.stdout.write(`merged workers equal the single pass: ${String(same)}\n`));
}
