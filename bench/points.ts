import { DuckDBInstance } from "@duckdb/node-api";
import { breakage, createLedger, pointsLedger } from "../src/index";
import { generatePoints } from "./generatePoints";
import { measure, measureCpu } from "./harness";

/**
 * `pointsLedger` and `breakage` (monthly cohorts) on a ready ledger of 1M generated points
 * events over 100k customers (targets 200 ms each, issue 15). Beside them, DuckDB
 * (@duckdb/node-api, in memory, table loaded before timing) computes what both rest on, earned,
 * redeemed and expired points per earning month with FIFO matching, as SQL: each earning is the
 * range of a customer's running total of points earned, each redemption or expiry the range of
 * its running total of points used (at one instant, expiries before redemptions), and a use
 * takes from the earnings its range overlaps. The per-cohort figures are compared.
 * Run: npx tsx bench/points.ts [events=1000000] [runs=7]
 */
const events = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 7);
const data = generatePoints(events, events / 10);
const ledger = createLedger({ events: data });
const last = ledger.events.at[ledger.events.count - 1]!;
const asOf = Math.floor(last / 86_400_000) * 86_400_000 + 86_400_000;
console.log(`ledger: ${ledger.events.count.toLocaleString("en-US")} points events, ${ledger.customerIds.length.toLocaleString("en-US")} customers (machine shared with other work: read medians)`);

const ledgerCall = () => pointsLedger(ledger, { asOf, pointValue: "0.01", expiry: { months: 12 } });
const breakageCall = () => breakage(ledger, { cohort: "month", asOf });
measure("pointsLedger, expiry 12 months (1M events)", ledgerCall, { runs, targetMs: 200 });
const ours = measure("breakage, monthly cohorts (1M events)", breakageCall, { runs, targetMs: 200 });

measureCpu("pointsLedger", ledgerCall, runs);
measureCpu("breakage", breakageCall, runs);
const result = breakage(ledger, { cohort: "month", asOf });

const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
await db.run("CREATE TABLE events (customer VARCHAR, ts BIGINT, type VARCHAR, points BIGINT)");
const appender = await db.createAppender("events");
for (let k = 0; k < data.at.length; k++) {
  appender.appendVarchar(data.customerId[k]!);
  appender.appendBigInt(BigInt(data.at[k]!));
  appender.appendVarchar(data.type[k]!);
  appender.appendBigInt(BigInt(data.points[k]!));
  appender.endRow();
}
appender.closeSync();
const sql = `
WITH ev AS (SELECT *, row_number() OVER () AS id FROM events WHERE ts < ${asOf}),
lots AS (SELECT customer, strftime(date_trunc('month', epoch_ms(ts)), '%Y-%m') AS cohort, points,
         sum(points) OVER (PARTITION BY customer ORDER BY ts, id ROWS UNBOUNDED PRECEDING) AS hi
         FROM ev WHERE type = 'points_earned'),
uses AS (SELECT customer, type, points,
         sum(points) OVER (PARTITION BY customer ORDER BY ts, type = 'points_redeemed', id ROWS UNBOUNDED PRECEDING) AS hi
         FROM ev WHERE type <> 'points_earned'),
taken AS (SELECT l.cohort, u.type, least(l.hi, u.hi) - greatest(l.hi - l.points, u.hi - u.points) AS n
          FROM lots l JOIN uses u ON u.customer = l.customer AND u.hi - u.points < l.hi AND l.hi - l.points < u.hi),
earned AS (SELECT cohort, sum(points) AS earned FROM lots GROUP BY cohort),
used AS (SELECT cohort, sum(n) FILTER (WHERE type = 'points_redeemed') AS redeemed, sum(n) FILTER (WHERE type = 'points_expired') AS expired FROM taken GROUP BY cohort)
SELECT e.cohort, e.earned, coalesce(redeemed, 0), coalesce(expired, 0) FROM earned e LEFT JOIN used USING (cohort) ORDER BY e.cohort`;
let duckRows: string[] = [];
const duckTimes: number[] = [];
for (let i = 0; i <= runs; i++) {
  const started = performance.now();
  const rows = await (await db.run(sql)).getRows();
  const ms = performance.now() - started;
  if (i > 0) duckTimes.push(ms);
  duckRows = rows.map((row) => row.map(String).join(" "));
}
duckTimes.sort((a, b) => a - b);
const duckMedian = duckTimes[Math.floor(duckTimes.length / 2)]!;
console.log(`${"DuckDB SQL, FIFO earned/redeemed/expired per cohort".padEnd(48)} median ${duckMedian.toFixed(1).padStart(8)} ms  min ${duckTimes[0]!.toFixed(1)}  max ${duckTimes[duckTimes.length - 1]!.toFixed(1)}  n=${runs}`);
console.log(`ratio breakage / DuckDB (medians): ${(ours.medianMs / duckMedian).toFixed(2)}`);
const ourRows = result.cohorts.map((c) => `${c.cohort} ${c.earned} ${c.redeemed} ${c.expired}`);
console.log(`per-cohort earned/redeemed/expired (${ourRows.length} cohorts): ${ourRows.join("|") === duckRows.join("|") ? "agree" : "DIFFER"}`);
