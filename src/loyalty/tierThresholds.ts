import { Decimal } from "../core/money";
import type { ProgramTier } from "./frequencyProgram";

/** Tier thresholds in a ledger's money units, for the hot loops. */
export interface TierThresholds {
  readonly minOrders: Float64Array;
  readonly minSpendUnits: Float64Array;
}

/** Converts the tiers' thresholds to integer units of `10^-scale` (spend ≥ min ⇔ units ≥ ⌈min·10^scale⌉). */
export function tierThresholds(tiers: readonly ProgramTier[], scale: number): TierThresholds {
  const minOrders = new Float64Array(tiers.length);
  const minSpendUnits = new Float64Array(tiers.length);
  const factor = new Decimal(10).pow(scale);
  tiers.forEach((tier, i) => {
    minOrders[i] = tier.minOrders;
    minSpendUnits[i] = tier.minSpend === null ? Number.NEGATIVE_INFINITY : tier.minSpend.times(factor).ceil().toNumber();
  });
  return { minOrders, minSpendUnits };
}

/** The highest tier met by `orders` and `spendUnits`, or −1 when none is. */
export function tierFor(thresholds: TierThresholds, orders: number, spendUnits: number): number {
  for (let i = thresholds.minOrders.length - 1; i >= 0; i--) {
    if (orders >= thresholds.minOrders[i]! && spendUnits >= thresholds.minSpendUnits[i]!) return i;
  }
  return -1;
}
