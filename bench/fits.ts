/**
 * The report's two fits on the report's data (`npx tsx bench/fits.ts [runs] [penalizer] [other src dir]`):
 * the weekly customer summary of the generated 1M-purchase ledger (seed 7, as `bench/cli.ts`
 * writes it, asOf its latest purchase, as `kpiReport` takes it), cached in /tmp as columns,
 * then `fitBgNbdColumns` and `fitGammaGammaColumns` as the report calls them. With a third
 * argument (another checkout's `src`, e.g. of the base commit) it runs both versions in
 * alternation, one run each in turn, and prints both medians and their ratio.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLedger } from "../src/index";
import { summaryColumns } from "../src/clv/customerSummary";
import { readTimeAxis } from "../src/clv/timeAxis";
import { latestRecord } from "../src/report/dataSpan";
import type { SummaryColumns } from "../src/clv/summaryRows";
import { generatePurchases } from "./generate";

const runs = Number(process.argv[2] ?? 7);
const penalizer = Number(process.argv[3] ?? 0.001);
const other = process.argv[4];
const cache = "/tmp/bench-fits-rows-1M-seed7-week.json";

function reportRows(): SummaryColumns {
  if (!existsSync(cache)) {
    const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, seed: 7 }) });
    const { rows } = summaryColumns(ledger, latestRecord(ledger), readTimeAxis({ timeUnit: "week" }, "bench"));
    writeFileSync(cache, JSON.stringify({ count: rows.count, frequency: [...rows.frequency], recency: [...rows.recency], T: [...rows.T], monetary: [...rows.monetary] }));
  }
  const saved = JSON.parse(readFileSync(cache, "utf8")) as { count: number; frequency: number[]; recency: number[]; T: number[]; monetary: number[] };
  return {
    count: saved.count,
    customerId: [],
    frequency: Float64Array.from(saved.frequency),
    recency: Float64Array.from(saved.recency),
    T: Float64Array.from(saved.T),
    monetary: Float64Array.from(saved.monetary),
    weight: new Float64Array(saved.count).fill(1),
    timeUnit: "week",
  };
}

type Fits = { fitBgNbdColumns: (rows: SummaryColumns, options: { penalizer: number }) => unknown; fitGammaGammaColumns: (rows: SummaryColumns, options: { penalizer: number }) => unknown };

async function load(dir: string): Promise<Fits> {
  const bg = (await import(resolve(dir, "clv/models/fitBgNbd.ts"))) as Pick<Fits, "fitBgNbdColumns">;
  const gg = (await import(resolve(dir, "clv/models/fitGammaGamma.ts"))) as Pick<Fits, "fitGammaGammaColumns">;
  return { ...bg, ...gg };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => unknown): { ms: number; cpuMs: number; result: unknown } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    result = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : error;
  }
  const ms = performance.now() - started;
  return { ms, cpuMs: process.cpuUsage(cpu).user / 1000, result };
}

const rows = reportRows();
const versions: [string, Fits][] = [["this", await load(resolve(import.meta.dirname, "../src"))]];
if (other !== undefined) versions.push(["other", await load(other)]);
const times = new Map<string, number[]>();
for (let run = 0; run <= runs; run++) {
  for (const [name, fits] of run % 2 === 0 ? versions : [...versions].reverse()) {
    for (const [fit, call] of [["bgNbd", () => fits.fitBgNbdColumns(rows, { penalizer })], ["gammaGamma", () => fits.fitGammaGammaColumns(rows, { penalizer })]] as const) {
      const { ms, cpuMs, result } = time(call);
      if (run === 0) {
        const r = result as { params?: object; logLikelihood?: number; iterations?: number; standardErrors?: object };
        console.log(`${name} ${fit}:`, typeof result === "string" ? result : JSON.stringify({ params: r.params, ll: r.logLikelihood, iterations: r.iterations, se: r.standardErrors }));
        continue;
      }
      for (const [clock, value] of [["wall", ms], ["cpu", cpuMs]] as const) {
        const key = `${fit} ${clock} (${name})`;
        times.set(key, [...(times.get(key) ?? []), value]);
      }
    }
  }
}
console.log(`${rows.count} customers, penalizer ${penalizer}: medians of ${runs} runs after one warm-up (wall time, and the process's user CPU time, which other work on the machine disturbs less)`);
for (const [key, list] of [...times].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${key.padEnd(26)} ${median(list).toFixed(0).padStart(6)} ms   [${list.map((v) => v.toFixed(0)).join(" ")}]`);
if (other !== undefined) {
  for (const fit of ["bgNbd", "gammaGamma"]) {
    for (const clock of ["wall", "cpu"]) console.log(`  ${fit} ${clock}: this/other ${(median(times.get(`${fit} ${clock} (this)`)!) / median(times.get(`${fit} ${clock} (other)`)!)).toFixed(2)}`);
  }
}
