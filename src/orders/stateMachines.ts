/**
 * States of a sales quotation. `converted` is where an accepted quotation ends once an order
 * was made from it, so that it cannot be converted twice.
 * @example
 * const s: QuotationStatus = 'sent';
 */
export type QuotationStatus = 'draft' | 'sent' | 'accepted' | 'expired' | 'converted';

/**
 * Named transitions of a quotation.
 * @example
 * const t: QuotationTransition = 'accept';
 */
export type QuotationTransition = 'send' | 'accept' | 'expire' | 'convert';

/**
 * States of a sales order. `partiallyDelivered`, `delivered`, `invoiced` and `cancelled` follow
 * from the line quantities after a delivery, an invoice or a cancellation.
 * @example
 * const s: SalesOrderStatus = 'onHold';
 */
export type SalesOrderStatus = 'open' | 'onHold' | 'confirmed' | 'partiallyDelivered' | 'delivered' | 'invoiced' | 'closed' | 'cancelled';

/**
 * Named transitions of a sales order.
 * @example
 * const t: SalesOrderTransition = 'release';
 */
export type SalesOrderTransition =
  | 'confirm'
  | 'hold'
  | 'release'
  | 'reprice'
  | 'deliver'
  | 'invoice'
  | 'cancelRemaining'
  | 'recordReturn'
  | 'close';

/**
 * States of a return order: created against invoiced lines, received back, credited.
 * @example
 * const s: ReturnOrderStatus = 'received';
 */
export type ReturnOrderStatus = 'created' | 'received' | 'credited';

/**
 * Named transitions of a return order.
 * @example
 * const t: ReturnOrderTransition = 'receive';
 */
export type ReturnOrderTransition = 'receive' | 'credit';

/**
 * A state machine as data: for each state, the transitions it accepts and the states each may
 * lead to. A transition with one target always goes there; one with several goes to the state
 * the line quantities imply (a delivery may leave an order partially delivered, delivered or,
 * when everything was invoiced ahead, invoiced). A transition absent from a state is illegal
 * there.
 * @example
 * const table: TransitionTable<'a' | 'b', 'go'> = { a: { go: ['b'] }, b: {} };
 */
export type TransitionTable<S extends string, T extends string> = { readonly [K in S]: { readonly [X in T]?: readonly S[] } };

/**
 * The quotation state machine.
 * @example
 * QUOTATION_TRANSITIONS.sent.accept //=> ['accepted']
 */
export const QUOTATION_TRANSITIONS: TransitionTable<QuotationStatus, QuotationTransition> = /* @__PURE__ */ Object.freeze({
  draft: { send: ['sent'], accept: ['accepted'], expire: ['expired'] },
  sent: { accept: ['accepted'], expire: ['expired'] },
  accepted: { expire: ['expired'], convert: ['converted'] },
  expired: {},
  converted: {},
});

/**
 * The sales order state machine.
 * @example
 * SALES_ORDER_TRANSITIONS.onHold.release //=> ['confirmed']
 */
export const SALES_ORDER_TRANSITIONS: TransitionTable<SalesOrderStatus, SalesOrderTransition> = /* @__PURE__ */ Object.freeze({
  open: { confirm: ['confirmed'], hold: ['onHold'], reprice: ['open'], cancelRemaining: ['cancelled', 'open'] },
  onHold: { release: ['confirmed'], reprice: ['onHold'], cancelRemaining: ['cancelled', 'onHold'] },
  confirmed: {
    reprice: ['confirmed'],
    deliver: ['partiallyDelivered', 'delivered', 'invoiced'],
    invoice: ['confirmed'],
    cancelRemaining: ['cancelled', 'confirmed'],
    recordReturn: ['confirmed'],
  },
  partiallyDelivered: {
    deliver: ['partiallyDelivered', 'delivered', 'invoiced'],
    invoice: ['partiallyDelivered'],
    cancelRemaining: ['partiallyDelivered', 'delivered', 'invoiced'],
    recordReturn: ['partiallyDelivered'],
  },
  delivered: { invoice: ['delivered', 'invoiced'], recordReturn: ['delivered'] },
  invoiced: { recordReturn: ['invoiced'], close: ['closed'] },
  closed: { recordReturn: ['closed'] },
  cancelled: {},
});

/**
 * The return order state machine.
 * @example
 * RETURN_ORDER_TRANSITIONS.created.receive //=> ['received']
 */
export const RETURN_ORDER_TRANSITIONS: TransitionTable<ReturnOrderStatus, ReturnOrderTransition> = /* @__PURE__ */ Object.freeze({
  created: { receive: ['received'] },
  received: { credit: ['credited'] },
  credited: {},
});
