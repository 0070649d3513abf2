// Property tests take their seed and run count from the environment: CI fixes FC_SEED so a
// failure reproduces; FC_NUM_RUNS raises the count for long local runs.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const numRuns = process.env.FC_NUM_RUNS;
fc.configureGlobal({
  numRuns: numRuns === undefined ? 100 : Number(numRuns),
  ...(seed === undefined ? {} : { seed: Number(seed) }),
});
