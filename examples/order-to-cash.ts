// The order-to-cash walkthrough: npm run demo (open items in PGlite: npm run demo -- --store pglite)
// First the whole story for one customer, ending with checks that the books balance (the
// demo exits non-zero when they do not); then the module walkthroughs: the exact money core
// every module builds on, and each module's own demo in the order of the process.
import {
  addDays,
  allocateMoney,
  calendarDate,
  convertMoney,
  dayOfWeek,
  endOfMonth,
  formatMoney,
  formatScaled,
  isOrderToCashError,
  moneyToJSON,
  multiplyMoney,
  multiplyScaled,
  parseMoney,
  roundMoneyToIncrement,
  scaled,
  subtractScaled,
  sumMoney,
} from '../src/index.js';
import { heading, note, table } from './_print.js';
import { demoCredit } from './demo-credit.js';
import { demoInvoicing } from './demo-invoicing.js';
import { demoOrders } from './demo-orders.js';
import { demoPayments } from './demo-payments.js';
import { demoPricing } from './demo-pricing.js';
import { demoRebates } from './demo-rebates.js';
import { demoStorage } from './demo-storage.js';
import { runStory } from './story.js';

const storeAt = process.argv.indexOf('--store');
const store = storeAt === -1 ? 'memory' : process.argv[storeAt + 1];
if (store !== 'memory' && store !== 'pglite') {
  process.stderr.write(`--store must be memory or pglite, not ${String(store)}\n`);
  process.exit(2);
}
const story = await runStory({ store });
if (!story.balanced) process.exitCode = 1;

heading('Module walkthroughs');

note('Each module on its own, starting with the exact money core they all build on.');

heading('1. Exact line amounts');
note('Each line: price × quantity × (1 − 7.5 %), rounded half-up to the cent once, at the end.\n');
const kept = subtractScaled(scaled('1'), scaled('0.075'));
const lines = [
  { item: 'Widget A', price: parseMoney('19.99', 'EUR'), qty: scaled('3') },
  { item: 'Gadget B', price: parseMoney('0.35', 'EUR'), qty: scaled('1250') },
  { item: 'Cable C (m)', price: parseMoney('2.49', 'EUR'), qty: scaled('12.5') },
];
const priced = lines.map((l) => ({ ...l, amount: multiplyMoney(l.price, multiplyScaled(l.qty, kept), { rounding: 'halfUp' }) }));
table(
  ['Item', '>Unit price', '>Quantity', '>Amount'],
  priced.map((l) => [l.item, formatMoney(l.price), formatScaled(l.qty), formatMoney(l.amount)]),
);
const total = sumMoney(
  priced.map((l) => l.amount),
  'EUR',
);
note(`\n  Order total ${formatMoney(total)} = the sum of the lines, to the cent.`);

heading('2. Spreading a header amount without losing a cent');
const freight = parseMoney('10.00', 'EUR');
const shares = allocateMoney(
  freight,
  priced.map((l) => l.amount.minor),
);
note(`Freight of ${formatMoney(freight)} spread over the lines in proportion to their amounts (largest remainder):\n`);
table(
  ['Item', '>Amount', '>Freight share'],
  priced.map((l, i) => [l.item, formatMoney(l.amount), formatMoney(shares[i] ?? freight)]),
);
note(`\n  Shares add up to ${formatMoney(sumMoney(shares, 'EUR'))}.`);

heading('3. Currencies, cash rounding and JSON');
const inUsd = convertMoney(total, { to: 'USD', rate: scaled('1.0832'), rounding: 'halfUp' });
const inJpy = convertMoney(total, { to: 'JPY', rate: scaled('162.41'), rounding: 'halfUp' });
const inKwd = convertMoney(total, { to: 'KWD', rate: scaled('0.33251'), rounding: 'halfUp' });
const chf = parseMoney('412.37', 'CHF');
table(
  ['What', '>Result'],
  [
    [`${formatMoney(total)} at 1.0832 USD/EUR`, formatMoney(inUsd)],
    [`${formatMoney(total)} at 162.41 JPY/EUR (0 decimals)`, formatMoney(inJpy)],
    [`${formatMoney(total)} at 0.33251 KWD/EUR (3 decimals)`, formatMoney(inKwd)],
    [`${formatMoney(chf)} cash-rounded to 0.05`, formatMoney(roundMoneyToIncrement(chf, scaled('0.05'), 'halfUp'))],
    ['JSON of the order total', JSON.stringify(moneyToJSON(total))],
  ],
);

heading('4. Calendar dates without time zones');
const invoiceDate = calendarDate('2026-11-23');
const weekdays = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
table(
  ['Rule', '>Date'],
  [
    ['Invoice date', `${invoiceDate} (${weekdays[dayOfWeek(invoiceDate)]})`],
    ['Net 30', addDays(invoiceDate, 30)],
    ['End of month + 15', addDays(endOfMonth(invoiceDate), 15)],
  ],
);

heading('5. Bad input is refused with the field named');
for (const [label, attempt] of [
  ['a float amount', () => parseMoney(19.99, 'EUR', ['lines', 0, 'price'])],
  ['three decimals in EUR', () => parseMoney('1.005', 'EUR', ['lines', 1, 'price'])],
  ['a date that does not exist', () => calendarDate('2026-02-30', ['invoiceDate'])],
] as const) {
  try {
    attempt();
  } catch (e) {
    if (isOrderToCashError(e)) note(`  ${label}: [${e.code}] at ${JSON.stringify(e.path)}\n    ${e.message}`);
  }
}
note('');

demoPricing();
await demoOrders();
demoInvoicing();
demoPayments();
demoRebates();
demoCredit();
await demoStorage();
