import { spawnSync } from "node:child_process";

/**
 * Issue 16's benchmarks in one command, each script in a process of its own:
 * - `bench/holdout.ts`: `evaluateHoldout` on 100k+ customers (target 300 ms), `compareModels`,
 *   beside DuckDB computing the same six figures from the same columns;
 * - `bench/tracking.ts`: `trackingSeries` on a 1M-purchase ledger over 156 weeks (target 500 ms),
 *   beside DuckDB counting the same weekly repeats, and the report's Model fit section;
 * - `bench/charts.ts`: each matrix chart on a 40 × 40 grid (target 100 ms), beside the same
 *   BG/NBD grids in numpy + scipy where python3 has them.
 * Run: npx tsx bench/diagnostics.ts
 */
const scripts = ["bench/holdout.ts", "bench/tracking.ts", "bench/charts.ts"];
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit" });
  if (status !== 0) process.exitCode = status ?? 1;
}
