import { formatInt } from "../../report/format";
import { countCell, dateCell, field, list, moneyCell, numberCell, rateCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type ViewSettings } from "../resultView";

/** "no_repurchase" → "no repurchase". */
const words = (name: string): string => name.replace(/_/g, " ");

/**
 * A `defectionReport` result: the counts by status, the defected customers and their
 * unrealized value by reason, and the first customers most worth saving.
 *
 * @example
 * defectionView(defectionReport(purchases, { asOf }), settings).tables.map((t) => t.caption) //=> ["Defections by reason", "At-risk customers most worth saving"]
 */
export function defectionView(report: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["defectionReport"];
  const get = (key: string): unknown => field(report, key, path);
  const money = (value: unknown, at: FieldPath): string => moneyCell(value, at, settings.moneyPlaces);
  const reasons = list(get("byReason"), [...path, "byReason"]);
  const byReason = firstRows("Defections by reason", ["Reason", "Defected", "Share of defected", "Unrealized value", "Share of unrealized", "At risk", "Value at risk"], reasons, settings, (row, i) => {
    const at: FieldPath = [...path, "byReason", i];
    const cell = (key: string): unknown => field(row, key, at);
    return [words(text(cell("reason"), [...at, "reason"])), countCell(cell("customers"), [...at, "customers"]), rateCell(cell("shareOfDefected"), [...at, "shareOfDefected"]),
      money(cell("unrealizedValue"), [...at, "unrealizedValue"]), rateCell(cell("shareOfUnrealized"), [...at, "shareOfUnrealized"]), countCell(cell("atRisk"), [...at, "atRisk"]),
      money(cell("valueAtRisk"), [...at, "valueAtRisk"])];
  });
  const atRisk = list(get("topAtRisk"), [...path, "topAtRisk"]);
  const top = firstRows("At-risk customers most worth saving", ["Customer", "Reason", "Value at risk", "Last activity", "Days since"], atRisk, settings, (row, i) => {
    const at: FieldPath = [...path, "topAtRisk", i];
    const cell = (key: string): unknown => field(row, key, at);
    return [text(cell("customerId"), [...at, "customerId"]), words(text(cell("reason"), [...at, "reason"])), money(cell("valueAtRisk"), [...at, "valueAtRisk"]),
      dateCell(cell("lastActivity"), [...at, "lastActivity"]), numberCell(cell("daysSinceLastActivity"), [...at, "daysSinceLastActivity"], 0)];
  });
  const n = (key: string): string => countCell(get(key), [...path, key]);
  const lines = [
    `${n("customers")} customers: ${n("active")} active, ${n("atRisk")} at risk (${money(get("atRiskValue"), [...path, "atRiskValue"])} a year), ${n("defected")} defected (rate ${rateCell(get("defectionRate"), [...path, "defectionRate"])}).`,
    `Unrealized value of the defected: ${money(get("unrealizedValue"), [...path, "unrealizedValue"])} a year.`,
  ];
  return { title: "Defections", lines, tables: [byReason, top] };
}

/**
 * An `rfmScores` result: customers per segment (all rows counted), then the first rows with
 * their recency, frequency, monetary value and R, F, M scores.
 *
 * @example
 * rfmView(rfmScores(purchases, { asOf }), settings).tables[0].caption //=> "Customers per segment"
 */
export function rfmView(scores: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["rfmScores"];
  const rows = list(scores, path);
  const perSegment = new Map<string, number>();
  rows.forEach((row, i) => {
    const segment = text(field(row, "segment", [...path, i]), [...path, i, "segment"]);
    perSegment.set(segment, (perSegment.get(segment) ?? 0) + 1);
  });
  const segments = [...perSegment].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const bySegment = firstRows("Customers per segment", ["Segment", "Customers", "Share"], segments, { ...settings, rows: Math.max(settings.rows, segments.length) },
    ([segment, customers]) => [segment, formatInt(customers), rateCell(customers / rows.length, path)]);
  const header = ["Customer", "Segment", "Score", "R", "F", "M", "Recency (days)", "Orders", "Monetary"];
  const table = firstRows("Customers", header, rows, settings, (row, i) => {
    const at: FieldPath = [...path, i];
    const cell = (key: string): unknown => field(row, key, at);
    return [text(cell("customerId"), [...at, "customerId"]), text(cell("segment"), [...at, "segment"]), text(cell("score"), [...at, "score"]), countCell(cell("r"), [...at, "r"]),
      countCell(cell("f"), [...at, "f"]), countCell(cell("m"), [...at, "m"]), numberCell(cell("recencyDays"), [...at, "recencyDays"], 0), countCell(cell("frequency"), [...at, "frequency"]),
      moneyCell(cell("monetary"), [...at, "monetary"], settings.moneyPlaces)];
  });
  return { title: "RFM scores", lines: [`${formatInt(rows.length)} customers in ${formatInt(segments.length)} segment${segments.length === 1 ? "" : "s"}.`], tables: [bySegment, table] };
}

/**
 * An `ltvSegments` result: each tier's customers, value and shares, highest first, and the
 * value concentration (top 1%, 10%, 20% and the Gini coefficient).
 *
 * @example
 * ltvView(ltvSegments(purchases, { asOf, method: "quantile" }), settings).tables[0].header[0] //=> "Tier"
 */
export function ltvView(segments: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["ltvSegments"];
  const get = (key: string): unknown => field(segments, key, path);
  const money = (value: unknown, at: FieldPath): string => moneyCell(value, at, settings.moneyPlaces);
  const tiers = list(get("tiers"), [...path, "tiers"]);
  const table = firstRows("Tiers, highest first", ["Tier", "Customers", "Share of customers", "Value", "Share of value", "From", "To"], tiers, { ...settings, rows: Math.max(settings.rows, tiers.length) }, (tier, i) => {
    const at: FieldPath = [...path, "tiers", i];
    const cell = (key: string): unknown => field(tier, key, at);
    return [text(cell("name"), [...at, "name"]), countCell(cell("customers"), [...at, "customers"]), rateCell(cell("shareOfCustomers"), [...at, "shareOfCustomers"]),
      money(cell("value"), [...at, "value"]), rateCell(cell("shareOfValue"), [...at, "shareOfValue"]), money(cell("min"), [...at, "min"]), money(cell("max"), [...at, "max"])];
  });
  const c = get("concentration");
  const at: FieldPath = [...path, "concentration"];
  const share = (key: string): string => rateCell(field(c, key, at), [...at, key]);
  const lines = [
    `${countCell(get("customers"), [...path, "customers"])} customers by ${text(get("by"), [...path, "by"])} (${text(get("method"), [...path, "method"])}), total ${money(get("totalValue"), [...path, "totalValue"])}.`,
    `The top 1% hold ${share("top1PctShare")} of the value, the top 10% ${share("top10PctShare")}, the top 20% ${share("top20PctShare")}; Gini ${numberCell(field(c, "gini", at), [...at, "gini"], 3, true)}.`,
  ];
  return { title: "Lifetime-value segments", lines, tables: [table] };
}
