import * as z from "zod/mini";
import { Decimal } from "../core/money";
import { readOptions } from "../input/readOptions";
import { countField, moneyField, parseAggregateRows } from "./aggregateRows";
import { checkKeys } from "./source";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** Options of `spendPatternsFromRows`. */
export interface SpendPatternsFromRowsOptions {
  /** The time unit the transaction model is fitted in (`day`, the default, or `week`); only carried, so the spend model says the same. */
  readonly timeUnit?: "day" | "week" | undefined;
}

/** Repeat customers with one (x, z̄): rows for `fitGammaGamma` only (recency and T are 0, unknown here). */
export interface SpendPatternRow {
  readonly frequency: number;
  /** z̄ = repeatValue ÷ frequency, as exactly as `customerSummary`'s monetaryValue. */
  readonly monetaryValue: Decimal;
  readonly repeatValue: Decimal;
  readonly recency: 0;
  readonly T: 0;
  /** How many customers the row stands for (= `customers`). */
  readonly weight: number;
  readonly customers: number;
}

/** The spend patterns, as a summary input of `fitGammaGamma`. */
export interface SpendPatterns {
  readonly customers: readonly SpendPatternRow[];
  readonly timeUnit: "day" | "week";
  /** Repeat customers in all rows. */
  readonly customerCount: number;
  readonly patternCount: number;
}

const SpendRowSchema = z
  .object({ frequency: countField, repeat_value: moneyField, customers: countField })
  .check(
    z.refine((row) => row.frequency >= 1, { path: ["frequency"], error: "expected a repeat customer's frequency (≥ 1)" }),
    z.refine((row) => row.customers >= 1, { path: ["customers"], error: "expected at least 1 customer" }),
  );

/**
 * Finishes the rows of `spendPatternSql` for `fitGammaGamma`: each row's mean spend
 * z̄ = repeat_value ÷ frequency (the Decimal division `customerSummary` makes) and weight =
 * customers. The fit on them equals the per-customer fit (up to the optimizer's last digits,
 * as rows summed in another order move its start). Recency and T are 0: the transaction
 * models need the pattern table, and refuse these rows (every T is 0).
 *
 * @param rows - the query's rows, as the driver returned them
 * @param options - `timeUnit` (default "day"), carried into the fitted model
 * @returns `{ customers: SpendPatternRow[], timeUnit, customerCount, patternCount }`
 * @throws {RetentionInputError} naming `rows[i].field` for a bad row
 * @throws {RetentionOptionsError} when an option is invalid
 * @example
 * fitGammaGamma(spendPatternsFromRows(await db.query(spendPatternSql(options)), { timeUnit: "week" })).params
 * //=> { p: 6.25, q: 3.74, gamma: 15.44 } (CDNOW, rounded)
 */
export function spendPatternsFromRows(rows: unknown, options: SpendPatternsFromRowsOptions = {}): SpendPatterns {
  const read = readOptions(options, "spendPatternsFromRows");
  checkKeys("option", read as Record<string, unknown>, ["timeUnit"], "options");
  const timeUnit = read.timeUnit ?? "day";
  if (timeUnit !== "day" && timeUnit !== "week") throw new RetentionOptionsError("timeUnit", `spendPatternsFromRows expects "day" or "week", found ${printValue(timeUnit)}`);
  const patterns: SpendPatternRow[] = [];
  let customerCount = 0;
  for (const row of parseAggregateRows(rows, SpendRowSchema)) {
    const repeatValue = new Decimal(row.repeat_value);
    customerCount += row.customers;
    patterns.push({ frequency: row.frequency, monetaryValue: repeatValue.div(row.frequency), repeatValue, recency: 0, T: 0, weight: row.customers, customers: row.customers });
  }
  return Object.freeze({ customers: patterns, timeUnit, customerCount, patternCount: patterns.length });
}
