// The peer of `retention-metrics summary` in bench/cli.ts: the same per-customer summary
// (frequency, recency and T in weeks, mean repeat-transaction value, orders, revenue, first and
// last order) computed by DuckDB's SQL over read_csv and written with COPY, as a user of
// @duckdb/node-api would run it. Usage: node bench/peers/duckdbSummary.mjs IN.csv OUT.csv
// Plain ESM so that no TypeScript loader is timed with it.
import { DuckDBInstance } from "@duckdb/node-api";

const [input, output] = process.argv.slice(2);
const quoted = (path) => `'${path.replaceAll("'", "''")}'`;
const DAY = 86400000;
// A transaction is a UTC day with a non-refund purchase; its value is the day's sum (refunds
// included); asOf is the end of the latest day in the data, as the CLI's default.
const sql = `
COPY (
  WITH raw AS (
    SELECT customerId AS id, CAST("at" AS TIMESTAMP) AS ts, CAST(amount AS DECIMAL(18, 2)) AS amount
    FROM read_csv(${quoted(input)}, header = true, columns = {'customerId': 'VARCHAR', 'at': 'VARCHAR', 'amount': 'VARCHAR'})
  ),
  days AS (
    SELECT id, CAST(floor(epoch_ms(ts) / ${DAY}) AS BIGINT) AS d, sum(amount) AS v,
      count(*) FILTER (WHERE amount >= 0) AS bought, min(ts) FILTER (WHERE amount >= 0) AS fa, max(ts) FILTER (WHERE amount >= 0) AS la
    FROM raw GROUP BY ALL
  ),
  horizon AS (SELECT (max(d) + 1) * ${DAY} AS ms FROM days),
  ranked AS (SELECT *, row_number() OVER (PARTITION BY id, bought > 0 ORDER BY d) AS r FROM days),
  per AS (
    SELECT id, count(*) FILTER (WHERE bought > 0) AS tx, min(d) FILTER (WHERE bought > 0) AS d0, max(d) FILTER (WHERE bought > 0) AS d1,
      sum(v) FILTER (WHERE bought > 0 AND r > 1) AS repeat, sum(bought) AS orders, sum(v) AS revenue, min(fa) AS fa, max(la) AS la
    FROM ranked GROUP BY id
  )
  SELECT id AS customerId, tx - 1 AS frequency, (d1 - d0) / 7.0 AS recency, ((SELECT ms FROM horizon) - d0 * ${DAY}) / ${DAY * 7}.0 AS T,
    CASE WHEN tx > 1 THEN CAST(repeat AS DOUBLE) / (tx - 1) ELSE 0 END AS monetaryValue, orders, revenue,
    strftime(fa, '%Y-%m-%dT%H:%M:%S.%gZ') AS firstOrder, strftime(la, '%Y-%m-%dT%H:%M:%S.%gZ') AS lastOrder
  FROM per WHERE tx > 0 ORDER BY id
) TO ${quoted(output)} (HEADER)`;

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(sql);
