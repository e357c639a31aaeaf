/**
 * The pattern fit at scale (`npx tsx bench/patternFit.ts [customers] [purchaseCustomers] [memoryLimit]`,
 * default 100,000,000, 2,000,000 and "8GB"). Two parts, each in a DuckDB database file in a
 * temporary directory (with DuckDB's spill files), deleted at the end, error or not:
 *
 * A. `customers` simulated customer histories, one row each (what `patternTableSql`'s
 *    `rm_histories` step holds: frequency, recency_days, t_days, repeat_value), made by a
 *    generator query. Timed: the pattern GROUP BY over them (the last step of `patternTableSql`),
 *    `patternTableFromRows`, `fitBgNbd` on the patterns (target ≤ 5 s, whatever the customer
 *    count), `fitGammaGamma` on the pooled spends, `scorePatterns`, loading the scores
 *    (appender), and the join of the scores back to every history (`scoreJoin`'s last step,
 *    written to a table). Prints the number of distinct patterns.
 * B. `purchaseCustomers` customers' purchases, simulated alike, through the shipped queries
 *    end to end: `patternTableSql` and `scoreJoin` (written to a table), so their cost per
 *    purchase row can be read off. 100M customers' purchases (~200M rows) take far longer than
 *    a run here can on a shared 2-core machine, so part B runs smaller.
 *
 * Each step runs once (they take seconds to minutes; the machine is shared, so read the figures
 * as one noisy run). The simulation: a customer is born on one of the first 84 days of 1997
 * (asOf is day 273); a purchase rate λ ~ Exponential(mean 0.01 a day) and a lifetime ~
 * Exponential(mean 200 days) give x ≈ Uniform(0, 2λ·alive span) repeat transactions, the last
 * on a day drawn as the largest of x uniform days; amounts 5.00–54.99. Uniforms come from
 * DuckDB's `hash`, so a run is repeatable.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { fitBgNbd, fitGammaGamma, scorePatterns, type ScorePatternsResult } from "../src/index";
import { patternTableFromRows, patternTableSql, scoreJoin } from "../src/sql";

const customers = Number(process.argv[2] ?? 100_000_000);
const purchaseCustomers = Number(process.argv[3] ?? 2_000_000);
const memoryLimit = (process.argv[4] ?? "8GB").replace(/'/g, "");
const asOf = "1997-10-01";

/** A uniform in [0, 1) from the hash of an integer expression. */
const uniform = (expression: string): string => `((hash(${expression}) % 1000003) / 1000003.0)`;

/** Per customer i < n: birth day, alive span (days) and repeat count x. */
const customerDraws = (n: number): string => `
  SELECT i AS customer_id, birth, span, least(span, CAST(floor(2 * rate * span * ${uniform("i * 8 + 4")}) AS INTEGER)) AS x
  FROM (
    SELECT i, birth, rate, greatest(1, CAST(least(273 - birth, lifetime) AS INTEGER)) AS span
    FROM (
      SELECT i, CAST(floor(${uniform("i * 8 + 1")} * 84) AS INTEGER) AS birth,
             -0.01 * ln(1 - ${uniform("i * 8 + 2")}) AS rate, -200.0 * ln(1 - ${uniform("i * 8 + 3")}) AS lifetime
      FROM range(${n}) t(i)
    )
  )`;

/** Part A: one history per customer, as patternTableSql's rm_histories holds them. */
const historiesGenerator = `
CREATE TABLE histories AS
SELECT customer_id, x AS frequency,
       CASE WHEN x = 0 THEN 0 ELSE greatest(x, CAST(ceil(span * pow(${uniform("customer_id * 8 + 5")}, 1.0 / x)) AS INTEGER)) END AS recency_days,
       273 - birth AS t_days,
       CAST(x * (5 + (hash(customer_id * 8 + 6) % 5000) / 100.0) AS DECIMAL(18, 2)) AS repeat_value
FROM (${customerDraws(customers)})`;

/** Part B: the purchases themselves: the first on the birth day, x more on uniform later days. */
const purchasesGenerator = `
CREATE TABLE purchases AS
SELECT customer_id,
       TIMESTAMP '1997-01-01' + to_days(birth + CASE WHEN k = 0 THEN 0 ELSE 1 + CAST(hash(customer_id * 64 + k) % span AS INTEGER) END) AS purchased_at,
       CAST(5 + (hash(customer_id * 64 + k + 7) % 5000) / 100.0 AS DECIMAL(18, 2)) AS amount
FROM (SELECT customer_id, birth, span, unnest(range(x + 1)) AS k FROM (${customerDraws(purchaseCustomers)}))`;

/** The last steps of patternTableSql and scoreJoin, over part A's histories table. */
const patternGroupBy = "SELECT frequency, recency_days, t_days, COUNT(*) AS customers, SUM(repeat_value) AS sum_monetary FROM histories GROUP BY frequency, recency_days, t_days";
const historiesJoin = `CREATE TABLE customer_scores AS
SELECT h.customer_id, s.probability_alive, s.expected_purchases,
       s.discounted_purchases * (s.spend_base + s.spend_per_repeat_value * h.repeat_value) AS clv
FROM histories h LEFT JOIN scores s ON s.frequency = h.frequency AND s.recency_days = h.recency_days AND s.t_days = h.t_days`;

