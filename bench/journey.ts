import { spawnSync } from "node:child_process";
import { DuckDBInstance } from "@duckdb/node-api";
import { createLedger, funnel, repeatConversion } from "../src/index";
import { generateJourney } from "./generateJourney";
import { measure, measureCpu } from "./harness";

/**
 * Funnels and repeat conversion on a ready ledger of 1M generated events (100k customers, plus
 * the orders they lead to): `funnel` with 4 steps (signup → view → cart → order, within 30
 * days; target 150 ms, issue 14) and `repeatConversion` (30/60/90 days). Beside it, the same
 * funnel as a DuckDB SQL query (@duckdb/node-api, in memory, tables loaded before timing): with
 * one type per step no row can fill two steps, so chained minimums are the same funnel; the
 * step counts are compared. Wall times are followed by the CPU time of this process per call,
 * which other work on a shared machine inflates less. Then, each in a process of its own (its own
 * ledger and engine state), `bench/lifecycle.ts` (`lifecycle` monthly over 3 years, target 100 ms,
 * beside DuckDB) and `bench/followUps.ts` (`followUps`, target 150 ms), so one command times the
 * three targets of issue 14. Run: npx tsx bench/journey.ts [events=1000000] [runs=7]
 */
const events = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 7);
const DAY_MS = 86_400_000;
const data = generateJourney(events, events / 10);
const ledger = createLedger({ events: data.events, purchases: data.purchases });
console.log(`ledger: ${ledger.events.count.toLocaleString("en-US")} events, ${ledger.purchases.count.toLocaleString("en-US")} purchases, ${ledger.customerIds.length.toLocaleString("en-US")} customers`);
const options = { steps: ["signup", "view", "cart", "order"], within: { days: 30 } };

const ours = measure("funnel, 4 steps, within 30 days (1M events)", () => funnel(ledger, options), { runs, targetMs: 150 });
measure("repeatConversion, 30/60/90 days", () => repeatConversion(ledger), { runs });

measureCpu("funnel", () => funnel(ledger, options), runs);
measureCpu("repeatConversion", () => repeatConversion(ledger), runs);
const result = funnel(ledger, options);

const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
await db.run("CREATE TABLE events (customer VARCHAR, ts BIGINT, type VARCHAR)");
await db.run("CREATE TABLE orders (customer VARCHAR, ts BIGINT)");
const load = async (table: string, columns: (readonly (string | number)[])[]) => {
  const appender = await db.createAppender(table);
  for (let k = 0; k < columns[0]!.length; k++) {
    for (const column of columns) {
      const value = column[k]!;
      if (typeof value === "string") appender.appendVarchar(value);
      else appender.appendBigInt(BigInt(value));
    }
    appender.endRow();
  }
  appender.closeSync();
};
await load("events", [data.events.customerId, data.events.at, data.events.type]);
await load("orders", [data.purchases.customerId, data.purchases.at]);
const sql = `
WITH s1 AS (SELECT customer, min(ts) AS t1 FROM events WHERE type = 'signup' GROUP BY customer),
s2 AS (SELECT s1.customer, t1, min(e.ts) AS t2 FROM s1 JOIN events e ON e.customer = s1.customer AND e.type = 'view' AND e.ts >= t1 AND e.ts < t1 + ${30 * DAY_MS} GROUP BY ALL),
s3 AS (SELECT s2.customer, t1, min(e.ts) AS t3 FROM s2 JOIN events e ON e.customer = s2.customer AND e.type = 'cart' AND e.ts >= t2 AND e.ts < t1 + ${30 * DAY_MS} GROUP BY ALL),
s4 AS (SELECT s3.customer FROM s3 JOIN orders o ON o.customer = s3.customer AND o.ts >= t3 AND o.ts < t1 + ${30 * DAY_MS} GROUP BY ALL)
SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3), (SELECT count(*) FROM s4)`;
let duckCounts: number[] = [];
const duckTimes: number[] = [];
for (let i = 0; i <= runs; i++) {
  const started = performance.now();
  const rows = (await (await db.run(sql)).getRows())[0]!;
  const ms = performance.now() - started;
  if (i > 0) duckTimes.push(ms);
  duckCounts = rows.map((v) => Number(v));
}
duckTimes.sort((a, b) => a - b);
const duckMedian = duckTimes[Math.floor(duckTimes.length / 2)]!;
console.log(`${"DuckDB SQL, the same funnel (tables in memory)".padEnd(48)} median ${duckMedian.toFixed(1).padStart(8)} ms  min ${duckTimes[0]!.toFixed(1)}  max ${duckTimes[duckTimes.length - 1]!.toFixed(1)}  n=${runs}`);
console.log(`ratio funnel / DuckDB (medians): ${(ours.medianMs / duckMedian).toFixed(2)}`);
const ourCounts = result.steps.map((s) => s.customers);
console.log(`step counts: ours ${ourCounts.join(", ")}; DuckDB ${duckCounts.join(", ")}: ${ourCounts.join() === duckCounts.join() ? "agree" : "DIFFER"}`);

for (const script of ["bench/lifecycle.ts", "bench/followUps.ts"]) {
  console.log(`\n${script}:`);
  spawnSync(process.execPath, ["--import", "tsx", script, ...(script.endsWith("lifecycle.ts") ? [String(runs)] : [])], { stdio: "inherit" });
}
