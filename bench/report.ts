/**
 * The report's sections on a ready ledger (`npx tsx bench/report.ts [rows] [runs] [penalizer] [auto]`):
 * builds the generated ledger once (seed 7, 1M purchases by default, as `bench/cli.ts` writes
 * it), then times `kpiReport` as the `report` command calls it (weekly models, every section)
 * phase by phase through `onProgress`, and the three renderings the command can write. Reading
 * the CSV and building the ledger are not timed here (`bench/cli.ts` times the whole command).
 * The default penalizer is the command's (0); on this data the plain BG/NBD optimum lies at
 * a, b → ∞ and predicted CLV is unavailable, so pass 0.001 to time the predictions too. A fourth
 * argument `auto` times the report with `model: "auto"` (three transaction models fitted and checked).
 */
import { createLedger, kpiReport, type KpiReport } from "../src/index";
import { renderHtml } from "../src/report/renderHtml";
import { renderMarkdown } from "../src/report/renderMarkdown";
import { generatePurchases } from "./generate";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const penalizer = Number(process.argv[4] ?? 0);
const model = process.argv[5] === "auto" ? ("auto" as const) : undefined;
const ledger = createLedger({ purchases: generatePurchases({ purchases: rows, seed: 7 }) });

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const phases = new Map<string, number[]>();
const record = (name: string, ms: number): void => {
  const list = phases.get(name) ?? [];
  list.push(ms);
  phases.set(name, list);
};

let report: KpiReport | undefined;
for (let run = 0; run <= runs; run++) {
  const times = new Map<string, number>();
  let phase = "setup";
  let last = performance.now();
  const started = last;
  report = kpiReport(ledger, {
    timeUnit: "week",
    penalizer,
    ...(model === undefined ? {} : { model }),
    onProgress: (next, done) => {
      if (done !== 0 || next === phase) return;
      const now = performance.now();
      times.set(phase, (times.get(phase) ?? 0) + now - last);
      phase = next;
      last = now;
    },
  });
  const ended = performance.now();
  times.set(phase, (times.get(phase) ?? 0) + ended - last);
  let at = performance.now();
  const json = `${JSON.stringify(JSON.parse(JSON.stringify(report)), null, 2)}\n`;
  times.set("render JSON", performance.now() - at);
  at = performance.now();
  renderMarkdown(report);
  times.set("render Markdown", performance.now() - at);
  at = performance.now();
  renderHtml(report);
  times.set("render HTML", performance.now() - at);
  if (run === 0) {
    console.log(`${rows.toLocaleString("en-US")} purchases, ${ledger.customerIds.length.toLocaleString("en-US")} customers; JSON ${json.length.toLocaleString("en-US")} characters; predicted CLV ${report.clv.predicted.available ? `available${report.clv.predicted.modelChoice === undefined ? "" : ` (${report.clv.predicted.modelChoice.reason})`}` : `unavailable (${report.clv.predicted.reason.slice(0, 90)}…)`}`);
    continue; // the first run warms up
  }
  record("kpiReport (all sections)", ended - started);
  for (const [name, ms] of times) record(name, ms);
}
console.log(`kpiReport, penalizer ${penalizer}: medians of ${runs} runs (after one warm-up); a phase runs until the next one is announced`);
for (const [name, list] of phases) console.log(`  ${name.padEnd(28)} ${median(list).toFixed(0).padStart(7)} ms`);
