import { ACTIVE } from "../defection/classifiedColumns";
import { readDefectionOptions } from "../defection/options";
import type { ClassifyDefectionsOptions } from "../defection/types";
import { loyalCustomersOfTotals, type CustomerActivity, type LoyalCustomers, type LoyalCustomersOptions } from "../segments/loyalCustomers";
import { defectionColumns } from "./defectionColumns";
import type { DefectionInputsSqlOptions } from "./defectionInputsSql";
import { readFinishOptions } from "./finishOptions";
import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";

/** Options of `loyalCustomersFromInputs`: `loyalCustomers`' without custom `rules`; the query's source keys may stay in. */
export type LoyalCustomersFromInputsOptions = Omit<LoyalCustomersOptions, "rules"> & Partial<Pick<DefectionInputsSqlOptions, "dialect" | "table" | "columns">>;

/**
 * Finishes `defectionInputsSql`'s rows into what `loyalCustomers(purchases, options)` returns
 * on the same purchases (no events): the customers in the smallest top-revenue set holding
 * `valueShare` of net revenue at asOf who are `active` (as `classifyDefectionsFromInputs` finds,
 * or as the `classifications` passed say) and have at least `minOrders` orders (Reichheld 1996).
 *
 * @param rows - the query's rows, as the driver returns them
 * @param options - the same `asOf` as the query, optional `valueShare` (0.8), `minOrders` (3), `thresholds`, `classifications`
 * @returns the loyal customers by value with their shares, and the counts behind them
 * @throws {RetentionInputError} naming `rows[i].field` when a row is malformed or a customer repeats
 * @throws {RetentionOptionsError} when `asOf` is missing, an option is invalid, or `rules` are given
 * @example
 * loyalCustomersFromInputs(await db.query(defectionInputsSql(options)), options).count //=> 1
 */
export function loyalCustomersFromInputs(rows: unknown, options: LoyalCustomersFromInputsOptions): LoyalCustomers {
  const fn = "loyalCustomersFromInputs";
  const read = readFinishOptions(options, fn, ["asOf", "rules", "thresholds", "valueShare", "minOrders", "classifications"]) as unknown as LoyalCustomersOptions;
  const defection = defectionColumns(rows, readDefectionOptions(read as ClassifyDefectionsOptions, fn), fn);
  const { columns, customerIds } = defection;
  let activity: CustomerActivity = { isActive: (c) => columns.classified[c] === 1 && columns.status[c] === ACTIVE, classified: columns.count };
  if (read.classifications !== undefined) {
    if (!Array.isArray(read.classifications)) throw new RetentionOptionsError("classifications", `expected the array classifyDefections returns, found ${printValue(read.classifications)}`);
    const active = new Set(read.classifications.filter((row) => row.status === "active").map((row) => row.customerId));
    activity = { isActive: (c) => active.has(customerIds[c]!), classified: read.classifications.length };
  }
  return loyalCustomersOfTotals({ customerIds, moneyScale: defection.moneyScale, totals: () => defection.totals }, read, activity);
}
