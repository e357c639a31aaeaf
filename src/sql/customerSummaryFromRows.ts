import * as z from "zod/mini";
import type { PeriodAxisOptions, TimeAxisOptions } from "../clv/timeAxis";
import { summaryResult, type CustomerSummary, type CustomerSummaryRow, type PeriodCustomerSummary, type PeriodSummaryRow } from "../clv/customerSummary";
import { Decimal } from "../core/money";
import { dateOption } from "../core/period";
import { IssueCollector } from "../input/errors";
import { countField, idField, instantField, moneyField, parseAggregateRows } from "./aggregateRows";
import { byCustomer } from "./customerRows";
import { CUSTOMER_SUMMARY_SQL_KEYS, type CustomerSummarySqlOptions } from "./customerSummarySql";
import { readFinishOptions } from "./finishOptions";
import { readSummaryAxis } from "./summaryAxis";

/** The row schema of `customerSummarySql`'s result (see its columns). */
export const CustomerSummarySqlRowSchema = z.object({
  customer_id: idField,
  transactions: countField,
  first_day: z.nullable(instantField),
  last_day: z.nullable(instantField),
  first_at: z.nullable(instantField),
  last_at: z.nullable(instantField),
  repeat_value: moneyField,
  orders: countField,
  revenue: moneyField,
});

/** One validated row of `customerSummarySql`: days and instants as epoch ms, money as plain decimal strings. */
export type CustomerSummarySqlRow = z.infer<typeof CustomerSummarySqlRowSchema>;

/** Options of `customerSummaryFromRows`: the query's time options and `asOf`; its source keys may stay in. */
export type CustomerSummaryFromRowsOptions = Omit<CustomerSummarySqlOptions, "dialect" | "table" | "columns"> & Partial<Pick<CustomerSummarySqlOptions, "dialect" | "table" | "columns">>;

const TIMED = ["first_day", "last_day", "first_at", "last_at"] as const;

/** A Decimal from a plain decimal string, with no negative zero. */
function exact(plain: string): Decimal {
  const value = new Decimal(plain);
  return value.isZero() ? new Decimal(0) : value;
}

/**
 * Finishes `customerSummarySql`'s rows into the result `customerSummary(purchases, options)`
 * gives on the same purchases, equal value for value: frequency = transactions − 1, recency =
 * last − first transaction and T = asOf − first transaction (elapsed days or weeks of 7 days, or
 * whole calendar buckets), monetaryValue = repeat_value ÷ frequency as an exact Decimal (0 when
 * frequency is 0), customers in id order. A row with no transaction is a customer the summary
 * skips. With `timeUnit: "period"` the rows carry `periods` (= T), as the discrete-time summary
 * does. Fader, Hardie & Lee (2005); the definitions of lifetimes' `summary_data_from_transaction_data`.
 *
 * @param rows - the query's rows, as the driver returns them
 * @param options - the query's options (at least `asOf`, and the same time options)
 * @returns a `CustomerSummary` (a `PeriodCustomerSummary` for `timeUnit: "period"`), frozen and branded like the in-memory one
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed, a customer repeats, or a purchase lies after asOf
 * @throws {RetentionOptionsError} when `asOf` or a time option is invalid
 * @example
 * customerSummaryFromRows([{ customer_id: "a", transactions: 2, first_day: "2024-01-01", last_day: "2024-01-15",
 *   first_at: "2024-01-01 00:00:00", last_at: "2024-01-15 00:00:00", repeat_value: "30.00", orders: 2, revenue: "40.00" }],
 *   { asOf: "2024-01-29", timeUnit: "week" }).customers[0]
 * //=> { customerId: "a", frequency: 1, recency: 2, T: 4, monetaryValue: Decimal("30"), orders: 2, revenue: Decimal("40"), ... }
 */
export function customerSummaryFromRows(rows: unknown, options: CustomerSummaryFromRowsOptions & { readonly timeUnit: "period" }): PeriodCustomerSummary;
export function customerSummaryFromRows(rows: unknown, options: CustomerSummaryFromRowsOptions): CustomerSummary;
export function customerSummaryFromRows(rows: unknown, options: CustomerSummaryFromRowsOptions): CustomerSummary | PeriodCustomerSummary {
  const read = readFinishOptions(options, "customerSummaryFromRows", CUSTOMER_SUMMARY_SQL_KEYS);
  const asOf = dateOption("asOf", read.asOf);
  const { axis, discrete } = readSummaryAxis(read as TimeAxisOptions | PeriodAxisOptions, "customerSummaryFromRows");
  const parsed = parseAggregateRows(rows, CustomerSummarySqlRowSchema);
  const issues = new IssueCollector();
  parsed.forEach((row, index) => {
    if (row.transactions === 0) return;
    for (const field of TIMED) {
      if (row[field] === null) issues.add({ index, path: ["rows", field], code: "missing", message: `a customer with ${row.transactions} transactions needs ${field}, found null` });
    }
    if (row.last_at !== null && row.last_at > asOf) issues.add({ index, path: ["rows", "last_at"], code: "after_as_of", message: `a purchase after asOf (${new Date(asOf).toISOString()}): run the query with the same asOf` });
  });
  issues.throwIfAny();
  const customers: (CustomerSummaryRow | PeriodSummaryRow)[] = [];
  let repeat = 0;
  for (const index of byCustomer(parsed)) {
    const row = parsed[index]!;
    if (row.transactions === 0) continue;
    const frequency = row.transactions - 1;
    if (frequency > 0) repeat++;
    const firstKey = axis.key(row.first_day!);
    const summary: CustomerSummaryRow = {
      customerId: row.customer_id,
      frequency,
      recency: axis.span(firstKey, axis.key(row.last_day!)),
      T: axis.toEnd(firstKey, asOf),
      monetaryValue: frequency === 0 ? new Decimal(0) : exact(row.repeat_value).div(frequency),
      orders: row.orders,
      revenue: exact(row.revenue),
      firstOrder: new Date(row.first_at!),
      lastOrder: new Date(row.last_at!),
    };
    customers.push(discrete ? { ...summary, periods: summary.T } : summary);
  }
  return summaryResult(customers, asOf, axis, discrete, repeat, parsed.length - customers.length);
}
