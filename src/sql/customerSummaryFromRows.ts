import * as z from "zod/mini";
import { readTimeAxis } from "../clv/timeAxis";
import type { CustomerSummary, CustomerSummaryRow } from "../clv/customerSummary";
import { Decimal } from "../core/money";
import { dateOption } from "../core/period";
import { brandResult } from "../core/resultBrand";
import { IssueCollector } from "../input/errors";
import { countField, idField, instantField, moneyField, parseAggregateRows } from "./aggregateRows";
import { byCustomer } from "./customerRows";
import { CUSTOMER_SUMMARY_SQL_KEYS, type CustomerSummarySqlOptions } from "./customerSummarySql";
import { readFinishOptions } from "./finishOptions";
import { readSummaryTimeUnit } from "./summaryTimeUnit";

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

/** Options of `customerSummaryFromRows`: the query's (`asOf`, `timeUnit`); its source keys may stay in. */
export type CustomerSummaryFromRowsOptions = Pick<CustomerSummarySqlOptions, "asOf" | "timeUnit"> & Partial<Pick<CustomerSummarySqlOptions, "dialect" | "table" | "columns">>;

const DAY_MS = 86_400_000;
const TIMED = ["first_day", "last_day", "first_at", "last_at"] as const;

/** A Decimal from a plain decimal string, with no negative zero. */
function exact(plain: string): Decimal {
  const value = new Decimal(plain);
  return value.isZero() ? new Decimal(0) : value;
}

/**
 * Finishes `customerSummarySql`'s rows into the result `customerSummary(purchases, { asOf,
 * timeUnit })` gives on the same purchases, equal value for value: frequency = transactions − 1,
 * recency = last − first transaction day and T = asOf − first transaction day (in days, or weeks
 * of 7 days), monetaryValue = repeat_value ÷ frequency as an exact Decimal (0 when frequency is
 * 0), customers in id order. A row with no transaction is a customer the summary skips.
 * Fader, Hardie & Lee (2005); the same definitions as lifetimes' `summary_data_from_transaction_data`.
 *
 * @param rows - the query's rows, as the driver returns them
 * @param options - the query's options (at least `asOf`, and `timeUnit` when not "day")
 * @returns a `CustomerSummary` (frozen and branded like the in-memory one)
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed or a customer repeats
 * @throws {RetentionOptionsError} when `asOf` or `timeUnit` is invalid
 * @example
 * customerSummaryFromRows([{ customer_id: "a", transactions: 2, first_day: "2024-01-01", last_day: "2024-01-15",
 *   first_at: "2024-01-01 00:00:00", last_at: "2024-01-15 00:00:00", repeat_value: "30.00", orders: 2, revenue: "40.00" }],
 *   { asOf: "2024-01-29", timeUnit: "week" }).customers[0]
 * //=> { customerId: "a", frequency: 1, recency: 2, T: 4, monetaryValue: Decimal("30"), orders: 2, revenue: Decimal("40"), ... }
 */
export function customerSummaryFromRows(rows: unknown, options: CustomerSummaryFromRowsOptions): CustomerSummary {
  const read = readFinishOptions(options, "customerSummaryFromRows", CUSTOMER_SUMMARY_SQL_KEYS);
  const asOf = dateOption("asOf", read.asOf);
  const axis = readTimeAxis({ timeUnit: readSummaryTimeUnit(read, "customerSummaryFromRows") }, "customerSummaryFromRows");
  const parsed = parseAggregateRows(rows, CustomerSummarySqlRowSchema);
  const issues = new IssueCollector();
  parsed.forEach((row, index) => {
    if (row.transactions === 0) return;
    for (const field of TIMED) {
      if (row[field] === null) issues.add({ index, path: ["rows", field], code: "missing", message: `a customer with ${row.transactions} transactions needs ${field}, found null` });
    }
  });
  issues.throwIfAny();
  const customers: CustomerSummaryRow[] = [];
  let repeat = 0;
  for (const row of byCustomer(parsed)) {
    if (row.transactions === 0) continue;
    const frequency = row.transactions - 1;
    if (frequency > 0) repeat++;
    const firstKey = Math.floor(row.first_day! / DAY_MS);
    customers.push({
      customerId: row.customer_id,
      frequency,
      recency: axis.span(firstKey, Math.floor(row.last_day! / DAY_MS)),
      T: axis.toEnd(firstKey, asOf),
      monetaryValue: frequency === 0 ? new Decimal(0) : exact(row.repeat_value).div(frequency),
      orders: row.orders,
      revenue: exact(row.revenue),
      firstOrder: new Date(row.first_at!),
      lastOrder: new Date(row.last_at!),
    });
  }
  return brandResult(
    {
      customers,
      asOf: new Date(asOf),
      timeUnit: axis.timeUnit,
      calendar: null,
      customerCount: customers.length,
      repeatCustomerCount: repeat,
      skippedCustomerCount: parsed.length - customers.length,
    },
    "customerSummary",
  );
}
