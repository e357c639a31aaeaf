import { formatInt } from "../../report/format";
import { countCell, dateCell, field, list, moneyCell, numberCell, rateCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type ViewSettings } from "../resultView";

/**
 * A `customerSummary` result: its first rows (frequency, recency, T, monetary value, orders,
 * revenue, first and last order), money rounded to `settings.moneyPlaces`.
 *
 * @example
 * customerSummaryView(customerSummary(purchases, { asOf }), { rows: 10, moneyPlaces: 2 }).tables[0].total //=> 4
 */
export function customerSummaryView(summary: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["customerSummary"];
  const unit = text(field(summary, "timeUnit", path), [...path, "timeUnit"]);
  const customers = list(field(summary, "customers", path), [...path, "customers"]);
  const header = ["Customer", "Frequency", `Recency (${unit}s)`, `T (${unit}s)`, "Monetary value", "Orders", "Revenue", "First order", "Last order"];
  const table = firstRows("Customers", header, customers, settings, (row, i) => {
    const at: FieldPath = [...path, "customers", i];
    const get = (key: string): unknown => field(row, key, at);
    return [text(get("customerId"), [...at, "customerId"]), countCell(get("frequency"), [...at, "frequency"]), numberCell(get("recency"), [...at, "recency"]),
      numberCell(get("T"), [...at, "T"]), moneyCell(get("monetaryValue"), [...at, "monetaryValue"], settings.moneyPlaces), countCell(get("orders"), [...at, "orders"]),
      moneyCell(get("revenue"), [...at, "revenue"], settings.moneyPlaces), dateCell(get("firstOrder"), [...at, "firstOrder"]), dateCell(get("lastOrder"), [...at, "lastOrder"])];
  });
  const repeat = field(summary, "repeatCustomerCount", path);
  const lines = [`${formatInt(customers.length)} customers${repeat === undefined ? "" : `, ${countCell(repeat, [...path, "repeatCustomerCount"])} with repeat purchases`}, as of ${dateCell(field(summary, "asOf", path), [...path, "asOf"])}, in ${unit}s.`];
  return { title: "Customer summary", lines, tables: [table] };
}

/**
 * A `calibrationHoldoutSummary` result: its first rows, the calibration period's figures and
 * the holdout's transactions, mean spend and duration.
 *
 * @example
 * calibrationHoldoutView(calibrationHoldoutSummary(purchases, { calibrationEnd, observationEnd }), settings).title //=> "Calibration and holdout summary"
 */
export function calibrationHoldoutView(summary: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["calibrationHoldoutSummary"];
  const unit = text(field(summary, "timeUnit", path), [...path, "timeUnit"]);
  const customers = list(field(summary, "customers", path), [...path, "customers"]);
  const header = ["Customer", "Frequency", `Recency (${unit}s)`, `T (${unit}s)`, "Monetary value", "Holdout frequency", "Holdout monetary value", `Holdout (${unit}s)`];
  const table = firstRows("Customers", header, customers, settings, (row, i) => {
    const at: FieldPath = [...path, "customers", i];
    const get = (key: string): unknown => field(row, key, at);
    return [text(get("customerId"), [...at, "customerId"]), countCell(get("frequency"), [...at, "frequency"]), numberCell(get("recency"), [...at, "recency"]),
      numberCell(get("T"), [...at, "T"]), moneyCell(get("monetaryValue"), [...at, "monetaryValue"], settings.moneyPlaces), countCell(get("holdoutFrequency"), [...at, "holdoutFrequency"]),
      moneyCell(get("holdoutMonetaryValue"), [...at, "holdoutMonetaryValue"], settings.moneyPlaces), numberCell(get("holdoutDuration"), [...at, "holdoutDuration"])];
  });
  const lines = [`${formatInt(customers.length)} customers; calibration ends ${dateCell(field(summary, "calibrationEnd", path), [...path, "calibrationEnd"])}, observation ends ${dateCell(field(summary, "observationEnd", path), [...path, "observationEnd"])}.`];
  return { title: "Calibration and holdout summary", lines, tables: [table] };
}

/**
 * A `predictClv` result: the first customers' CLV, expected purchases, expected average spend
 * and P(alive), over the horizon it states.
 *
 * @example
 * predictionsView(predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0.01 }), settings).tables[0].header[1] //=> "CLV"
 */
export function predictionsView(result: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["predictClv"];
  const unit = text(field(result, "timeUnit", path), [...path, "timeUnit"]);
  const customers = list(field(result, "customers", path), [...path, "customers"]);
  const table = firstRows("Predicted customer lifetime value", ["Customer", "CLV", "Expected purchases", "Expected average spend", "P(alive)"], customers, settings, (row, i) => {
    const at: FieldPath = [...path, "customers", i];
    const get = (key: string): unknown => field(row, key, at);
    return [text(get("customerId"), [...at, "customerId"]), moneyCell(get("clv"), [...at, "clv"], settings.moneyPlaces), numberCell(get("expectedPurchases"), [...at, "expectedPurchases"]),
      moneyCell(get("expectedAverageSpend"), [...at, "expectedAverageSpend"], settings.moneyPlaces), rateCell(get("probabilityAlive"), [...at, "probabilityAlive"])];
  });
  const rawHorizon = field(result, "horizon", path);
  const horizon = numberCell(rawHorizon, [...path, "horizon"], Number.isInteger(rawHorizon) ? 0 : 2);
  const discount = rateCell(field(result, "discountRate", path), [...path, "discountRate"]);
  return { title: "Predicted CLV", lines: [`${formatInt(customers.length)} customers, over ${horizon} ${unit}s, discounted at ${discount} a ${unit}.`], tables: [table] };
}
