import { PGlite } from '@electric-sql/pglite';
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromJsonColumn, toJsonText } from '../../../src/adapters/postgres/_internal/jsonCodec.js';
import { loadAggregate, saveAggregate } from '../../../src/adapters/postgres/_internal/aggregateTable.js';
import { postgresInvoiceNumbers } from '../../../src/adapters/postgres/postgresInvoiceNumbers.js';
import { migratePostgres } from '../../../src/adapters/postgres/migratePostgres.js';
import { postgresOpenItems } from '../../../src/adapters/postgres/postgresOpenItems.js';
import { postgresMigrations } from '../../../src/adapters/postgres/postgresMigrations.js';
import { type SqlDatabase, sqlDatabase } from '../../../src/adapters/postgres/SqlDatabase.js';
import { money } from '../../../src/money/Money.js';
import type { CustomerId } from '../../../src/payments/OpenItem.js';
import {
  invoiceNumberSequenceContract,
  openItemRepositoryContract,
  openItemsArb,
  orderNumberSequenceContract,
  quotationRepositoryContract,
  returnOrderRepositoryContract,
  salesOrderRepositoryContract,
} from '../../../src/testkit/index.js';
import { postgresOrderNumbers, postgresQuotations, postgresReturnOrders, postgresSalesOrders } from '../../../src/adapters/postgres/postgresOrderRepositories.js';
import { reverseSettlement } from '../../../src/payments/reverseSettlement.js';
import { settlePayment } from '../../../src/payments/settlePayment.js';
import { d, item } from '../../payments/_fixtures.js';
import { faultLaws } from './faults.js';
import { freshRepository, resetTables } from './_harness.js';

// One embedded database for the whole file (starting PGlite takes seconds); every
// repository starts from emptied tables.
let pglite: PGlite;
let db: SqlDatabase;
let firstMigration: unknown;
beforeAll(async () => {
  pglite = new PGlite();
  db = sqlDatabase(pglite);
  firstMigration = await migratePostgres(db);
}, 120_000);
afterAll(async () => {
  await pglite.close();
});

