import * as z from "zod/mini";
import { Decimal } from "../core/money";
import type { DateInput } from "../core/time";
import { readOptions } from "../input/readOptions";
import { readTimeAxis } from "../clv/timeAxis";
import { countField, moneyField, parseAggregateRows } from "./aggregateRows";
import { checkKeys, readInstant } from "./source";

const DAY_MS = 86_400_000;

/** Options of `patternTableFromRows`. */
export interface PatternTableFromRowsOptions {
  /** Unit of recency and T: `day` (default) or `week` (7 days exactly), as `customerSummary`'s `timeUnit`. */
  readonly timeUnit?: "day" | "week" | undefined;
  /** The `asOf` the query ran with; needed only when it is not a UTC midnight (its time of day adds to T). */
  readonly asOf?: DateInput | undefined;
}

/** One distinct history (x, tₓ, T) and the customers who share it. */
export interface PatternRow {
  readonly frequency: number;
  /** First → last transaction, in the table's time unit. */
  readonly recency: number;
  /** First transaction → asOf, in the table's time unit. */
  readonly T: number;
  /** How many customers the row stands for (= `customers`): the fits weigh the row by it. */
  readonly weight: number;
  readonly customers: number;
  /** The customers' repeat transactions' total value (0 when frequency is 0). */
  readonly sumMonetary: Decimal;
  /**
   * The pattern's mean repeat transaction value, sumMonetary ÷ (frequency × customers): the mean
   * of its customers' own mean spends (0 when frequency is 0). Exact for a single customer; for
   * more it stands in for each one's own, which only the Gamma-Gamma fit would need (docs/scale.md).
   */
  readonly monetaryValue: Decimal;
  /** recency and T in whole days, as the query grouped them: the keys `scoreJoin` joins on. */
  readonly recencyDays: number;
  readonly tDays: number;
}

/** The pattern table, in the shape the fits and `scorePatterns` take (`customers` holds the rows). */
export interface PatternTable {
  /** The distinct histories (each with its count of customers), in the query's order. */
  readonly customers: readonly PatternRow[];
  readonly timeUnit: "day" | "week";
  /** Customers in all patterns (Σ customers). */
  readonly customerCount: number;
  /** Of them, customers with frequency > 0. */
  readonly repeatCustomerCount: number;
  readonly patternCount: number;
}

const PatternRowSchema = z
  .object({
    frequency: countField,
    recency_days: countField,
    t_days: countField,
    customers: countField,
    sum_monetary: moneyField,
  })
  .check(
    z.refine((row) => row.customers >= 1, { path: ["customers"], error: "expected at least 1 customer" }),
    z.refine((row) => row.recency_days <= row.t_days, { path: ["recency_days"], error: "expected recency_days ≤ t_days (the last transaction is at or before asOf)" }),
    z.refine((row) => row.frequency > 0 || row.recency_days === 0, { path: ["recency_days"], error: "expected 0 when frequency is 0 (one transaction has no span)" }),
  );

/**
 * Finishes the rows of `patternTableSql` into a pattern table: each row's whole days become
 * recency and T in `timeUnit`, with the very arithmetic of `customerSummary`, so every
 * customer's (x, tₓ, T) is the double the in-memory summary holds; `weight` = customers. The
 * result is a summary input: `fitBgNbd`, `fitModifiedBgNbd`, `fitParetoNbd` and `fitGammaGamma`
 * take it as they take `customerSummary(purchases, { asOf, timeUnit })` and give the same
 * parameters (the Gamma-Gamma fit up to the spend approximation in docs/scale.md), and
 * `scorePatterns` scores it.
 *
 * @param rows - the query's rows, as the driver returned them (counts as numbers, bigints or digit strings)
 * @param options - `timeUnit` (default "day") and, when it was not a UTC midnight, `asOf`
 * @returns the pattern table, `{ customers: PatternRow[], timeUnit, … }`
 * @throws {RetentionInputError} naming `rows[i].field` for a bad row
 * @throws {RetentionOptionsError} when an option is invalid
 * @example
 * fitBgNbd(patternTableFromRows(await db.query(patternTableSql({ dialect: "duckdb", table: "orders", asOf: "1997-09-30" })), { timeUnit: "week" })).params
 * //=> { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (CDNOW, rounded)
 */
export function patternTableFromRows(rows: unknown, options: PatternTableFromRowsOptions = {}): PatternTable {
  const read = readOptions(options, "patternTableFromRows");
  checkKeys("option", read as Record<string, unknown>, ["timeUnit", "asOf"], "options");
  const axis = readTimeAxis({ timeUnit: read.timeUnit }, "patternTableFromRows");
  const asOfMs = read.asOf === undefined ? null : readInstant("asOf", read.asOf).getTime();
  const parsed = parseAggregateRows(rows, PatternRowSchema);
  const patterns: PatternRow[] = [];
  let customerCount = 0;
  let repeatCustomerCount = 0;
  for (const row of parsed) {
    // customerSummary's keys: the first transaction's UTC day, and asOf's instant (a midnight when not given).
    const firstKey = asOfMs === null ? 0 : Math.floor(asOfMs / DAY_MS) - row.t_days;
    const end = asOfMs ?? row.t_days * DAY_MS;
    const sumMonetary = new Decimal(row.sum_monetary);
    customerCount += row.customers;
    if (row.frequency > 0) repeatCustomerCount += row.customers;
    patterns.push({
      frequency: row.frequency,
      recency: axis.span(firstKey, firstKey + row.recency_days),
      T: axis.toEnd(firstKey, end),
      weight: row.customers,
      customers: row.customers,
      sumMonetary,
      monetaryValue: row.frequency === 0 ? new Decimal(0) : sumMonetary.div(new Decimal(row.frequency).times(row.customers)),
      recencyDays: row.recency_days,
      tDays: row.t_days,
    });
  }
  return Object.freeze({ customers: patterns, timeUnit: axis.timeUnit as "day" | "week", customerCount, repeatCustomerCount, patternCount: patterns.length });
}
