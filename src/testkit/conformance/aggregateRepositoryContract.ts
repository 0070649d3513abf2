import fc from 'fast-check';
import type { AggregateRepository } from '../../orders/ports.js';
import { asJson, check, checkEqual, tryToChange } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * What {@link aggregateRepositoryContract} stores: how to build values of the aggregate and
 * how one changes. The named contracts (`salesOrderRepositoryContract`, …) pass the library's
 * documents; a host passes its own for an `AggregateRepository` of another type.
 * @example
 * const subject: AggregateSubject<Note> = { port: 'NoteRepository', numberPrefix: 'N-', keyOf: (n) => n.number,
 *   build: (number, variant) => ({ number, text: `v${variant}`, done: false }),
 *   next: (n) => (n.done ? undefined : { ...n, done: true }) };
 */
export type AggregateSubject<T> = {
  /** The port's name, in the title of the suite. */
  readonly port: string;
  /** Start of the keys the suite makes, after `keyPrefix` (e.g. `SO-`). */
  readonly numberPrefix: string;
  /** The key a value is stored under (its number). */
  readonly keyOf: (value: T) => string;
  /** A valid value with key `key`; values of different `variant`s (1 to 999) differ. */
  readonly build: (key: string, variant: number) => T;
  /** The value after the next step of its lifecycle (what a workflow saves), or undefined at its end. */
  readonly next: (value: T) => T | undefined;
};

/**
 * Makes the repository one law or one generated run works on. It may be a fresh, empty one or
 * the same store every time: the suite only needs that no key starting with its
 * `keyPrefix` (default none) and the subject's `numberPrefix` is stored yet, and it makes
 * new keys for every call (`SO-1-1`, `SO-1-2`, `SO-2-1`, …).
 * @example
 * const make: MakeAggregateRepository<SalesOrder> = async () => memorySalesOrders();
 */
export type MakeAggregateRepository<T> = () => Promise<AggregateRepository<T>>;

/**
 * Options of {@link aggregateRepositoryContract} and of the contracts built on it.
 * @example
 * const o: AggregateRepositoryContractOptions = { numRuns: 25, concurrency: 8, keyPrefix: 'ci-4711/' };
 */
export type AggregateRepositoryContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
  /** Largest number of commands per run of the model-based test (default 15). */
  readonly maxCommands?: number;
  /** Saves started at once in the concurrency laws (default 6). */
  readonly concurrency?: number;
  /** Put before every key, to run the suite on a store that holds other data (default none). */
  readonly keyPrefix?: string;
};

type Row<T> = { readonly version: number; readonly value: T };
type Model<T> = { readonly keys: readonly string[]; readonly rows: Map<string, Row<T>> };
type Real<T> = { readonly repo: AggregateRepository<T> };
type Command<T> = fc.AsyncCommand<Model<T>, Real<T>, boolean>;
const KEYS_PER_RUN = 3;

function saveCommand<T>(subject: AggregateSubject<T>, at: number, variant: number, behind: number): Command<T> {
  return {
    check: () => true,
    async run(m, r) {
      const key = m.keys[at] as string;
      const value = subject.build(key, variant);
      const current = m.rows.get(key)?.version ?? 0;
      const expected = Math.max(0, current - behind);
      const outcome = await r.repo.save(value, expected);
      if (expected === current) {
        checkEqual(outcome, { kind: 'saved', version: current + 1 }, `save ${key} at version ${expected}`);
        m.rows.set(key, { version: current + 1, value });
      } else {
        checkEqual(outcome, { kind: 'conflict', expectedVersion: expected, actualVersion: current }, `stale save ${key} at version ${expected}`);
      }
    },
    toString: () => `save(key ${at}, variant ${variant}, ${behind} behind)`,
  };
}

function stepCommand<T>(subject: AggregateSubject<T>, at: number): Command<T> {
  const nextOf = (m: Model<T>): T | undefined => {
    const row = m.rows.get(m.keys[at] as string);
    return row === undefined ? undefined : subject.next(row.value);
  };
  return {
    check: (m) => nextOf(m) !== undefined,
    async run(m, r) {
      const key = m.keys[at] as string;
      const row = m.rows.get(key) as Row<T>;
      const loaded = await r.repo.get(key);
      checkEqual(loaded === undefined ? null : { version: loaded.version, value: loaded.value }, row, `get ${key} before its next step`);
      const value = nextOf(m) as T;
      checkEqual(await r.repo.save(value, row.version), { kind: 'saved', version: row.version + 1 }, `next step of ${key} at version ${row.version}`);
      m.rows.set(key, { version: row.version + 1, value });
    },
    toString: () => `step(key ${at})`,
  };
}

