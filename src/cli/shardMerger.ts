import { type AccrualState, emptyAccrual, mergeAccruals } from '../pricing/rebates/accrueRebates.js';

/**
 * Merges accrual states added one by one, pairing states of equal rank first like a binary
 * counter: each provision is copied O(log n) times over n states, where folding every state
 * into one running total would copy the total once per state.
 * @example
 * const m = shardMerger(); m.add(a); m.add(b); m.add(c);
 * m.result() // the same provisions as mergeAccruals(mergeAccruals(a, b), c)
 */
export function shardMerger(): { add(state: AccrualState): void; result(): AccrualState } {
  const ranks: (AccrualState | undefined)[] = [];
  return {
    add(state) {
      let carry = state;
      let rank = 0;
      for (; ranks[rank] !== undefined; rank++) {
        carry = mergeAccruals(ranks[rank] as AccrualState, carry);
        ranks[rank] = undefined;
      }
      ranks[rank] = carry;
    },
    result: () => ranks.reduce<AccrualState>((acc, s) => (s === undefined ? acc : mergeAccruals(s, acc)), emptyAccrual()),
  };
}
