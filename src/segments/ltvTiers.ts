import { Decimal, type MoneyInput } from "../core/money";
import { moneyOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { paretoHeadSize } from "./paretoHead";
import type { RankedValues } from "./rankedValues";
import { printValue } from "../input/describeValue";

/** How `ltvSegments` forms tiers. */
export type LtvMethod = "quantile" | "pareto" | "thresholds";

/** A tier of the `thresholds` method: customers whose value is at least `min` (and below the next tier's). */
export interface LtvThresholdTier {
  readonly name: string;
  readonly min: MoneyInput;
}

/** Tier names (highest first) and each customer's tier index, by position in the descending order (internal). */
export interface TierAssignment {
  readonly names: readonly string[];
  readonly tierOf: Uint32Array;
}

/**
 * Assigns values sorted in descending order to tiers (index 0 is the highest):
 * - `quantile` (k tiers, default 4): tier = floor(k × q / n), q the position of the first of
 *   the value's ties, so tiers hold equal counts as far as ties allow and ties share a tier;
 * - `pareto`: the `paretoHeadSize` top customers for `share`, then the rest;
 * - `thresholds`: the tier with the highest `min` ≤ value; below every `min`, tier `rest`.
 */
export function assignTiers(
  descending: RankedValues,
  method: LtvMethod,
  tiers: number | readonly string[] | readonly LtvThresholdTier[] | undefined,
  share: number,
): TierAssignment {
  const n = descending.count;
  const tierOf = new Uint32Array(n);
  if (method === "quantile") {
    const names = quantileNames(tiers);
    const k = names.length;
    const units = descending.units;
    if (units !== undefined) {
      for (let p = 0, first = 0; p < n; p++) {
        if (p > 0 && units.at(p) !== units.at(p - 1)) first = p;
        tierOf[p] = Math.floor((k * first) / n);
      }
      return { names, tierOf };
    }
    for (let p = 0, first = 0, previous: Decimal | null = null; p < n; p++) {
      const value = descending.at(p);
      if (previous !== null && !value.eq(previous)) first = p;
      previous = value;
      tierOf[p] = Math.floor((k * first) / n);
    }
    return { names, tierOf };
  }
  if (method === "pareto") {
    const names = tiers === undefined ? ["top", "rest"] : namesOption(tiers, 2, 2);
    tierOf.fill(1, paretoHeadSize(descending, share));
    return { names, tierOf };
  }
  if (method !== "thresholds") throw new RetentionOptionsError("method", `expected "quantile", "pareto" or "thresholds", found ${printValue(method)}`);
  const bounds = thresholdOption(tiers);
  const names = [...bounds.map((b) => b.name), "rest"];
  const units = descending.units;
  if (units !== undefined) {
    // An integer count of units is below min × 10^scale exactly when it is below its ceiling.
    const lowest = bounds.map((b) => b.min.times(new Decimal(10).pow(units.scale)).ceil().toNumber());
    for (let p = 0, t = 0; p < n; p++) {
      const value = units.at(p);
      while (t < bounds.length && value < lowest[t]!) t++;
      tierOf[p] = t;
    }
    return { names, tierOf };
  }
  for (let p = 0, t = 0; p < n; p++) {
    const value = descending.at(p);
    while (t < bounds.length && value.lt(bounds[t]!.min)) t++;
    tierOf[p] = t;
  }
  return { names, tierOf };
}

function quantileNames(tiers: unknown): string[] {
  if (tiers === undefined) return ["tier 1", "tier 2", "tier 3", "tier 4"];
  if (typeof tiers === "number") {
    if (!Number.isInteger(tiers) || tiers < 1 || tiers > 1000) throw new RetentionOptionsError("tiers", `expected an integer from 1 to 1000, found ${tiers}`);
    return Array.from({ length: tiers }, (_, i) => `tier ${i + 1}`);
  }
  return namesOption(tiers, 1, 1000);
}

function namesOption(tiers: unknown, min: number, max: number): string[] {
  const ok = Array.isArray(tiers) && tiers.length >= min && tiers.length <= max && tiers.every((x) => typeof x === "string" && x.length > 0);
  if (!ok || new Set(tiers).size !== tiers.length) {
    throw new RetentionOptionsError("tiers", `expected ${min === max ? min : `${min} to ${max}`} distinct non-empty names, found ${JSON.stringify(tiers)}`);
  }
  return [...(tiers as string[])];
}

function thresholdOption(tiers: unknown): { name: string; min: Decimal }[] {
  if (!Array.isArray(tiers) || tiers.length === 0) throw new RetentionOptionsError("tiers", "the thresholds method needs tiers: [{ name, min }, ...]");
  const bounds = tiers.map((tier: unknown, i) => {
    const { name, min } = (tier ?? {}) as { name?: unknown; min?: unknown };
    if (typeof name !== "string" || name.length === 0 || name === "rest") throw new RetentionOptionsError(`tiers[${i}].name`, `expected a non-empty name other than "rest", found ${printValue(name)}`);
    return { name, min: moneyOption(`tiers[${i}].min`, min as MoneyInput) };
  });
  if (new Set(bounds.map((b) => b.name)).size !== bounds.length) throw new RetentionOptionsError("tiers", "expected distinct tier names");
  return bounds.sort((a, b) => b.min.cmp(a.min));
}