function getCommand<T>(at: number): Command<T> {
  return {
    check: () => true,
    async run(m, r) {
      const key = m.keys[at] as string;
      const loaded = await r.repo.get(key);
      const expected = m.rows.get(key);
      checkEqual(loaded === undefined ? null : { version: loaded.version, value: loaded.value }, expected ?? null, `get ${key}`);
      if (loaded !== undefined) checkEqual(asJson(loaded.value), asJson(expected?.value), `get ${key}: the loaded value serialises like the saved one`);
    },
    toString: () => `get(key ${at})`,
  };
}

/**
 * The conformance suite of an {@link AggregateRepository} (versioned aggregates with
 * optimistic concurrency), for any type of aggregate. Example laws: an unknown key loads as
 * undefined; a save at version 0 creates version 1 and the value loads as saved (library
 * values such as Money restored); every step of the lifecycle saves at the version loaded,
 * +1 each time; stale saves, creates of an existing key and updates of a missing one are
 * `conflict` outcomes that change nothing; keys are independent; a caller cannot change what
 * is stored through a value it loaded; of concurrent saves at one version (and of concurrent
 * creates of one key) exactly one wins. Then a model-based `fc.commands` test of random
 * saves (current or stale versions), lifecycle steps and loads.
 * @param subject - how to build and change values
 * @param make - the repository for one law or run (see {@link MakeAggregateRepository} for the state it needs)
 * @param runner - the host's `describe` and `test`
 * @param options - runs, commands, concurrency, key prefix
 * @example
 * import { describe, test } from 'vitest';
 * aggregateRepositoryContract(noteSubject, async () => myNotes(db), { describe, test });
 */
