/**
 * Checks the built CLI's `report`, whose model fits run in a worker thread (dist/cli-fit-worker.js,
 * see src/cli/fitThread.ts): its JSON must equal `kpiReport`'s, which fits in its own thread,
 * on the CDNOW sample (with and without a penalizer, in weeks and in days) and on data where
 * no customer bought twice. Run after `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

const { kpiReport } = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof import("../src/index");
const { readLedger } = (await import(new URL("../dist/node.js", import.meta.url).href)) as typeof import("../src/node");

if (!existsSync("dist/cli-fit-worker.js")) {
  console.log("FAIL dist/cli-fit-worker.js is not built: the CLI would fit in its own thread");
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), "fit-worker-"));
const onceEach = join(scratch, "once-each.csv");
writeFileSync(onceEach, "customerId,at,amount\na,2024-01-05,10\nb,2024-02-05,12\nc,2024-03-05,9\n");
const cases: { file: string; penalizer?: number; timeUnit: "week" | "day" }[] = [
  { file: "examples/data/cdnow-sample.csv", timeUnit: "week" },
  { file: "examples/data/cdnow-sample.csv", penalizer: 0.001, timeUnit: "week" },
  { file: "examples/data/cdnow-sample.csv", penalizer: 0.001, timeUnit: "day" },
  { file: onceEach, timeUnit: "week" },
];
let failed = false;
for (const { file, penalizer, timeUnit } of cases) {
  const flags = ["--purchases", file, "--time-unit", timeUnit, "--format", "json", ...(penalizer === undefined ? [] : ["--penalizer", String(penalizer)])];
  const fromCli: unknown = JSON.parse(execFileSync(process.execPath, ["dist/cli.js", "report", ...flags], { encoding: "utf8" }));
  const ledger = await readLedger({ purchases: file });
  const inProcess: unknown = JSON.parse(JSON.stringify(kpiReport(ledger, { timeUnit, ...(penalizer === undefined ? {} : { penalizer }) })));
  const name = `report ${flags.join(" ")}`;
  if (isDeepStrictEqual(fromCli, inProcess)) console.log(`ok   ${name}: the worker thread's fits give kpiReport's report`);
  else {
    console.log(`FAIL ${name}: the CLI's report differs from kpiReport's`);
    failed = true;
  }
}
rmSync(scratch, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