describe('PostgreSQL adapter on PGlite', () => {
  openItemRepositoryContract((items) => freshRepository(db, items), { describe, test }, { numRuns: 25 });

  invoiceNumberSequenceContract(
    async () => {
      await resetTables(db);
      return postgresInvoiceNumbers(db);
    },
    { describe, test },
    { numRuns: 25 },
  );


  test('order numbers count per kind, formatted like the memory adapter', async () => {
    await resetTables(db);
    const numbers = postgresOrderNumbers(db);
    expect([await numbers.next('salesOrder'), await numbers.next('salesOrder'), await numbers.next('quotation'), await numbers.next('returnOrder')]).toEqual([
      'SO-000001',
      'SO-000002',
      'SQ-000001',
      'RO-000001',
    ]);
  });

  // The tables are not emptied: the aggregate suites make new numbers for every run, and each
  // number sequence gets a series of its own, as a host running them on a database in use would.
  salesOrderRepositoryContract(() => Promise.resolve(postgresSalesOrders(db)), { describe, test }, { numRuns: 25 });
  quotationRepositoryContract(() => Promise.resolve(postgresQuotations(db)), { describe, test }, { numRuns: 25 });
  returnOrderRepositoryContract(() => Promise.resolve(postgresReturnOrders(db)), { describe, test }, { numRuns: 25 });
  let series = 0;
  orderNumberSequenceContract(() => Promise.resolve(postgresOrderNumbers(db, { series: `run-${++series}/` })), { describe, test }, { numRuns: 25 });

  describe('faults', () => faultLaws(() => db));

  describe('migrations', () => {
    test('apply once, record what ran, and change nothing when run again', async () => {
      expect(firstMigration).toEqual({ applied: [1, 2, 3], current: [1, 2, 3] });
      expect(await migratePostgres(db)).toEqual({ applied: [], current: [1, 2, 3] });
      const ran = (await pglite.query<{ version: number; name: string }>('SELECT version, name FROM otc_migrations ORDER BY version')).rows;
      expect(ran).toEqual(postgresMigrations.map((m) => ({ version: m.version, name: m.name })));
    });

    test('a failing migration leaves no trace', async () => {
      await expect(migratePostgres(db, { migrations: [...postgresMigrations, { version: 9, name: 'broken', statements: ['CREATE TABLE otc_half (id int)', 'SELECT 1/0'] }] })).rejects.toThrow('division by zero');
      expect((await db.query("SELECT to_regclass('otc_half') AS t", [])).rows).toEqual([{ t: null }]);
      expect((await db.query('SELECT max(version) AS v FROM otc_migrations', [])).rows).toEqual([{ v: 3 }]);
    });

    test('a later migration applies alone, in order', async () => {
      const extra = [{ version: 5, name: 'later', statements: ['ALTER TABLE otc_probe ADD COLUMN b int'] }, ...postgresMigrations, { version: 4, name: 'extra', statements: ['CREATE TABLE otc_probe (a int)'] }];
      expect(await migratePostgres(db, { migrations: extra })).toEqual({ applied: [4, 5], current: [1, 2, 3, 4, 5] });
      expect(await migratePostgres(db, { migrations: extra })).toEqual({ applied: [], current: [1, 2, 3, 4, 5] });
    });
  });

  describe('storage', () => {
    test('amounts beyond 64 bits and every field of an item survive the round trip', async () => {
      const huge = item('H1', '0', '2026-01-31', { residual: money(123_456_789_012_345_678_901_234_567_890n, 'EUR'), references: ['RF18539007547034'] });
      const repo = await freshRepository(db, [huge]);
      expect(await repo.listOpen({ customerId: 'C1' as CustomerId, currency: 'EUR' })).toEqual([huge]);
    });

    fcTest.prop([openItemsArb({ maxItems: 10 })], { numRuns: 20 })('listOpen returns the stored items exactly', async (items) => {
      const repo = await freshRepository(db, items);
      for (const customerId of ['C0', 'C1', 'C2'] as CustomerId[]) {
        const expected = items.filter((i) => i.customerId === customerId && i.residual.minor !== 0n).sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
        expect(await repo.listOpen({ customerId, currency: 'EUR' })).toEqual(expected);
      }
    });

    fcTest.prop([fc.anything({ withBigInt: true, withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false, withDate: false, withObjectString: false, values: [fc.bigInt(), fc.string(), fc.boolean(), fc.integer(), fc.constant(null)] })])(
      'the JSON codec round-trips bigints and plain data through jsonb',
      async (value) => {
        const rows = (await db.query('SELECT $1::jsonb AS v', [toJsonText(value)])).rows as { v: unknown }[];
        expect(fromJsonColumn(rows[0]?.v)).toEqual(value);
      },
    );

    test('the sign of a residual must fit the kind, even for SQL written by hand', async () => {
      await freshRepository(db, [item('I1', '10.00', '2026-01-31')]);
      await expect(db.query("UPDATE otc_open_items SET residual_minor = -1 WHERE id = 'I1'", [])).rejects.toThrow('otc_open_items_residual_sign');
    });

    test('an opened item records the settlement that opened it, its origin and reason code; its reversal deletes the row', async () => {
      const repo = await freshRepository(db, [item('I1', '100.00', '2026-01-31')]);
      const payment = { id: 'P1', currency: 'EUR', amount: money(6_000n, 'EUR'), valueDate: d('2026-01-20'), customerId: 'C1' as CustomerId, references: [] };
      const s = settlePayment({ payment, items: await repo.listOpen({ customerId: 'C1' as CustomerId, currency: 'EUR' }), idempotencyKey: 'k-1' }, { rounding: 'halfUp', asOf: d('2026-01-20'), deductionReasonCode: 'DAMAGED' });
      expect((await repo.applySettlement(s, 'k-1')).kind).toBe('applied');
      const columns = async (): Promise<unknown[]> => [...(await db.query('SELECT id, opened_by, origin_item_id, reason_code, residual_minor::text AS residual FROM otc_open_items ORDER BY id', [])).rows];
      expect(await columns()).toEqual([
        { id: 'I1', opened_by: null, origin_item_id: null, reason_code: null, residual: '0' },
        { id: 'k-1:deduction:I1', opened_by: 'k-1', origin_item_id: 'I1', reason_code: 'DAMAGED', residual: '4000' },
      ]);
      expect((await repo.applySettlement(reverseSettlement(s, 'k-1-R'), 'k-1-R')).kind).toBe('applied');
      expect(await columns()).toEqual([{ id: 'I1', opened_by: null, origin_item_id: null, reason_code: null, residual: '10000' }]);
    });

    test('versioned aggregates: a stale save is a conflict and changes nothing', async () => {
      await resetTables(db);
      const order = { number: 'SO-1', total: money(12_345n, 'EUR'), lines: [{ quantity: { units: 15n, scale: 1 } }] };
      expect(await saveAggregate(db, 'salesOrder', 'SO-1', 0, order)).toEqual({ kind: 'saved', version: 1 });
      expect(await saveAggregate(db, 'salesOrder', 'SO-1', 0, order)).toEqual({ kind: 'conflict', currentVersion: 1 });
      expect(await saveAggregate(db, 'salesOrder', 'SO-1', 1, { ...order, number: 'SO-1b' })).toEqual({ kind: 'saved', version: 2 });
      expect(await saveAggregate(db, 'salesOrder', 'SO-1', 1, order)).toEqual({ kind: 'conflict', currentVersion: 2 });
      const loaded = await loadAggregate<typeof order>(db, 'salesOrder', 'SO-1');
      expect(loaded).toEqual({ value: { ...order, number: 'SO-1b' }, version: 2 });
      expect(JSON.stringify(loaded?.value.total)).toBe('{"currency":"EUR","amount":"123.45"}');
      expect(await loadAggregate(db, 'salesOrder', 'SO-2')).toBeUndefined();
    });

    test('invoice numbers: default format, one counter per kind and series', async () => {
      await resetTables(db);
      const numbers = postgresInvoiceNumbers(db);
      expect([await numbers.next('invoice'), await numbers.next('invoice'), await numbers.next('creditNote')]).toEqual(['INV-000001', 'INV-000002', 'CN-000001']);
      const other = postgresInvoiceNumbers(db, { series: 'B/', format: (kind, n) => `B-${kind}-${n}` });
      expect(await other.next('invoice')).toBe('B-invoice-1');
    });

    test('rejects bad input with the field path', async () => {
      const repo = postgresOpenItems(db);
      await expect(repo.putOpenItems([item('I1', '1.00', '2026-01-31'), item('I1', '2.00', '2026-01-31')])).rejects.toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: items[1].id: must be unique: I1 appears twice]`);
      await expect(repo.listOpen({ customerId: '' as CustomerId, currency: 'EUR' })).rejects.toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: query.customerId: Too small: expected string to have >=1 characters]`);
    });
  });
});