export function aggregateRepositoryContract<T>(subject: AggregateSubject<T>, make: MakeAggregateRepository<T>, runner: ContractRunner, options: AggregateRepositoryContractOptions = {}): void {
  const concurrency = options.concurrency ?? 6;
  let runs = 0;
  const fresh = async (): Promise<{ readonly repo: AggregateRepository<T>; readonly keys: readonly string[] }> => {
    const run = ++runs;
    const keys = Array.from({ length: KEYS_PER_RUN }, (_, i) => `${options.keyPrefix ?? ''}${subject.numberPrefix}${run}-${i + 1}`);
    return { repo: await make(), keys };
  };
  const { build, next } = subject;

  runner.describe(`${subject.port} contract`, () => {
    runner.test('an unknown key loads as undefined', async () => {
      const { repo, keys } = await fresh();
      check((await repo.get(keys[0] as string)) === undefined, `get of the unknown key ${keys[0]} is undefined`);
    });

    runner.test('save at version 0 creates version 1; the loaded value is the saved one, library values included', async () => {
      const { repo, keys } = await fresh();
      const value = build(keys[0] as string, 7);
      checkEqual(await repo.save(value, 0), { kind: 'saved', version: 1 }, 'first save');
      const row = await repo.get(keys[0] as string);
      checkEqual(row?.version, 1, 'version');
      checkEqual(row?.value, value, 'loaded value');
      checkEqual(asJson(row?.value), asJson(value), 'the loaded value serialises like the saved one (library values restored)');
    });

    runner.test('each step of the lifecycle saves at the version loaded, +1 each time, and loads as saved', async () => {
      const { repo, keys } = await fresh();
      const key = keys[0] as string;
      let value = build(key, 42);
      checkEqual(await repo.save(value, 0), { kind: 'saved', version: 1 }, 'first save');
      let steps = 0;
      for (let after = next(value); after !== undefined; after = next(value)) {
        const loaded = await repo.get(key);
        checkEqual(loaded?.version, steps + 1, `version before step ${steps + 1}`);
        checkEqual(loaded?.value, value, `value before step ${steps + 1}`);
        checkEqual(await repo.save(after, steps + 1), { kind: 'saved', version: steps + 2 }, `step ${steps + 1}`);
        value = after;
        steps += 1;
      }
      check(steps > 0, 'the subject has at least one lifecycle step');
      checkEqual(await repo.get(key), { value, version: steps + 1 }, 'after the last step');
    });

    runner.test('a stale save, a create of an existing key and an update of a missing one are conflicts that change nothing', async () => {
      const { repo, keys } = await fresh();
      const [k1, k2] = keys as [string, string];
      await repo.save(build(k1, 1), 0);
      await repo.save(build(k1, 2), 1);
      checkEqual(await repo.save(build(k1, 3), 1), { kind: 'conflict', expectedVersion: 1, actualVersion: 2 }, 'stale save');
      checkEqual(await repo.save(build(k1, 3), 0), { kind: 'conflict', expectedVersion: 0, actualVersion: 2 }, 'create over an existing key');
      checkEqual(await repo.save(build(k1, 3), 3), { kind: 'conflict', expectedVersion: 3, actualVersion: 2 }, 'save at a version ahead of the stored one');
      checkEqual(await repo.get(k1), { value: build(k1, 2), version: 2 }, 'the stored value is the last saved');
      checkEqual(await repo.save(build(k2, 1), 1), { kind: 'conflict', expectedVersion: 1, actualVersion: 0 }, 'update of a missing key');
      check((await repo.get(k2)) === undefined, 'the missing key stays missing');
    });

    runner.test('keys are independent: saving one leaves the others as they were', async () => {
      const { repo, keys } = await fresh();
      const [k1, k2, k3] = keys as [string, string, string];
      await repo.save(build(k1, 1), 0);
      await repo.save(build(k2, 2), 0);
      await repo.save(build(k1, 3), 1);
      checkEqual(await repo.get(k2), { value: build(k2, 2), version: 1 }, `${k2} after saves of ${k1}`);
      checkEqual(await repo.get(k1), { value: build(k1, 3), version: 2 }, k1);
      check((await repo.get(k3)) === undefined, `${k3} never saved`);
    });

    runner.test('a caller cannot change what is stored through a value it saved or loaded', async () => {
      const { repo, keys } = await fresh();
      const key = keys[0] as string;
      const saved = build(key, 5);
      await repo.save(saved, 0);
      tryToChange(saved);
      tryToChange(await repo.get(key));
      checkEqual(await repo.get(key), { value: build(key, 5), version: 1 }, 'the stored value after the caller changed its copies');
    });

    runner.test(`of ${concurrency} concurrent saves at the same version exactly one wins; of ${concurrency} concurrent creates of one key, too`, async () => {
      const { repo, keys } = await fresh();
      const [k1, k2] = keys as [string, string];
      await repo.save(build(k1, 1), 0);
      const updates = await Promise.all(Array.from({ length: concurrency }, (_, i) => repo.save(build(k1, i + 2), 1)));
      const won = updates.findIndex((o) => o.kind === 'saved');
      checkEqual(updates.filter((o) => o.kind === 'saved').length, 1, 'updates that won');
      checkEqual(await repo.get(k1), { value: build(k1, won + 2), version: 2 }, 'the stored value is the winner');
      const creates = await Promise.all(Array.from({ length: concurrency }, (_, i) => repo.save(build(k2, i + 1), 0)));
      checkEqual(creates.filter((o) => o.kind === 'saved').length, 1, 'creates that won');
      checkEqual((await repo.get(k2))?.version, 1, 'version after the creates');
    });

    runner.test('agrees with a model on random saves (current or stale versions), lifecycle steps and loads (fc.commands)', async () => {
      const at = fc.integer({ min: 0, max: KEYS_PER_RUN - 1 });
      const commands = [
        fc.tuple(at, fc.integer({ min: 1, max: 999 }), fc.constantFrom(0, 0, 0, 1, 2)).map(([i, variant, behind]) => saveCommand(subject, i, variant, behind)),
        at.map((i) => stepCommand(subject, i)),
        at.map((i) => getCommand<T>(i)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: options.maxCommands ?? 15 }), async (cmds) => {
          const { repo, keys } = await fresh();
          await fc.asyncModelRun(() => ({ model: { keys, rows: new Map<string, Row<T>>() }, real: { repo } }), cmds);
        }),
        options.numRuns === undefined ? {} : { numRuns: options.numRuns },
      );
    });
  });
}
