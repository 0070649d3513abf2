// Worker of the `rebates` suite: accrues every chunk whose index ≡ shard (mod shards) and
// posts its totals back (bigints survive structured cloning), with the seconds spent in
// accrual alone (line generation and totals are outside the clock, as in the single pass).
import { parentPort, workerData } from 'node:worker_threads';
import { accrueRebateColumns } from '../src/pricing/rebates/accrueRebateColumns.js';
import { compileRebateDeals } from '../src/pricing/rebates/compileRebateDeals.js';
import { addToTotals, CHUNK, chunkOfColumns, dealInputs, LINES, partiesOf, type Totals } from './_rebatesData.js';

const { shard, shards } = workerData as { shard: number; shards: number };
const program = compileRebateDeals(dealInputs());
const parties = partiesOf(program);
const totals: Totals = new Map();
let entries = 0;
let lines = 0;
let seconds = 0;
for (let chunk = shard; chunk < LINES / CHUNK; chunk += shards) {
  const chunkLines = chunkOfColumns(chunk, parties);
  const t0 = process.hrtime.bigint();
  const { state } = accrueRebateColumns(program, chunkLines, { rounding: 'halfEven' });
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  lines += chunkLines.length;
  entries += state.size;
  addToTotals(totals, state);
}
parentPort?.postMessage({ totals, entries, lines, seconds });
