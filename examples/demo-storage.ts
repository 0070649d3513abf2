// Storage demo: open items in embedded PostgreSQL (PGlite), two payments racing for one
// invoice, a replayed statement line, and invoice numbers from the database.
// Run: npx tsx -e "import('./examples/demo-storage.ts').then((m) => m.demoStorage())"
import { PGlite } from '@electric-sql/pglite';
import { migratePostgres } from '../src/adapters/postgres/migratePostgres.js';
import { postgresInvoiceNumbers } from '../src/adapters/postgres/postgresInvoiceNumbers.js';
import { postgresOpenItems } from '../src/adapters/postgres/postgresOpenItems.js';
import { calendarDate } from '../src/calendar/CalendarDate.js';
import { formatMoney } from '../src/money/formatMoney.js';
import { parseMoney } from '../src/money/parseMoney.js';
import { type CustomerId, type OpenItem, OpenItemSchema } from '../src/payments/OpenItem.js';
import type { ApplyOutcome } from '../src/payments/ports.js';
import { settlePayment } from '../src/payments/settlePayment.js';
import { heading, note, table } from './_print.js';

const show = (o: ApplyOutcome): string => (o.kind === 'applied' ? `applied (settlement #${o.version})` : o.kind === 'conflict' ? `conflict on ${o.staleItemIds.join(', ')}` : 'duplicate: nothing changed');

/** Runs the storage story on an in-process PGlite database and prints it. */
export async function demoStorage(): Promise<void> {
  heading('Storage: PostgreSQL in process (PGlite), the same adapter as on a server');
  const db = new PGlite();
  try {
    const migrated = await migratePostgres(db);
    note(`Schema migrations applied: ${migrated.applied.join(', ')}; running them again applies ${(await migratePostgres(db)).applied.length}.`);
    const numbers = postgresInvoiceNumbers(db);
    const invoice: OpenItem = OpenItemSchema.parse({
      id: 'OI-1', kind: 'invoice', customerId: 'ACME', currency: 'EUR', residual: { currency: 'EUR', amount: '1000.00' },
      documentNumber: await numbers.next('invoice'), documentDate: '2026-06-01', dueDate: '2026-07-01',
    });
    const openItems = postgresOpenItems(db);
    await openItems.putOpenItems([invoice]);
    note(`Invoice ${invoice.documentNumber} of ${formatMoney(invoice.residual)} is open.\n`);

    const asOf = calendarDate('2026-06-29');
    const pay = (id: string, amount: string) =>
      settlePayment({ payment: { id, currency: 'EUR', amount: parseMoney(amount, 'EUR'), valueDate: asOf, customerId: 'ACME' as CustomerId, references: [] }, items: [invoice], idempotencyKey: `stmt-29:${id}` }, { rounding: 'halfUp', asOf });
    const a = pay('L1', '700.00');
    const b = pay('L2', '600.00'); // computed on the same snapshot: together they would over-settle
    const [ra, rb] = await Promise.all([openItems.applySettlement(a, a.idempotencyKey), openItems.applySettlement(b, b.idempotencyKey)]);
    const replay = await openItems.applySettlement(a, a.idempotencyKey);
    table(
      ['Statement line', '>Amount', 'Outcome'],
      [
        [a.idempotencyKey, '700.00', show(ra)],
        [b.idempotencyKey, '600.00', show(rb)],
        [`${a.idempotencyKey} (delivered again)`, '700.00', show(replay)],
      ],
    );
    const [left] = await openItems.listOpen({ customerId: 'ACME' as CustomerId, currency: 'EUR' });
    note(`\n  Still open on ${invoice.documentNumber}: ${left === undefined ? 'nothing' : formatMoney(left.residual)}; never below zero, each line applied once.`);
  } finally {
    await db.close();
  }
}
