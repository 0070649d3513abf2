import { describe, test } from 'vitest';
import { memoryQuotations, memoryReturnOrders, memorySalesOrders } from '../../../src/adapters/memory/index.js';
import { quotationRepositoryContract, returnOrderRepositoryContract, salesOrderRepositoryContract } from '../../../src/testkit/index.js';

quotationRepositoryContract(() => Promise.resolve(memoryQuotations()), { describe, test });
salesOrderRepositoryContract(() => Promise.resolve(memorySalesOrders()), { describe, test });
returnOrderRepositoryContract(() => Promise.resolve(memoryReturnOrders()), { describe, test });
