/**
 * Runs every script in examples/ against the built package (they import
 * "retention-metrics", which resolves to dist/ through the package's own exports), and every
 * notebook there (with nbconvert and Deno's kernel where Jupyter is installed, else its code
 * cells as a script; see scripts/notebook/runNotebook.ts). Fails when one exits non-zero. Its last line totals these runs with vitest's results
 * (test-artifacts/vitest.json, written by `npm run test:unit`), as `npm test`'s summary.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { runNotebook } from "./notebook/runNotebook";

const scripts = readdirSync("examples").filter((name) => name.endsWith(".ts")).sort();
let failed = 0;
for (const script of scripts) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", `examples/${script}`], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, TSX_TSCONFIG_PATH: "scripts/tsconfig.dist.json" },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) console.log(`ok   examples/${script} (${seconds} s)`);
  else {
    failed++;
    console.log(`FAIL examples/${script} (exit ${run.status})\n${run.stderr}`);
  }
}
const notebooks = readdirSync("examples").filter((name) => name.endsWith(".ipynb")).sort();
for (const notebook of notebooks) {
  const started = performance.now();
  const run = runNotebook(`examples/${notebook}`, ".");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.problem === null) console.log(`ok   examples/${notebook} (${run.how}, ${seconds} s)`);
  else {
    failed++;
    console.log(`FAIL examples/${notebook} (${run.how})\n${run.problem}`);
  }
}
const total = scripts.length + notebooks.length;
console.log(`examples: ${total - failed} passed, ${failed} failed`);
const vitestResults = "test-artifacts/vitest.json";
if (existsSync(vitestResults)) {
  const unit = JSON.parse(readFileSync(vitestResults, "utf8")) as { numPassedTests: number; numFailedTests: number };
  console.log(`tests: ${unit.numPassedTests + total - failed} passed, ${unit.numFailedTests + failed} failed`);
}
process.exit(failed === 0 ? 0 : 1);
