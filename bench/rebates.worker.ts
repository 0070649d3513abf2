// Worker of the `rebates` suite: accrues every chunk whose index ≡ shard (mod shards) and
// posts its totals back (bigints survive structured cloning).
import { parentPort, workerData } from 'node:worker_threads';
import { accrueRebates } from '../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../src/pricing/rebates/compileRebateDeals.js';
import { addToTotals, CHUNK, chunkOfLines, dealInputs, LINES, type Totals } from './_rebatesData.js';

const { shard, shards } = workerData as { shard: number; shards: number };
const program = compileRebateDeals(dealInputs());
const totals: Totals = new Map();
let entries = 0;
for (let chunk = shard; chunk < LINES / CHUNK; chunk += shards) {
  const { state } = accrueRebates(program, chunkOfLines(chunk), { rounding: 'halfEven' });
  entries += state.size;
  addToTotals(totals, state);
}
parentPort?.postMessage({ totals, entries });
