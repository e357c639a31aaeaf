/**
 * Benchmark of the matrix charts (issue 16): `frequencyRecencyChart` and
 * `probabilityAliveMatrixChart` on a 40 × 40 grid (frequency 0–39 × recency 0–39, T = 39
 * weeks, t = 1), BG/NBD and Pareto/NBD fitted on CDNOW; target ≤ 100 ms each (median).
 * Also times the other model charts on CDNOW for reference.
 *
 * Peer: the same BG/NBD grids in numpy + scipy (`bench/peers/bgnbd_grid.py`, vectorised with
 * scipy.special.hyp2f1, as lifetimes' plots compute them), run when python3 has numpy and
 * scipy; every cell is checked to agree to 1e-9 (relative). DuckDB is not a peer here: SQL has
 * no Gauss hypergeometric function, so the grid is not something one would write in it.
 * Usage: npx tsx bench/charts.ts
 */
import { spawnSync } from "node:child_process";
import { cdnowSummaryRows } from "../test/clv/cdnowFixtures";
import {
  fitBgNbd,
  fitParetoNbd,
  frequencyRecencyChart,
  periodTransactionsChart,
  probabilityAliveMatrixChart,
} from "../src/index";
import { measure } from "./harness";

const SIDE = 40;
const GRID = { maxFrequency: SIDE - 1, maxRecency: SIDE - 1, T: SIDE - 1 };
const rows = cdnowSummaryRows();
const bgNbd = fitBgNbd(rows, { timeUnit: "week" });
const paretoNbd = fitParetoNbd(rows, { timeUnit: "week" });

console.log(`Matrix charts, ${SIDE} × ${SIDE} grid (CDNOW fits, weeks); the machine may be shared, medians of 15 runs:`);
const results = [
  measure("frequencyRecencyChart, BG/NBD", () => frequencyRecencyChart(bgNbd, { ...GRID, t: 1 }), { runs: 15, warmup: 3, targetMs: 100 }),
  measure("probabilityAliveMatrixChart, BG/NBD", () => probabilityAliveMatrixChart(bgNbd, GRID), { runs: 15, warmup: 3, targetMs: 100 }),
  measure("frequencyRecencyChart, Pareto/NBD", () => frequencyRecencyChart(paretoNbd, { ...GRID, t: 1 }), { runs: 15, warmup: 3, targetMs: 100 }),
  measure("probabilityAliveMatrixChart, Pareto/NBD", () => probabilityAliveMatrixChart(paretoNbd, GRID), { runs: 15, warmup: 3, targetMs: 100 }),
];
console.log("For reference:");
measure("frequencyRecencyChart, BG/NBD, 201 × 201 (the largest)", () => frequencyRecencyChart(bgNbd, { maxFrequency: 200, maxRecency: 200, t: 1 }), { runs: 7 });
measure("periodTransactionsChart, BG/NBD, 2,357 customers", () => periodTransactionsChart(bgNbd, rows), { runs: 7 });

const python = ["python3", "python"].find((p) => spawnSync(p, ["-c", "import numpy, scipy"], { stdio: "ignore" }).status === 0);
if (python === undefined) {
  console.log("Peer: skipped (no python3 with numpy and scipy on this machine).");
} else {
  const { r, alpha, a, b } = bgNbd.params;
  const run = spawnSync(python, ["bench/peers/bgnbd_grid.py", ...[r, alpha, a, b, GRID.maxFrequency, GRID.maxRecency, GRID.T, 1, 15].map(String)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the numpy/scipy peer failed: ${run.stderr}`);
  const peer = JSON.parse(run.stdout) as { expectedMs: number; aliveMs: number; expected: number[][]; alive: number[][] };
  let worst = 0;
  for (const [spec, grid] of [[frequencyRecencyChart(bgNbd, { ...GRID, t: 1 }), peer.expected], [probabilityAliveMatrixChart(bgNbd, GRID), peer.alive]] as const) {
    for (const cell of spec.data.values as { frequency: number; recency: number; value: number }[]) {
      const theirs = grid[cell.frequency]![cell.recency]!;
      worst = Math.max(worst, Math.abs(cell.value - theirs) / Math.max(1e-300, Math.abs(theirs)));
    }
  }
  console.log(`Peer numpy + scipy (${python}), the same BG/NBD grids (numbers only, no chart spec):`);
  console.log(`  expected purchases grid  median ${peer.expectedMs.toFixed(2)} ms   P(alive) grid  median ${peer.aliveMs.toFixed(2)} ms`);
  console.log(`  largest relative difference over the ${SIDE * SIDE - (SIDE - 1)} drawn cells of both grids: ${worst.toExponential(2)} (${worst <= 1e-9 ? "agree" : "DISAGREE"})`);
  if (worst > 1e-9) process.exitCode = 1;
}
if (results.some((m) => m.medianMs > 100)) process.exitCode = 1;
