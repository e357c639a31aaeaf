import { toLedger, type MetricInput } from "../input/toLedger";
import { classificationOf, classifyColumns } from "./classifiedColumns";
import { readDefectionOptions } from "./options";
import type { ClassifyDefectionsOptions, DefectionClassification } from "./types";
import { readOptions } from "../input/readOptions";

/**
 * Classifies every customer with an order or event at or before `asOf` as `active`,
 * `at_risk` or `defected`, with the reason and the instant the status began.
 *
 * Custom `rules` run first, then the default rules in precedence order: `cancelled`,
 * `missed_appointment` (at risk for `missedAppointmentGrace` days, then defected),
 * `not_returning_for_service`, `no_repurchase` and `lapsed_first_time_buyer` (elapsed time
 * since the last visit beyond `atRiskAfter` / `defectedAfter` × the median gap between
 * visits: the customer's own, or the population's for one-time buyers). Same-day orders are
 * one visit; gaps under `minGapDays` count as `minGapDays`. A customer no rule matches is
 * `active` with reason `none`. The value at stake is `annualValue` = net revenue in
 * (lastOrder − 365 d, asOf]. Counting defections by cause and pricing them follows Reichheld &
 * Sasser (1990), "Zero Defections"; the gap multiples are a retail heuristic whose defaults are
 * this library's own (see docs/defections.md for every rule and decision).
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param options - `asOf`, optional custom `rules` and `thresholds`
 * @returns one classification per customer, in customer-id order
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} when `asOf` is missing, a threshold is not a positive number, or a custom rule returns a malformed verdict
 * @example
 * classifyDefections([
 *   { customerId: "a", at: "2024-01-01", amount: "10" },
 *   { customerId: "a", at: "2024-01-11", amount: "10" },
 * ], { asOf: "2024-02-01" })[0]
 * //=> { customerId: "a", status: "at_risk", reason: "no_repurchase", since: 2024-01-26, expectedGapDays: 10,
 * //     daysSinceLastActivity: 21, annualValue: 20, valueAtRisk: 20, unrealizedValue: 0, ... }
 */
export function classifyDefections(input: MetricInput, options: ClassifyDefectionsOptions): readonly DefectionClassification[] {
  options = readOptions(options, "classifyDefections");
  const ledger = toLedger(input);
  const columns = classifyColumns(ledger, readDefectionOptions(options, "classifyDefections"));
  const results: DefectionClassification[] = [];
  for (let c = 0; c < ledger.customerIds.length; c++) if (columns.classified[c] === 1) results.push(classificationOf(ledger, columns, c));
  return results;
}
