import * as z from "zod/mini";
import { readRfmOptions, rfmScoresOfTotals, type RfmScore, type RfmScoresOptions } from "../segments/rfmScores";
import { countField, idField, instantField, moneyField, parseAggregateRows } from "./aggregateRows";
import { rowTotals } from "./customerTotalsRows";
import { readFinishOptions } from "./finishOptions";
import type { RfmInputsSqlOptions } from "./rfmInputsSql";

/** The row schema of `rfmInputsSql`'s result (see its columns). */
export const RfmInputsRowSchema = z.object({
  customer_id: idField,
  orders: countField,
  last_order_at: z.nullable(instantField),
  revenue: moneyField,
});

/** One validated row of `rfmInputsSql`: the last order as epoch ms, revenue as a plain decimal string. */
export type RfmInputsRow = z.infer<typeof RfmInputsRowSchema>;

/** Options of `rfmScoresFromInputs`: `rfmScores`' own; the query's source keys may stay in. */
export type RfmScoresFromInputsOptions = RfmScoresOptions & Partial<Pick<RfmInputsSqlOptions, "dialect" | "table" | "columns">>;

/**
 * Finishes `rfmInputsSql`'s rows into what `rfmScores(purchases, options)` returns on the same
 * purchases, equal value for value: each of recency (asOf − last order, reversed), frequency
 * (orders) and monetary (net revenue) scored by rank, score = floor(bins × below / n) + 1, then
 * the segment map (Hughes 1994; docs/segments.md). Customers in id order.
 *
 * @param rows - the query's rows, as the driver returns them
 * @param options - the same `asOf` as the query, and `rfmScores`' `bins`, `segments`, `otherSegment`
 * @returns one `RfmScore` per customer with an order at or before asOf
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed or a customer repeats
 * @throws {RetentionOptionsError} when `asOf` is missing or an option is invalid
 * @example
 * rfmScoresFromInputs([{ customer_id: "a", orders: 1, last_order_at: "2024-01-01 00:00:00", revenue: "10.00" },
 *                      { customer_id: "b", orders: 1, last_order_at: "2024-02-01 00:00:00", revenue: "30.00" }], { asOf: "2024-03-01", bins: 2 })
 * //=> [{ customerId: "a", recencyDays: 60, frequency: 1, monetary: 10, r: 1, f: 1, m: 1, score: "111", segment: "Lost" },
 * //    { customerId: "b", recencyDays: 29, frequency: 1, monetary: 30, r: 2, f: 1, m: 2, score: "212", segment: "New" }]
 */
export function rfmScoresFromInputs(rows: unknown, options: RfmScoresFromInputsOptions): readonly RfmScore[] {
  const read = readFinishOptions(options, "rfmScoresFromInputs", ["asOf", "bins", "segments", "otherSegment"]);
  const rfm = readRfmOptions(read as unknown as RfmScoresOptions, "rfmScoresFromInputs");
  const totals = rowTotals(parseAggregateRows(rows, RfmInputsRowSchema), rfm.asOf);
  return rfmScoresOfTotals(totals, totals.totals, rfm);
}
