import { toLedger, type MetricInput } from "../input/toLedger";
import { ZERO, unitsToDecimal, type Decimal } from "../core/money";
import { runCustomRules } from "./customRules";
import { applyDefaultRules, expectedOrderGap, type RawVerdict } from "./defaultRules";
import { summarizeEvents } from "./eventSummary";
import { DAY_MS } from "./gaps";
import { customerHistory } from "./history";
import { readDefectionOptions } from "./options";
import { summarizeOrders } from "./orderSummary";
import type { ClassifyDefectionsOptions, DefectionClassification, DefectionRuleContext, DefectionStatus } from "./types";

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
  const ledger = toLedger(input);
  const { asOf, rules, thresholds } = readDefectionOptions(options, "classifyDefections");
  const orders = summarizeOrders(ledger, asOf, thresholds.minGapDays);
  const events = summarizeEvents(ledger, asOf, thresholds.minGapDays, orders.lastOrderAt);
  const toMoney = (units: number): Decimal => unitsToDecimal(units, ledger.moneyScale);
  const n = ledger.customerIds.length;
  let customers = 0;
  for (let c = 0; c < n; c++) if (orders.orders[c]! > 0 || !Number.isNaN(events.lastEventAt[c]!)) customers++;
  const context: DefectionRuleContext = Object.freeze({
    asOf: new Date(asOf),
    populationMedianGapDays: orders.populationMedianGapDays,
    customers,
    repeatCustomers: orders.repeatCustomers,
    thresholds,
  });
  const history = (c: number, lastOrderAt: number, lastActivityAt: number, annualValue: Decimal) =>
    customerHistory(ledger, c, asOf, { orders: orders.orders[c]!, lastOrderAt, lastActivityAt, medianGapDays: orders.medianGapDays[c]!, annualValue }, toMoney);
  const out: RawVerdict = { status: "active", reason: "none", since: Number.NaN, gapDays: Number.NaN };
  const results: DefectionClassification[] = [];
  for (let c = 0; c < n; c++) {
    const lastOrderAt = orders.lastOrderAt[c]!;
    const lastEventAt = events.lastEventAt[c]!;
    if (Number.isNaN(lastOrderAt) && Number.isNaN(lastEventAt)) continue;
    const lastActivityAt = Number.isNaN(lastEventAt) ? lastOrderAt : Number.isNaN(lastOrderAt) ? lastEventAt : Math.max(lastOrderAt, lastEventAt);
    const annualValue = toMoney(orders.annualUnits[c]!);
    let status: DefectionStatus;
    let reason: string;
    let since: Date | null;
    let expectedGap = Number.NaN;
    const custom = rules.length === 0 ? null : runCustomRules(rules, history(c, lastOrderAt, lastActivityAt, annualValue), context);
    if (custom === null) {
      const raw = applyDefaultRules(c, asOf, orders, events, thresholds, out);
      ({ status, reason } = raw);
      since = Number.isNaN(raw.since) ? null : new Date(raw.since);
      expectedGap = raw.gapDays;
    } else ({ status, reason, since } = custom);
    if (Number.isNaN(expectedGap)) expectedGap = expectedOrderGap(c, orders);
    results.push({
      customerId: ledger.customerIds[c]!,
      status,
      reason,
      since,
      lastActivity: new Date(lastActivityAt),
      expectedGapDays: Number.isNaN(expectedGap) ? null : expectedGap,
      daysSinceLastActivity: (asOf - lastActivityAt) / DAY_MS,
      annualValue,
      valueAtRisk: status === "at_risk" ? annualValue : ZERO,
      unrealizedValue: status === "defected" ? annualValue : ZERO,
    });
  }
  return results;
}
