// order-to-cash/memory: the ports held in memory, the embedded default.
export { type MemoryOpenItemRepository, memoryOpenItems } from './memoryOpenItems.js';
