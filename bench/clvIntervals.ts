/**
 * CLV intervals benchmark (`npx tsx bench/clvIntervals.ts`), issue 17: `predictClv` on the
 * summary of the generated 1M-purchase ledger (100k customers asked, seed 7; 99k with a
 * purchase), in weeks over 52 weekly steps, without and with `interval: 0.9` and 200 draws;
 * target: the intervals ≤ 5× the point prediction. BG/NBD and Gamma-Gamma are fitted on that
 * summary with penalizer 0.001 (as bench/clv.ts does) and with their covariance. Runs the two
 * side by side, alternating, `rounds` times, and prints the medians and their ratio; on a
 * shared machine quote the medians of several runs. `npx tsx bench/clvIntervals.ts coverage [n]`
 * instead runs the coverage check of test/clv/clvIntervalsCoverage.test.ts with n replications
 * (default 400) and prints the shares covered.
 */
import { createLedger, customerSummary, fitBgNbd, fitGammaGamma, predictClv } from "../src/index";
import { generatePurchases } from "./generate";
import { measure } from "./harness";
import { coverage } from "../test/clv/simulateBgNbdGammaGamma";

if (process.argv[2] === "coverage") {
  const replications = Number(process.argv[3] ?? 400);
  const rate = coverage(replications, 1500, 1);
  console.log(`coverage of the 90% intervals over ${replications} replications of 1,500 simulated customers: total purchases ${rate.purchases}, total CLV ${rate.clv}, one customer's CLV ${rate.customer}`);
  process.exit(0);
}

const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000, seed: 7 }) });
const summary = customerSummary(ledger, { asOf: "2024-01-01", timeUnit: "week" });
const bgNbd = fitBgNbd(summary, { penalizer: 0.001 });
const gammaGamma = fitGammaGamma(summary, { penalizer: 0.001 });
const options = { horizon: 52, discountRate: 1.1 ** (7 / 365.25) - 1 };
const label = `${summary.customerCount} customers, 52 weekly steps`;
const rounds = Number(process.argv[2] ?? 3);
const point: number[] = [];
const interval: number[] = [];
for (let round = 0; round < rounds; round++) {
  point.push(measure(`predictClv, ${label}`, () => predictClv(bgNbd, gammaGamma, summary, options), { runs: 5 }).medianMs);
  interval.push(measure(`  with interval 0.9, 200 draws`, () => predictClv(bgNbd, gammaGamma, summary, { ...options, interval: 0.9, draws: 200, seed: 1 }), { runs: 5 }).medianMs);
}
const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = median(interval) / median(point);
console.log(`medians over ${rounds} rounds: point ${median(point).toFixed(1)} ms, with intervals ${median(interval).toFixed(1)} ms, ratio ${ratio.toFixed(2)}× (target ≤ 5×: ${ratio <= 5 ? "met" : "MISSED"})`);
const total = predictClv(bgNbd, gammaGamma, summary, { ...options, interval: 0.9 }).interval!.total;
console.log(`total CLV ${total.clv?.toFixed(0)} (90%: ${total.clvLow?.toFixed(0)} – ${total.clvHigh?.toFixed(0)}; prediction ${total.prediction.clvLow?.toFixed(0)} – ${total.prediction.clvHigh?.toFixed(0)})`);
