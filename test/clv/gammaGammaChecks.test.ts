import { describe, expect, it } from "vitest";
import { expectedAverageSpend, fitGammaGamma, logLikelihood, RetentionOptionsError } from "../../src/index";
import { cdnowSpendRows } from "./cdnowFixtures";

/** Plain (unweighted) Pearson correlation, written out as in a textbook. */
function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("fitGammaGamma: the frequency–spend correlation", () => {
  it("reports r among CDNOW's repeat customers (weak, so no warning) and keeps the published fit", () => {
    const rows = cdnowSpendRows();
    const repeat = rows.filter((row) => row.frequency > 0);
    const fit = fitGammaGamma(rows);
    // lifetimes' documentation prints 0.113884 for the same check on CDNOW's repeat customers.
    expect(fit.frequencySpendCorrelation).toBeCloseTo(pearson(repeat.map((row) => row.frequency), repeat.map((row) => Number(row.monetaryValue))), 12);
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.1139, 3);
    expect(fit.warnings).toEqual([]);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 1);
  });

  it("warns at |r| ≥ 0.3, counts weights as repeated rows, and gives null where r is undefined", () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((frequency, i) => ({ frequency, recency: 1, T: 10, monetaryValue: String(10 * frequency + (i % 3)) }));
    const fit = fitGammaGamma(rows);
    expect(fit.frequencySpendCorrelation).toBeCloseTo(pearson(rows.map((row) => row.frequency), rows.map((row) => Number(row.monetaryValue))), 12);
    expect(fit.warnings.some((w) => /correlate.*Pearson r = 0\.99\d/.test(w))).toBe(true);
    const weighted = fitGammaGamma([{ frequency: 1, recency: 1, T: 2, monetaryValue: "5", weight: 2 }, { frequency: 3, recency: 1, T: 2, monetaryValue: "9" }]);
    expect(weighted.frequencySpendCorrelation).toBeCloseTo(1, 12);
    const flat = fitGammaGamma([2, 3, 4].map((monetaryValue) => ({ frequency: 2, recency: 1, T: 2, monetaryValue: String(monetaryValue) })));
    expect(flat.frequencySpendCorrelation).toBeNull();
  });
});

describe("fitGammaGamma: qAboveOne", () => {
  it("gives CDNOW's fit again, where q is well above 1", () => {
    const rows = cdnowSpendRows();
    const free = fitGammaGamma(rows);
    const bounded = fitGammaGamma(rows, { qAboveOne: true });
    expect(bounded.params.q).toBeCloseTo(free.params.q, 3);
    expect(bounded.params.p).toBeCloseTo(free.params.p, 3);
    expect(bounded.logLikelihood).toBeCloseTo(free.logLikelihood, 6);
    expect(bounded.standardErrors!.q).toBeCloseTo(free.standardErrors!.q, 2);
    expect(logLikelihood(bounded, rows).logLikelihood).toBeCloseTo(bounded.logLikelihood, 9);
  });

  it("keeps q > 1 where the free fit's q ≤ 1 leaves the expected spend undefined", () => {
    // Heavy-tailed mean spends: the free optimum has q < 1 (an infinite population mean).
    const spends = [1, 1.2, 0.8, 2, 1.5, 400, 3, 1, 9000, 0.9, 1.1, 25_000, 2.5, 1.3, 60_000, 1];
    const rows = spends.map((z, i) => ({ frequency: 1 + (i % 3), recency: 1, T: 2, monetaryValue: String(z) }));
    const free = fitGammaGamma(rows);
    expect(free.params.q).toBeLessThanOrEqual(1);
    expect(expectedAverageSpend(free, { frequency: 0, monetaryValue: 0 })).toBeNull();
    const bounded = fitGammaGamma(rows, { qAboveOne: true });
    expect(bounded.params.q).toBeGreaterThan(1);
    expect(bounded.params.q).toBeLessThan(1.001);
    expect(bounded.warnings.some((w) => w.startsWith("q is at its lower bound"))).toBe(true);
    expect(bounded.logLikelihood).toBeLessThanOrEqual(free.logLikelihood + 1e-9);
    expect(expectedAverageSpend(bounded, { frequency: 0, monetaryValue: 0 })).toBeGreaterThan(0);
  });

  it("refuses a qAboveOne that is not a boolean", () => {
    expect(() => fitGammaGamma(cdnowSpendRows(), { qAboveOne: "yes" as never })).toThrow(RetentionOptionsError);
  });
});
