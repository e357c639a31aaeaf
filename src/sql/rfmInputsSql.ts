import { observedOrders } from "./observedOrders";
import type { DateInput } from "../core/time";
import { timestampLiteral } from "./literals";
import { readInstant, readSqlSource, type SqlSourceOptions } from "./source";

/** Options of `rfmInputsSql`. */
export interface RfmInputsSqlOptions extends SqlSourceOptions {
  /** The instant the scores are taken at: purchases at or before it count. */
  readonly asOf: DateInput;
}

/**
 * SQL for the RFM inputs, one row per customer with an order (a row with amount ≥ 0) at or
 * before asOf; `rfmScoresFromInputs`, `ltvSegmentsFromInputs` finish them:
 *
 * | column | meaning |
 * | --- | --- |
 * | `customer_id` | the customer |
 * | `orders` | rows with amount ≥ 0 at or before asOf (RFM frequency) |
 * | `last_order_at` | the last of them (RFM recency = asOf − it) |
 * | `revenue` | sum of every amount at or before asOf, refunds included (RFM monetary) |
 *
 * @param options - source (`dialect`, `table`, `columns`) and `asOf`
 * @returns the query text for `options.dialect`
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * rfmInputsSql({ dialect: "postgres", table: ["shop", "orders"], asOf: "2024-03-01" })
 * //=> 'WITH observed AS (SELECT "customer_id" AS customer_id, … FROM "shop"."orders" WHERE "purchased_at" <= TIMESTAMP …) SELECT … GROUP BY customer_id HAVING SUM(is_order) > 0'
 */
export function rfmInputsSql(options: RfmInputsSqlOptions): string {
  const source = readSqlSource(options, "rfmInputsSql", ["asOf"]);
  const asOf = timestampLiteral(source.dialect, readInstant("asOf", options.asOf), "asOf");
  return `WITH ${observedOrders(source, asOf)}
SELECT customer_id,
       SUM(is_order) AS orders,
       MAX(CASE WHEN is_order = 1 THEN bought_at END) AS last_order_at,
       SUM(amount) AS revenue
FROM observed
GROUP BY customer_id
HAVING SUM(is_order) > 0`;
}
