// Property tests take their seed and run count from the environment: CI fixes FC_SEED so a
// failure reproduces; FC_NUM_RUNS raises the count for long local runs.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const numRuns = process.env.FC_NUM_RUNS;
// numRuns is set only when asked for: @fast-check/vitest runs a plain `test(name, fn)` (a
// worked example) as a property of `numRuns` runs when one is configured globally, and once
// otherwise; `test.prop` runs fast-check's default of 100 without it.
fc.configureGlobal({
  ...(numRuns === undefined ? {} : { numRuns: Number(numRuns) }),
  ...(seed === undefined ? {} : { seed: Number(seed) }),
});
