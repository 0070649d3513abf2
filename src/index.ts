// order-to-cash: the root entry point holds the foundation every module shares: the error
// class, the exact money core and calendar dates. Each module has its own subpath
// (order-to-cash/pricing, …) so that importing one never loads the others.
export * from './calendar/index.js';
export * from './errors/index.js';
export * from './money/index.js';
