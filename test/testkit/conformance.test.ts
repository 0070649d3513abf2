// The conformance suites must be able to fail: each runs here against a repository broken in
// one way a host's implementation could be, and the law that guards against it must reject.
import { describe, expect, test } from 'vitest';
import { memoryAggregateRepository, memoryCustomers, memoryNumberSequence, memoryPriceBooks } from '../../src/adapters/memory/index.js';
import type { AggregateRepository, Customer, NumberSequence, OrderNumberKind, SaveOutcome } from '../../src/orders/ports.js';
import type { SalesOrder } from '../../src/orders/SalesOrder.js';
import type { PriceBookInput } from '../../src/pricing/compilePriceBook.js';
import {
  type ContractRunner,
  customerRepositoryContract,
  orderNumberSequenceContract,
  priceBookRepositoryContract,
  returnOrderRepositoryContract,
  salesOrderRepositoryContract,
} from '../../src/testkit/index.js';

/** The laws a contract registers, by name, instead of registering them with vitest. */
function lawsOf(register: (runner: ContractRunner) => void): Map<string, () => Promise<void>> {
  const laws = new Map<string, () => Promise<void>>();
  register({ describe: (_name, body) => body(), test: (name, body) => laws.set(name, body) });
  return laws;
}

async function failing(laws: Map<string, () => Promise<void>>): Promise<string[]> {
  const failed: string[] = [];
  for (const [name, law] of laws) await law().catch(() => failed.push(name));
  return failed;
}

/** Last write wins: saves ignore the expected version. */
function lostUpdates<T extends { readonly number: string }>(): AggregateRepository<T> {
  const rows = new Map<string, { value: T; version: number }>();
  return {
    get: (key) => Promise.resolve(rows.get(key)),
    save: (value, _expected) => {
      const version = (rows.get(value.number)?.version ?? 0) + 1;
      rows.set(value.number, { value, version });
      return Promise.resolve<SaveOutcome>({ kind: 'saved', version });
    },
  };
}

/** Stores JSON without the library's types: Money and decimals come back as plain data. */
function plainJson(): AggregateRepository<SalesOrder> {
  const inner = memoryAggregateRepository<string>((json) => (JSON.parse(json) as { number: string }).number);
  const toJson = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return {
    get: async (key) => {
      const row = await inner.get(key);
      return row === undefined ? undefined : { version: row.version, value: JSON.parse(row.value) as SalesOrder };
    },
    save: (value, expected) => inner.save(toJson(value), expected),
  };
}

/** One counter for every kind, read and written across an await (a race). */
function racyCounter(): NumberSequence {
  let n = 0;
  return {
    async next(kind: OrderNumberKind) {
      const read = n;
      await new Promise((resolve) => setImmediate(resolve));
      n = read + 1;
      return `${kind}-${String(n).padStart(6, '0')}`;
    },
  };
}

describe('the conformance suites fail on broken repositories', () => {
  test('aggregates: lost updates and values that lose their library types', async () => {
    const lost = await failing(lawsOf((runner) => returnOrderRepositoryContract(() => Promise.resolve(lostUpdates()), runner, { numRuns: 20 })));
    expect(lost).toEqual(expect.arrayContaining(['a stale save, a create of an existing key and an update of a missing one are conflicts that change nothing', 'agrees with a model on random saves (current or stale versions), lifecycle steps and loads (fc.commands)']));
    const plain = await failing(lawsOf((runner) => salesOrderRepositoryContract(() => Promise.resolve(plainJson()), runner, { numRuns: 20 })));
    expect(plain).toContain('save at version 0 creates version 1; the loaded value is the saved one, library values included');
  });

  test('order numbers: a shared counter raced by concurrent calls', async () => {
    const failed = await failing(lawsOf((runner) => orderNumberSequenceContract(() => Promise.resolve(racyCounter()), runner, { numRuns: 20 })));
    expect(failed).toEqual(expect.arrayContaining(['kinds are independent: draws of other kinds do not change the numbers of a kind', '20 calls at once give 20 different numbers, and later calls give larger ones']));
    // Memory numbers of one kind, without counters, pass.
    expect(await failing(lawsOf((runner) => orderNumberSequenceContract(() => Promise.resolve(memoryNumberSequence()), runner, { numRuns: 5, counters: false })))).toEqual([]);
  });

  test('customers: stored objects handed out as they are, and absent fields read as null', async () => {
    const shared = (customers: readonly Customer[]) => {
      const rows = new Map(customers.map((c) => [c.customerId, c]));
      return Promise.resolve({ get: (id: string) => Promise.resolve(rows.get(id)) });
    };
    expect(await failing(lawsOf((runner) => customerRepositoryContract(shared, runner, { numRuns: 20 })))).toContain(
      'reads repeat; the caller cannot change later reads through the seeded objects or a record read',
    );
    const withNulls = (customers: readonly Customer[]) => {
      const repo = memoryCustomers(customers);
      return Promise.resolve({ get: async (id: string) => ((c) => (c === undefined ? undefined : { priceGroup: null, ...c }))(await repo.get(id)) as Customer | undefined });
    };
    expect(await failing(lawsOf((runner) => customerRepositoryContract(withNulls, runner, { numRuns: 20 })))).toContain(
      'get of a seeded id gives the record, every field intact (an absent optional field stays absent)',
    );
  });

  test('price books: item attributes dropped', async () => {
    const noItems = (input: PriceBookInput) => Promise.resolve(memoryPriceBooks({ ...input, items: [] }));
    expect(await failing(lawsOf((runner) => priceBookRepositoryContract(noItems, runner, { numRuns: 50 })))).toContain('current() prices documents as the seeded agreements compiled, on every date');
  });
});
