import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";
import { orderedBefore } from "../metrics/orderedBefore";

/** Per period `0..P` (0 is the period before the first reported one): the lifecycle counts. */
export interface LifecycleCounts {
  readonly active: Int32Array;
  readonly fresh: Int32Array;
  readonly resurrected: Int32Array;
  /** Customers whose activity ended in the period before: inactive now, active then. */
  readonly dormant: Int32Array;
}

const NONE = -1;

/**
 * Counts the lifecycle of every customer over the periods `[bounds[p], bounds[p + 1])`, in one
 * pass over the orders (refunds are not orders), sorted by time.
 *
 * An order at t makes its customer active in every period p with `coverFrom[p] ≤ t <
 * bounds[p + 1]`; `coverFrom` is nondecreasing and `coverFrom[p] ≤ bounds[p]`, so each order
 * covers a run of consecutive periods starting at its own. Each customer's covered periods
 * form maximal runs [a, b]: at a the customer is new (the run holds their first order ever)
 * or resurrected, in a+1..b returning, and at b+1 dormant. Orders before `coverFrom[0]` only
 * mark the customer as seen (not new later). Cost: O(rows + customers + periods).
 */
export function lifecycleCounts(ledger: Ledger, bounds: Float64Array, coverFrom: Float64Array): LifecycleCounts {
  const { at, customer, orderStart } = ledger.purchases;
  const last = coverFrom.length - 1;
  const counts = {
    active: new Int32Array(last + 2),
    fresh: new Int32Array(last + 1),
    resurrected: new Int32Array(last + 1),
    dormant: new Int32Array(last + 2),
  };
  const customers = ledger.customerIds.length;
  const runStart = new Int32Array(customers).fill(NONE);
  const runEnd = new Int32Array(customers);
  const firstRun = new Uint8Array(customers);
  const closeRun = (c: number): void => {
    const a = runStart[c]!;
    const b = runEnd[c]!;
    counts.active[a]!++;
    counts.active[b + 1]!--;
    if (firstRun[c] === 1) counts.fresh[a]!++;
    else counts.resurrected[a]!++;
    counts.dormant[b + 1]!++;
  };
  const from = lowerBound(at, coverFrom[0]!);
  const to = lowerBound(at, bounds[last + 1]!);
  const seen = orderedBefore(ledger, coverFrom[0]!);
  let p = 0;
  let q = 0;
  for (let k = from; k < to; k++) {
    if (orderStart[k] !== 1) continue;
    const t = at[k]!;
    while (bounds[p + 1]! <= t) p++;
    while (q < last && coverFrom[q + 1]! <= t) q++;
    const c = customer[k]!;
    if (runStart[c] !== NONE && p <= runEnd[c]! + 1) {
      if (q > runEnd[c]!) runEnd[c] = q;
      continue;
    }
    if (runStart[c] !== NONE) closeRun(c);
    runStart[c] = p;
    runEnd[c] = q;
    firstRun[c] = seen[c] === 1 ? 0 : 1;
    seen[c] = 1;
  }
  for (let c = 0; c < customers; c++) if (runStart[c] !== NONE) closeRun(c);
  for (let i = 1; i <= last; i++) counts.active[i]! += counts.active[i - 1]!;
  return counts;
}
