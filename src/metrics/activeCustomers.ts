import { lowerBound } from "../core/search";
import { CANCEL, REACTIVATE, SIGNUP } from "../input/eventColumns";
import type { Ledger } from "../input/ledger";

/**
 * Who is active at instant `at`, as a 0/1 flag per customer:
 * - a customer with contract events (signup, cancel, reactivate) is active when a signup or
 *   reactivate at or before `at` is not followed by a cancel at or before `at`;
 * - any other customer is active when they placed an order in `[windowFrom, at)`.
 * Reads only the rows inside the window (rows are sorted by time) and the contract events
 * up to `at`.
 */
export function activeCustomers(ledger: Ledger, at: number, windowFrom: number): Uint8Array {
  const active = new Uint8Array(ledger.customerIds.length);
  const { purchases, events, hasContract } = ledger;
  const last = lowerBound(purchases.at, at);
  for (let k = lowerBound(purchases.at, windowFrom); k < last; k++) {
    if (purchases.orderStart[k] === 1) active[purchases.customer[k]!] = 1;
  }
  for (let c = 0; c < active.length; c++) if (hasContract[c] === 1) active[c] = 0;
  for (let k = 0; k < events.count && events.at[k]! <= at; k++) {
    const type = events.type[k]!;
    if (type === SIGNUP || type === REACTIVATE) active[events.customer[k]!] = 1;
    else if (type === CANCEL) active[events.customer[k]!] = 0;
  }
  return active;
}
