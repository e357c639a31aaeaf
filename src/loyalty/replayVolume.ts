import { Decimal } from "../core/money";
import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";
import { emptyTotals, type ReplayTotals } from "./replayTotals";
import type { ScheduleStep, VolumeMode } from "./volumeSchedule";

/**
 * Replays the orders opened in `[start, end)` under a volume schedule applied to each order
 * on its own: the order amount (the sum of its non-refund rows in the range) picks the tier
 * (all-units) or is cut into slices (incremental), exactly as `volumeDiscount` with
 * `basis: "amount"` would, but without rounding each order. Slot = the tier the order reached.
 */
export function replayVolume(ledger: Ledger, steps: readonly ScheduleStep[], mode: VolumeMode, start: number, end: number): ReplayTotals {
  const baseScale = steps.reduce((scale, step) => Math.max(scale, step.min.decimalPlaces()), ledger.moneyScale);
  const factor = 10 ** (baseScale - ledger.moneyScale);
  const minUnits = steps.map((step) => step.min.times(new Decimal(10).pow(baseScale)).toNumber());
  const totals = emptyTotals(steps.map((step) => step.min.toFixed()), steps.map((step) => step.rate), baseScale);
  const width = steps.length;
  const positive = steps.map((step) => step.rate.gt(0));
  const { at, amountUnits, orderStart, orderId, customer } = ledger.purchases;
  const first = lowerBound(at, start);
  const last = lowerBound(at, end);
  const amounts = new Float64Array(last - first);
  const owner = new Uint32Array(last - first);
  const orderOf = new Map<string, number>();
  let count = 0;
  for (let k = first; k < last; k++) {
    if (amountUnits[k]! < 0) continue;
    if (orderStart[k] === 1) {
      const id = orderId[k];
      if (id !== undefined) orderOf.set(id, count);
      owner[count] = customer[k]!;
      amounts[count++] = amountUnits[k]!;
    } else {
      const o = orderOf.get(orderId[k]!);
      if (o !== undefined) amounts[o]! += amountUnits[k]!;
    }
  }
  const seen = new Uint8Array(ledger.customerIds.length);
  for (let o = 0; o < count; o++) {
    if (seen[owner[o]!] === 0) {
      seen[owner[o]!] = 1;
      totals.customers++;
    }
    const amount = amounts[o]! * factor;
    let tier = 0;
    while (tier + 1 < width && minUnits[tier + 1]! <= amount) tier++;
    totals.orders[tier]!++;
    totals.revenueUnits[tier]! += amounts[o]!;
    let isDiscounted = false;
    if (mode === "all-units") {
      totals.base[tier * width + tier]! += amount;
      isDiscounted = amount > 0 && positive[tier] === true;
    } else {
      for (let i = 0; i <= tier; i++) {
        const slice = (i === tier ? amount : minUnits[i + 1]!) - minUnits[i]!;
        totals.base[tier * width + i]! += slice;
        if (slice > 0 && positive[i] === true) isDiscounted = true;
      }
    }
    if (isDiscounted) {
      totals.discountedOrders++;
      totals.discountedRevenueUnits += amounts[o]!;
    }
  }
  return totals;
}
