import { compilePriceBook, type PriceBook, type PriceBookInput } from '../../pricing/compilePriceBook.js';
import type { PriceBookRepository } from '../../orders/ports.js';
import { freezeDeep } from './_internal/freezeDeep.js';

/**
 * The agreements in force, held in memory and compiled once per change; `replace` swaps them
 * (orders already confirmed keep their prices). Every caller gets the same book, deep-frozen,
 * so that none can change what the others price with.
 * @throws {@link OrderToCashError} `invalid_input` from `compilePriceBook` for a bad record.
 * @example
 * const priceBooks = memoryPriceBooks({ agreements: [] });
 * priceBooks.replace({ agreements: newAgreements });
 */
export function memoryPriceBooks(input: PriceBookInput): PriceBookRepository & { replace(input: PriceBookInput): void } {
  let book: PriceBook = freezeDeep(compilePriceBook(input));
  return {
    current: () => Promise.resolve(book),
    replace: (next) => {
      book = freezeDeep(compilePriceBook(next));
    },
  };
}
