/**
 * BG/BB fits (`npx tsx bench/bgBb.ts [runs]`):
 * 1. the donations data (22 weighted patterns of 11,104 donors; target ≤ 50 ms);
 * 2. 1,000,000 customers simulated from the BG/BB process itself (seeded), one row each, as a
 *    user would pass them: the fit checks them, merges them into their distinct (x, tₓ, n)
 *    patterns and fits those (target ≤ 200 ms). Births are spread over ten yearly cohorts
 *    (n = 1 … 10 opportunities), the true parameters those of the donations fit.
 * Prints medians of wall time (and of CPU time for the 1M fit). No peer runs here: R with
 * BTYD is not installed on this machine, and lifetimes (python3) is not either.
 */
import { readFileSync } from "node:fs";
import { fitBetaGeometricBetaBinomial } from "../src/index";
import { measure, measureCpu } from "./harness";
import { seededRandom } from "./generate";

const runs = Number(process.argv[2] ?? 9);

const donations = readFileSync(new URL("../test/fixtures/clv/donations.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [frequency = 0, recency = 0, periods = 0, weight = 1] = line.split(",").map(Number);
    return { frequency, recency, periods, weight };
  });

/** A standard normal draw (Box–Muller, one of the pair). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw: Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gammaDraw(shape: number, random: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Beta(a, b) draw from two gamma draws. */
function betaDraw(a: number, b: number, random: () => number): number {
  const x = gammaDraw(a, random);
  return x / (x + gammaDraw(b, random));
}

/** `count` customers of the BG/BB process: p ~ Beta(α, β), θ ~ Beta(γ, δ), n uniform in 1 … 10. */
function simulate(count: number, seed: number): { frequency: number; recency: number; periods: number }[] {
  const random = seededRandom(seed);
  const truth = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
  const rows = new Array<{ frequency: number; recency: number; periods: number }>(count);
  for (let c = 0; c < count; c++) {
    const p = betaDraw(truth.alpha, truth.beta, random);
    const theta = betaDraw(truth.gamma, truth.delta, random);
    const periods = 1 + Math.floor(10 * random());
    let frequency = 0;
    let recency = 0;
    for (let t = 1; t <= periods; t++) {
      if (random() < theta) break;
      if (random() < p) {
        frequency++;
        recency = t;
      }
    }
    rows[c] = { frequency, recency, periods };
  }
  return rows;
}

console.log("Shared 2-core machine (other sessions running): read the medians, not single runs.");
const donationsFit = fitBetaGeometricBetaBinomial(donations);
console.log(`donations fit: ${JSON.stringify(donationsFit.params)} LL ${donationsFit.logLikelihood.toFixed(2)}`);
measure("BG/BB fit, donations (22 patterns)", () => fitBetaGeometricBetaBinomial(donations), { runs, warmup: 3, targetMs: 50 });

const simulated = simulate(1_000_000, 17);
const simulatedFit = fitBetaGeometricBetaBinomial(simulated);
const patterns = new Set(simulated.map((row) => `${row.frequency},${row.recency},${row.periods}`)).size;
console.log(`1M simulated customers, ${patterns} distinct (x, tₓ, n) patterns; fit ${JSON.stringify(simulatedFit.params)} (truth 1.204, 0.750, 0.657, 2.783)`);
measure("BG/BB fit, 1M simulated customers (rows)", () => fitBetaGeometricBetaBinomial(simulated), { runs, warmup: 1, targetMs: 200 });
measureCpu("BG/BB fit, 1M simulated customers (rows)", () => fitBetaGeometricBetaBinomial(simulated), runs);
