import fc from 'fast-check';
import type { NumberSequence, OrderNumberKind } from '../../orders/ports.js';
import { check, checkEqual } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes a sequence that has issued no number yet: a fresh one, or one on its own series
 * (e.g. `postgresOrderNumbers(db, { series: \`run-${n}/\` })`, so that the database need not
 * be emptied). The suite calls it once per law and once per generated run.
 * @example
 * const make: MakeOrderNumberSequence = async () => memoryNumberSequence();
 */
export type MakeOrderNumberSequence = () => Promise<NumberSequence>;

/**
 * Options of {@link orderNumberSequenceContract}.
 * @example
 * const o: OrderNumberSequenceContractOptions = { numRuns: 20, concurrency: 50 };
 */
export type OrderNumberSequenceContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
  /** Largest number of calls per run of the model-based test (default 20). */
  readonly maxCommands?: number;
  /** Calls started at once in the concurrency law (default 20). */
  readonly concurrency?: number;
  /**
   * Whether each kind draws from a counter of its own, as the memory and PostgreSQL adapters
   * do (default true): its numbers increase (a longer number is the larger, then character by
   * character, so `SO-000010` follows `SO-000009`) and draws of other kinds do not change
   * them. `false` checks only what every `NumberSequence` promises: new, non-empty numbers.
   */
  readonly counters?: boolean;
};

const KINDS: readonly OrderNumberKind[] = ['quotation', 'salesOrder', 'returnOrder'];
/** Whether `a` comes after `b` in the order of counter numbers. */
const isAfter = (a: string, b: string): boolean => a.length > b.length || (a.length === b.length && a > b);

type Model = { readonly issued: Set<string>; readonly byKind: Map<OrderNumberKind, string[]> };
type Real = { readonly sequence: NumberSequence };

/**
 * Draws one number of `kind` and checks it against what the sequence gave so far.
 */
async function drawChecked(m: Model, sequence: NumberSequence, kind: OrderNumberKind, counters: boolean): Promise<string> {
  const n = await sequence.next(kind);
  check(typeof n === 'string' && n.length > 0, `next(${kind}) gave ${JSON.stringify(n)}`);
  check(!m.issued.has(n), `next(${kind}) gave ${n} again`);
  const mine = m.byKind.get(kind) ?? [];
  const last = mine[mine.length - 1];
  if (counters && last !== undefined) check(isAfter(n, last), `next(${kind}) gave ${n} after ${last}: numbers of a kind increase`);
  m.issued.add(n);
  m.byKind.set(kind, [...mine, n]);
  return n;
}

const emptyModel = (): Model => ({ issued: new Set(), byKind: new Map() });

/**
 * The numbers a fresh sequence gives for `count` draws of `kind` alone: what the kind must
 * give whatever other kinds drew in between.
 */
async function alone(make: MakeOrderNumberSequence, kind: OrderNumberKind, count: number): Promise<string[]> {
  const sequence = await make();
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(await sequence.next(kind));
  return out;
}

/**
 * The conformance suite of the orders {@link NumberSequence} (quotation, sales order and
 * return numbers): every call gives a non-empty number never given before, of any kind, in
 * sequence and when many calls run at once; with `counters` (the default) the numbers of each
 * kind also increase and do not depend on the draws of other kinds. Then a model-based
 * `fc.commands` test over random call sequences.
 * @param make - a sequence that has issued no number yet
 * @param runner - the host's `describe` and `test`
 * @param options - runs, calls per run, concurrency, counters
 * @example
 * import { describe, test } from 'vitest';
 * orderNumberSequenceContract(async () => memoryNumberSequence(), { describe, test });
 */
export function orderNumberSequenceContract(make: MakeOrderNumberSequence, runner: ContractRunner, options: OrderNumberSequenceContractOptions = {}): void {
  const concurrency = options.concurrency ?? 20;
  const counters = options.counters ?? true;
  runner.describe('NumberSequence contract (orders)', () => {
    runner.test(`numbers are non-empty and never repeat, within a kind and across kinds${counters ? '; those of a kind increase' : ''}`, async () => {
      const sequence = await make();
      const m = emptyModel();
      for (const kind of ['salesOrder', 'quotation', 'salesOrder', 'returnOrder', 'salesOrder', 'quotation', 'returnOrder', 'returnOrder'] as const) await drawChecked(m, sequence, kind, counters);
      for (let i = 0; i < 12; i++) await drawChecked(m, sequence, 'salesOrder', counters);
    });

    if (counters)
      runner.test('kinds are independent: draws of other kinds do not change the numbers of a kind', async () => {
        const mixed = await make();
        const got = new Map<OrderNumberKind, string[]>(KINDS.map((k) => [k, []]));
        for (const kind of ['returnOrder', 'salesOrder', 'salesOrder', 'quotation', 'salesOrder', 'returnOrder', 'quotation', 'salesOrder'] as const) got.get(kind)?.push(await mixed.next(kind));
        for (const kind of KINDS) checkEqual(got.get(kind), await alone(make, kind, got.get(kind)?.length ?? 0), `numbers of ${kind} drawn between others and alone`);
      });

    runner.test(`${concurrency} calls at once give ${concurrency} different numbers${counters ? ', and later calls give larger ones' : ''}`, async () => {
      const sequence = await make();
      const kindOf = (i: number): OrderNumberKind => KINDS[i % KINDS.length] as OrderNumberKind;
      const numbers = await Promise.all(Array.from({ length: concurrency }, (_, i) => sequence.next(kindOf(i))));
      check(numbers.every((n) => typeof n === 'string' && n.length > 0), `empty numbers among ${numbers.join(', ')}`);
      check(new Set(numbers).size === concurrency, `numbers repeat: ${numbers.join(', ')}`);
      const m = emptyModel();
      numbers.forEach((n) => m.issued.add(n));
      for (const kind of KINDS) {
        const later = await drawChecked(m, sequence, kind, false);
        const earlier = numbers.filter((_, i) => kindOf(i) === kind);
        if (counters) check(earlier.every((n) => isAfter(later, n)), `next(${kind}) gave ${later} after the concurrent ${earlier.join(', ')}`);
      }
    });

    runner.test('random call sequences: never a number twice, kinds in order and independent (fc.commands)', async () => {
      const draw = (kind: OrderNumberKind): fc.AsyncCommand<Model, Real, boolean> => ({
        check: () => true,
        run: async (m, r) => {
          await drawChecked(m, r.sequence, kind, counters);
        },
        toString: () => `next(${kind})`,
      });
      const property = fc.asyncProperty(fc.commands([fc.constantFrom(...KINDS).map(draw)], { maxCommands: options.maxCommands ?? 20 }), async (cmds) => {
        const model = emptyModel();
        const sequence = await make();
        await fc.asyncModelRun(() => ({ model, real: { sequence } }), cmds);
        if (!counters) return;
        for (const [kind, got] of model.byKind) checkEqual(got, await alone(make, kind, got.length), `numbers of ${kind} in the run and alone`);
      });
      await fc.assert(property, options.numRuns === undefined ? {} : { numRuns: options.numRuns });
    });
  });
}
