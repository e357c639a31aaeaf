/**
 * CLV benchmarks (`npx tsx bench/clv.ts`): the summary step on a ready 1M-purchase ledger,
 * the BG/NBD and Gamma-Gamma fits on CDNOW (2,357 customers) and on the summary of a
 * generated 100k-customer ledger, `predictClv` on that summary (`npx tsx bench/clv.ts predict`
 * runs only that; targets 150 ms for weekly models over 52 steps and 500 ms for day models
 * over 365, issue 13), and every fit on degenerate data (`npx tsx bench/clv.ts degenerate`
 * runs only those; target ≤ 10 s each at 100k customers, issue 13). Data is built outside the
 * timed part. `npx tsx bench/clv.ts models` runs issue 17's scripts instead, each in a process
 * of its own: `bench/mbgNbd.ts` (MBG/NBD fit on 100k customers, target 1 s), `bench/bgBb.ts`
 * (BG/BB on the donations data, 50 ms, and on 1M simulated customers, 200 ms) and
 * `bench/clvIntervals.ts` (intervals with 200 draws against the point prediction, 5×).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createLedger, customerSummary, fitBgNbd, fitGammaGamma, fitParetoNbd, fitShiftedBetaGeometric, isModelFitError, predictClv } from "../src/index";
import { generatePurchases } from "./generate";
import { simulateSummary } from "../test/clv/simulateBgNbdGammaGamma";
import { measure } from "./harness";
import { degenerateCohorts, degenerateSummaries } from "../test/clv/degenerateSummaries";

function cdnowRows(): { frequency: number; recency: number; T: number; monetaryValue: string }[] {
  const text = readFileSync(new URL("../test/fixtures/clv/cdnow_customers_summary_with_transactions.csv", import.meta.url), "utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x = "", tx = "", T = "", zbar = ""] = line.split(",");
      return { frequency: Number(x), recency: Number(tx), T: Number(T), monetaryValue: zbar };
    });
}

/**
 * A fit on degenerate data ends converged (usually with `warnings`) or with `ModelFitError`;
 * both are a bounded answer, so the benchmark times either and prints which it was.
 */
function fitOrError(fit: () => { warnings?: readonly string[] }): string {
  try {
    return `converged, ${fit().warnings?.length ?? 0} warnings`;
  } catch (error) {
    if (isModelFitError(error)) return `ModelFitError (${error.diagnostics.reason}): ${error.message.slice(0, 160)}…`;
    throw error;
  }
}

/** Every fit on every degenerate set (100k customers; `npx tsx bench/clv.ts degenerate [name filter]`), medians of 3 runs against the 10 s bound. */
function degenerateBenchmarks(filter = ""): void {
  const n = 100_000;
  const fits = { fitBgNbd, fitParetoNbd, fitGammaGamma } as const;
  const sets = { ...degenerateSummaries(n), "100k distinct histories (BG/NBD process)": simulateSummary(n, 23) };
  for (const [name, rows] of Object.entries(sets)) {
    if (!name.includes(filter)) continue;
    for (const [fitName, fit] of Object.entries(fits)) {
      console.log(`  ${fitName}, ${name}: ${fitOrError(() => fit(rows))}`);
      measure(`${fitName}, degenerate: ${name} (${rows.length} rows)`, () => fitOrError(() => fit(rows)), { runs: 3, warmup: 0, targetMs: 10_000 });
    }
  }
  for (const [name, cohort] of Object.entries(degenerateCohorts(n))) {
    if (!name.includes(filter)) continue;
    console.log(`  fitShiftedBetaGeometric, ${name}: ${fitOrError(() => fitShiftedBetaGeometric(cohort))}`);
    measure(`fitShiftedBetaGeometric, degenerate: ${name}`, () => fitOrError(() => fitShiftedBetaGeometric(cohort)), { runs: 3, warmup: 0, targetMs: 10_000 });
  }
}

/**
 * `predictClv` on the summary of the generated 1M-purchase ledger (seed 7), in weeks (52 steps)
 * and in days (365 steps), with BG/NBD and Gamma-Gamma fitted on that summary (penalizer
 * 0.001: without one the BG/NBD optimum of this data lies at a, b → ∞, where no prediction
 * can be evaluated). The fits read the summary first, as in real use. Each size is timed
 * twice: as the harness always times (a run may pay for collecting the benchmark's own
 * garbage, such as the million generated rows), then with the heap collected before each run
 * (`collect`), which times the call's own work and its own allocations alone.
 */
