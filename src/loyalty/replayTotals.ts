import { Decimal } from "../core/money";

/**
 * What a program replay accumulates, in exact integer money units. Orders fall into
 * `slots` (a program tier, or "no tier"); `base[slot · rates.length + i]` is the amount
 * discounted at `rates[i]` for orders of that slot, in units of `10^-baseScale`.
 */
export interface ReplayTotals {
  readonly slotNames: readonly (string | null)[];
  readonly rates: readonly Decimal[];
  readonly baseScale: number;
  readonly orders: Float64Array;
  readonly revenueUnits: Float64Array;
  readonly base: Float64Array;
  customers: number;
  discountedOrders: number;
  discountedRevenueUnits: number;
}

/** Empty totals for the given slots and rates. */
export function emptyTotals(slotNames: readonly (string | null)[], rates: readonly Decimal[], baseScale: number): ReplayTotals {
  return {
    slotNames,
    rates,
    baseScale,
    orders: new Float64Array(slotNames.length),
    revenueUnits: new Float64Array(slotNames.length),
    base: new Float64Array(slotNames.length * rates.length),
    customers: 0,
    discountedOrders: 0,
    discountedRevenueUnits: 0,
  };
}

/** The exact discount cost of one slot: Σ_i rate_i · base[slot][i] / 10^baseScale. */
export function slotDiscount(totals: ReplayTotals, slot: number): Decimal {
  let cost = new Decimal(0);
  const width = totals.rates.length;
  for (let i = 0; i < width; i++) {
    const units = totals.base[slot * width + i]!;
    if (units !== 0) cost = cost.plus(totals.rates[i]!.times(units));
  }
  return cost.div(new Decimal(10).pow(totals.baseScale));
}
