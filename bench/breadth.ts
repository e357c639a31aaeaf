/**
 * Benchmark of `categoryBreadth` (issue 15): the whole history of a ready ledger of 1,000,000
 * generated purchases (`generatePurchases`, seed 42, 2022-01-01 + 730 days, about 100,000
 * customers), each given one of 12 categories with skewed weights (seeded), built outside the
 * timed part. Target: median ≤ 200 ms. The ledger build with and without the category column
 * is timed for information (what the optional column costs), and so is `shareOfWallet` with an
 * estimate for every customer.
 *
 * Side by side: DuckDB (@duckdb/node-api, in process) computes the same figures in SQL over a
 * table of the same rows (customer index, timestamp, amount units, category), loaded before
 * timing: the categories-per-customer distribution, each category's customers, and the
 * next-category pairs (a category's first time for the customer, dense-ranked: rank 1 is the
 * first instant, rank 2 the next instant that brought a new category). The script prints both
 * medians, the ratio, and whether every figure agrees. Run with `npx tsx bench/breadth.ts [runs=7]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { categoryBreadth, createLedger, shareOfWallet, type Ledger } from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { measure, measureQuery } from "./harness";

const runs = Number(process.argv[2] ?? 7);
const CATEGORIES = ["apparel", "bags", "beauty", "books", "garden", "grocery", "hats", "home", "shoes", "socks", "sports", "toys"];
const rows = generatePurchases({ purchases: 1_000_000, start: "2022-01-01T00:00:00Z", days: 730 });
const random = seededRandom(7);
const columns = {
  customerId: rows.map((row) => row.customerId),
  at: rows.map((row) => row.at as string),
  amount: rows.map((row) => row.amount as string),
  // Skewed: category i is drawn with weight ∝ 1 / (i + 1).
  category: rows.map(() => CATEGORIES[Math.min(CATEGORIES.length - 1, Math.floor(CATEGORIES.length * random() ** 2))]!),
};
measure("createLedger from columns, no category (1M)", () => createLedger({ purchases: { customerId: columns.customerId, at: columns.at, amount: columns.amount } }), { runs: 3 });
measure("createLedger from columns, with category (1M)", () => createLedger({ purchases: columns }), { runs: 3 });
const ledger = createLedger({ purchases: columns });
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers, ${ledger.purchases.categoryNames.length} categories`);

const ours = measure("categoryBreadth, whole history (1M)", () => categoryBreadth(ledger), { runs, targetMs: 200 });
const wallet = new Map(ledger.customerIds.map((id, c) => [id, String(500 + (c % 1000))]));
measure("shareOfWallet, a Map estimate for every customer (1M)", () => shareOfWallet(ledger, { wallet }), { runs: 3 });

const SQL = {
  distribution: `WITH firsts AS (SELECT c, cat, min(ts) AS t FROM p WHERE units >= 0 GROUP BY c, cat)
    SELECT n, count(*) FROM (SELECT c, count(*) AS n FROM firsts GROUP BY c) GROUP BY n ORDER BY n`,
  penetration: `SELECT cat, count(DISTINCT c) FROM p WHERE units >= 0 GROUP BY cat ORDER BY cat`,
  next: `WITH firsts AS (SELECT c, cat, min(ts) AS t FROM p WHERE units >= 0 GROUP BY c, cat),
    ranked AS (SELECT c, cat, dense_rank() OVER (PARTITION BY c ORDER BY t) AS r FROM firsts)
    SELECT a.cat, b.cat, count(*) FROM ranked a JOIN ranked b ON a.c = b.c AND a.r = 1 AND b.r = 2 GROUP BY ALL ORDER BY 1, 2`,
};

/** The figures both sides give, as text keyed lines. */
function ourFigures(of: Ledger): string[] {
  const result = categoryBreadth(of);
  return [
    ...result.distribution.map((row) => `distribution ${row.categories}: ${row.customers}`),
    ...result.categories.map((row) => `customers ${row.category}: ${row.customers}`),
    ...result.nextCategory.map((cell) => `next ${cell.from} > ${cell.to}: ${cell.customers}`),
  ];
}

async function duckdb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "breadth-bench-"));
  try {
    const csv = join(dir, "purchases.csv");
    const { customer, at, amountUnits, category, categoryNames } = ledger.purchases;
    const lines: string[] = ["c,ms,units,cat"];
    for (let k = 0; k < ledger.purchases.count; k++) lines.push(`${customer[k]},${at[k]},${amountUnits[k]},${categoryNames[category![k]! - 1]}`);
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE p AS SELECT c::INTEGER AS c, epoch_ms(ms::BIGINT) AS ts, units::BIGINT AS units, cat FROM read_csv('${csv}', header = true, columns = {'c': 'VARCHAR', 'ms': 'VARCHAR', 'units': 'VARCHAR', 'cat': 'VARCHAR'})`);
    const sequential = async () => [
      (await connection.runAndReadAll(SQL.distribution)).getRows(),
      (await connection.runAndReadAll(SQL.penetration)).getRows(),
      (await connection.runAndReadAll(SQL.next)).getRows(),
    ];
    const { medianMs: median, answer } = await measureQuery("DuckDB SQL, same figures (in process)", sequential, runs);
    console.log(`ours ÷ DuckDB (medians): ${(ours.medianMs / median).toFixed(2)}×`);
    const [distribution, penetration, next] = answer as [unknown[][], unknown[][], unknown[][]];
    const theirs = [
      ...distribution.map(([n, count]) => `distribution ${String(n)}: ${String(count)}`),
      ...penetration.map(([cat, count]) => `customers ${String(cat)}: ${String(count)}`),
      ...next.map(([from, to, count]) => `next ${String(from)} > ${String(to)}: ${String(count)}`),
    ];
    const mine = ourFigures(ledger);
    const differ = mine.filter((line, i) => theirs[i] !== line);
    const same = differ.length === 0 && mine.length === theirs.length;
    console.log(`same figures as DuckDB: ${same ? `yes (${mine.length} figures: distribution, customers per category, next-category pairs)` : `NO: ${differ.slice(0, 5).join("; ")} (${mine.length} vs ${theirs.length})`}`);
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await duckdb();
