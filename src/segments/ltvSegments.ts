import { numberOption } from "../input/optionReaders";
import { descendingOrder } from "../core/descendingOrder";
import { compareIds } from "../core/compareIds";
import { ZERO, type Decimal } from "../core/money";
import { RetentionOptionsError } from "../input/errors";
import type { MetricInput } from "../input/toLedger";
import { valueConcentration, type ValueConcentration } from "./concentration";
import { customerValues, type CustomerValues, type LtvValueBasis, type ValuedCustomers } from "./customerValues";
import { JsonMap } from "./jsonMap";
import type { RankedValues } from "./rankedValues";
import { assignTiers, type LtvMethod, type LtvThresholdTier } from "./ltvTiers";
import { summarizeTiers, type LtvTier } from "./ltvTierSummary";
import { readOptions } from "../input/readOptions";
import { printValue } from "../input/describeValue";

/** Options of `ltvSegments`. */
export interface LtvSegmentsOptions {
  /** The value to segment on. Default `"clv"` when the input is a `Map`, else `"revenue"`. */
  readonly by?: LtvValueBasis | undefined;
  readonly method: LtvMethod;
  /** quantile: a count (default 4) or names, highest first; pareto: [head, rest] names; thresholds: `[{ name, min }]`. */
  readonly tiers?: number | readonly string[] | readonly LtvThresholdTier[] | undefined;
  /** pareto: the share of value the top tier holds, in (0, 1]. Default 0.8. */
  readonly share?: number | undefined;
}

/** Customers split into value tiers, with how concentrated value is. */
export interface LtvSegments {
  readonly by: LtvValueBasis;
  readonly method: LtvMethod;
  readonly customers: number;
  readonly totalValue: Decimal;
  /** Highest tier first. */
  readonly tiers: readonly LtvTier[];
  /** Customer id → tier name; serialises to JSON as `[customerId, tierName]` pairs in customer-id order. */
  readonly assignments: ReadonlyMap<string, string>;
  readonly concentration: ValueConcentration;
}

/**
 * Splits customers into lifetime-value tiers and measures how concentrated value is.
 *
 * Methods: `quantile`, tiers of equal customer counts (ties share a tier); `pareto`, the
 * smallest set of top customers holding `share` of the value (the 80/20 rule after Pareto,
 * as used for customer value by Koch, "The 80/20 Principle"), then the rest; `thresholds`,
 * user-given lower bounds. Values: net revenue, revenue − cost (`margin`), or supplied CLVs.
 * Concentration: top 1/10/20 % shares and the Gini coefficient (mean-difference form).
 *
 * @param input - purchases, `{ purchases }`, a `Ledger`, or (with `by: "clv"`) a Map or `{ customerId, value }[]`
 * @param options - `method`, optional `by`, `tiers` and `share`
 * @returns the tiers, each customer's tier and the concentration figures
 * @throws {RetentionInputError} when a row or supplied value is invalid, or a row lacks a cost for `margin`
 * @throws {RetentionOptionsError} when `method`, `by`, `tiers` or `share` is invalid
 * @example
 * ltvSegments(new Map([["a", 90], ["b", 5], ["c", 5]]), { method: "pareto" }).tiers.map((t) => [t.name, t.customers])
 * //=> [["top", 1], ["rest", 2]]
 */
export function ltvSegments(input: MetricInput | CustomerValues, options: LtvSegmentsOptions): LtvSegments {
  options = readOptions(options, "ltvSegments");
  return withAssignments(rankTiers(input, options));
}

/** `ltvSegments`' result from its ranked tiers: the summary plus each customer's tier, in id order (internal). */
export function withAssignments({ summary, ids, order, tierOfRank }: RankedTiers): LtvSegments {
  const names = summary.tiers.map((tier) => tier.name);
  const tierOfCustomer = new Uint32Array(ids.length);
  order.forEach((i, p) => (tierOfCustomer[i] = tierOfRank[p]!));
  const assignments = new JsonMap<string, string>();
  const byId = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!));
  for (const i of byId) assignments.set(ids[i]!, names[tierOfCustomer[i]!]!);
  return { ...summary, assignments };
}

/** `ltvSegments` without the per-customer `assignments` (internal: the report needs only the tiers). */
export type LtvTierSummary = Omit<LtvSegments, "assignments">;

/** The tiers and concentration of `ltvSegments`, and the ranking behind them (internal). */
export interface RankedTiers {
  readonly summary: LtvTierSummary;
  readonly ids: readonly string[];
  /** Indices into `ids`, highest value first (ties by id). */
  readonly order: Uint32Array;
  /** The tier index of each rank. */
  readonly tierOfRank: Uint32Array;
}

/** Values each customer, ranks them and forms the tiers of `ltvSegments` (internal). */
export function rankTiers(input: MetricInput | CustomerValues, options: LtvSegmentsOptions): RankedTiers {
  if (options === undefined || options === null) throw new RetentionOptionsError("method", "ltvSegments needs { method }");
  const by = options.by ?? (input instanceof Map ? "clv" : "revenue");
  if (by !== "revenue" && by !== "margin" && by !== "clv") throw new RetentionOptionsError("by", `expected "revenue", "margin" or "clv", found ${printValue(by)}`);
  if (by !== "clv" && input instanceof Map) throw new RetentionOptionsError("by", `a Map of values is segmented with by: "clv", found by: "${by}"`);
  return rankValuedTiers(() => customerValues(input, by), by, options);
}

/**
 * `rankTiers` on values read by `values` once the options are checked (internal; the SQL
 * finisher supplies the values of `rfmInputsSql`'s rows).
 */
export function rankValuedTiers(values: () => ValuedCustomers, by: LtvValueBasis, options: LtvSegmentsOptions): RankedTiers {
  const share = numberOption("share", options.share, { min: 0, max: 1, minOpen: true }, 0.8);
  const { ids, valueOf, compareDescending, units } = values();
  const order = units === undefined ? comparedOrder(ids, compareDescending) : descendingOrder(Float64Array.from({ length: ids.length }, (_, i) => units.of(i)));
  const descending: RankedValues = {
    count: ids.length,
    at: (rank) => valueOf(order[rank]!),
    ...(units === undefined ? {} : { units: { at: (rank: number) => units.of(order[rank]!), scale: units.scale } }),
  };
  const { names, tierOf } = assignTiers(descending, options.method, options.tiers, share);
  const tiers = summarizeTiers(names, descending, tierOf);
  const totalValue = tiers.reduce((sum: Decimal, tier) => sum.plus(tier.value), ZERO);
  const summary = { by, method: options.method, customers: ids.length, totalValue, tiers, concentration: valueConcentration(descending) };
  return { summary, ids, order, tierOfRank: tierOf };
}

/**
 * Customers by value descending, ties by id, with a comparison sort: for supplied values, whose
 * ids come in the caller's order. Values read from a ledger come in id order, so ties by index
 * are ties by id and `descendingOrder` sorts them without a callback.
 */
function comparedOrder(ids: readonly string[], compareDescending: (a: number, b: number) => number): Uint32Array {
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) order[i] = i;
  return order.sort((a, b) => compareDescending(a, b) || compareIds(ids[a]!, ids[b]!));
}
