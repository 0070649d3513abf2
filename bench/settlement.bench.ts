// Suite `settlement`: the matching pipeline over a statement of 10 k payments against
// 100 k open items of 5 k customers; 80 % of the payments carry a usable reference, the
// rest are matched by amount (exact single items, and pairs that need the combination search).
import type { CalendarDate } from '../src/calendar/CalendarDate.js';
import { money } from '../src/money/Money.js';
import { scaledOf } from '../src/money/Scaled.js';
import { matchParsed } from '../src/payments/matchStatement.js';
import type { CustomerId, OpenItem, OpenItemId, Payment } from '../src/payments/OpenItem.js';
import { type BenchResult, seededRandom, time } from './_lib.js';

const CUSTOMERS = Number(process.env.B_C ?? 5_000);
const ITEMS = Number(process.env.B_I ?? 100_000);
const PAYMENTS = Number(process.env.B_P ?? 10_000);

export function* run(): Generator<BenchResult> {
  const random = seededRandom(7);
  const date = (day: number): CalendarDate => {
    const m = 1 + Math.floor(day / 28);
    return `2026-${String(m).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}` as CalendarDate;
  };
  const items: OpenItem[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const doc = Math.floor(random() * 150);
    items.push({
      id: `I${String(i).padStart(6, '0')}` as OpenItemId,
      kind: 'invoice',
      customerId: `C${String(i % CUSTOMERS).padStart(4, '0')}` as CustomerId,
      currency: 'EUR',
      residual: money(BigInt(1_000 + Math.floor(random() * 500_000)), 'EUR'),
      documentNumber: `INV-2026-${String(100_000 + i)}`,
      references: [],
      documentDate: date(doc),
      dueDate: date(doc + 30),
      cashDiscounts: random() < 0.3 ? [{ percent: scaledOf(2n, 0), until: date(doc + 10) }] : [],
    });
  }
  const payments: Payment[] = [];
  let combos = 0;
  for (let p = 0; p < PAYMENTS; p++) {
    const a = items[Math.floor(random() * ITEMS)] as OpenItem;
    const base = { id: `P${String(p).padStart(5, '0')}`, currency: 'EUR', valueDate: date(170), references: [] as string[] };
    const r = random();
    if (r < 0.8) payments.push({ ...base, amount: a.residual, text: `Payment of invoice ${a.documentNumber}, thank you` });
    else if (r < 0.9) payments.push({ ...base, amount: a.residual, customerId: a.customerId });
    else {
      // The sum of two items of the same customer: needs the combination search.
      const b = items[(Number(a.id.slice(1)) + CUSTOMERS * (1 + Math.floor(random() * 10))) % ITEMS] as OpenItem;
      combos++;
      payments.push({ ...base, amount: money(a.residual.minor + b.residual.minor, 'EUR'), customerId: a.customerId });
    }
  }
  const t = time(() => matchParsed({ items, payments }, { rounding: 'halfUp', asOf: date(170) }));
  const auto = t.result.proposals.filter((x) => x.decision === 'autoApply').length;
  const kase = 'match-10k-x-100k';
  yield { suite: 'settlement', case: kase, metric: 'payments/s', value: Math.round(PAYMENTS / t.seconds) };
  yield { suite: 'settlement', case: kase, metric: 'total seconds', value: Math.round(t.seconds * 1000) / 1000, target: 1 };
  yield { suite: 'settlement', case: kase, metric: 'max search steps', value: t.result.maxSearchSteps };
  yield { suite: 'settlement', case: kase, metric: 'auto-applied share', value: Math.round((auto / PAYMENTS) * 1000) / 1000, combinationPayments: combos };
}
