/**
 * Benchmark of `programRoi` (issue 15): the ROI of a program over the first half of 2024 on a
 * ready ledger of 1,000,000 generated purchases (`generatePurchases`, seed 42, 2022-01-01 +
 * 1,095 days), with a `program_join` event for a seeded ~30% of the customers and one cost row
 * per member per month of the period (the ledger is built outside the timed part).
 * Target: median ≤ 300 ms. `retentionSpend` by program over the same period is timed for information.
 *
 * Side by side: DuckDB (@duckdb/node-api, in process) computes the matched comparison in SQL
 * (strata of first-order month × pre-period spend decile, each side's retention and margin per
 * customer, the baseline weighted to the members' strata) over tables of the same orders and
 * members, loaded before timing as our ledger is. The script prints both medians, the ratio, and
 * whether the four figures agree. Run with `npx tsx bench/programRoi.ts [runs=7]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createLedger, programRoi, retentionSpend, type Cost, type CustomerEvent } from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { measure, measureQuery } from "./harness";

const runs = Number(process.argv[2] ?? 7);
const purchases = generatePurchases({ purchases: 1_000_000, start: "2022-01-01T00:00:00Z", days: 1095 });
const ids = [...new Set(purchases.map((p) => p.customerId))].sort();
const random = seededRandom(7);
const memberIds = ids.filter(() => random() < 0.3);
const events: CustomerEvent[] = memberIds.map((customerId) => ({ customerId, at: "2023-12-20", type: "program_join" }));
const costs: Cost[] = memberIds.flatMap((customerId) => [0, 1, 2, 3, 4, 5].map((m) => ({ customerId, at: Date.UTC(2024, m, 1), amount: "0.85", program: "club" })));
const ledger = createLedger({ purchases, events, costs });
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers, ${memberIds.length} members, ${ledger.costs.count} costs`);

const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2024, 6, 1);
const PRE = START - (END - START);
const options = { start: START, end: END, program: "club", margin: "0.3" } as const;
const ours = measure("programRoi, matched baseline (1M)", () => programRoi(ledger, options), { runs, targetMs: 300 });
measure("retentionSpend by program (1M)", () => retentionSpend(ledger, { start: START, end: END, by: "program", margin: "0.3" }), { runs });

// The matched comparison in SQL. Active at the end = an order in [END − (END − START), END) = the period.
const SQL = `
WITH firsts AS (SELECT c, min(ts) AS f FROM orders WHERE ts < epoch_ms(${START}) GROUP BY c),
pre AS (SELECT c, sum(units) AS pre FROM orders WHERE ts >= epoch_ms(${PRE}) AND ts < epoch_ms(${START}) GROUP BY c),
eligible AS (SELECT c, year(f) * 12 + month(f) AS fm, coalesce(pre, 0) AS pre FROM firsts LEFT JOIN pre USING (c)),
ranked AS (SELECT c, fm, floor(10 * (rank() OVER (ORDER BY pre) - 1) / count(*) OVER ()) AS d FROM eligible),
period AS (SELECT c, sum(units) AS rev FROM orders WHERE ts >= epoch_ms(${START}) AND ts < epoch_ms(${END}) GROUP BY c),
cust AS (
  SELECT r.fm, r.d, m.c IS NOT NULL AS member, coalesce(p.rev, 0) AS rev, p.c IS NOT NULL AS retained
  FROM ranked r LEFT JOIN members m USING (c) LEFT JOIN period p USING (c)
),
strata AS (
  SELECT count(*) FILTER (WHERE member) AS nt, count(*) FILTER (WHERE NOT member) AS nc,
    count(*) FILTER (WHERE member AND retained) AS kt, count(*) FILTER (WHERE NOT member AND retained) AS kc,
    coalesce(sum(rev) FILTER (WHERE member), 0) AS rt, coalesce(sum(rev) FILTER (WHERE NOT member), 0) AS rc
  FROM cust GROUP BY fm, d HAVING nt > 0 AND nc > 0
)
SELECT sum(kt) / sum(nt) AS member_retention, sum(nt * kc / nc) / sum(nt) AS baseline_retention,
  0.3 * sum(rt) / sum(nt) / 100 AS member_margin, 0.3 * sum(nt * rc / nc) / sum(nt) / 100 AS baseline_margin
FROM strata`;

async function duckdb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "program-roi-bench-"));
  try {
    const orders = join(dir, "orders.csv");
    const lines: string[] = ["c,ms,units"];
    const { customer, at, amountUnits } = ledger.purchases;
    for (let k = 0; k < ledger.purchases.count; k++) lines.push(`${customer[k]},${at[k]},${amountUnits[k]}`);
    writeFileSync(orders, `${lines.join("\n")}\n`);
    const members = join(dir, "members.csv");
    writeFileSync(members, `c\n${memberIds.map((id) => ledger.customerIndex.get(id)).join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE orders AS SELECT c::INTEGER AS c, epoch_ms(ms::BIGINT) AS ts, units::BIGINT AS units FROM read_csv('${orders}', header = true, columns = {'c': 'VARCHAR', 'ms': 'VARCHAR', 'units': 'VARCHAR'})`);
    await connection.run(`CREATE TABLE members AS SELECT c::INTEGER AS c FROM read_csv('${members}', header = true, columns = {'c': 'VARCHAR'})`);
    const { medianMs: median, answer: row } = await measureQuery("DuckDB SQL, same matched comparison", async () => (await connection.runAndReadAll(SQL)).getRows()[0]!, runs);
    console.log(`ours ÷ DuckDB (medians): ${(ours.medianMs / median).toFixed(2)}×`);
    const result = programRoi(ledger, options);
    const figures: [string, number | null, number][] = [
      ["member retention", result.members.retention, Number(row[0])],
      ["baseline retention", result.baseline.retention, Number(row[1])],
      ["member margin per customer", result.members.marginPerCustomer?.toNumber() ?? null, Number(row[2])],
      ["baseline margin per customer", result.baseline.marginPerCustomer?.toNumber() ?? null, Number(row[3])],
    ];
    const mismatches = figures.filter(([, a, b]) => a === null || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b)));
    console.log(figures.map(([name, a]) => `${name} ${a?.toFixed(6)}`).join(", "));
    console.log(`same figures as DuckDB: ${mismatches.length === 0 ? "yes (4 of 4, to 1e-9)" : `NO: ${mismatches.map(([name, a, b]) => `${name} ours ${a}, DuckDB ${b}`).join("; ")}`}`);
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await duckdb();
