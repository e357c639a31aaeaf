import { unitsToDecimal } from "../core/money";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import { rankValuedTiers, withAssignments, type LtvSegments, type LtvSegmentsOptions } from "../segments/ltvSegments";
import { parseAggregateRows } from "./aggregateRows";
import { rowTotals } from "./customerTotalsRows";
import { readFinishOptions } from "./finishOptions";
import { RfmInputsRowSchema } from "./rfmScoresFromInputs";

/** Options of `ltvSegmentsFromInputs`: `ltvSegments`' with values by revenue (the only basis the rows hold). */
export type LtvSegmentsFromInputsOptions = Omit<LtvSegmentsOptions, "by"> & { readonly by?: "revenue" | undefined };

/**
 * Finishes `rfmInputsSql`'s rows into what `ltvSegments(purchases, { by: "revenue", … })`
 * returns: customers valued by net revenue, split into tiers (`quantile`, `pareto` or
 * `thresholds`), with the top shares and the Gini coefficient. `ltvSegments` values every
 * purchase row, so run the query with an `asOf` at or after the last purchase (for example
 * `"9999-12-31"`); with an earlier one the tiers are those of the purchases up to it.
 *
 * @param rows - `rfmInputsSql`'s rows, as the driver returns them
 * @param options - `method`, optional `tiers`, `share`, and `by` (only `"revenue"`)
 * @returns the tiers, each customer's tier and the concentration figures
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed or a customer repeats
 * @throws {RetentionOptionsError} when `method`, `tiers`, `share` or `by` is invalid
 * @example
 * ltvSegmentsFromInputs([{ customer_id: "a", orders: 2, last_order_at: "2024-01-01 00:00:00", revenue: "90" },
 *                        { customer_id: "b", orders: 1, last_order_at: "2024-01-02 00:00:00", revenue: "10" }], { method: "pareto" }).tiers.map((t) => t.customers)
 * //=> [1, 1]
 */
export function ltvSegmentsFromInputs(rows: unknown, options: LtvSegmentsFromInputsOptions): LtvSegments {
  const read = readFinishOptions(options, "ltvSegmentsFromInputs", ["asOf", "by", "method", "tiers", "share"]) as unknown as LtvSegmentsOptions;
  if (read.by !== undefined && read.by !== "revenue") throw new RetentionOptionsError("by", `ltvSegmentsFromInputs values customers by revenue (the rows hold no cost or CLV), found ${printValue(read.by)}`);
  const ranked = rankValuedTiers(
    () => {
      const { customerIds, moneyScale, totals } = rowTotals(parseAggregateRows(rows, RfmInputsRowSchema));
      const ids: string[] = [];
      const units: number[] = [];
      for (let c = 0; c < customerIds.length; c++) {
        if (totals.orders[c] === 0) continue;
        ids.push(customerIds[c]!);
        units.push(totals.revenueUnits[c]!);
      }
      return { ids, valueOf: (i) => unitsToDecimal(units[i]!, moneyScale), compareDescending: (a, b) => units[b]! - units[a]!, units: { of: (i) => units[i]!, scale: moneyScale } };
    },
    "revenue",
    read,
  );
  return withAssignments(ranked);
}
