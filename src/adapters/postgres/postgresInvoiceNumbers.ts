import type { InvoiceNumberSequence } from '../../invoicing/ports.js';
import { nextInSequence } from './_internal/aggregateTable.js';
import { type PostgresDriver, sqlDatabase } from './SqlDatabase.js';

/**
 * Options of {@link postgresInvoiceNumbers}.
 * @example
 * const o: PostgresInvoiceNumbersOptions = { format: (kind, n) => `${kind === 'invoice' ? 'R' : 'G'}${n}` };
 */
export type PostgresInvoiceNumbersOptions = {
  /** The document number of the n-th invoice or credit note (default `INV-000001`, `CN-000001`). */
  readonly format?: (kind: 'invoice' | 'creditNote', n: bigint) => string;
  /** Prefix of the counter names in `otc_sequences`, to keep several series apart (default `''`). */
  readonly series?: string;
};

const defaultFormat = (kind: 'invoice' | 'creditNote', n: bigint): string => `${kind === 'invoice' ? 'INV' : 'CN'}-${n.toString().padStart(6, '0')}`;

/**
 * The invoicing {@link InvoiceNumberSequence} port on a PostgreSQL counter table
 * (`otc_sequences`, one row per kind): each call returns the next number, unique under
 * any concurrency, without gaps (a row lock, not a PostgreSQL `SEQUENCE`, which skips
 * numbers on rollback).
 * @param driver - PGlite, a `pg` Pool or Client, or a {@link SqlDatabase}
 * @param options - number format and series
 * @returns the sequence
 * @example
 * const numbers = postgresInvoiceNumbers(db);
 * await numbers.next('invoice') //=> 'INV-000001'
 * await numbers.next('creditNote') //=> 'CN-000001'
 */
export function postgresInvoiceNumbers(driver: PostgresDriver, options: PostgresInvoiceNumbersOptions = {}): InvoiceNumberSequence {
  const db = sqlDatabase(driver);
  const format = options.format ?? defaultFormat;
  const series = options.series ?? '';
  return {
    async next(kind: 'invoice' | 'creditNote'): Promise<string> {
      const n = await db.transaction((tx) => nextInSequence(tx, `${series}${kind}`));
      return format(kind, n);
    },
  };
}
