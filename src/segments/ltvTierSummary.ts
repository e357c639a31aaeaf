import { ZERO, type Decimal } from "../core/money";
import type { RankedValues } from "./rankedValues";

/** One value tier: its customers, their value and its range. */
export interface LtvTier {
  readonly name: string;
  readonly customers: number;
  /** customers ÷ all customers; `null` without customers. */
  readonly shareOfCustomers: number | null;
  readonly value: Decimal;
  /** value ÷ total value; `null` when the total is not positive. */
  readonly shareOfValue: number | null;
  /** Lowest and highest value in the tier; `null` when the tier is empty. */
  readonly min: Decimal | null;
  readonly max: Decimal | null;
}

/** Sums the tiers of values sorted in descending order (internal). */
export function summarizeTiers(names: readonly string[], descending: RankedValues, tierOf: Uint32Array): LtvTier[] {
  const n = descending.count;
  const counts = new Uint32Array(names.length);
  const sums: Decimal[] = names.map(() => ZERO);
  const mins: (Decimal | null)[] = names.map(() => null);
  const maxs: (Decimal | null)[] = names.map(() => null);
  let total: Decimal = ZERO;
  for (let p = 0; p < n; p++) {
    const t = tierOf[p]!;
    const value = descending.at(p);
    counts[t]!++;
    sums[t] = sums[t]!.plus(value);
    total = total.plus(value);
    maxs[t] ??= value;
    mins[t] = value;
  }
  return names.map((name, t) => ({
    name,
    customers: counts[t]!,
    shareOfCustomers: n === 0 ? null : counts[t]! / n,
    value: sums[t]!,
    shareOfValue: total.gt(0) ? sums[t]!.div(total).toNumber() : null,
    min: mins[t] ?? null,
    max: maxs[t] ?? null,
  }));
}
