/**
 * Predicted customer lifetime value on the bundled CDNOW sample (2,357 customers who first
 * bought in January–March 1997): summarise the first 39 weeks (to 30 September 1997), fit the
 * BG/NBD purchase model and the Gamma-Gamma spend model, check the purchase forecast against
 * the 39 weeks that follow, and list the customers with the highest predicted 52-week CLV.
 * Run: npx tsx examples/clv-cdnow.ts
 */
import assert from "node:assert/strict";
import {
  calibrationHoldoutSummary,
  conditionalExpectedPurchases,
  createLedger,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
} from "retention-metrics";
import { loadCdnowSample } from "./data/cdnow";

const ledger = createLedger({ purchases: loadCdnowSample() }, { currency: "USD" });

// Calibration: purchases up to and including 1997-09-30; holdout: the next 39 weeks.
const summary = calibrationHoldoutSummary(ledger, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
const bgNbd = fitBgNbd(summary);
const gammaGamma = fitGammaGamma(summary);
const round = (params: object): string => Object.entries(params).map(([name, value]) => `${name} ${(value as number).toFixed(3)}`).join(", ");
console.log(`BG/NBD (weeks):  ${round(bgNbd.params)}  LL ${bgNbd.logLikelihood.toFixed(1)}`);
console.log(`Gamma-Gamma:     ${round(gammaGamma.params)}  (${gammaGamma.observations} repeat customers)\n`);
assert.ok(Math.abs(bgNbd.params.r - 0.243) < 0.001, "the published BG/NBD fit (Fader, Hardie & Lee 2005)");

// How well does the model forecast the holdout? Compare total purchases in weeks 40–78.
let predicted = 0;
let actual = 0;
for (const customer of summary.customers) {
  predicted += conditionalExpectedPurchases(bgNbd, customer, customer.holdoutDuration);
  actual += customer.holdoutFrequency;
}
console.log(`holdout (39 weeks): predicted ${predicted.toFixed(0)} repeat purchases, actual ${actual}\n`);

// 52-week CLV, discounting at 10% a year expressed per week (the model's time unit).
const weeklyRate = 1.1 ** (1 / 52) - 1;
const clv = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: weeklyRate });
const top = [...clv.customers].sort((a, b) => (b.clv?.toNumber() ?? 0) - (a.clv?.toNumber() ?? 0)).slice(0, 10);
console.log("top 10 customers by predicted 52-week CLV (as of 1997-09-30)");
console.log("customer  frequency  P(alive)  purchases  avg spend      CLV");
const byId = new Map(summary.customers.map((c) => [c.customerId, c]));
for (const row of top) {
  const history = byId.get(row.customerId ?? "")!;
  console.log(
    `${(row.customerId ?? "").padStart(8)}  ${String(history.frequency).padStart(9)}  ${row.probabilityAlive.toFixed(3).padStart(8)}  ` +
      `${row.expectedPurchases.toFixed(2).padStart(9)}  ${`$${(row.expectedAverageSpend ?? 0).toFixed(2)}`.padStart(9)}  ${`$${row.clv!.toFixed(2)}`.padStart(9)}`,
  );
}
assert.equal(clv.customerCount, 2357);
