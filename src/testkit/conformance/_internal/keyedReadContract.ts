import fc from 'fast-check';
import { check, checkEqual, tryToChange } from './check.js';
import type { ContractRunner } from '../ContractRunner.js';

// The suite of a read-only port keyed by id (customers, items): master data the host keeps in
// its own tables and the library only reads.

/** A read port: `get(id)` gives the record or undefined. */
export type KeyedRead<T extends object> = { get(id: string): Promise<T | undefined> };

/** What the suite of one keyed read port needs. */
export type KeyedReadSubject<T extends object> = {
  /** The port's name, in the title of the suite. */
  readonly port: string;
  /** The id of a record. */
  readonly idOf: (record: T) => string;
  /** Records of the example laws, ids unique, optional fields present and absent. */
  readonly examples: readonly T[];
  /** Generated records, ids unique. */
  readonly recordsArb: fc.Arbitrary<readonly T[]>;
  /** Ids no record of `examples` or `recordsArb` has. */
  readonly unknownIds: readonly string[];
};

/** Copies plain data, so that the suite can compare with what it seeded after the caller changed the seed. */
const copy = <T extends object>(records: readonly T[]): T[] => structuredClone([...records]);

type Model<T extends object> = { readonly records: readonly T[] };
type Real<T extends object> = { readonly repo: KeyedRead<T> };

/**
 * Registers the suite: every seeded record reads back as seeded, unknown ids give undefined,
 * reads repeat, neither the seeded objects nor a record read can be changed by the caller to
 * alter later reads, and a model-based `fc.commands` test of reads and changes by the caller.
 * @example
 * keyedReadContract(customerSubject, make, runner, options)
 */
export function keyedReadContract<T extends object>(
  subject: KeyedReadSubject<T>,
  make: (records: readonly T[]) => Promise<KeyedRead<T>>,
  runner: ContractRunner,
  options: { readonly numRuns?: number; readonly maxCommands?: number },
): void {
  const { idOf, examples, unknownIds } = subject;
  runner.describe(`${subject.port} contract`, () => {
    runner.test('get of a seeded id gives the record, every field intact (an absent optional field stays absent)', async () => {
      const repo = await make(examples);
      for (const record of examples) {
        const got = await repo.get(idOf(record));
        checkEqual(got, record, `get(${JSON.stringify(idOf(record))})`);
        check(got !== undefined && Object.keys(got).sort().join() === Object.keys(record).sort().join(), `get(${JSON.stringify(idOf(record))}) has the fields ${Object.keys(got ?? {}).join(', ')}`);
      }
    });

    runner.test('get of an unknown id is undefined, also on an empty repository', async () => {
      const repo = await make(examples);
      for (const id of unknownIds) check((await repo.get(id)) === undefined, `get(${JSON.stringify(id)}) of an unknown id is undefined`);
      const empty = await make([]);
      check((await empty.get(idOf(examples[0] as T))) === undefined, 'get of any id on an empty repository is undefined');
    });

    runner.test('reads repeat; the caller cannot change later reads through the seeded objects or a record read', async () => {
      const seed = copy(examples);
      const repo = await make(seed);
      tryToChange(seed);
      for (const record of examples) {
        const id = idOf(record);
        tryToChange(await repo.get(id));
        checkEqual(await repo.get(id), record, `get(${JSON.stringify(id)}) after the caller changed its copies`);
        checkEqual(await repo.get(id), await repo.get(id), `get(${JSON.stringify(id)}) twice`);
      }
    });

    runner.test('agrees with the seeded records on random reads and changes by the caller (fc.commands)', async () => {
      const ids = fc.oneof(fc.nat(), fc.constantFrom(...unknownIds));
      const idIn = (m: Model<T>, pick: number | string): string => (typeof pick === 'string' || m.records.length === 0 ? String(pick) : idOf(m.records[pick % m.records.length] as T));
      const expected = (m: Model<T>, id: string): T | undefined => m.records.find((r) => idOf(r) === id);
      const read = (pick: number | string): fc.AsyncCommand<Model<T>, Real<T>, boolean> => ({
        check: () => true,
        async run(m, r) {
          const id = idIn(m, pick);
          checkEqual((await r.repo.get(id)) ?? null, expected(m, id) ?? null, `get(${JSON.stringify(id)})`);
        },
        toString: () => `get(${JSON.stringify(pick)})`,
      });
      const change = (pick: number | string): fc.AsyncCommand<Model<T>, Real<T>, boolean> => ({
        check: () => true,
        async run(m, r) {
          tryToChange(await r.repo.get(idIn(m, pick)));
        },
        toString: () => `changeRead(${JSON.stringify(pick)})`,
      });
      const property = fc.asyncProperty(subject.recordsArb, fc.commands([ids.map(read), ids.map(change)], { maxCommands: options.maxCommands ?? 20 }), async (records, cmds) => {
        const repo = await make(copy(records));
        await fc.asyncModelRun(() => ({ model: { records }, real: { repo } }), cmds);
      });
      await fc.assert(property, options.numRuns === undefined ? {} : { numRuns: options.numRuns });
    });
  });
}
