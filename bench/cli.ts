/**
 * End-to-end benchmark of `retention-metrics report` on a generated 1M-row CSV (target:
 * under 10 s), timed with `/usr/bin/time -v` for wall time and peak memory (maximum
 * resident set size). Run: `npx tsx bench/cli.ts [rows] [runs] [extra report flags...]`,
 * e.g. `npx tsx bench/cli.ts 1000000 5 --skip predictedClv`. Not run in CI.
 * It also times the same command on the bundled 0.2 MB CDNOW sample: that peak is the fixed
 * cost of Node.js and the loaded code, so the difference is what the data itself needs.
 * Times the built binary, as users run it: `npm run build` first. Needs GNU time
 * (`apt-get install -y time`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { generatePurchases } from "./generate";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const extra = process.argv.slice(4);
const dir = new URL("./results/", import.meta.url).pathname;
const file = `${dir}purchases-${rows}.csv`;

if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  const lines = ["customerId,at,amount"];
  for (const p of generatePurchases({ purchases: rows, seed: 7 })) lines.push(`${p.customerId},${String(p.at)},${String(p.amount)}`);
  writeFileSync(file, `${lines.join("\n")}\n`);
}
console.log(`${file}: ${rows.toLocaleString("en-US")} rows, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
execFileSync("/usr/bin/time", ["--version"], { stdio: "ignore" });

/** Wall seconds and peak RSS (MiB) of one `report` run on `input`. */
function run(input: string): { seconds: number; rssMiB: number } {
  const result = spawnSync("/usr/bin/time", ["-v", process.execPath, "dist/cli.js", "report", "--purchases", input, "--format", "json", "--out", "/dev/null", ...extra], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`run failed (${String(result.status)}): ${result.stderr}`);
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (elapsed === null || maxRss === null) throw new Error(`cannot read /usr/bin/time output:\n${result.stderr}`);
  return { seconds: Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]), rssMiB: Number(maxRss[1]) / 1024 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const { seconds, rssMiB } = run(file);
  wall.push(seconds);
  rss.push(rssMiB);
  console.log(`run ${i + 1}: ${seconds.toFixed(2)} s, peak RSS ${rssMiB.toFixed(0)} MiB`);
}
const baseline = median([0, 1, 2].map(() => run("examples/data/cdnow-sample.csv").rssMiB));
const fileMiB = statSync(file).size / 2 ** 20;
const verdict = median(wall) <= 10 ? "met" : "MISSED";
console.log(`retention-metrics report ${extra.join(" ")}, ${rows.toLocaleString("en-US")} rows: median ${median(wall).toFixed(2)} s (target 10 s: ${verdict}), median peak RSS ${median(rss).toFixed(0)} MiB, max ${Math.max(...rss).toFixed(0)} MiB`);
console.log(`fixed cost (same command on the bundled sample): ${baseline.toFixed(0)} MiB; the data needs ${(median(rss) - baseline).toFixed(0)} MiB more, ${((median(rss) - baseline) / fileMiB).toFixed(1)}× the ${fileMiB.toFixed(1)} MiB file (${(median(rss) / fileMiB).toFixed(1)}× in all)`);
