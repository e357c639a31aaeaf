import type { CohortRetention } from "../metrics/cohortRetention";
import type { Decimal } from "../core/money";
import { integerOption } from "../input/optionReaders";
import { readOptions } from "../input/readOptions";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartInput, charting, isList } from "./chartInput";
import { unavailableChart } from "./chartSpec";
import { cohortHeatmapSpec, type CohortHeatmapCell } from "./cohortHeatmapSpec";

/** Options of `cohortRetentionChart`: how much of the table to draw. */
export interface CohortRetentionChartOptions {
  /** The latest cohorts drawn, 1 … 500; default 36. */
  readonly maxCohorts?: number | undefined;
  /** The first offsets drawn, 1 … 500; default 36. */
  readonly maxOffsets?: number | undefined;
  /** Currency of a revenue table, for the tooltip's title. */
  readonly currency?: string | undefined;
}

const EXPECTED = "a cohortRetention result (an object with granularity, measure and cohorts)";

/**
 * The cohort heatmap of a `cohortRetention` result, customers or revenue, at any
 * granularity: one row per cohort (oldest at the top), one column per offset, each cell
 * coloured by its rate (customers: share of the cohort ordering; revenue: revenue ÷ the
 * cohort's offset-0 revenue) on one scale from 0 to the largest rate, offset 0 included, and
 * labelled with it; the tooltip adds the cell's customers or revenue and the cohort size.
 * Cells without a rate (revenue with no offset-0 revenue) are blank. The latest `maxCohorts`
 * cohorts and the first `maxOffsets` offsets are drawn (default 36 each). No cell: a chart
 * that says so.
 *
 * @param cohorts - a `cohortRetention` result
 * @param options - `maxCohorts`, `maxOffsets`, and `currency` for a revenue table
 * @returns a Vega-Lite v5 heatmap with values as text
 * @throws {RetentionInputError} when `cohorts` is not a `cohortRetention` result
 * @throws {RetentionOptionsError} when an option is invalid
 * @example
 * cohortRetentionChart(cohortRetention(purchases, { granularity: "month", asOf: "2024-07-01" })).layer.length //=> 2
 */
export function cohortRetentionChart(cohorts: CohortRetention, options: CohortRetentionChartOptions = {}): VegaLiteSpec {
  const fn = "cohortRetentionChart";
  const table = chartInput<CohortRetention>(fn, cohorts, EXPECTED, (c) => isList(c.cohorts) && typeof c.granularity === "string");
  const o = readOptions(options, fn);
  const maxCohorts = integerOption("maxCohorts", o.maxCohorts, { min: 1, max: 500 }, 36);
  const maxOffsets = integerOption("maxOffsets", o.maxOffsets, { min: 1, max: 500 }, 36);
  return charting(fn, EXPECTED, () => {
    const measure = table.measure === "revenue" ? "revenue" : "customers";
    const rows = table.cohorts.slice(Math.max(0, table.cohorts.length - maxCohorts));
    const cells: CohortHeatmapCell[] = [];
    for (const row of rows) {
      const n = Math.min(maxOffsets, row.rates.length);
      for (let offset = 0; offset < n; offset++) {
        const rate = row.rates[offset];
        if (rate === null || rate === undefined) continue;
        const value = row.values[offset]!;
        cells.push({ cohort: row.key, offset, rate, value: typeof value === "number" ? value : (value as Decimal).toNumber(), size: row.size });
      }
    }
    const title = `${measure === "revenue" ? "Revenue" : "Customer"} retention by ${table.granularity} cohort`;
    if (cells.length === 0) return unavailableChart(title, table.cohorts.length === 0 ? "no cohort ended by asOf" : "no cohort cell has a rate");
    const shown = rows.length < table.cohorts.length ? ` (the latest ${rows.length} of ${table.cohorts.length} cohorts)` : "";
    return cohortHeatmapSpec(cells, {
      title,
      description:
        measure === "revenue"
          ? `Revenue of each ${table.granularity} acquisition cohort k ${table.granularity}s later, as a share of its revenue in its first ${table.granularity}${shown}. Read across a row for one cohort's path; down a column to compare cohorts at the same age.`
          : `Share of each ${table.granularity} acquisition cohort that ordered ${table.mode === "return-on-or-after" ? "in or after" : "in"} the k-th ${table.granularity} after its first${shown}. Read across a row for one cohort's path; down a column to compare cohorts at the same age.`,
      unit: table.granularity,
      measure,
      currency: typeof o.currency === "string" ? o.currency : null,
    });
  });
}
