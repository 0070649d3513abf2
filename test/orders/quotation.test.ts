import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { formatMoney as fm } from '../../src/money/formatMoney.js';
import { formatScaled as fs } from '../../src/money/formatScaled.js';
import { acceptQuotation } from '../../src/orders/acceptQuotation.js';
import { draftQuotation } from '../../src/orders/draftQuotation.js';
import { expireQuotation } from '../../src/orders/expireQuotation.js';
import { orderFromQuotation } from '../../src/orders/orderFromQuotation.js';
import { sendQuotation } from '../../src/orders/sendQuotation.js';
import { QUOTATION_TRANSITIONS } from '../../src/orders/stateMachines.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { priceOrder } from '../../src/pricing/priceOrder.js';
import { changedBookArb, orderScenarioArb } from '../../src/testkit/orders.js';
import { deepFreeze } from '../helpers.js';
import { accepted, book, BOOK_INPUT, PRICING, QUOTE, quoted, REPRICING } from './_fixtures.js';

const minor = (m: { minor: bigint }) => m.minor;

describe('draftQuotation', () => {
  test.prop([orderScenarioArb()])('prices every line exactly as priceOrder does, totals = Σ lines', (s) => {
    const b = compilePriceBook(s.book);
    const q = quoted(s.quotation, b, s.pricing);
    const expected = priceOrder(b, { customer: s.quotation.customer, currency: 'EUR', lines: s.quotation.lines }, s.pricing);
    expect(q.lines.map((l) => minor(l.price.netAmount))).toEqual(expected.lines.map((l) => (l.kind === 'priced' ? l.netAmount.minor : -1n)));
    expect(q.totals.total.minor).toBe(expected.total.minor);
    expect(q.totals.total.minor).toBe(q.lines.reduce((a, l) => a + l.price.netAmount.minor, 0n));
    expect(q.totals.subtotal.minor - q.totals.totalDiscount.minor).toBe(q.totals.total.minor);
    expect(q.status).toBe('draft');
  });

  test.prop([orderScenarioArb()])('does not mutate its input', (s) => {
    const input = deepFreeze(structuredClone(s.quotation));
    expect(() => draftQuotation(input, compilePriceBook(s.book), deepFreeze({ ...s.pricing }))).not.toThrow();
  });

  test('D365 line amount §1.4 through the whole quotation: 10 × (100 − 10) / 5 × 0.85 = 153.00, total discount 2 %', () => {
    const q = quoted();
    expect(q.lines.map((l) => fm(l.price.lineAmount))).toEqual(['EUR 153.00', 'EUR 29.97']);
    expect(fm(q.totals.totalDiscount)).toBe('EUR 3.66');
    expect(fm(q.totals.total)).toBe('EUR 179.31');
    expect(q.lines[0]?.requestedDate).toBe('2026-03-20');
    expect(Object.isFrozen(q) && Object.isFrozen(q.lines[0])).toBe(true);
  });

  test('an item nothing prices is a noPrice outcome, not an error', () => {
    const outcome = draftQuotation({ ...QUOTE, lines: [...QUOTE.lines, { itemId: 'X', quantity: '1', unit: 'pcs' }] }, book, PRICING);
    expect(outcome).toEqual({ kind: 'noPrice', lines: [{ lineId: '3', itemId: 'X' }] });
  });

  test('an item stopped for sales is a noPrice outcome marked blocked', () => {
    const stopped = compilePriceBook({ ...BOOK_INPUT, items: [{ itemId: QUOTE.lines[0]?.itemId ?? '', blocked: true }] });
    const outcome = draftQuotation(QUOTE, stopped, PRICING);
    expect(outcome).toEqual({ kind: 'noPrice', lines: [{ lineId: '1', itemId: QUOTE.lines[0]?.itemId, blocked: true }] });
  });

  test('errors name the field', () => {
    expect(() => draftQuotation({ ...QUOTE, expiresOn: '2026-02-01' }, book, PRICING)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.expiresOn: is before the quotation date 2026-03-01]`);
    expect(() => draftQuotation({ ...QUOTE, lines: [{ itemId: 'A', quantity: '0', unit: 'pcs' }] }, book, PRICING)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.lines[0].quantity: must be greater than zero]`);
    expect(() => draftQuotation({ ...QUOTE, lines: [{ lineId: 'a', itemId: 'A', quantity: '1', unit: 'pcs' }, { lineId: 'a', itemId: 'B', quantity: '1', unit: 'pcs' }] }, book, PRICING)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.lines[1].lineId: line id "a" is used twice: ids must be unique]`);
  });
});

describe('quotation transitions', () => {
  test('draft → sent → accepted → converted; the quotation itself never changes', () => {
    const draft = quoted();
    const sent = sendQuotation(draft);
    const acc = acceptQuotation(sent, '2026-03-31');
    expect([draft.status, sent.status, acc.status]).toEqual(['draft', 'sent', 'accepted']);
    const outcome = orderFromQuotation(acc, { number: 'SO-1', asOf: '2026-03-31', policy: 'keepQuotedPrices' });
    expect(outcome.kind === 'converted' && [outcome.quotation.status, outcome.quotation.salesOrderNumber, acc.status]).toEqual(['converted', 'SO-1', 'accepted']);
  });

  test('expire only after the expiry date; an expired quotation can neither be accepted nor converted', () => {
    const sent = sendQuotation(quoted());
    expect(() => expireQuotation(sent, '2026-03-31')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot expire a quotation in state sent (it is valid until 2026-03-31): possible from sent: accept]`);
    const expired = expireQuotation(sent, '2026-04-01');
    expect(expired.status).toBe('expired');
    expect(() => acceptQuotation(expired, '2026-03-02')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot accept a quotation in state expired: expired is final]`);
    expect(() => orderFromQuotation(expired, { number: 'SO-1', asOf: '2026-03-02', policy: 'keepQuotedPrices' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot convert a quotation in state expired: expired is final]`);
  });

  test('an accepted quotation past its expiry date cannot be converted or accepted late', () => {
    expect(() => orderFromQuotation(accepted(), { number: 'SO-1', asOf: '2026-04-01', policy: 'keepQuotedPrices' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot convert a quotation in state accepted (it expired after 2026-03-31): possible from accepted: expire]`);
    expect(() => acceptQuotation(sendQuotation(quoted()), '2026-04-01')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot accept a quotation in state sent (it expired after 2026-03-31): possible from sent: expire]`);
  });

  test('every transition missing from the table is refused with illegal_transition', () => {
    const draft = quoted();
    const at = {
      draft,
      sent: sendQuotation(draft),
      accepted: accepted(),
      expired: expireQuotation(draft, '2026-04-01'),
      converted: (() => {
        const o = orderFromQuotation(accepted(), { number: 'SO-1', asOf: '2026-03-05', policy: 'keepQuotedPrices' });
        if (o.kind !== 'converted') throw new Error('fixture');
        return o.quotation;
      })(),
    };
    const run = {
      send: (q: typeof draft) => sendQuotation(q),
      accept: (q: typeof draft) => acceptQuotation(q, '2026-03-02'),
      expire: (q: typeof draft) => expireQuotation(q, '2026-04-02'),
      convert: (q: typeof draft) => orderFromQuotation(q, { number: 'SO-2', asOf: '2026-03-02', policy: 'keepQuotedPrices' }),
    };
    for (const [state, q] of Object.entries(at)) {
      for (const [t, f] of Object.entries(run)) {
        const allowed = t in QUOTATION_TRANSITIONS[state as keyof typeof QUOTATION_TRANSITIONS];
        if (allowed) expect(() => f(q)).not.toThrow();
        else expect(() => f(q)).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
      }
    }
  });
});

