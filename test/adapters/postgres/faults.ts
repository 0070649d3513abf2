// The fault laws, run on PGlite and on a server.
import { expect, test } from 'vitest';
import { postgresOpenItems } from '../../../src/adapters/postgres/postgresOpenItems.js';
import type { SqlDatabase } from '../../../src/adapters/postgres/SqlDatabase.js';
import { item, pay } from '../../payments/_fixtures.js';
import { settlePayment } from '../../../src/payments/settlePayment.js';
import { calendarDate } from '../../../src/calendar/CalendarDate.js';
import { failingAfter, freshRepository, losingAnswers, snapshot } from './_harness.js';

const items = [item('I1', '100.00', '2026-01-31'), item('I2', '250.00', '2026-02-28')];
const settlement = settlePayment({ payment: pay('300.00', '2026-02-01'), items, idempotencyKey: 'stmt-1:line-1' }, { rounding: 'halfUp', asOf: calendarDate('2026-02-01') });

export function faultLaws(db: () => SqlDatabase): void {
  test('a settlement failing after its first statement leaves nothing behind; the key stays free', async () => {
    await freshRepository(db(), items);
    const before = await snapshot(db());
    for (const after of [1, 2, 3]) {
      const broken = postgresOpenItems(failingAfter(db(), after, new Error(`injected after statement ${after}`)));
      await expect(broken.applySettlement(settlement, settlement.idempotencyKey)).rejects.toThrow(`injected after statement ${after}`);
      expect(await snapshot(db())).toEqual(before);
    }
    const repo = postgresOpenItems(db());
    expect(await repo.applySettlement(settlement, settlement.idempotencyKey)).toEqual({ kind: 'applied', version: expect.any(Number) });
  });

  test('a replay after a crash between commit and response is a no-op', async () => {
    await freshRepository(db(), items);
    const lost = postgresOpenItems(losingAnswers(db(), new Error('connection lost after COMMIT')));
    await expect(lost.applySettlement(settlement, settlement.idempotencyKey)).rejects.toThrow('connection lost after COMMIT');
    const committed = await snapshot(db());
    expect(committed.settlements).toHaveLength(1);
    const repo = postgresOpenItems(db());
    expect(await repo.applySettlement(settlement, settlement.idempotencyKey)).toEqual({ kind: 'duplicate' });
    expect(await snapshot(db())).toEqual(committed);
    expect(committed.items).toEqual([
      { id: 'I1', residual: '0', version: 2 },
      { id: 'I2', residual: '5000', version: 2 },
    ]);
  });

  test('serialisation failures and deadlocks rerun the whole transaction, then are a conflict', async () => {
    await freshRepository(db(), items);
    const failing = (times: number, code: string): SqlDatabase => {
      let left = times;
      return {
        query: (sql, params) => db().query(sql, params),
        transaction: (work) =>
          db().transaction(async (tx) => {
            const result = await work(tx);
            if (left-- > 0) throw Object.assign(new Error(`could not serialize access (${code})`), { code });
            return result;
          }),
      };
    };
    const before = await snapshot(db());
    expect(await postgresOpenItems(failing(5, '40001'), { maxAttempts: 5 }).applySettlement(settlement, settlement.idempotencyKey)).toEqual({ kind: 'conflict', staleItemIds: ['I1', 'I2'] });
    expect(await snapshot(db())).toEqual(before);
    expect(await postgresOpenItems(failing(2, '40P01')).applySettlement(settlement, settlement.idempotencyKey)).toEqual({ kind: 'applied', version: expect.any(Number) });
    expect((await snapshot(db())).settlements).toHaveLength(1);
  });
}
