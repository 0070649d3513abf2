// Master data stays in the host's tables (docs/storage.md): these suites are what a host's
// implementation must pass; the memory adapters are the reference.
import { describe, test } from 'vitest';
import { memoryCustomers, memoryItems, memoryPriceBooks } from '../../../src/adapters/memory/index.js';
import { customerRepositoryContract, itemRepositoryContract, priceBookRepositoryContract } from '../../../src/testkit/index.js';

customerRepositoryContract((customers) => Promise.resolve(memoryCustomers(customers)), { describe, test });
itemRepositoryContract((items) => Promise.resolve(memoryItems(items)), { describe, test });
priceBookRepositoryContract((input) => Promise.resolve(memoryPriceBooks(input)), { describe, test });