describe('orderFromQuotation', () => {
  test.prop([orderScenarioArb(), changedBookArb()])('keepQuotedPrices keeps every quoted price exactly, whatever the book says now', (s, other) => {
    const q = accepted(s.quotation, compilePriceBook(s.book), s.pricing);
    const outcome = orderFromQuotation(q, { number: 'SO-1', asOf: '2026-03-20', policy: 'keepQuotedPrices' });
    if (outcome.kind !== 'converted') throw new Error('priced');
    expect(outcome.order.lines.map((l) => l.price)).toEqual(q.lines.map((l) => l.price));
    expect(outcome.order.totals).toEqual(q.totals);
    void other;
  });

  test.prop([orderScenarioArb(), changedBookArb()])('reprice prices exactly as priceOrder does on the new book as of the conversion date', (s, other) => {
    const q = accepted(s.quotation, compilePriceBook(s.book), s.pricing);
    const newBook = compilePriceBook(other);
    const outcome = orderFromQuotation(q, { number: 'SO-1', asOf: '2026-03-20', policy: 'reprice', book: newBook, pricing: REPRICING });
    if (outcome.kind !== 'converted') throw new Error('priced');
    const expected = priceOrder(newBook, { customer: s.quotation.customer, currency: 'EUR', lines: s.quotation.lines }, { ...REPRICING, asOf: '2026-03-20' });
    expect(outcome.order.lines.map((l) => l.price.netAmount.minor)).toEqual(expected.lines.map((l) => (l.kind === 'priced' ? l.netAmount.minor : -1n)));
    expect(outcome.order.totals.total.minor).toBe(expected.total.minor);
    expect(outcome.order.lines.every((l) => l.price.pricedAsOf === '2026-03-20')).toBe(true);
  });

  test('the order carries the quotation number, lines and quantities', () => {
    const o = orderFromQuotation(accepted(), { number: 'SO-7', asOf: '2026-03-05', policy: 'keepQuotedPrices' });
    expect(o.kind === 'converted' && [o.order.number, o.order.quotationNumber, o.order.status, o.order.lines.map((l) => `${l.lineId}:${l.itemId}:${fs(l.quantity)}`)]).toEqual([
      'SO-7',
      'SQ-1',
      'open',
      ['1:A:10', '2:B:3'],
    ]);
  });

  test('a bad policy is refused', () => {
    expect(() => orderFromQuotation(accepted(), { number: 'SO-1', asOf: '2026-03-05', policy: 'other' } as never)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.policy: must be 'keepQuotedPrices' or 'reprice']`);
  });

  test('no mutation', () => {
    const q = accepted();
    const snapshot = structuredClone(q);
    fc.assert(fc.property(fc.constant(q), (x) => orderFromQuotation(x, { number: 'SO-1', asOf: '2026-03-05', policy: 'keepQuotedPrices' }).kind === 'converted'));
    expect(structuredClone(q)).toEqual(snapshot);
  });
});
