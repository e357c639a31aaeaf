import type { Granularity } from "../core/calendar";
import type { Decimal } from "../core/money";
import { toLedger, type MetricInput } from "../input/toLedger";
import { cohortLayout } from "./cohortBuckets";
import { cohortCells } from "./cohortCells";
import type { CohortCurvePoint } from "./cohortCurve";
import { readCohortOptions, type CohortMeasure, type CohortMode, type CohortRetentionOptions } from "./cohortOptions";
import { cohortTable } from "./cohortTable";
import { readOptions } from "../input/readOptions";

/** One cohort's row: its acquisition bucket, its size and its observed cells. */
export interface CohortRow<V extends number | Decimal = number | Decimal> {
  /** `2024-01-15`, `2024-W03` (ISO week), `2024-01`, `2024-Q1` or `2024`. */
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
  /** Customers whose first activity (first order or signup) falls in the bucket. */
  readonly size: number;
  /** Cell per offset 0 … observed − 1: customers (numbers) or revenue (`Decimal`). */
  readonly values: readonly V[];
  /** customers: cell ÷ size; revenue: cell ÷ offset-0 revenue (`null` when that is 0 or negative). */
  readonly rates: readonly (number | null)[];
  /** With the `interval` option: the Wilson score interval [lower, upper] of each rate (cell of size), within [0, 1]. */
  readonly intervals?: readonly (readonly [number, number])[];
}

/** A cohort table with its average curve. */
export interface CohortRetention<V extends number | Decimal = number | Decimal> {
  readonly granularity: Granularity;
  readonly measure: CohortMeasure;
  readonly mode: CohortMode;
  readonly asOf: Date;
  readonly cohorts: readonly CohortRow<V>[];
  readonly curve: readonly CohortCurvePoint[];
  /** The confidence level of the rows' `intervals`, when the `interval` option asked for them. */
  readonly interval?: number;
}

/**
 * Acquisition-cohort table: customers grouped by the UTC bucket of their first activity
 * (first order or signup), and for each later bucket how many of them ordered (or how much
 * they spent).
 *
 * customers: cell(c, k) = |{i ∈ c : an order in bucket c + k}| (`return-on`, Amplitude's
 * "N-day" retention) or in any bucket ≥ c + k (`return-on-or-after`, "unbounded"), rate =
 * cell ÷ size. revenue: cell(c, k) = net revenue of c in bucket c + k, rate = cell ÷ cell(c, 0) (`null` unless that is positive).
 * Only buckets that ended by `asOf` appear; curve(k) = Σ size·rate ÷ Σ size over the cohorts
 * observed at k. With `interval` (a confidence level such as 0.95), each customers row also
 * carries `intervals`, the Wilson score interval of each rate (Wilson 1927; see `wilsonInterval`).
 * At most 100,000 offsets and 1,000,000 cells (`MAX_BUCKETS`,
 * `MAX_COHORT_CELLS`): a wider table is a `RetentionOptionsError` (option `asOf`) raised
 * before anything is allocated. See docs/cohorts.md, "Limits".
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - granularity, asOf, measure, mode, from/to (cohort starts), weekStartsOn and interval
 * @returns the cohorts (oldest first) with their values and rates, and the average curve
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} on a missing asOf, an unknown granularity, measure or mode, from ≥ to, or a table over the ceilings
 * @example
 * cohortRetention([{ customerId: "a", at: "2024-01-05", amount: "5" },
 *                  { customerId: "a", at: "2024-02-07", amount: "5" },
 *                  { customerId: "b", at: "2024-01-20", amount: "9" }],
 *                 { granularity: "month", asOf: "2024-03-01" })
 * //=> { cohorts: [{ key: "2024-01", size: 2, values: [2, 1], rates: [1, 0.5], ... }],
 * //     curve: [{ offset: 0, rate: 1, cohorts: 1, customers: 2 }, { offset: 1, rate: 0.5, ... }], ... }
 */
export function cohortRetention(input: MetricInput, options: CohortRetentionOptions & { readonly measure: "revenue" }): CohortRetention<Decimal>;
export function cohortRetention(input: MetricInput, options: CohortRetentionOptions & { readonly measure?: "customers" | undefined }): CohortRetention<number>;
export function cohortRetention(input: MetricInput, options: CohortRetentionOptions): CohortRetention;
export function cohortRetention(input: MetricInput, options: CohortRetentionOptions): CohortRetention {
  options = readOptions(options, "cohortRetention");
  const ledger = toLedger(input);
  const read = readCohortOptions(options);
  const { granularity, asOf, measure, mode, from, to, weekStartsOn } = read;
  const layout = cohortLayout(ledger, granularity, weekStartsOn, asOf, from, to);
  const cells = cohortCells(ledger, layout, measure === "revenue" ? "revenue" : mode, granularity, weekStartsOn, asOf);
  return cohortTable({ ...layout, cells, moneyScale: ledger.moneyScale }, read);
}
