import { observedOrders } from "./observedOrders";
import type { DateInput } from "../core/time";
import { dayOf, daysBetween } from "./dates";
import { timestampLiteral } from "./literals";
import { minusDays } from "./minusDays";
import { readInstant, readSqlSource, type SqlSourceOptions } from "./source";

/** Options of `defectionInputsSql`. */
export interface DefectionInputsSqlOptions extends SqlSourceOptions {
  /** The instant of the classification: purchases at or before it count. */
  readonly asOf: DateInput;
}

/**
 * SQL for what `classifyDefections` reads of each customer's purchases, one row per customer
 * with an order (a row with amount ≥ 0) at or before asOf; `classifyDefectionsFromInputs` and
 * `loyalCustomersFromInputs` finish them:
 *
 * | column | meaning |
 * | --- | --- |
 * | `customer_id` | the customer |
 * | `orders` | rows with amount ≥ 0 at or before asOf |
 * | `visits` | distinct UTC days among them |
 * | `last_order_at` | the last order |
 * | `gap_low`, `gap_high` | the lower and upper middle of the whole-day gaps between consecutive visits (equal when their count is odd; NULL with one visit) |
 * | `annual_value` | sum of the amounts in (last order − 365 days, asOf], refunds included |
 * | `revenue` | sum of every amount at or before asOf |
 *
 * The median gap is taken in the finisher, after raising each middle gap to `minGapDays`
 * (raising keeps the order, so the middle gaps stay the middle ones): the query needs no
 * threshold, and the median stays exact.
 *
 * @param options - source (`dialect`, `table`, `columns`) and `asOf`
 * @returns the query text for `options.dialect`
 * @throws {RetentionOptionsError} when an option is missing, misspelled or invalid
 * @example
 * defectionInputsSql({ dialect: "snowflake", table: "orders", asOf: "2024-02-01" })
 * //=> "WITH observed AS ( … ) … SELECT t.customer_id, t.orders, t.visits, t.last_order_at, m.gap_low, m.gap_high, t.annual_value, t.revenue FROM totals t LEFT JOIN middle_gaps m …"
 */
export function defectionInputsSql(options: DefectionInputsSqlOptions): string {
  const source = readSqlSource(options, "defectionInputsSql", ["asOf"]);
  const { dialect } = source;
  const asOf = timestampLiteral(dialect, readInstant("asOf", options.asOf), "asOf");
  return `WITH ${observedOrders(source, asOf)},
visit_days AS (
  SELECT DISTINCT customer_id, ${dayOf(dialect, "bought_at")} AS visit_day
  FROM observed
  WHERE is_order = 1
),
gaps AS (
  SELECT customer_id,
         ${daysBetween(dialect, "LAG(visit_day) OVER (PARTITION BY customer_id ORDER BY visit_day)", "visit_day")} AS gap
  FROM visit_days
),
ranked_gaps AS (
  SELECT customer_id, gap,
         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY gap) AS k,
         COUNT(*) OVER (PARTITION BY customer_id) AS n
  FROM gaps
  WHERE gap IS NOT NULL
),
middle_gaps AS (
  SELECT customer_id, MIN(gap) AS gap_low, MAX(gap) AS gap_high
  FROM ranked_gaps
  WHERE 2 * k BETWEEN n AND n + 2
  GROUP BY customer_id
),
last_orders AS (
  SELECT customer_id, bought_at, amount, is_order,
         MAX(CASE WHEN is_order = 1 THEN bought_at END) OVER (PARTITION BY customer_id) AS customer_last_order
  FROM observed
),
totals AS (
  SELECT customer_id,
         SUM(is_order) AS orders,
         COUNT(DISTINCT CASE WHEN is_order = 1 THEN ${dayOf(dialect, "bought_at")} END) AS visits,
         MAX(customer_last_order) AS last_order_at,
         SUM(CASE WHEN bought_at > ${minusDays(dialect, "customer_last_order", 365)} THEN amount ELSE 0 END) AS annual_value,
         SUM(amount) AS revenue
  FROM last_orders
  GROUP BY customer_id
  HAVING SUM(is_order) > 0
)
SELECT t.customer_id, t.orders, t.visits, t.last_order_at, m.gap_low, m.gap_high, t.annual_value, t.revenue
FROM totals t
LEFT JOIN middle_gaps m ON m.customer_id = t.customer_id`;
}
