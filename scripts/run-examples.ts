/**
 * Runs every script in examples/ against the built package (they import
 * "retention-metrics", which resolves to dist/ through the package's own exports).
 * Fails when one exits non-zero. Its last line totals these runs with vitest's results
 * (test-artifacts/vitest.json, written by `npm run test:unit`), as `npm test`'s summary.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";

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
console.log(`examples: ${scripts.length - failed} passed, ${failed} failed`);
const vitestResults = "test-artifacts/vitest.json";
if (existsSync(vitestResults)) {
  const unit = JSON.parse(readFileSync(vitestResults, "utf8")) as { numPassedTests: number; numFailedTests: number };
  console.log(`tests: ${unit.numPassedTests + scripts.length - failed} passed, ${unit.numFailedTests + failed} failed`);
}
process.exit(failed === 0 ? 0 : 1);
