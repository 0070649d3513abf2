import fc from 'fast-check';
import { draftSalesOrder } from '../../orders/draftSalesOrder.js';
import type { SalesOrderRepository } from '../../orders/ports.js';
import type { SalesOrder } from '../../orders/SalesOrder.js';
import { compilePriceBook } from '../../pricing/compilePriceBook.js';
import { check, checkEqual } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes a fresh, empty sales order repository for one run of the contract.
 * @example
 * const make: MakeSalesOrderRepository = async () => memorySalesOrders();
 */
export type MakeSalesOrderRepository = () => Promise<SalesOrderRepository>;

/** Options of {@link salesOrderRepositoryContract}. */
export type SalesOrderRepositoryContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
};

const BOOK = /* @__PURE__ */ compilePriceBook({
  agreements: [{ id: 'P-X', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'X', currency: 'EUR', unit: 'pcs', amount: '19.99', priceUnit: '1' }],
  basePrices: [{ itemId: 'Y', currency: 'EUR', unit: 'kg', price: '2.345' }],
});
const NUMBERS = ['SO-1', 'SO-2', 'SO-3'] as const;

/** A priced sales order: its money, decimals and price traces are what must survive storage. */
function orderOf(number: string, x: number, ykg: string): SalesOrder {
  const outcome = draftSalesOrder(
    { number, customer: { customerId: 'C-1' }, currency: 'EUR', lines: [{ itemId: 'X', quantity: String(x), unit: 'pcs' }, { itemId: 'Y', quantity: ykg, unit: 'kg' }] },
    BOOK,
    { asOf: '2026-03-01', rounding: 'halfEven', combination: 'sum' },
  );
  if (outcome.kind !== 'ordered') throw new Error('the contract price book prices every line');
  return outcome.order;
}

/** The order as JSON data: throws if a bigint lost its library type on the way (no toJSON). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

type Model = { readonly rows: Map<string, { version: number; value: SalesOrder }> };
type Real = { readonly repo: SalesOrderRepository };

const orderArb = fc.record({
  number: fc.constantFrom(...NUMBERS),
  x: fc.integer({ min: 1, max: 999 }),
  ykg: fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
});

function saveCommand(o: { number: string; x: number; ykg: string }, stale: number): fc.AsyncCommand<Model, Real, boolean> {
  return {
    check: () => true,
    async run(model, real) {
      const value = orderOf(o.number, o.x, o.ykg);
      const current = model.rows.get(o.number)?.version ?? 0;
      const expected = Math.max(0, current - stale);
      const outcome = await real.repo.save(value, expected);
      if (expected === current) {
        checkEqual(outcome, { kind: 'saved', version: current + 1 }, `save ${o.number} at version ${expected}`);
        model.rows.set(o.number, { version: current + 1, value });
      } else {
        checkEqual(outcome, { kind: 'conflict', expectedVersion: expected, actualVersion: current }, `stale save ${o.number} at version ${expected}`);
      }
    },
    toString: () => `save(${o.number}, ${o.x} pcs, ${o.ykg} kg, ${stale} behind)`,
  };
}

function getCommand(number: string): fc.AsyncCommand<Model, Real, boolean> {
  return {
    check: () => true,
    async run(model, real) {
      const row = await real.repo.get(number);
      const expected = model.rows.get(number);
      checkEqual(row === undefined ? null : { version: row.version, value: row.value }, expected === undefined ? null : { version: expected.version, value: expected.value }, `get ${number}`);
      if (row !== undefined) checkEqual(asJson(row.value), asJson(expected?.value), `get ${number}: the loaded order serialises like the saved one`);
    },
    toString: () => `get(${number})`,
  };
}

/**
 * The conformance suite of a {@link SalesOrderRepository} (the pattern of every versioned
 * aggregate repository): example laws and a model-based `fc.commands` test of saves with
 * current and stale versions and loads. Register it with the host's test framework.
 * @example
 * import { describe, test } from 'vitest';
 * salesOrderRepositoryContract(async () => memorySalesOrders(), { describe, test });
 */
export function salesOrderRepositoryContract(make: MakeSalesOrderRepository, runner: ContractRunner, options: SalesOrderRepositoryContractOptions = {}): void {
  runner.describe('SalesOrderRepository contract', () => {
    runner.test('an unknown number loads as undefined', async () => {
      const repo = await make();
      check((await repo.get('SO-404')) === undefined, 'get of an unknown number is undefined');
    });
    runner.test('save at version 0 creates version 1; the loaded order is the saved one, money and decimals exact', async () => {
      const repo = await make();
      const order = orderOf('SO-1', 7, '1.250');
      checkEqual(await repo.save(order, 0), { kind: 'saved', version: 1 }, 'first save');
      const row = await repo.get('SO-1');
      checkEqual(row?.version, 1, 'version');
      checkEqual(row?.value, order, 'loaded order');
      checkEqual(asJson(row?.value), asJson(order), 'the loaded order serialises like the saved one (library values restored)');
      checkEqual(row?.value.totals.total, order.totals.total, 'total');
    });
    runner.test('a stale save is a conflict that changes nothing', async () => {
      const repo = await make();
      await repo.save(orderOf('SO-1', 1, '0.001'), 0);
      await repo.save(orderOf('SO-1', 2, '0.002'), 1);
      checkEqual(await repo.save(orderOf('SO-1', 3, '0.003'), 1), { kind: 'conflict', expectedVersion: 1, actualVersion: 2 }, 'stale save');
      checkEqual(await repo.save(orderOf('SO-1', 3, '0.003'), 0), { kind: 'conflict', expectedVersion: 0, actualVersion: 2 }, 'create over an existing number');
      checkEqual((await repo.get('SO-1'))?.value, orderOf('SO-1', 2, '0.002'), 'the stored order is the last saved');
    });
    runner.test('of concurrent saves at the same version exactly one wins', async () => {
      const repo = await make();
      await repo.save(orderOf('SO-2', 1, '1.000'), 0);
      const outcomes = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => repo.save(orderOf('SO-2', x, '1.000'), 1)));
      checkEqual(outcomes.filter((o) => o.kind === 'saved').length, 1, 'saves that won');
      checkEqual((await repo.get('SO-2'))?.version, 2, 'version after the race');
    });
    runner.test('agrees with a model on random saves (current or stale versions) and loads (fc.commands)', async () => {
      const commands = [
        fc.tuple(orderArb, fc.constantFrom(0, 0, 0, 1, 2)).map(([o, stale]) => saveCommand(o, stale)),
        fc.constantFrom(...NUMBERS).map(getCommand),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 15 }), async (cmds) => {
          const repo = await make();
          await fc.asyncModelRun(() => ({ model: { rows: new Map() }, real: { repo } }), cmds);
        }),
        options.numRuns === undefined ? {} : { numRuns: options.numRuns },
      );
    });
  });
}
