import { spawnSync } from "node:child_process";

/**
 * Issue 15's benchmarks in one command, each script in a process of its own (its own ledger
 * and engine state), each beside DuckDB computing the same figures in SQL:
 * - `bench/points.ts`: `pointsLedger` and `breakage` on 1M points events (targets 200 ms each);
 * - `bench/programRoi.ts`: `programRoi` on a 1M-purchase ledger (target 300 ms), and `retentionSpend`;
 * - `bench/breadth.ts`: `categoryBreadth` on 1M purchases with categories (target 200 ms), and `shareOfWallet`;
 * - `bench/equity.ts`: `customerEquity` on 1M purchases, and `compareToBenchmarks`.
 * Run: npx tsx bench/programs.ts [runs=7]
 */
const runs = process.argv[2] ?? "7";
const scripts: [string, string[]][] = [
  ["bench/points.ts", ["1000000", runs]],
  ["bench/programRoi.ts", [runs]],
  ["bench/breadth.ts", [runs]],
  ["bench/equity.ts", [runs]],
];
for (const [script, args] of scripts) {
  console.log(`\n== ${script}`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { stdio: "inherit" });
  if (status !== 0) process.exitCode = status ?? 1;
}