function predictBenchmarks(ledger: ReturnType<typeof createLedger>): void {
  for (const [timeUnit, horizon, annual, targetMs] of [["week", 52, 0.1, 150], ["day", 365, 0.1, 500]] as const) {
    const summary = customerSummary(ledger, { asOf: "2024-01-01", timeUnit });
    const bgNbd = fitBgNbd(summary, { penalizer: 0.001 });
    const gammaGamma = fitGammaGamma(summary, { penalizer: 0.001 });
    const options = { horizon, discountRate: (1 + annual) ** ((timeUnit === "week" ? 7 : 1) / 365.25) - 1 };
    const name = `predictClv, ${summary.customerCount} customers, ${timeUnit}s, ${horizon} steps`;
    measure(name, () => predictClv(bgNbd, gammaGamma, summary, options), { runs: 7, targetMs });
    measure(name, () => predictClv(bgNbd, gammaGamma, summary, options), { runs: 7, targetMs, collect: true });
  }
}

if (process.argv[2] === "predict") {
  predictBenchmarks(createLedger({ purchases: generatePurchases({ purchases: 1_000_000, seed: 7 }) }));
  process.exit(0);
}

if (process.argv[2] === "models") {
  for (const script of ["bench/mbgNbd.ts", "bench/bgBb.ts", "bench/clvIntervals.ts"]) {
    console.log(`\n== ${script}`);
    const { status } = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit" });
    if (status !== 0) process.exitCode = status ?? 1;
  }
  process.exit();
}

if (process.argv[2] === "degenerate") {
  degenerateBenchmarks(process.argv[3]);
  process.exit(0);
}

const cdnow = cdnowRows();
measure("fitBgNbd, CDNOW (2,357 customers)", () => fitBgNbd(cdnow, { timeUnit: "week" }), { targetMs: 100 });
measure("fitGammaGamma, CDNOW (946 repeat customers)", () => fitGammaGamma(cdnow, { timeUnit: "week" }), { targetMs: 100 });
measure("fitParetoNbd, CDNOW (no target)", () => fitParetoNbd(cdnow, { timeUnit: "week" }), { runs: 3 });

const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000, seed: 7 }) });
const asOf = "2024-01-01";
measure("customerSummary, 1M purchases (ready ledger)", () => customerSummary(ledger, { asOf, timeUnit: "week" }), { targetMs: 500 });
measure("customerSummary, 1M purchases, calendar month", () => customerSummary(ledger, { asOf, calendar: "month" }), { runs: 3 });
predictBenchmarks(ledger);

const simulated = simulateSummary(100_000, 11);
const simulatedFit = fitBgNbd(simulated, { timeUnit: "week" });
console.log(`simulated summary (r 0.243, α 4.414, a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44) fits to ${JSON.stringify(simulatedFit.params)}`);
console.log(`  and Gamma-Gamma ${JSON.stringify(fitGammaGamma(simulated).params)}`);
measure("fitBgNbd, simulated summary (100k customers)", () => fitBgNbd(simulated, { timeUnit: "week" }), { runs: 3, targetMs: 2000 });
measure("fitGammaGamma, simulated summary (100k customers)", () => fitGammaGamma(simulated, { timeUnit: "week" }), { runs: 3, targetMs: 2000 });

const summary = customerSummary(ledger, { asOf, timeUnit: "week" });
console.log(`summary of the generated ledger: ${summary.customerCount} customers, ${summary.repeatCustomerCount} repeat (its BG/NBD optimum lies on a ridge, a, b → ∞)`);
measure(`fitBgNbd, generated-ledger summary (${summary.customerCount} customers)`, () => fitBgNbd(summary), { runs: 3, targetMs: 2000 });
measure(`fitGammaGamma, generated-ledger summary (${summary.repeatCustomerCount} repeat)`, () => fitGammaGamma(summary), { runs: 3, targetMs: 2000 });

degenerateBenchmarks();
