import { describe, test } from 'vitest';
import { memorySalesOrders } from '../../../src/adapters/memory/index.js';
import { salesOrderRepositoryContract } from '../../../src/testkit/index.js';

salesOrderRepositoryContract(() => Promise.resolve(memorySalesOrders()), { describe, test });
