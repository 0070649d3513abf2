// order-to-cash/money: the exact numeric core.
export { addMoney } from './addMoney.js';
export { addScaled } from './addScaled.js';
export { allocateMoney, type Ratio } from './allocateMoney.js';
export { assertSameCurrency } from './assertSameCurrency.js';
export { compareMoney, equalsMoney } from './compareMoney.js';
export { compareScaled } from './compareScaled.js';
export { type ConvertMoneyOptions, convertMoney } from './convertMoney.js';
export { type CurrencyDefinition, listCurrencies, minorUnitOf, registerCurrency } from './currencies.js';
export { type DivideMoneyOptions, divideMoney } from './divideMoney.js';
export { type DivideScaledOptions, divideScaled } from './divideScaled.js';
export { type FormatMoneyOptions, formatMoney } from './formatMoney.js';
export { formatScaled } from './formatScaled.js';
export { type CurrencyCode, type Money, type MoneyJSON, money } from './Money.js';
export { moneyFromJSON, moneyToJSON } from './moneyJSON.js';
export { type MultiplyMoneyOptions, multiplyMoney } from './multiplyMoney.js';
export { multiplyScaled } from './multiplyScaled.js';
export { negateMoney } from './negateMoney.js';
export { negateScaled } from './negateScaled.js';
export { normalizeScaled } from './normalizeScaled.js';
export { parseMoney } from './parseMoney.js';
export { divideRounded, ROUNDING_MODES, type RoundingMode } from './rounding.js';
export { roundScaled } from './roundScaled.js';
export { roundMoneyToIncrement, roundToIncrement } from './roundToIncrement.js';
export { type DecimalInput, pow10, type Scaled, scaled, scaledOf } from './Scaled.js';
export {
  CurrencyCodeSchema,
  DecimalSchema,
  DecimalStringSchema,
  type MoneyInput,
  MoneyInputSchema,
  NonNegativeDecimalSchema,
  PositiveDecimalSchema,
  RoundingModeSchema,
} from './schemas.js';
export { subtractMoney } from './subtractMoney.js';
export { subtractScaled } from './subtractScaled.js';
export { sumMoney } from './sumMoney.js';
export { moneyToScaled, type ToMoneyOptions, toMoney } from './toMoney.js';
