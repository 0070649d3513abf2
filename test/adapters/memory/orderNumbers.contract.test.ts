import { describe, test } from 'vitest';
import { memoryNumberSequence } from '../../../src/adapters/memory/index.js';
import { orderNumberSequenceContract } from '../../../src/testkit/index.js';

orderNumberSequenceContract(() => Promise.resolve(memoryNumberSequence()), { describe, test });

// Short numbers outgrow their digits (SO-9, SO-10): still increasing in the contract's order.
describe('with one digit', () => {
  orderNumberSequenceContract(() => Promise.resolve(memoryNumberSequence({ digits: 1 })), { describe, test });
});
