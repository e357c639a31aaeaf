import * as z from "zod/mini";
import { bucketIndex, bucketIndexStart } from "../core/bucketIndex";
import type { Decimal } from "../core/money";
import { readOptions } from "../input/readOptions";
import { cohortCellStarts } from "../metrics/cohortBuckets";
import { readCohortOptions, type CohortRetentionOptions } from "../metrics/cohortOptions";
import type { CohortRetention } from "../metrics/cohortRetention";
import { cohortTable } from "../metrics/cohortTable";
import { countField, instantField, moneyField, parseAggregateRows } from "./aggregateRows";
import { moneyUnits } from "./moneyUnits";
import { rowError } from "./rowError";

/** One row of `cohortCountsSql`, as the driver returned it. */
export interface CohortCountRow {
  readonly cohort_start: Date | string;
  readonly period_offset: number | bigint | string;
  readonly customers: number | bigint | string;
  readonly revenue: number | bigint | string;
  readonly last_customers: number | bigint | string;
}

const CohortCountRowSchema = z.object({
  cohort_start: instantField,
  period_offset: countField,
  customers: countField,
  revenue: moneyField,
  last_customers: countField,
});

/** One cohort's counts by offset, while the rows are read. */
interface CohortCounts {
  readonly row: number;
  readonly cells: Map<number, { customers: number; revenue: string[]; last: number }>;
}

/**
 * `cohortRetention`'s table from the rows of `cohortCountsSql`, run with the same granularity,
 * week start and `asOf`: the same result, value for value (customers: cell = `customers`;
 * `return-on-or-after`: cell(k) = Σ_{j ≥ k} `last_customers`(j); revenue: cell = `revenue`,
 * exact; rates, intervals and the curve as `cohortRetention` computes them). A cohort's size is
 * its offset-0 `customers`. Rows whose cohort starts outside `[from, to)` are left out, so an
 * unfiltered query serves any range. Rows may come in any order; rows for the same cohort and
 * offset are added up.
 *
 * The purchases table has no signup events, so a cohort is the bucket of the first order
 * (as `cohortRetention` on purchases alone).
 *
 * @param rows - the query's rows (`cohort_start`, `period_offset`, `customers`, `revenue`, `last_customers`)
 * @param options - `cohortRetention`'s options: granularity, asOf, measure, mode, from, to, weekStartsOn, interval
 * @returns the `CohortRetention` result
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value, a cohort start that is
 *   not a bucket start, an offset past `asOf`, or a cohort without its offset-0 row
 * @throws {RetentionOptionsError} on options `cohortRetention` refuses
 * @example
 * cohortRetentionFromCounts([
 *   { cohort_start: "2024-01-01", period_offset: 0, customers: 2, revenue: "14", last_customers: 1 },
 *   { cohort_start: "2024-01-01", period_offset: 1, customers: 1, revenue: "5", last_customers: 1 },
 * ], { granularity: "month", asOf: "2024-03-01" })
 * //=> { cohorts: [{ key: "2024-01", size: 2, values: [2, 1], rates: [1, 0.5], ... }], curve: [...], ... }
 */
export function cohortRetentionFromCounts(rows: readonly CohortCountRow[], options: CohortRetentionOptions & { readonly measure: "revenue" }): CohortRetention<Decimal>;
export function cohortRetentionFromCounts(rows: readonly CohortCountRow[], options: CohortRetentionOptions & { readonly measure?: "customers" | undefined }): CohortRetention<number>;
export function cohortRetentionFromCounts(rows: readonly CohortCountRow[], options: CohortRetentionOptions): CohortRetention;
export function cohortRetentionFromCounts(rows: readonly CohortCountRow[], options: CohortRetentionOptions): CohortRetention {
  const read = readCohortOptions(readOptions(options, "cohortRetentionFromCounts"));
  const { granularity, weekStartsOn, asOf, from, to, measure, mode } = read;
  const parsed = parseAggregateRows(rows, CohortCountRowSchema);
  const limit = bucketIndex(asOf, granularity, weekStartsOn);
  const cohorts = new Map<number, CohortCounts>();
  const revenues: [string, number, string][] = [];
  parsed.forEach((row, index) => {
    const b = bucketIndex(row.cohort_start, granularity, weekStartsOn);
    const start = bucketIndexStart(b, granularity, weekStartsOn);
    if (start !== row.cohort_start) throw rowError(index, "cohort_start", `expected the start of a ${granularity} (UTC), found ${new Date(row.cohort_start).toISOString()}`);
    if (start < from || start >= to) return;
    if (b >= limit) throw rowError(index, "cohort_start", `the cohort's ${granularity} has not ended by asOf; was the query run with another asOf?`);
    if (row.period_offset >= limit - b) throw rowError(index, "period_offset", `offset ${row.period_offset} is past the last ${granularity} ended by asOf; was the query run with another asOf?`);
    let cohort = cohorts.get(b);
    if (cohort === undefined) cohorts.set(b, (cohort = { row: index, cells: new Map() }));
    let cell = cohort.cells.get(row.period_offset);
    if (cell === undefined) cohort.cells.set(row.period_offset, (cell = { customers: 0, revenue: [], last: 0 }));
    cell.customers += row.customers;
    cell.last += row.last_customers;
    cell.revenue.push(row.revenue);
    revenues.push([row.revenue, index, "revenue"]);
  });
  const money = moneyUnits(measure === "revenue" ? revenues : []);
  const bucket = [...cohorts.keys()].sort((a, b) => a - b);
  const cellStart = cohortCellStarts(bucket, limit, granularity);
  const cells = new Float64Array(cellStart[bucket.length]!);
  const size = bucket.map((b, r) => {
    const { row, cells: counted } = cohorts.get(b)!;
    const first = cellStart[r]!;
    for (const [offset, cell] of counted) {
      if (measure === "revenue") for (const plain of cell.revenue) cells[first + offset]! += money.units(plain);
      else cells[first + offset] = mode === "return-on" ? cell.customers : cell.last;
    }
    if (mode === "return-on-or-after") for (let i = cellStart[r + 1]! - 2; i >= first; i--) cells[i]! += cells[i + 1]!;
    const customers = counted.get(0)?.customers ?? 0;
    if (customers === 0) throw rowError(row, "cohort_start", "the cohort has no customers at offset 0 (its size); are rows missing?");
    return customers;
  });
  return cohortTable({ bucket, size, cellStart, cells, moneyScale: money.scale }, read);
}
