import type { Ledger } from "../input/ledger";
import type { FunnelMatcher } from "./funnelMatcher";
import { TieGroupMatcher } from "./funnelTies";

/** Where each entered customer got to. */
export interface FunnelScan {
  /** Customers who entered, in customer-index order. */
  readonly entered: Uint32Array;
  /** Per entered customer: steps reached (1..K). */
  readonly reached: Uint8Array;
  /** Per entered customer, K slots: the time (epoch ms) of each step reached; unread past `reached`. */
  readonly times: Float64Array;
  /** Per entered customer: the row they entered at; an order row when `enteredOnOrder` is 1. */
  readonly entryRow: Uint32Array;
  readonly enteredOnOrder: Uint8Array;
  /** Per entered customer: the order number of the entering order (0 for an event). */
  readonly entryOrderNumber: Uint32Array;
}

/**
 * Walks each customer's events and orders in time order (the ledger's per-customer indexes),
 * one pass, no object per row. Rows at the same instant form a tie group; the customer moves
 * as many steps forward in it as the group can fill (`TieGroupMatcher`), one row per step.
 * A customer enters at the first step-1 row with `start ≤ t < end`, then takes step k+1 at the
 * first matching row with `t ≥` step k's time and `t < deadline(entry)`. Order numbers count
 * every order of the customer's history, before `start` too.
 */
export function scanFunnel(ledger: Ledger, matcher: FunnelMatcher, stepCount: number, start: number, end: number, deadline: (entry: number) => number): FunnelScan {
  const { events, purchases } = ledger;
  const customers = ledger.customerIds.length;
  const ev = ledger.eventsByCustomer;
  const po = ledger.purchasesByCustomer;
  const readsOrders = matcher.readsOrders;
  const entered = new Uint32Array(customers);
  const reached = new Uint8Array(customers);
  const entryRow = new Uint32Array(customers);
  const enteredOnOrder = new Uint8Array(customers);
  const entryOrderNumber = new Uint32Array(customers);
  let times: Float64Array = new Float64Array(Math.min(customers, 1024) * stepCount);
  const ties = new TieGroupMatcher(stepCount);
  let count = 0;
  for (let c = 0; c < customers; c++) {
    let i = ev.offsets[c]!;
    const iEnd = ev.offsets[c + 1]!;
    let j = readsOrders ? po.offsets[c]! : 0;
    const jEnd = readsOrders ? po.offsets[c + 1]! : 0;
    let orderNumber = 0;
    let step = 0;
    let limit = end;
    if ((count + 1) * stepCount > times.length) times = grow(times, (count + 1) * stepCount);
    const base = count * stepCount;
    while (step < stepCount) {
      const te = i < iEnd ? events.at[ev.rows[i]!]! : Number.POSITIVE_INFINITY;
      const tp = j < jEnd ? purchases.at[po.rows[j]!]! : Number.POSITIVE_INFINITY;
      const t = te < tp ? te : tp;
      if (t === Number.POSITIVE_INFINITY || (step > 0 && t >= limit) || (step === 0 && t >= end)) break;
      ties.reset();
      for (; i < iEnd && events.at[ev.rows[i]!] === t; i++) {
        const k = ev.rows[i]!;
        if (matcher.skipsEventType(events.type[k]!)) continue;
        const mask = matcher.eventSteps(k);
        if (mask !== 0) ties.add(mask, k, 0, 0);
      }
      for (; j < jEnd && purchases.at[po.rows[j]!] === t; j++) {
        const k = po.rows[j]!;
        if (purchases.orderStart[k] === 0) continue;
        orderNumber++;
        const mask = matcher.orderSteps(k, orderNumber);
        if (mask !== 0) ties.add(mask, k, 1, orderNumber);
      }
      if (ties.size === 0 || (step === 0 && t < start)) continue;
      const to = ties.advance(step);
      if (to === step) continue;
      if (step === 0) {
        const first = ties.rowOfStep(0);
        entryRow[count] = ties.row[first]!;
        enteredOnOrder[count] = ties.onOrder[first]!;
        entryOrderNumber[count] = ties.orderNumber[first]!;
        limit = deadline(t);
      }
      for (let s = step; s < to; s++) times[base + s] = t;
      step = to;
    }
    if (step > 0) {
      entered[count] = c;
      reached[count] = step;
      count++;
    }
  }
  return {
    entered: entered.subarray(0, count),
    reached: reached.subarray(0, count),
    times: times.subarray(0, count * stepCount),
    entryRow: entryRow.subarray(0, count),
    enteredOnOrder: enteredOnOrder.subarray(0, count),
    entryOrderNumber: entryOrderNumber.subarray(0, count),
  };
}

function grow(values: Float64Array, size: number): Float64Array {
  const next = new Float64Array(Math.max(size, values.length * 2));
  next.set(values);
  return next;
}
