import { unitsToDecimal, ZERO, type Decimal } from "../core/money";
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

/** Sums the tiers of values sorted in descending order (internal); on integer units, in numbers. */
export function summarizeTiers(names: readonly string[], descending: RankedValues, tierOf: Uint32Array): LtvTier[] {
  if (descending.units !== undefined) return summarizeUnitTiers(names, descending.count, descending.units, tierOf);
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
  return tierRows(names, n, counts, sums, total, mins, maxs);
}

/** `summarizeTiers` on integer units: exact sums in numbers (see `RankedValues.units`), a Decimal per tier. */
function summarizeUnitTiers(names: readonly string[], n: number, units: NonNullable<RankedValues["units"]>, tierOf: Uint32Array): LtvTier[] {
  const counts = new Uint32Array(names.length);
  const sums = new Float64Array(names.length);
  const first = new Int32Array(names.length).fill(-1);
  const last = new Int32Array(names.length).fill(-1);
  let total = 0;
  for (let p = 0; p < n; p++) {
    const t = tierOf[p]!;
    const value = units.at(p);
    counts[t]!++;
    sums[t]! += value;
    total += value;
    if (first[t] === -1) first[t] = p;
    last[t] = p;
  }
  const money = (value: number): Decimal => unitsToDecimal(value, units.scale);
  const at = (rank: number): Decimal | null => (rank === -1 ? null : money(units.at(rank)));
  return tierRows(names, n, counts, Array.from(sums, money), money(total), Array.from(last, at), Array.from(first, at));
}

function tierRows(
  names: readonly string[],
  n: number,
  counts: Uint32Array,
  sums: readonly Decimal[],
  total: Decimal,
  mins: readonly (Decimal | null)[],
  maxs: readonly (Decimal | null)[],
): LtvTier[] {
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
