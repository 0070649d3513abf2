// Suite `money`: the cost of the exact core on the typical line calculation,
// price × quantity × (1 − 7.5 %) rounded half-up to cents and summed, against the same
// computation done straight-line with decimal.js.
import { Decimal } from 'decimal.js';
import { addMoney } from '../src/money/addMoney.js';
import { type Money, money } from '../src/money/Money.js';
import { multiplyMoney } from '../src/money/multiplyMoney.js';
import { multiplyScaled } from '../src/money/multiplyScaled.js';
import { type Scaled, scaled } from '../src/money/Scaled.js';
import { subtractScaled } from '../src/money/subtractScaled.js';
import { type BenchResult, measure, round3, seededRandom } from './_lib.js';

const LINES = 1_000_000;

export function* run(): Generator<BenchResult> {
  const random = seededRandom(42);
  const priceText: string[] = [];
  const qtyText: string[] = [];
  for (let i = 0; i < LINES; i++) {
    priceText.push((1 + Math.floor(random() * 99_999) / 100).toFixed(2));
    qtyText.push(String(1 + Math.floor(random() * 500)) + (random() < 0.3 ? `.${Math.floor(random() * 100)}` : ''));
  }

  // Inputs are parsed up front on both sides: the case measures the arithmetic.
  const prices: Money<'EUR'>[] = priceText.map((p) => money(BigInt(p.replace('.', '')), 'EUR'));
  const quantities: Scaled[] = qtyText.map((q) => scaled(q));
  const kept = subtractScaled(scaled('1'), scaled('0.075'));
  const core = measure(() => {
    let total = money(0n, 'EUR');
    for (let i = 0; i < LINES; i++) {
      total = addMoney(total, multiplyMoney(prices[i] as Money<'EUR'>, multiplyScaled(quantities[i] as Scaled, kept), { rounding: 'halfUp' }));
    }
    return total.minor;
  });

  const D = Decimal.clone({ precision: 40 });
  const dPrices = priceText.map((p) => new D(p));
  const dQuantities = qtyText.map((q) => new D(q));
  const dKept = new D(1).minus('0.075');
  const baseline = measure(() => {
    let total = new D(0);
    for (let i = 0; i < LINES; i++) {
      total = total.plus((dPrices[i] as Decimal).times(dQuantities[i] as Decimal).times(dKept).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    }
    return BigInt(total.times(100).toFixed(0));
  }, 3);

  const value = LINES / core.seconds;
  const baselineValue = LINES / baseline.seconds;
  yield {
    suite: 'money',
    case: 'line-calc',
    metric: 'lines/s',
    value: Math.round(value),
    baseline: 'decimal.js',
    baselineValue: Math.round(baselineValue),
    ratio: round3(value / baselineValue),
    lines: LINES,
    sameTotal: core.result === baseline.result,
  };
}
