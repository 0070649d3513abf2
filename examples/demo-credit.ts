// Credit demo: scores the demo customer, shows its aging and what a credit check (and the
// credit policy order confirmation calls) gives for an order over its limit.
// Run: npx tsx -e "import('./examples/demo-credit.ts').then((m) => m.demoCredit())"
import { calendarDate } from '../src/calendar/CalendarDate.js';
import { ageItems, creditCheck, creditPolicy, daysSalesOutstanding, paymentBehaviour, paymentIndex, type Scorecard, scoreFromOdds, scoreWithScorecard, STANDARD_AGING_BUCKETS } from '../src/credit/index.js';
import { formatMoney } from '../src/money/formatMoney.js';
import { formatScaled } from '../src/money/formatScaled.js';
import { parseMoney } from '../src/money/parseMoney.js';
import { scaled } from '../src/money/Scaled.js';
import { heading, note, table } from './_print.js';

/** Prints the credit walkthrough for the demo customer. */
/** The demos' scorecard: 400 base points, payment index and DSO in three bins each. */
export const DEMO_SCORECARD: Scorecard = {
  basePoints: 400,
  criteria: [
    { kind: 'bins', name: 'paymentIndex', bins: [{ upTo: scaled('49'), points: 0 }, { upTo: scaled('79'), points: 60 }, { upTo: null, points: 120 }] },
    { kind: 'bins', name: 'dso', bins: [{ upTo: scaled('45'), points: 80 }, { upTo: scaled('90'), points: 40 }, { upTo: null, points: 0 }] },
  ],
};

export function demoCredit(): void {
  const eur = (s: string) => parseMoney(s, 'EUR');
  const d = calendarDate;
  const asOf = d('2026-03-31');
  const invoices = [
    { id: 'INV-101', amount: eur('4200.00'), open: eur('0'), date: d('2025-11-10'), due: d('2025-12-10'), paid: d('2025-12-18') },
    { id: 'INV-117', amount: eur('3150.00'), open: eur('0'), date: d('2025-12-05'), due: d('2026-01-04'), paid: d('2026-01-30') },
    { id: 'INV-130', amount: eur('5800.00'), open: eur('5800.00'), date: d('2026-01-12'), due: d('2026-02-11') },
    { id: 'INV-142', amount: eur('2400.00'), open: eur('2400.00'), date: d('2026-02-20'), due: d('2026-03-22') },
    { id: 'INV-151', amount: eur('1950.00'), open: eur('1950.00'), date: d('2026-03-16'), due: d('2026-04-15') },
  ];

  heading('Credit: the demo customer (limit EUR 12,000.00)');
  const aging = ageItems(
    invoices.filter((i) => i.open.minor !== 0n).map((i) => ({ open: i.open, dueDate: i.due, transactionDate: i.date })),
    { asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS },
  );
  note(`Aging as of ${asOf}, by due date:\n`);
  table(['Bucket', '>Items', '>Open'], [...aging.buckets.map((b) => [b.label, String(b.count), formatMoney(b.amount)]), ['total', String(aging.count), formatMoney(aging.total)]]);

  const behaviour = paymentBehaviour(
    invoices.map((i) => (i.paid === undefined ? { amount: i.amount, dueDate: i.due } : { amount: i.amount, dueDate: i.due, paidDate: i.paid })),
    { asOf, currency: 'EUR' },
  );
  const index = paymentIndex(behaviour, { scale: 0, rounding: 'halfUp' }) ?? scaled('0');
  const current = aging.buckets[0]?.amount ?? eur('0');
  const dso = daysSalesOutstanding({ balance: aging.total, currentBalance: current, creditSales: eur('17500.00'), from: d('2025-09-30'), to: asOf }, { scale: 2, rounding: 'halfUp' });
  const card = scoreWithScorecard(
    DEMO_SCORECARD,
    { paymentIndex: index, dso: dso.dso ?? scaled('0') },
  );
  note(`\nKPIs: DSO ${formatScaled(dso.dso ?? scaled('0'))} days, best possible ${formatScaled(dso.bestPossibleDso ?? scaled('0'))}, ` + `days delinquent ${formatScaled(dso.averageDaysDelinquent ?? scaled('0'))}; payment index ${formatScaled(index)} (80 = prompt).`);
  table(['Criterion', '>Bin', '>Points'], card.trace.map((t) => [t.criterion, String(t.bin), String(t.points)]));
  note(`  Scorecard score ${card.score}; on a 600-at-50:1, PDO-20 scale, odds of 50:1 score ${formatScaled(scoreFromOdds(scaled('50'), { pdo: scaled('20'), score0: scaled('600'), odds0: scaled('50') }, { scale: 0, rounding: 'halfUp' }))} and 100:1 score ${formatScaled(scoreFromOdds(scaled('100'), { pdo: scaled('20'), score0: scaled('600'), odds0: scaled('50') }, { scale: 0, rounding: 'halfUp' }))}.`);

  heading('Confirming an order of EUR 3,000.00');
  const check = creditCheck(
    { orderAmount: eur('3000.00'), customer: { exposure: aging.total, limit: { amount: eur('12000.00') } } },
    { asOf, rounding: 'halfUp', atLimit: 'hold', tolerancePercent: scaled('5') },
  );
  note(`Exposure ${formatMoney(aging.total)} + order EUR 3,000.00 against limit EUR 12,000.00 (5 % tolerance) → ${check.kind}`);
  for (const r of check.reasons) note(`  ${r.level}: ${r.code}, new balance ${formatMoney(r.newBalance)}, excess ${formatMoney(r.excess)}`);
  const policy = creditPolicy([
    { id: 'limit-used-100', kind: 'creditLimitUsed', type: 'block', level: 'all', percent: scaled('100') },
    { id: 'overdue-30', kind: 'daysOverdue', type: 'block', level: 'all', days: 30 },
  ]);
  const decision = policy({
    customer: { customerId: 'DEMO', maxDaysOverdue: 48, overdueAmount: eur('8200.00'), exposure: aging.total, creditLimit: eur('12000.00') },
    orderAmount: eur('3000.00'),
    asOf,
  });
  note(`Credit policy at confirmation → ${decision.kind}: ${decision.reasons.map((r) => r.ruleId).join(', ')}`);
}
