/**
 * Benchmark of `customerEquity` (issue 15) without models: the current base by `retentionClv`
 * on the last year's margin, plus three future cohorts from the two recent ones, on a ready
 * ledger of 1,000,000 generated purchases (`generatePurchases`, seed 42, 2022-01-01 + 1,095
 * days, asOf 2025-01-01; the ledger is built outside the timed part). The issue sets no target.
 * `compareToBenchmarks` on the KPI report of that ledger is timed for information.
 *
 * Side by side: DuckDB (@duckdb/node-api, in process) computes the figures the valuation rests
 * on (last year's revenue and customers, the customers acquired in the last two years, the
 * first-year revenue of the 2022–2023 cohorts) as SQL over a table of the same rows (customer
 * index, timestamp, exact DECIMAL amount), loaded before timing, as our ledger is. The script
 * prints both medians, the ratio, and whether the figures agree.
 * Run with `npx tsx bench/equity.ts [runs=7]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { compareToBenchmarks, createLedger, customerEquity, kpiReport, type FutureEquity } from "../src/index";
import { generatePurchases } from "./generate";
import { measure, measureQuery } from "./harness";

const runs = Number(process.argv[2] ?? 7);
const purchases = generatePurchases({ purchases: 1_000_000, start: "2022-01-01T00:00:00Z", days: 1095 });
const ledger = createLedger({ purchases });
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers, 2022-01-01 … 2024-12-31 (machine shared with other jobs)`);
const options = { asOf: "2025-01-01", horizonYears: 3, retentionRate: 0.6, future: { cohorts: 3, recentCohorts: 2 } } as const;

const ours = measure("customerEquity, retentionClv + 3 cohorts (1M)", () => customerEquity(ledger, options), { runs });
const report = kpiReport(ledger, { asOf: "2025-01-01", skip: ["predictedClv", "cohorts", "segments"] });
const benchmarks = [
  { path: "retention.rate", value: 0.4, betterWhen: "higher" as const },
  { path: "activity.revenue", value: "1000000", betterWhen: "higher" as const },
  { path: "defections.defectionRate", value: 0.3, betterWhen: "lower" as const },
];
measure("compareToBenchmarks, 3 benchmarks (1M report)", () => compareToBenchmarks(report, benchmarks), { runs });

const SQL = `
WITH firsts AS (SELECT c, min(ts) AS first FROM rows WHERE ts < TIMESTAMP '2025-01-01' GROUP BY c)
SELECT
  (SELECT sum(amount) FROM rows WHERE ts >= TIMESTAMP '2024-01-01' AND ts < TIMESTAMP '2025-01-01') AS last_year_revenue,
  (SELECT count(DISTINCT c) FROM rows WHERE ts >= TIMESTAMP '2024-01-01' AND ts < TIMESTAMP '2025-01-01') AS last_year_customers,
  (SELECT count(*) FROM firsts WHERE first >= TIMESTAMP '2023-01-01') AS acquired,
  (SELECT count(*) FROM firsts WHERE first >= TIMESTAMP '2022-01-01' AND first < TIMESTAMP '2024-01-01') AS first_year_customers,
  (SELECT sum(r.amount) FROM rows r JOIN firsts f USING (c)
     WHERE f.first >= TIMESTAMP '2022-01-01' AND f.first < TIMESTAMP '2024-01-01' AND r.ts < f.first + INTERVAL 1 YEAR) AS first_year_revenue`;

async function duckdb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "equity-bench-"));
  try {
    const csv = join(dir, "rows.csv");
    const lines: string[] = ["c,ms,amount"];
    const { customer, at } = ledger.purchases;
    const { amountUnits } = ledger.purchases;
    const scale = 10 ** ledger.moneyScale;
    for (let k = 0; k < ledger.purchases.count; k++) lines.push(`${customer[k]},${at[k]},${(amountUnits[k]! / scale).toFixed(ledger.moneyScale)}`);
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE rows AS SELECT c::INTEGER AS c, epoch_ms(ms::BIGINT) AS ts, amount::DECIMAL(18, 2) AS amount FROM read_csv('${csv}', header = true, columns = {'c': 'VARCHAR', 'ms': 'VARCHAR', 'amount': 'VARCHAR'})`);
    const { medianMs: median, answer: row } = await measureQuery("DuckDB SQL, the same figures (in process)", async () => (await connection.runAndReadAll(SQL)).getRows()[0]!, runs);
    console.log(`ours ÷ DuckDB (medians): ${(ours.medianMs / median).toFixed(2)}× (ours also does the valuation's Decimal arithmetic)`);
    const result = customerEquity(ledger, options);
    const future = result.future as FutureEquity;
    const firstYearRevenue = future.firstYearClv.times(future.firstYearCustomers);
    const pairs: [string, string, string][] = [
      ["last year's revenue", result.current.yearlyMargin!.toFixed(2), Number(String(row[0])).toFixed(2)],
      ["last year's customers", String(result.current.customers), String(row[1])],
      ["acquired in 2 years", String(future.acquisitionsPerYear * 2), String(row[2])],
      ["first-year customers", String(future.firstYearCustomers), String(row[3])],
      ["first-year revenue", firstYearRevenue.toFixed(2), Number(String(row[4])).toFixed(2)],
    ];
    const mismatches = pairs.filter(([, a, b]) => a !== b);
    console.log(`same figures as DuckDB: ${mismatches.length === 0 ? `yes (${pairs.map(([name, a]) => `${name} ${a}`).join(", ")})` : `NO: ${mismatches.map(([n, a, b]) => `${n}: ours ${a}, DuckDB ${b}`).join("; ")}`}`);
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await duckdb();
