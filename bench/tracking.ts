/**
 * `trackingSeries` on a 1M-purchase ledger over 156 weeks (`npx tsx bench/tracking.ts [runs]`),
 * target ≤ 500 ms; the report's "Model fit" section on the same ledger (what it adds to
 * `kpiReport`, with its fit started from the report's full-data fit as `kpiReport` does, and
 * from the default starts); and, side by side, DuckDB (@duckdb/node-api, in process) counting the actual
 * weekly repeat transactions in SQL, with the same answer checked week by week.
 *
 * The ledger: `generatePurchases` (seed 42), 1,000,000 purchases from 2022-01-01 over 1,092 days
 * (156 weeks); calibration ends after 104 weeks. The model: BG/NBD with CDNOW's published
 * parameters, in weeks (the expected curve's cost does not depend on the values).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createLedger, kpiReport, trackingSeries, type BgNbdModel } from "../src/index";
import { calibrationData, modelFitSection } from "../src/report/modelFitSection";
import { IN_THREAD } from "../src/report/predictionEngine";
import { generatePurchases } from "./generate";
import { measure, measureCpu, measureQuery } from "./harness";

const runs = Number(process.argv[2] ?? 7);
const DAY_MS = 86_400_000;
const start = Date.parse("2022-01-01T00:00:00Z");
const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, start: "2022-01-01T00:00:00Z", days: 1092 }) });
const fit: BgNbdModel = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: 0, converged: true, iterations: 0, observations: 0, timeUnit: "week", penalizer: 0 };
const firstDay = Math.floor(ledger.purchases.at[0]! / DAY_MS) * DAY_MS;
const options = { calibrationEnd: firstDay + 104 * 7 * DAY_MS, end: firstDay + 156 * 7 * DAY_MS, granularity: "week" } as const;
console.log(`ledger: ${ledger.purchases.count} purchases, ${ledger.customerIds.length} customers, from ${new Date(firstDay).toISOString().slice(0, 10)} (generated from ${new Date(start).toISOString().slice(0, 10)})`);

const cold = performance.now();
const series = trackingSeries(fit, ledger, options);
console.log(`trackingSeries, first call (includes the ledger's customer-major copy): ${(performance.now() - cold).toFixed(1)} ms; ${series.periods.length} weeks, ${series.customerCount} customers`);
const ours = measure("trackingSeries, 1M purchases, 156 weeks", () => trackingSeries(fit, ledger, options), { runs, targetMs: 500 });
measureCpu("trackingSeries, 1M purchases, 156 weeks", () => trackingSeries(fit, ledger, options), runs);
const asOf = firstDay + 156 * 7 * DAY_MS;
const full = kpiReport(ledger, { asOf, skip: ["cohorts", "defections", "segments", "modelFit"], penalizer: 0.001 }).clv.predicted;
const fullFit = full.available ? (full.bgNbd.params as unknown as BgNbdModel["params"]) : undefined;
// The section as the report runs it in one thread, its calibration summaries included.
const section = (start?: BgNbdModel["params"]) => modelFitSection(ledger, calibrationData(ledger, asOf, "week"), "week", 0.001, IN_THREAD, start);
measure("report Model fit section, fit started from the full-data fit", () => section(fullFit), { runs: Math.min(runs, 5) });
measure("report Model fit section, fit from the default starts", () => section(), { runs: Math.min(runs, 5) });
measureCpu("report Model fit section, started from the full fit", () => section(fullFit), Math.min(runs, 5));
measureCpu("report Model fit section, default starts", () => section(), Math.min(runs, 5));

/** DuckDB: entry = first day with a non-refund purchase (before calibrationEnd); repeats = later such days before end, per 7-day week from the origin. */
async function duckdb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tracking-bench-"));
  try {
    const csv = join(dir, "purchases.csv");
    const { customer, at, amountUnits, count } = ledger.purchases;
    const lines: string[] = ["c,ms,units"];
    for (let k = 0; k < count; k++) lines.push(`${customer[k]},${at[k]},${amountUnits[k]}`);
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE p AS SELECT c::INTEGER AS c, ms::BIGINT AS ms, units::BIGINT AS units FROM read_csv('${csv}', header = true, columns = {'c': 'VARCHAR', 'ms': 'VARCHAR', 'units': 'VARCHAR'})`);
    const sql = `WITH days AS (SELECT c, ms // ${DAY_MS} AS d FROM p WHERE ms < ${options.end} GROUP BY c, d HAVING bool_or(units >= 0)),
      entry AS (SELECT c, min(d) AS e FROM days GROUP BY c HAVING min(d) * ${DAY_MS} < ${options.calibrationEnd}),
      origin AS (SELECT min(e) AS o FROM entry)
      SELECT (days.d - origin.o) // 7 AS week, count(*) AS repeats FROM days JOIN entry USING (c), origin WHERE days.d > entry.e GROUP BY week ORDER BY week`;
    const { medianMs, answer } = await measureQuery("DuckDB SQL, actual weekly repeats (in process)", async () => (await connection.runAndReadAll(sql)).getRows(), runs);
    console.log(`ours ÷ DuckDB (medians; ours also computes the model's curve): ${(ours.medianMs / medianMs).toFixed(2)}×`);
    const theirs = new Array<number>(series.periods.length).fill(0);
    for (const [week, repeats] of answer) theirs[Number(week)] = Number(repeats);
    const differ = series.periods.filter((p, i) => p.actual !== theirs[i]);
    console.log(`same weekly repeats as DuckDB: ${differ.length === 0 ? `yes (${theirs.length} weeks, ${series.periods.at(-1)!.actualCumulative} repeats)` : `NO: ${differ.length} weeks differ, first week ${differ[0]!.index}`}`);
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await duckdb();
