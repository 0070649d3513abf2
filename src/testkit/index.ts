// order-to-cash/testkit: fast-check arbitraries for the library's inputs, for hosts' tests.
// Requires fast-check (an optional peer dependency).
export { type CalendarDateArbOptions, calendarDateArb } from './calendarArbitraries.js';
export {
  currencyCodeArb,
  type MoneyArbOptions,
  moneyArb,
  roundingModeArb,
  type ScaledArbOptions,
  scaledArb,
} from './moneyArbitraries.js';
export { type RebateSourceLineArbOptions, rebateSourceLineArb, rebateSourceLinesArb } from './rebatesArbitraries.js';
