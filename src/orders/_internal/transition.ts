import { OrderToCashError } from '../../errors/OrderToCashError.js';
import type { TransitionTable } from '../stateMachines.js';

/** Message of an `illegal_transition` error: what was tried, where, and what is possible there. */
export function illegalTransitionMessage(aggregate: string, state: string, transition: string, allowed: readonly string[], why?: string): string {
  const because = why === undefined ? '' : ` (${why})`;
  const options = allowed.length === 0 ? `${state} is final` : `possible from ${state}: ${allowed.join(', ')}`;
  return `Cannot ${transition} a ${aggregate} in state ${state}${because}: ${options}`;
}

/** Throws `illegal_transition` naming the aggregate, its state and the transition. */
export function illegalTransition(aggregate: string, state: string, transition: string, allowed: readonly string[], why?: string): never {
  throw new OrderToCashError('illegal_transition', illegalTransitionMessage(aggregate, state, transition, allowed, why), ['status']);
}

/**
 * The states `transition` may lead to from `state`; throws `illegal_transition` when the table
 * has no such transition there.
 */
export function targetsOf<S extends string, T extends string>(table: TransitionTable<S, T>, aggregate: string, state: S, transition: T): readonly S[] {
  const row = table[state];
  const targets = row[transition];
  if (targets === undefined) return illegalTransition(aggregate, state, transition, Object.keys(row));
  return targets;
}

/**
 * The target of `transition` from `state`: the table's only target, or `implied` when the
 * table lists several (it must be one of them, else the transition is illegal).
 */
export function targetOf<S extends string, T extends string>(table: TransitionTable<S, T>, aggregate: string, state: S, transition: T, implied?: S): S {
  const targets = targetsOf(table, aggregate, state, transition);
  if (implied === undefined) {
    if (targets.length !== 1) throw new OrderToCashError('invariant_violated', `${transition} from ${state} needs the state the quantities imply`);
    return targets[0] as S;
  }
  if (!targets.includes(implied)) {
    return illegalTransition(aggregate, state, transition, Object.keys(table[state]), `it would lead to ${implied}, but only ${targets.join(', ')} can follow`);
  }
  return implied;
}
