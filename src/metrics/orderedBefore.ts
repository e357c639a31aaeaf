import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/** Per customer, 1 when they placed an order (refunds are not orders) before `at`. */
export function orderedBefore(ledger: Ledger, at: number): Uint8Array {
  const { purchases } = ledger;
  const flags = new Uint8Array(ledger.customerIds.length);
  const last = lowerBound(purchases.at, at);
  for (let k = 0; k < last; k++) if (purchases.orderStart[k] === 1) flags[purchases.customer[k]!] = 1;
  return flags;
}
