/**
 * MBG/NBD fit benchmarks (issue 17: fit on 100k customers ≤ 1 s). `npx tsx bench/mbgNbd.ts`
 * prints medians of `fitModifiedBgNbd` on CDNOW, on 100k customers simulated from the MBG/NBD
 * process (continuous times: nearly every history distinct, the worst case for merging) and on
 * the weekly summary of the generated 100k-customer, 1M-purchase ledger, with `fitBgNbd` on the
 * same rows beside it (no Python peer: lifetimes is not installed here). On a shared machine
 * read the CPU-time line too: wall time there includes other processes' work.
 */
import { createLedger, customerSummary, fitBgNbd, fitModifiedBgNbd } from "../src/index";
import { generatePurchases, seededRandom } from "./generate";
import { variates } from "../test/clv/randomVariates";
import { measure, measureCpu } from "./harness";
import { cdnowSummaryRows } from "../test/clv/cdnowFixtures";

/**
 * 100k customers drawn from MBG/NBD with CDNOW's fitted parameters (r 0.525, α 6.183, a 0.891,
 * b 1.614), T uniform on [27, 39] weeks: λ ~ Gamma(r, α), p ~ Beta(a, b); dropout with
 * probability p at time 0 and after each purchase; exponential gaps.
 */
export function simulateMbgNbd(customers: number, seed: number): { frequency: number; recency: number; T: number }[] {
  const random = seededRandom(seed);
  const draw = variates(random);
  const gamma = (shape: number): number => draw.gamma(shape, 1);
  const rows = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(0.525) / 6.183;
    const x1 = gamma(0.891);
    const p = x1 / (x1 + gamma(1.614));
    const T = 27 + 12 * random();
    let t = 0;
    let frequency = 0;
    let recency = 0;
    if (random() >= p) {
      for (;;) {
        t += -Math.log(1 - random()) / lambda;
        if (!(t <= T)) break;
        frequency++;
        recency = t;
        if (random() < p) break;
      }
    }
    rows.push({ frequency, recency, T });
  }
  return rows;
}

/** Runs the MBG/NBD benchmarks and prints one line each (medians; the 100k fits against the 1 s target). */
export function mbgNbdBenchmarks(): void {
  const cdnow = cdnowSummaryRows();
  measure("fitModifiedBgNbd, CDNOW (2,357 customers)", () => fitModifiedBgNbd(cdnow, { timeUnit: "week" }), { targetMs: 100 });
  const simulated = simulateMbgNbd(100_000, 17);
  const fit = fitModifiedBgNbd(simulated, { timeUnit: "week" });
  const { r, alpha, a, b } = fit.params;
  console.log(`  simulated 100k: r ${r.toFixed(3)}, α ${alpha.toFixed(3)}, a ${a.toFixed(3)}, b ${b.toFixed(3)} (drawn from 0.525, 6.183, 0.891, 1.614), ${fit.iterations} iterations`);
  measure("fitModifiedBgNbd, 100k simulated customers", () => fitModifiedBgNbd(simulated, { timeUnit: "week" }), { targetMs: 1000 });
  measureCpu("fitModifiedBgNbd, 100k simulated customers", () => fitModifiedBgNbd(simulated, { timeUnit: "week" }));
  measure("fitBgNbd, the same 100k customers", () => fitBgNbd(simulated, { timeUnit: "week" }), { runs: 5 });
  const ledger = createLedger({ purchases: generatePurchases({ purchases: 1_000_000, customers: 100_000, seed: 7 }) });
  const summary = customerSummary(ledger, { asOf: "2024-01-01", timeUnit: "week" });
  measure(`fitModifiedBgNbd, generated ledger summary (${summary.customers.length} customers, weeks)`, () => fitModifiedBgNbd(summary, { penalizer: 0.001 }), { targetMs: 1000 });
  measure("fitBgNbd, the same summary", () => fitBgNbd(summary, { penalizer: 0.001 }), { runs: 5 });
}

if (import.meta.url === `file://${process.argv[1]}`) mbgNbdBenchmarks();
