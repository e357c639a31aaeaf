import { Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import type { ReadProgram } from "./frequencyProgram";
import { tierFor, tierThresholds } from "./tierThresholds";
import { emptyTotals, type ReplayTotals } from "./replayTotals";
import { trailingStart } from "./trailingWindow";

/**
 * Replays the orders opened in `[start, end)` under a frequency program. Each order takes the
 * tier its customer held just before it: orders and net spend over `[t − window, t)`, t the
 * order's instant, so neither the order itself nor anything at or after t counts (no
 * look-ahead). Later rows of a multi-row order (same `orderId`) take the order's tier; refund
 * rows are not re-priced. One pass over each customer's rows with a sliding window.
 */
export function replayFrequency(ledger: Ledger, program: ReadProgram, start: number, end: number): ReplayTotals {
  const { tiers, window } = program;
  const none = tiers.length;
  const totals = emptyTotals([...tiers.map((tier) => tier.name), null], [...tiers.map((tier) => tier.rate), new Decimal(0)], ledger.moneyScale);
  const width = totals.rates.length;
  const thresholds = tierThresholds(tiers, ledger.moneyScale);
  const discounted = totals.rates.map((rate) => rate.gt(0));
  const { at, amountUnits, orderStart, orderId } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  const orderSlot = new Map<string, number>();
  for (let c = 0; c + 1 < offsets.length; c++) {
    let lo = offsets[c]!;
    let hi = lo;
    let windowOrders = 0;
    let windowSpend = 0;
    let ordered = false;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const k = rows[p]!;
      const t = at[k]!;
      if (t >= end) break;
      if (t < start || amountUnits[k]! < 0) continue;
      let slot: number;
      if (orderStart[k] === 1) {
        const from = trailingStart(window, t);
        for (; hi < offsets[c + 1]! && at[rows[hi]!]! < t; hi++) {
          windowOrders += orderStart[rows[hi]!]!;
          windowSpend += amountUnits[rows[hi]!]!;
        }
        for (; lo < hi && at[rows[lo]!]! < from; lo++) {
          windowOrders -= orderStart[rows[lo]!]!;
          windowSpend -= amountUnits[rows[lo]!]!;
        }
        const held = tierFor(thresholds, windowOrders, windowSpend);
        slot = held < 0 ? none : held;
        totals.orders[slot]!++;
        if (discounted[slot] === true) totals.discountedOrders++;
        const id = orderId[k];
        if (id !== undefined) orderSlot.set(id, slot);
        ordered = true;
      } else {
        const opened = orderSlot.get(orderId[k]!);
        if (opened === undefined) continue;
        slot = opened;
      }
      totals.revenueUnits[slot]! += amountUnits[k]!;
      totals.base[slot * width + slot]! += amountUnits[k]!;
      if (discounted[slot] === true) totals.discountedRevenueUnits += amountUnits[k]!;
    }
    if (ordered) totals.customers++;
  }
  return totals;
}
