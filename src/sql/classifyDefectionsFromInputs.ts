import { classificationOf } from "../defection/classifiedColumns";
import { readDefectionOptions } from "../defection/options";
import type { ClassifyDefectionsOptions, DefectionClassification } from "../defection/types";
import { defectionColumns } from "./defectionColumns";
import type { DefectionInputsSqlOptions } from "./defectionInputsSql";
import { readFinishOptions } from "./finishOptions";

/** Options of `classifyDefectionsFromInputs`: `classifyDefections`' `asOf` and `thresholds` (no custom `rules`); the query's source keys may stay in. */
export type ClassifyDefectionsFromInputsOptions = Omit<ClassifyDefectionsOptions, "rules"> & Partial<Pick<DefectionInputsSqlOptions, "dialect" | "table" | "columns">>;

/**
 * Finishes `defectionInputsSql`'s rows into what `classifyDefections(purchases, options)`
 * returns on the same purchases (no events), equal value for value: the default rules
 * `no_repurchase` (≥ 2 visit days: time since the last order beyond `atRiskAfter` /
 * `defectedAfter` × the customer's median gap) and `lapsed_first_time_buyer` (1 visit day:
 * the same test on the population's median gap), else `active`; `annualValue` and the value at
 * risk or unrealized. The event rules (`cancelled`, `missed_appointment`,
 * `not_returning_for_service`) need events, which the purchases table does not hold, and custom
 * `rules` need each customer's rows: run `classifyDefections` in memory for those.
 *
 * @param rows - the query's rows, as the driver returns them
 * @param options - the same `asOf` as the query, and optional `thresholds`
 * @returns one classification per customer with an order at or before asOf, in customer-id order
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed or a customer repeats
 * @throws {RetentionOptionsError} when `asOf` is missing, a threshold is invalid, or `rules` are given
 * @example
 * classifyDefectionsFromInputs([{ customer_id: "a", orders: 2, visits: 2, last_order_at: "2024-01-11 00:00:00",
 *   gap_low: 10, gap_high: 10, annual_value: "20.00", revenue: "20.00" }], { asOf: "2024-02-01" })[0]
 * //=> { customerId: "a", status: "at_risk", reason: "no_repurchase", since: 2024-01-26, expectedGapDays: 10,
 * //     daysSinceLastActivity: 21, annualValue: 20, valueAtRisk: 20, unrealizedValue: 0, ... }
 */
export function classifyDefectionsFromInputs(rows: unknown, options: ClassifyDefectionsFromInputsOptions): readonly DefectionClassification[] {
  const read = readFinishOptions(options, "classifyDefectionsFromInputs", ["asOf", "rules", "thresholds"]);
  const defection = defectionColumns(rows, readDefectionOptions(read as unknown as ClassifyDefectionsOptions, "classifyDefectionsFromInputs"), "classifyDefectionsFromInputs");
  const results: DefectionClassification[] = [];
  for (let c = 0; c < defection.customerIds.length; c++) if (defection.columns.classified[c] === 1) results.push(classificationOf(defection, defection.columns, c));
  return results;
}
