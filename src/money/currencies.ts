import { invalidInput } from '../errors/parseInput.js';

/** An ISO 4217 code such as `'EUR'`, or a code the host registered. */
export type CurrencyCode = string;

/** A currency and the number of decimals of its minor unit (EUR 2, JPY 0, KWD 3, CLF 4). */
export type CurrencyDefinition = { readonly code: CurrencyCode; readonly minorUnit: number };

// ISO 4217 active codes (2025 list). Two decimals unless listed under another exponent.
const ISO_ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const ISO_THREE = 'BHD IQD JOD KWD LYD OMR TND';
const ISO_FOUR = 'CLF UYW';
const ISO_TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
  'GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL ' +
  'MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN ' +
  'QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD ' +
  'TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const ISO: ReadonlyMap<string, number> = /* @__PURE__ */ buildIsoTable();

function buildIsoTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const [codes, minor] of [[ISO_TWO, 2], [ISO_ZERO, 0], [ISO_THREE, 3], [ISO_FOUR, 4]] as const) {
    for (const code of codes.split(' ')) table.set(code, minor);
  }
  return table;
}

// Registered currencies live on globalThis under a registry symbol so that an ESM and a CJS
// copy of the library in one process see the same table.
const REGISTRY = Symbol.for('order-to-cash/currencies');
type WithRegistry = { [REGISTRY]?: Map<string, number> };
function registered(): Map<string, number> {
  const holder = globalThis as WithRegistry;
  let table = holder[REGISTRY];
  if (table === undefined) {
    table = new Map();
    holder[REGISTRY] = table;
  }
  return table;
}

const CODE_RE = /^[A-Z][A-Z0-9]{2,9}$/;

/**
 * Decimals of the currency's minor unit, or `undefined` when the code is unknown.
 * @example
 * minorUnitOf('EUR') //=> 2
 * minorUnitOf('JPY') //=> 0
 * minorUnitOf('XYZ') //=> undefined
 */
export function minorUnitOf(code: CurrencyCode): number | undefined {
  return ISO.get(code) ?? registered().get(code);
}

/**
 * Registers a currency that ISO 4217 does not list (a loyalty point, a stable coin, a
 * clearing unit). The table only grows: registering the same definition again does
 * nothing; redefining a known code throws, so a result computed before a registration is
 * never changed by it.
 *
 * @param definition - code (2–10 upper-case letters or digits, starting with a letter) and minor unit (0–18)
 * @throws {@link OrderToCashError} `invalid_input` for a malformed definition or a redefinition.
 * @example
 * registerCurrency({ code: 'PTS', minorUnit: 0 })
 * minorUnitOf('PTS') //=> 0
 */
export function registerCurrency(definition: CurrencyDefinition): void {
  const { code, minorUnit } = definition;
  if (typeof code !== 'string' || !CODE_RE.test(code)) {
    invalidInput(['code'], 'must be 3 to 10 upper-case letters or digits starting with a letter, e.g. "PTS"');
  }
  if (!Number.isSafeInteger(minorUnit) || minorUnit < 0 || minorUnit > 18) {
    invalidInput(['minorUnit'], 'must be an integer from 0 to 18');
  }
  const known = minorUnitOf(code);
  if (known === minorUnit) return;
  if (known !== undefined) {
    invalidInput(['code'], `${code} is already defined with ${known} decimals and cannot be redefined`);
  }
  registered().set(code, minorUnit);
}

/**
 * Every known currency: the ISO table and the registered ones, sorted by code.
 * @example
 * listCurrencies().find((c) => c.code === 'KWD') //=> { code: 'KWD', minorUnit: 3 }
 */
export function listCurrencies(): CurrencyDefinition[] {
  const all = [...ISO, ...registered()].map(([code, minorUnit]) => ({ code, minorUnit }));
  return all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Minor unit of a currency that must be known; throws `invalid_input` at `path` otherwise. */
export function requireMinorUnit(code: CurrencyCode, path: readonly (string | number)[]): number {
  const minor = minorUnitOf(code);
  if (minor === undefined) {
    invalidInput(path, `unknown currency ${JSON.stringify(code)}: use an ISO 4217 code or registerCurrency({ code, minorUnit }) first`);
  }
  return minor;
}
