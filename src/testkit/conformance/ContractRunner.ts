/**
 * How a conformance suite registers its tests: the host's `describe` and `test` (vitest,
 * jest, mocha, `node:test`). The testkit imports no test framework.
 * @example
 * import { describe, test } from 'vitest';
 * const runner: ContractRunner = { describe, test };
 */
export type ContractRunner = {
  readonly describe: (name: string, body: () => void) => unknown;
  readonly test: (name: string, body: () => Promise<void>) => unknown;
};
