import { fitBgNbd, fitGammaGamma, predictClv, type BgNbdModel, type GammaGammaModel } from "../../src/index";
import { seededRandom } from "../../src/clv/models/seededRandom";
import { variates } from "./randomVariates";

/** Known parameters to simulate from: CDNOW's published BG/NBD and Gamma-Gamma fits. */
export const TRUE_PARAMS = { bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;

/**
 * A summary drawn from the BG/NBD and Gamma-Gamma processes (seeded): λ ~ Gamma(r, α),
 * p ~ Beta(a, b), exponential gaps, dropout with probability p after each repeat purchase,
 * T uniform on [27, 39] weeks; spend ν ~ Gamma(q, γ), each transaction ~ Gamma(p, ν).
 * Variates from randomVariates.ts.
 */
export function simulateSummary(customers: number, seed: number): { frequency: number; recency: number; T: number; monetaryValue: number }[] {
  const random = seededRandom(seed);
  const { r, alpha, a, b } = TRUE_PARAMS.bgNbd;
  const { p, q, gamma: scale } = TRUE_PARAMS.gammaGamma;
  const draw = variates(random);
  const gamma = (shape: number): number => draw.gamma(shape, 1);
  const rows = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(r) / alpha;
    const x1 = gamma(a);
    const dropout = x1 / (x1 + gamma(b));
    const T = 27 + 12 * random();
    const nu = gamma(q) / scale;
    let t = 0;
    let frequency = 0;
    let recency = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (!(t <= T)) break;
      frequency++;
      recency = t;
      spend += gamma(p) / nu;
      if (random() < dropout) break;
    }
    rows.push({ frequency, recency, T, monetaryValue: frequency === 0 ? 0 : spend / frequency });
  }
  return rows;
}

/**
 * Coverage on simulated data: each replication draws `customers` customers from known BG/NBD and
 * Gamma-Gamma parameters (seeded), fits both, and asks whether the 90% intervals on the total
 * expected purchases and total CLV (52 weeks ahead) hold the same totals at the true
 * parameters, for the same customers; and one customer's CLV interval per replication.
 * Returns the share of replications covered.
 */
export function coverage(replications: number, customers: number, firstSeed: number): { purchases: number; clv: number; customer: number } {
  let purchases = 0;
  let clv = 0;
  let customer = 0;
  const options = { horizon: 52, discountRate: 0.0018 };
  for (let k = 0; k < replications; k++) {
    const rows = simulateSummary(customers, firstSeed + k);
    const bgNbd = fitBgNbd(rows, { timeUnit: "week" });
    const gammaGamma = fitGammaGamma(rows, { timeUnit: "week" });
    const result = predictClv(bgNbd, gammaGamma, rows, { ...options, interval: 0.9, seed: firstSeed + k });
    const truth = predictClv({ ...bgNbd, params: TRUE_PARAMS.bgNbd } as BgNbdModel, { ...gammaGamma, params: TRUE_PARAMS.gammaGamma } as GammaGammaModel, rows, options);
    const total = result.interval!.total;
    const truePurchases = truth.customers.reduce((s, row) => s + row.expectedPurchases, 0);
    const trueClv = truth.customers.reduce((s, row) => s + row.clv!.toNumber(), 0);
    if (total.expectedPurchasesLow! <= truePurchases && truePurchases <= total.expectedPurchasesHigh!) purchases++;
    if (total.clvLow!.toNumber() <= trueClv && trueClv <= total.clvHigh!.toNumber()) clv++;
    // One customer per replication (the k-th row): does its own interval hold its true CLV?
    const row = result.customers[k % customers]!;
    const trueRow = truth.customers[k % customers]!.clv!.toNumber();
    if (row.clvLow!.toNumber() <= trueRow && trueRow <= row.clvHigh!.toNumber()) customer++;
  }
  return { purchases: purchases / replications, clv: clv / replications, customer: customer / replications };
}

