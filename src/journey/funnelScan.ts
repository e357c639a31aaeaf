import type { Ledger } from "../input/ledger";
import type { FunnelMatcher } from "./funnelMatcher";
import { OccurrenceRows } from "./funnelRows";
import { TieGroupMatcher } from "./funnelTies";

/** Where each customer got to, and the time each step took. */
export interface FunnelScan {
  /** Per customer: steps reached, 0 for a customer who did not enter. */
  readonly reached: Uint8Array;
  /** Per step k (0-based, k ≥ 1): the milliseconds from step k−1 to step k of each customer who reached it; index 0 is empty. */
  readonly gaps: readonly Float64Array[];
  /** Per step: the customer of each entry of `gaps`. */
  readonly gapCustomers: readonly Uint32Array[];
  /** Per customer who entered: the row they entered at (a purchase row when `enteredOnOrder` is 1) and, for an order, its number. */
  readonly entryRow: Uint32Array;
  readonly enteredOnOrder: Uint8Array;
  readonly entryOrderNumber: Uint32Array;
}

/** Per-step gap columns that grow by doubling. */
class GapColumns {
  readonly count: Uint32Array;
  values: Float64Array[];
  customers: Uint32Array[];

  constructor(stepCount: number) {
    this.count = new Uint32Array(stepCount);
    this.values = Array.from({ length: stepCount }, () => new Float64Array(0));
    this.customers = Array.from({ length: stepCount }, () => new Uint32Array(0));
  }

  push(step: number, gap: number, customer: number): void {
    const n = this.count[step]!;
    if (n === this.values[step]!.length) {
      const size = Math.max(1024, n * 2);
      const values = new Float64Array(size);
      values.set(this.values[step]!);
      const customers = new Uint32Array(size);
      customers.set(this.customers[step]!);
      this.values[step] = values;
      this.customers[step] = customers;
    }
    this.values[step]![n] = gap;
    this.customers[step]![n] = customer;
    this.count[step] = n + 1;
  }
}

/**
 * One pass over the ledger's events and purchases in time order (a merge of the two sorted
 * column sets), with each customer's progress in typed arrays; no object per row. A customer
 * enters at their first step-1 row with `start ≤ t < end`, then takes step k+1 at the first
 * matching row with `t ≥` step k's time and `t < deadline(entry)`. Rows at one instant are
 * gathered (a run); a customer with several rows in it moves as many steps as those rows can
 * fill, one row per step (`TieGroupMatcher`), so their order does not matter. Order numbers
 * count every order of the customer's history, before `start` too.
 */
