import type { CreditPolicy } from './ports.js';

/**
 * A credit policy that passes every order: the default until a host plugs in the credit
 * module's rules.
 * @example
 * await permissiveCreditPolicy.check(order, asOf) //=> { kind: 'pass', reasons: [] }
 */
export const permissiveCreditPolicy: CreditPolicy = {
  check: () => Promise.resolve({ kind: 'pass', reasons: [] }),
};
