/**
 * Benchmark of `lifecycle` (issue 14): monthly over three years on a ready ledger of 1,000,000
 * generated purchases (`generatePurchases`, seed 42, 2022-01-01 + 1,095 days; the ledger is
 * built outside the timed part). Target: median ≤ 100 ms. `revenueMovements` over the same
 * months is timed for information.
 *
 * Side by side: DuckDB (@duckdb/node-api, in process) runs the same lifecycle as SQL over a
 * table of the same orders (customer index, timestamp), loaded before timing, as our ledger
 * is. The script prints both medians, the ratio, and whether the counts agree.
 * Run with `npx tsx bench/lifecycle.ts [runs=7]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createLedger, lifecycle, revenueMovements } from "../src/index";
import { generatePurchases } from "./generate";
import { measure, measureQuery } from "./harness";

const runs = Number(process.argv[2] ?? 7);
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, start: "2022-01-01T00:00:00Z", days: 1095 }) });
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers, 2022-01-01 … 2024-12-31`);
const options = { granularity: "month", start: "2022-01-01", end: "2025-01-01" } as const;

const ours = measure("lifecycle monthly, 36 months (1M)", () => lifecycle(ledger, options), { runs, targetMs: 100 });
measure("revenueMovements monthly, 36 months (1M)", () => revenueMovements(ledger, options), { runs });

// The same lifecycle in SQL. Month index p: 0 is December 2021 (the month before the first),
// 1 … 36 are 2022-01 … 2024-12. A customer's class in p follows from their first order's
// month and whether they were active in p − 1 (LAG over their active months).
const SQL = `
WITH months AS (
  SELECT DISTINCT c, (year(ts) - 2021) * 12 + month(ts) - 12 AS p
  FROM orders WHERE ts >= TIMESTAMP '2021-12-01' AND ts < TIMESTAMP '2025-01-01'
),
firsts AS (SELECT c, (year(min(ts)) - 2021) * 12 + month(min(ts)) - 12 AS fp FROM orders GROUP BY c),
runs AS (
  SELECT c, p, fp, lag(p) OVER (PARTITION BY c ORDER BY p) AS previous, lead(p) OVER (PARTITION BY c ORDER BY p) AS following
  FROM months JOIN firsts USING (c)
),
kinds AS (
  SELECT p, CASE WHEN fp = p THEN 'new' WHEN previous = p - 1 THEN 'returning' ELSE 'resurrected' END AS kind FROM runs WHERE p >= 1
  UNION ALL
  SELECT p + 1, 'dormant' FROM runs WHERE (following IS NULL OR following > p + 1) AND p + 1 <= 36
)
SELECT p, kind, count(*) AS n FROM kinds GROUP BY ALL ORDER BY p, kind`;

async function duckdb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "lifecycle-bench-"));
  try {
    const csv = join(dir, "orders.csv");
    const lines: string[] = ["c,ms"];
    const { customer, at, orderStart } = ledger.purchases;
    for (let k = 0; k < ledger.purchases.count; k++) if (orderStart[k] === 1) lines.push(`${customer[k]},${at[k]}`);
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE orders AS SELECT c::INTEGER AS c, epoch_ms(ms::BIGINT) AS ts FROM read_csv('${csv}', header = true, columns = {'c': 'VARCHAR', 'ms': 'VARCHAR'})`);
    const { medianMs: median, answer: rows } = await measureQuery("DuckDB SQL, same lifecycle (in process)", async () => (await connection.runAndReadAll(SQL)).getRows(), runs);
    console.log(`ours ÷ DuckDB (medians): ${(ours.medianMs / median).toFixed(2)}×`);
    const theirs = new Map(rows.map(([p, kind, n]) => [`${String(p)} ${String(kind)}`, Number(n)]));
    const result = lifecycle(ledger, options);
    const mismatches = result.periods.flatMap((period, i) =>
      (["new", "returning", "resurrected", "dormant"] as const)
        .filter((kind) => (theirs.get(`${i + 1} ${kind}`) ?? 0) !== period[kind])
        .map((kind) => `${period.key} ${kind}: ours ${period[kind]}, DuckDB ${theirs.get(`${i + 1} ${kind}`) ?? 0}`));
    console.log(`same counts as DuckDB: ${mismatches.length === 0 ? "yes (36 months × 4 kinds)" : `NO: ${mismatches.slice(0, 5).join("; ")}`}`);
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await duckdb();