export function scanFunnel(ledger: Ledger, matcher: FunnelMatcher, stepCount: number, start: number, end: number, deadline: (entry: number) => number): FunnelScan {
  const { events, purchases } = ledger;
  const customers = ledger.customerIds.length;
  const reached = new Uint8Array(customers);
  const windowEnd = new Float64Array(customers);
  const last = new Float64Array(customers);
  const entryRow = new Uint32Array(customers);
  const enteredOnOrder = new Uint8Array(customers);
  const entryOrderNumber = new Uint32Array(customers);
  const orderCount = new Uint32Array(matcher.readsOrders ? customers : 0);
  const gaps = new GapColumns(stepCount);
  const run = new OccurrenceRows();
  const ties = new TieGroupMatcher(stepCount);
  const eventCount = events.count;
  const purchaseCount = matcher.readsOrders ? purchases.count : 0;
  const evAt = events.at;
  const evCustomer = events.customer;
  const evType = events.type;
  const { eventMask, whereMask } = matcher;
  const pAt = purchases.at;
  const pCustomer = purchases.customer;
  const orderStart = purchases.orderStart;

  /** Moves customer `c` one step with a single row (the usual case). */
  const single = (c: number, mask: number, t: number, row: number, onOrder: number, orderNumber: number): void => {
    const s = reached[c]!;
    if (s === stepCount || (mask & (1 << s)) === 0) return;
    if (s === 0) {
      if (t < start || t >= end) return;
      entryRow[c] = row;
      enteredOnOrder[c] = onOrder;
      entryOrderNumber[c] = orderNumber;
      windowEnd[c] = deadline(t);
    } else {
      if (t >= windowEnd[c]!) return;
      gaps.push(s, t - last[c]!, c);
    }
    last[c] = t;
    reached[c] = s + 1;
  };

  let i = 0;
  let j = 0;
  while (i < eventCount || j < purchaseCount) {
    const te = i < eventCount ? evAt[i]! : Number.POSITIVE_INFINITY;
    const tp = j < purchaseCount ? pAt[j]! : Number.POSITIVE_INFINITY;
    const t = te < tp ? te : tp;
    let i2 = i;
    while (i2 < eventCount && evAt[i2] === t) i2++;
    let j2 = j;
    while (j2 < purchaseCount && pAt[j2] === t) j2++;
    if (i2 - i + (j2 - j) === 1) {
      if (i2 > i) {
        const typeMask = eventMask[evType[i]!]!;
        if (typeMask !== 0) {
          const mask = (typeMask & whereMask) === 0 ? typeMask : matcher.eventSteps(i);
          if (mask !== 0) single(evCustomer[i]!, mask, t, i, 0, 0);
        }
      } else if (orderStart[j] === 1) {
        const c = pCustomer[j]!;
        const n = ++orderCount[c]!;
        const mask = matcher.orderSteps(j, n);
        if (mask !== 0) single(c, mask, t, j, 1, n);
      }
    } else {
      run.reset();
      for (let k = i; k < i2; k++) {
        if (matcher.skipsEventType(events.type[k]!)) continue;
        const mask = matcher.eventSteps(k);
        if (mask !== 0) run.add(evCustomer[k]!, mask, k, 0, 0);
      }
      for (let k = j; k < j2; k++) {
        if (orderStart[k] === 0) continue;
        const c = pCustomer[k]!;
        const n = ++orderCount[c]!;
        const mask = matcher.orderSteps(k, n);
        if (mask !== 0) run.add(c, mask, k, 1, n);
      }
      const order = run.byCustomer();
      for (let a = 0; a < order.length; ) {
        const c = run.customer[order[a]!]!;
        let b = a + 1;
        while (b < order.length && run.customer[order[b]!] === c) b++;
        if (b - a === 1) {
          const p = order[a]!;
          single(c, run.mask[p]!, t, run.row[p]!, run.onOrder[p]!, run.orderNumber[p]!);
        } else {
          const s = reached[c]!;
          const open = s === 0 ? t >= start && t < end : s < stepCount && t < windowEnd[c]!;
          if (open) {
            ties.rows.reset();
            for (let q = a; q < b; q++) {
              const p = order[q]!;
              ties.rows.add(c, run.mask[p]!, run.row[p]!, run.onOrder[p]!, run.orderNumber[p]!);
            }
            const to = ties.advance(s);
            if (to > s) {
              if (s === 0) {
                const first = ties.rowOfStep(0);
                entryRow[c] = ties.rows.row[first]!;
                enteredOnOrder[c] = ties.rows.onOrder[first]!;
                entryOrderNumber[c] = ties.rows.orderNumber[first]!;
                windowEnd[c] = deadline(t);
              }
              for (let step = Math.max(s, 1); step < to; step++) gaps.push(step, step === s ? t - last[c]! : 0, c);
              last[c] = t;
              reached[c] = to;
            }
          }
        }
        a = b;
      }
    }
    i = i2;
    j = j2;
  }
  return {
    reached,
    gaps: gaps.values.map((values, k) => values.subarray(0, gaps.count[k]!)),
    gapCustomers: gaps.customers.map((values, k) => values.subarray(0, gaps.count[k]!)),
    entryRow,
    enteredOnOrder,
    entryOrderNumber,
  };
}