async function timed<T>(name: string, step: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await step();
  console.log(`${name.padEnd(60)} ${`${((performance.now() - started) / 1000).toFixed(2)} s`.padStart(10)}`);
  return result;
}

const count = (n: unknown): string => Number(n).toLocaleString("en-US");

async function firstRow(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, unknown>;
}

async function loadScores(connection: DuckDBConnection, scored: ScorePatternsResult): Promise<void> {
  await connection.run(
    "CREATE OR REPLACE TABLE scores (frequency BIGINT, recency_days BIGINT, t_days BIGINT, probability_alive DOUBLE, expected_purchases DOUBLE, discounted_purchases DOUBLE, spend_base DOUBLE, spend_per_repeat_value DOUBLE)",
  );
  const appender = await connection.createAppender("scores");
  for (const p of scored.patterns) {
    for (const key of [p.frequency, p.recencyDays!, p.tDays!]) appender.appendBigInt(BigInt(key));
    for (const value of [p.probabilityAlive, p.expectedPurchases, p.discountedPurchases, p.spendBase!, p.spendPerRepeatValue!]) appender.appendDouble(value);
    appender.endRow();
  }
  appender.closeSync();
}

/** Fits and scores a pattern table's rows; returns the scores (loaded into `scores`). */
async function fitAndScore(connection: DuckDBConnection, rows: unknown): Promise<ScorePatternsResult> {
  const table = await timed("  patternTableFromRows", () => patternTableFromRows(rows, { timeUnit: "week" }));
  console.log(`    distinct patterns: ${count(table.patternCount)} for ${count(table.customerCount)} customers (${count(table.repeatCustomerCount)} repeat)`);
  const bgNbd = await timed("  fitBgNbd on the patterns (target ≤ 5 s)", () => fitBgNbd(table));
  const { r, alpha, a, b } = bgNbd.params;
  console.log(`    r ${r.toFixed(4)}  α ${alpha.toFixed(3)}  a ${a.toFixed(4)}  b ${b.toFixed(4)}  converged ${String(bgNbd.converged)}`);
  const gammaGamma = await timed("  fitGammaGamma on the patterns' pooled spends", () => fitGammaGamma(table));
  const scored = await timed("  scorePatterns (52 weeks)", () => scorePatterns(bgNbd, gammaGamma, table, { horizon: 52, discountRate: 0.0018 }));
  await timed("  load the scores (appender)", () => loadScores(connection, scored));
  return scored;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retention-metrics-pattern-bench-"));
  const instance = await DuckDBInstance.create(join(dir, "bench.duckdb"));
  const connection = await instance.connect();
  try {
    await connection.run(`SET memory_limit = '${memoryLimit}'`);
    await connection.run(`SET temp_directory = '${join(dir, "spill").replace(/'/g, "''")}'`);
    await connection.run("SET preserve_insertion_order = false");
    const threads = (await firstRow(connection, "SELECT current_setting('threads') AS t")).t;
    console.log(`DuckDB memory_limit ${memoryLimit}, threads ${String(threads)}; each step once\n`);

    console.log(`A. ${count(customers)} simulated customer histories`);
    await timed("  simulate the histories (generator query)", () => connection.run(historiesGenerator));
    const rows = await timed("  pattern GROUP BY over the histories, rows read out", async () => (await connection.runAndReadAll(patternGroupBy)).getRowObjectsJson());
    const scored = await fitAndScore(connection, rows);
    await timed("  join the scores back to every customer (into a table)", () => connection.run(historiesJoin));
    const a = await firstRow(connection, "SELECT COUNT(*) AS n, SUM(clv) AS clv FROM customer_scores");
    console.log(`    customers scored: ${count(a.n)}; Σ CLV from the join ${Number(a.clv).toFixed(0)}, from scorePatterns ${scored.totalClv!.toFixed(0)}`);
    await connection.run("DROP TABLE customer_scores; DROP TABLE histories");

    console.log(`\nB. ${count(purchaseCustomers)} simulated customers' purchases, through the shipped SQL`);
    await timed("  simulate the purchases (generator query)", () => connection.run(purchasesGenerator));
    console.log(`    purchase rows: ${count((await firstRow(connection, "SELECT COUNT(*) AS n FROM purchases")).n)}`);
    const purchaseRows = await timed("  patternTableSql, rows read out", async () => (await connection.runAndReadAll(patternTableSql({ dialect: "duckdb", table: "purchases", asOf }))).getRowObjectsJson());
    const scoredB = await fitAndScore(connection, purchaseRows);
    await timed("  scoreJoin into a table of one score per customer", () =>
      connection.run(`CREATE TABLE customer_scores AS ${scoreJoin({ dialect: "duckdb", table: "purchases", asOf, scores: { table: "scores" } })}`),
    );
    const b = await firstRow(connection, "SELECT COUNT(*) AS n, SUM(clv) AS clv FROM customer_scores");
    console.log(`    customers scored: ${count(b.n)}; Σ CLV from the join ${Number(b.clv).toFixed(0)}, from scorePatterns ${scoredB.totalClv!.toFixed(0)}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
