// Suite `credit`, case `portfolio-100k`: 100,000 customers with 50 items each (5 M open and
// closed items). For every customer: aging of its open items (standard buckets, by due
// date), payment behaviour of all its items, DSO / best possible DSO / ADD, the payment
// index, and a scorecard score. Items are materialised per customer inside the timed loop
// (as a host cursor would hand them over), so the time includes building them. Settings that
// are the same for every customer (aging buckets, behaviour options, ratio rounding, the
// scorecard) are compiled once before the loop, as a host scoring a portfolio would. Target ≤ 5 s.
import { type CalendarDate } from '../src/calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../src/calendar/epochDay.js';
import { type AgingItem, agingAccumulator, compileAgingOptions, STANDARD_AGING_BUCKETS } from '../src/credit/aging.js';
import { compileRatioOptions, daysSalesOutstanding } from '../src/credit/dso.js';
import { compilePaymentBehaviourOptions, type PaymentExperience, paymentBehaviourAccumulator, paymentIndex } from '../src/credit/paymentIndex.js';
import { compileScorecard, scoreWithScorecard } from '../src/credit/scorecard.js';
import { sameCurrencyMoney } from '../src/money/Money.js';
import { scaled, scaledOf } from '../src/money/Scaled.js';
import { type BenchResult, round3, seededRandom, time } from './_lib.js';

const CUSTOMERS = 100_000;
const ITEMS_PER_CUSTOMER = 50;

export function* run(): Generator<BenchResult> {
  const asOf = '2026-03-31' as CalendarDate;
  const asOfDay = toEpochDay(asOf);
  const random = seededRandom(7);
  const n = CUSTOMERS * ITEMS_PER_CUSTOMER;
  // Compact columns; dates as offsets into a table of date strings.
  const amount = new Float64Array(n);
  const txDay = new Int32Array(n);
  const terms = new Int16Array(n);
  const paidLate = new Int16Array(n); // −999 = open
  for (let i = 0; i < n; i++) {
    amount[i] = 100 + Math.floor(random() * 5_000_000);
    txDay[i] = -Math.floor(random() * 365);
    terms[i] = [14, 30, 45, 60][Math.floor(random() * 4)] as number;
    paidLate[i] = random() < 0.3 ? -999 : Math.floor(random() * 70) - 10;
  }
  const dates = new Map<number, CalendarDate>();
  const dateOf = (offset: number): CalendarDate => {
    let d = dates.get(offset);
    if (d === undefined) {
      d = fromEpochDay(asOfDay + offset);
      dates.set(offset, d);
    }
    return d;
  };
  const card = compileScorecard({
    basePoints: 400,
    criteria: [
      { kind: 'bins', name: 'paymentIndex', bins: [{ upTo: scaled('49'), points: 0 }, { upTo: scaled('79'), points: 60 }, { upTo: null, points: 120 }] },
      { kind: 'bins', name: 'dso', bins: [{ upTo: scaled('30'), points: 80 }, { upTo: scaled('60'), points: 40 }, { upTo: null, points: 0 }] },
    ],
  });
  const salesFrom = fromEpochDay(asOfDay - 365);
  const agingOptions = compileAgingOptions({ asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS });
  const behaviourOptions = compilePaymentBehaviourOptions({ asOf, currency: 'EUR' });
  const ratio = compileRatioOptions({ scale: 2, rounding: 'halfUp' });

  let checksum = 0n;
  const t = time(() => {
    for (let c = 0; c < CUSTOMERS; c++) {
      const aging = agingAccumulator(agingOptions);
      const behaviour = paymentBehaviourAccumulator(behaviourOptions);
      let sales = 0n;
      let current = 0n;
      for (let k = c * ITEMS_PER_CUSTOMER, end = k + ITEMS_PER_CUSTOMER; k < end; k++) {
        const m = sameCurrencyMoney(BigInt(amount[k] as number), 'EUR');
        const tx = txDay[k] as number;
        const dueOffset = tx + (terms[k] as number);
        const late = paidLate[k] as number;
        const open = late === -999 || dueOffset + late > 0;
        sales += m.minor;
        const x: PaymentExperience = open ? { amount: m, dueDate: dateOf(dueOffset) } : { amount: m, dueDate: dateOf(dueOffset), paidDate: dateOf(dueOffset + late) };
        behaviour.add(x);
        if (open) {
          const item: AgingItem = { open: m, dueDate: dateOf(dueOffset), transactionDate: dateOf(tx) };
          aging.add(item);
          if (dueOffset >= 0) current += m.minor;
        }
      }
      const snapshot = aging.snapshot();
      const b = behaviour.result();
      const dso = daysSalesOutstanding(
        { balance: snapshot.total, currentBalance: sameCurrencyMoney(current, 'EUR'), creditSales: sameCurrencyMoney(sales, 'EUR'), from: salesFrom, to: asOf },
        ratio,
      );
      const index = paymentIndex(b, ratio) ?? scaledOf(0n, 0);
      const score = scoreWithScorecard(card, { paymentIndex: index, dso: dso.dso ?? scaledOf(0n, 0) });
      checksum += snapshot.total.minor + BigInt(score.score);
    }
    return checksum;
  });
  yield { suite: 'credit', case: 'portfolio-100k', metric: 'customers/s', value: Math.round(CUSTOMERS / t.seconds), customers: CUSTOMERS, items: n, target: '<= 5 s' };
  yield { suite: 'credit', case: 'portfolio-100k', metric: 'seconds', value: round3(t.seconds), customers: CUSTOMERS, items: n, target: 5 };
}
