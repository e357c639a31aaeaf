import { describe, expect, it } from "vitest";
import { areaUnderCurve, brierScore } from "../../src/diagnostics/classifierMetrics";
import { errorFigures } from "../../src/diagnostics/errorMetrics";
import { normalizedGini, topDecileShare } from "../../src/diagnostics/rankingMetrics";
import { calibrationTables } from "../../src/diagnostics/calibrationTables";
import { descendingOrder } from "../../src/core/descendingOrder";

const f = (...values: number[]): Float64Array => Float64Array.from(values);
const u = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe("scorecard metrics, worked by hand", () => {
  it("MAE, RMSE, mean error and correlation", () => {
    // predicted 1, 2, 3 against actual 2, 2, 5: errors −1, 0, −2
    // MAE = (1 + 0 + 2)/3 = 1; RMSE = √((1 + 0 + 4)/3) = √(5/3); mean error = −3/3 = −1
    // means p̄ = 2, ā = 3; deviations (−1, 0, 1) and (−1, −1, 2): Σdp·da = 1 + 0 + 2 = 3,
    // Σdp² = 2, Σda² = 1 + 1 + 4 = 6: r = 3/√12 = 0.8660…
    const figures = errorFigures(f(1, 2, 3), f(2, 2, 5));
    expect(figures.mae).toBe(1);
    expect(figures.rmse).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(figures.meanError).toBe(-1);
    expect(figures.correlation).toBeCloseTo(3 / Math.sqrt(12), 15);
    // a constant side has no correlation; nobody gives nulls
    expect(errorFigures(f(1, 1), f(0, 3)).correlation).toBeNull();
    expect(errorFigures(f(), f())).toEqual({ mae: null, rmse: null, meanError: null, correlation: null });
    // `include` keeps rows 0 and 2: errors −1, −2
    expect(errorFigures(f(1, 2, 3), f(2, 2, 5), u(1, 0, 1)).mae).toBe(1.5);
  });

  it("normalized Gini as lifetime_value computes it", () => {
    // by prediction 3, 2, 1 the actuals come 1, 3, 0 (total 4): gain 1/4, 4/4, 4/4, mean 3/4,
    // raw 2·3/4 − 1 = 0.5; by actual 3, 1, 0: gain 3/4, 1, 1, mean 11/12, raw 5/6; 0.5 ÷ 5/6 = 0.6
    expect(normalizedGini(f(3, 2, 1), f(1, 3, 0))).toBeCloseTo(0.6, 15);
    // actual 3, 1, 0: the perfect order gives 1; the reversed one takes them 0, 1, 3: gain 0, 1/4, 1,
    // raw 2·(5/12) − 1 = −1/6, against the best 3/4, 1, 1, raw 5/6: −1/6 ÷ 5/6 = −0.2
    expect(normalizedGini(f(3, 1, 0), f(3, 1, 0))).toBe(1);
    expect(normalizedGini(f(0, 1, 3), f(3, 1, 0))).toBeCloseTo(-0.2, 15);
    // all predictions tied: each position holds the mean 4/3: gain 1/3, 2/3, 1 → raw 2·(2/3) − 1 = 1/3; ÷ 5/6 = 0.4
    expect(normalizedGini(f(7, 7, 7), f(1, 3, 0))).toBeCloseTo(0.4, 15);
    // nobody bought: undefined
    expect(normalizedGini(f(1, 2), f(0, 0))).toBeNull();
  });

  it("top decile share and the pro rata tie at the boundary", () => {
    // 10 customers: the top one (prediction 10) made 5 of the 10 transactions
    expect(topDecileShare(f(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), f(5, 0, 1, 1, 1, 1, 1, 0, 0, 0))).toEqual({ customers: 1, share: 0.5 });
    // 5 customers, top decile 0.5 customer: the two tied at 9 (actual 4 and 0, mean 2) give 0.5 × 2 = 1 of 8
    expect(topDecileShare(f(9, 9, 1, 1, 1), f(4, 0, 2, 1, 1))).toEqual({ customers: 0.5, share: 1 / 8 });
  });

  it("AUC as Mann–Whitney, ties one half, and the Brier score", () => {
    // positives score 0.9 and 0.4, negatives 0.4 and 0.1: pairs (0.9,0.4) 1, (0.9,0.1) 1, (0.4,0.4) ½, (0.4,0.1) 1 → 3.5/4
    expect(areaUnderCurve(f(0.9, 0.4, 0.4, 0.1), u(1, 1, 0, 0))).toBe(0.875);
    expect(areaUnderCurve(f(0.2, 0.8), u(1, 0))).toBe(0);
    expect(areaUnderCurve(f(0.5, 0.5), u(1, 1))).toBeNull();
    expect(areaUnderCurve(f(0.5, 0.5), u(0, 0))).toBeNull();
    // (0.9 − 1)² = 0.01, (0.2 − 0)² = 0.04: mean 0.025
    expect(brierScore(f(0.9, 0.2), u(1, 0))).toBeCloseTo(0.025, 15);
    expect(brierScore(f(), u())).toBeNull();
  });

  it("calibration tables: 7+ shares a bin, deciles keep ties together", () => {
    const frequency = f(0, 0, 1, 9, 7);
    const actual = f(0, 1, 1, 4, 6);
    const predicted = f(0.2, 0.2, 0.5, 5, 4);
    const tables = calibrationTables(frequency, actual, predicted, descendingOrder(predicted));
    expect(tables.byFrequency).toEqual([
      { label: "0", customers: 2, meanActual: 0.5, meanPredicted: 0.2 },
      { label: "1", customers: 1, meanActual: 1, meanPredicted: 0.5 },
      { label: "7+", customers: 2, meanActual: 5, meanPredicted: 4.5 },
    ]);
    // n = 5, order 5, 4, 0.5, (0.2, 0.2): positions 0, 1, 2 → deciles ⌊10·0.5/5⌋ + 1 = 2, ⌊10·1.5/5⌋ + 1 = 4, 6;
    // the tie at positions 3–4 has its middle at 4: decile ⌊10·4/5⌋ + 1 = 9
    expect(tables.byDecile.map((bin) => [bin.label, bin.customers, bin.meanActual])).toEqual([["2", 1, 4], ["4", 1, 6], ["6", 1, 1], ["9", 2, 0.5]]);
  });
});
