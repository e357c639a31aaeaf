import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";
import type { OrderMilestone } from "./milestoneTypes";

/**
 * Customers one order away from an order milestone: lifetime orders before `asOf`
 * (order-opening rows; refunds never count) equal `milestone − 1`. Dated `asOf`, when the
 * message would go out.
 */
export function orderMilestones(ledger: Ledger, asOf: number, milestones: readonly number[]): OrderMilestone[] {
  const wanted = new Set(milestones);
  const orders = new Uint32Array(ledger.customerIds.length);
  const { purchases } = ledger;
  const last = lowerBound(purchases.at, asOf);
  for (let k = 0; k < last; k++) orders[purchases.customer[k]!]! += purchases.orderStart[k]!;
  const entries: OrderMilestone[] = [];
  const date = new Date(asOf);
  for (let c = 0; c < orders.length; c++) {
    const count = orders[c]!;
    if (!wanted.has(count + 1)) continue;
    entries.push({ customerId: ledger.customerIds[c]!, kind: "order-milestone", date, detail: { milestone: count + 1, orders: count } });
  }
  return entries;
}
