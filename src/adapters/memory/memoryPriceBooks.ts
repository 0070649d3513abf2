import { compilePriceBook, type PriceBook, type PriceBookInput } from '../../pricing/compilePriceBook.js';
import type { PriceBookRepository } from '../../orders/ports.js';

/**
 * The agreements in force, held in memory and compiled once per change; `replace` swaps them
 * (orders already confirmed keep their prices).
 * @throws {@link OrderToCashError} `invalid_input` from `compilePriceBook` for a bad record.
 * @example
 * const priceBooks = memoryPriceBooks({ agreements: [] });
 * priceBooks.replace({ agreements: newAgreements });
 */
export function memoryPriceBooks(input: PriceBookInput): PriceBookRepository & { replace(input: PriceBookInput): void } {
  let book: PriceBook = compilePriceBook(input);
  return {
    current: () => Promise.resolve(book),
    replace: (next) => {
      book = compilePriceBook(next);
    },
  };
}
