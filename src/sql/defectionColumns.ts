import * as z from "zod/mini";
import { classifySummaries, type ClassifiedColumns } from "../defection/classifiedColumns";
import type { EventSummary } from "../defection/eventSummary";
import { medianOfSorted } from "../defection/gaps";
import type { ReadDefectionOptions } from "../defection/options";
import type { OrderSummary } from "../defection/orderSummary";
import { IssueCollector, RetentionOptionsError } from "../input/errors";
import type { CustomerTotals } from "../segments/customerTotals";
import { countField, idField, instantField, moneyField, parseAggregateRows } from "./aggregateRows";
import { byCustomer } from "./customerRows";
import { moneyUnits } from "./moneyUnits";

/** The row schema of `defectionInputsSql`'s result (see its columns). */
export const DefectionInputsRowSchema = z.object({
  customer_id: idField,
  orders: countField,
  visits: countField,
  last_order_at: z.nullable(instantField),
  gap_low: z.nullable(countField),
  gap_high: z.nullable(countField),
  annual_value: moneyField,
  revenue: moneyField,
});

/** One validated row of `defectionInputsSql`. */
export type DefectionInputsRow = z.infer<typeof DefectionInputsRowSchema>;

/** The classification of the rows' customers, with their totals at asOf, in customer-id order (internal). */
export interface DefectionColumns {
  readonly customerIds: readonly string[];
  readonly moneyScale: number;
  readonly columns: ClassifiedColumns;
  readonly totals: CustomerTotals;
}

/** Checks what the schema cannot: the fields a customer's orders and visits call for. */
function checkRows(rows: readonly DefectionInputsRow[], asOf: number): void {
  const issues = new IssueCollector();
  const missing = (index: number, field: string, message: string) => issues.add({ index, path: ["rows", field], code: "invalid", message });
  rows.forEach((row, index) => {
    if (row.orders > 0 && row.last_order_at === null) missing(index, "last_order_at", `a customer with ${row.orders} orders needs last_order_at, found null`);
    if (row.last_order_at !== null && row.last_order_at > asOf) missing(index, "last_order_at", `an order after asOf (${new Date(asOf).toISOString()}): run the query with the same asOf`);
    if (row.visits > row.orders || (row.orders > 0 && row.visits === 0)) missing(index, "visits", `expected 1 to ${row.orders} visits (days with an order), found ${row.visits}`);
    if (row.visits >= 2 && (row.gap_low === null || row.gap_high === null || row.gap_low > row.gap_high)) missing(index, "gap_low", `a customer with ${row.visits} visits needs gap_low ≤ gap_high, found ${row.gap_low} and ${row.gap_high}`);
  });
  issues.throwIfAny();
}

/**
 * Classifies the customers of `defectionInputsSql`'s rows with the default rules of
 * `classifyDefections` (internal; custom rules need each customer's rows, so `rules` is refused).
 * The median gap is (max(gap_low, minGapDays) + max(gap_high, minGapDays)) / 2, or the middle
 * gap raised to minGapDays when the number of gaps is odd, as `GapBuffer.median` computes it.
 */
export function defectionColumns(rows: unknown, options: ReadDefectionOptions, fn: string): DefectionColumns {
  if (options.rules.length > 0) {
    throw new RetentionOptionsError("rules", `${fn} has only each customer's aggregates, and custom rules read the customer's purchase rows: run classifyDefections in memory for them`);
  }
  const parsed = parseAggregateRows(rows, DefectionInputsRowSchema);
  checkRows(parsed, options.asOf);
  const money = moneyUnits(parsed.flatMap((row, index) => [[row.revenue, index, "revenue"] as const, [row.annual_value, index, "annual_value"] as const]));
  const order = byCustomer(parsed);
  const n = order.length;
  const min = options.thresholds.minGapDays;
  const orders = {
    orders: Uint32Array.from(order, (i) => parsed[i]!.orders),
    visits: Uint32Array.from(order, (i) => parsed[i]!.visits),
    lastOrderAt: Float64Array.from(order, (i) => (parsed[i]!.orders === 0 ? Number.NaN : parsed[i]!.last_order_at!)),
    medianGapDays: new Float64Array(n).fill(Number.NaN),
    annualUnits: Float64Array.from(order, (i) => money.units(parsed[i]!.annual_value)),
  };
  const medians = new Float64Array(n);
  let repeatCustomers = 0;
  order.forEach((i, c) => {
    const row = parsed[i]!;
    if (row.orders === 0 || row.visits < 2) return;
    const low = Math.max(row.gap_low!, min);
    const median = (row.visits - 1) % 2 === 1 ? low : (low + Math.max(row.gap_high!, min)) / 2;
    orders.medianGapDays[c] = median;
    medians[repeatCustomers++] = median;
  });
  const summary: OrderSummary = { ...orders, populationMedianGapDays: repeatCustomers === 0 ? null : medianOfSorted(medians.subarray(0, repeatCustomers).sort()), repeatCustomers };
  const none = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const events: EventSummary = { lastEventAt: none(), cancelledAt: none(), missedAt: none(), lastServiceAt: none(), serviceGapDays: none() };
  const columns = classifySummaries(n, summary, events, options, () => {
    throw new RetentionOptionsError("rules", `${fn} takes no custom rules`);
  });
  let buyers = 0;
  for (const count of orders.orders) if (count > 0) buyers++;
  return {
    customerIds: order.map((i) => parsed[i]!.customer_id),
    moneyScale: money.scale,
    columns,
    totals: { orders: orders.orders, revenueUnits: Float64Array.from(order, (i) => money.units(parsed[i]!.revenue)), lastOrderAt: orders.lastOrderAt, buyers },
  };
}
