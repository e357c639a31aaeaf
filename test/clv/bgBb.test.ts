import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerSummary,
  expectedPurchases,
  expectedPurchasesTracking,
  fitBetaGeometricBetaBinomial,
  isModelFitError,
  logLikelihood,
  probabilityAlive,
  purchaseCountProbability,
  RetentionInputError,
  RetentionOptionsError,
  type BgBbModel,
} from "../../src/index";
import {
  bgBbConditionalExpectedTransactions,
  bgBbDiscountedExpectedResidualTransactions,
  bgBbLogLikelihood,
  bgBbProbabilityAliveAt,
  bgBbProbabilityNoPurchase,
} from "../../src/clv/models/bgBbMath";
import { tabledLogLikelihood } from "../../src/clv/models/bgBbTabledLikelihood";
import { mergeDiscreteHistories, readDiscreteHistories } from "../../src/clv/models/discreteHistories";
import { bgBbLogLikelihoodOfHistory } from "../../src/clv/models/bgBbMath";
import { ANNUAL_REPEAT_DONATIONS, donationRows } from "./donationsFixtures";

/*
 * Reference figures, all for the donations data of Fader, Hardie & Shang (2010), "Customer-Base
 * Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6), 1086–1108:
 * 11,104 first-time donors of 1995, 6 annual opportunities (1996–2001) in calibration.
 * - Parameters α = 1.204, β = 0.750, γ = 0.657, δ = 2.783 and LL = −33,225.6 (the paper's
 *   estimates; lifetimes' test `test_params_out_is_close_to_Hardie_paper` checks the same four;
 *   pymc-marketing's BG/BB test uses 1.2035, 0.7497, 0.6567, 2.7834).
 * - P(alive in 2002) from the paper's Table 6: 0.11 (x = 0), 0.59 (x = 2, tₓ = 4), 0.93 (x = 6,
 *   tₓ = 6), as lifetimes' `test_prob_alive_is_close_to_Hardie_paper_table_6` reads them.
 * - Σ over donors of the expected donations in 2002–2006 (n* = 5): 12,884.2, the total of column
 *   F of the "Conditional Expectations (II)" sheet of Hardie's BG/BB spreadsheet
 *   (brucehardie.com/notes/010/), as lifetimes' test reads it.
 * - Expected donors with 0 and with 6 repeat donations in 1996–2001: 3,454.9 and 1,253.1 (cells
 *   C18 and C24 of the spreadsheet's "In-Sample Fit" sheet, from the same lifetimes test).
 * - Annual repeat donations 1996–2006 of the cohort: BTYD's `donationsSummary$annual.trans`
 *   (cran/BTYD, data/donationsSummary.RData), the actual line of the paper's tracking plot.
 * No published DERT figure for this data could be found with the search tools; DERT is checked
 * against its definition (a discounted sum of the conditional expectations) instead.
 */
const rows = donationRows();
const fit = fitBetaGeometricBetaBinomial(rows);
const published = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe("fitBetaGeometricBetaBinomial (golden, Fader, Hardie & Shang 2010)", () => {
  it("gives the published parameters and log-likelihood", () => {
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(fit).toMatchObject({ model: "bg-bb", timeUnit: "period", observations: 11104, converged: true, warnings: [], penalizer: 0 });
    expect(Object.isFrozen(fit)).toBe(true);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });

  it("has standard errors from the analytic gradient", () => {
    const se = fit.standardErrors!;
    for (const value of Object.values(se)) expect(value).toBeGreaterThan(0);
    expect(se.delta).toBeGreaterThan(se.gamma);
  });

  it("gives the same fit on the 11,104 donors one by one as on the weighted patterns", () => {
    const exploded = rows.flatMap(({ weight, ...row }) => Array.from({ length: weight }, () => row));
    const one = fitBetaGeometricBetaBinomial(exploded);
    expect(one.params.alpha).toBeCloseTo(fit.params.alpha, 8);
    expect(one.params.delta).toBeCloseTo(fit.params.delta, 7);
    expect(one.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });

  it("reads a customerSummary(…, { timeUnit: 'period' }) result", () => {
    const purchases = [
      { customerId: "a", at: "1995-03-01", amount: "10" },
      { customerId: "a", at: "1997-05-01", amount: "10" },
      { customerId: "b", at: "1995-06-01", amount: "10" },
    ];
    const summary = customerSummary(purchases, { asOf: "2001-12-31", timeUnit: "period", granularity: "year" });
    const model = fitBetaGeometricBetaBinomial(summary);
    expect(model.observations).toBe(2);
  });
});

describe("BG/BB predictions against the published figures", () => {
  it("P(alive in 2002), Table 6", () => {
    expect(probabilityAlive(fit, { frequency: 0, recency: 0, periods: 6 })).toBeCloseTo(0.11, 2);
    expect(probabilityAlive(fit, { frequency: 2, recency: 4, periods: 6 })).toBeCloseTo(0.59, 2);
    expect(probabilityAlive(fit, { frequency: 6, recency: 6, periods: 6 })).toBeCloseTo(0.93, 2);
  });

  it("expected donations in 2002–2006 summed over donors: 12,884.2 (Hardie's spreadsheet)", () => {
    const total = rows.reduce((sum, row) => sum + row.weight * conditionalExpectedPurchases(fit, row, 5), 0);
    expect(total).toBeCloseTo(12884.2, 0);
  });

  it("the count distribution: 3,454.9 donors with no and 1,253.1 with six repeat donations", () => {
    expect(11104 * purchaseCountProbability(fit, 0, 6)).toBeCloseTo(3454.9, 0);
    expect(11104 * purchaseCountProbability(fit, 6, 6)).toBeCloseTo(1253.1, 0);
    let sum = 0;
    let mean = 0;
    for (let x = 0; x <= 6; x++) {
      sum += purchaseCountProbability(fit, x, 6);
      mean += x * purchaseCountProbability(fit, x, 6);
    }
    expect(sum).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(expectedPurchases(fit, 6), 12);
  });

  it("the tracking: calibration total matches the donations (24,615), holdout within 1%", () => {
    const calibrationActual = rows.reduce((sum, row) => sum + row.weight * row.frequency, 0);
    expect(calibrationActual).toBe(24615);
    const tracking = expectedPurchasesTracking(fit, { periods: 11, actual: ANNUAL_REPEAT_DONATIONS });
    expect(tracking.periods).toHaveLength(11);
    expect(tracking.periods[5]!.actualCumulative).toBe(24615);
    expect(tracking.periods[5]!.expectedCumulative).toBeCloseTo(11104 * expectedPurchases(fit, 6), 6);
    expect(tracking.periods[5]!.expectedCumulative / 24615 - 1).toBeLessThan(0.005);
    expect(tracking.totals.actual).toBe(37875);
    expect(Math.abs(tracking.totals.percentageError!)).toBeLessThan(0.01);
    const increments = tracking.periods.map((p) => p.expected);
    for (let k = 1; k < increments.length; k++) expect(increments[k]).toBeLessThan(increments[k - 1]!);
    expect(expectedPurchasesTracking(fit, { periods: 3 }).totals).toEqual({ periods: 0, actual: 0, expected: 0, percentageError: null });
  });

  it("log-likelihood of rows at the published and fitted parameters", () => {
    expect(logLikelihood({ ...fit, params: published }, rows).logLikelihood).toBeCloseTo(-33225.6, 0);
    expect(logLikelihood(fit, rows)).toMatchObject({ model: "bg-bb", observations: 11104, parameters: 4 });
    expect(logLikelihood(fit, rows).logLikelihood).toBeCloseTo(fit.logLikelihood, 8);
    expect(() => logLikelihood(fit, [{ frequency: 3, recency: 2, periods: 6 }])).toThrow(RetentionInputError);
  });
});

describe("BG/BB math by hand", () => {
  const p = { alpha: 1, beta: 1, gamma: 1, delta: 1 };

  it("a one-opportunity customer with no transaction, worked out with uniform priors", () => {
    // L(0, 0, 1) = B(1,2)B(1,2)/(B(1,1)B(1,1)) + B(1,1)B(2,1)/(B(1,1)B(1,1)) = 1/4 + 1/2 = 3/4.
    expect(Math.exp(bgBbLogLikelihood([1, 1, 1, 1], mergeDiscreteHistories(readDiscreteHistories([{ frequency: 0, recency: 0, periods: 1 }], "test"))))).toBeCloseTo(0.75, 14);
    // P(alive at 2) = B(1,2)B(1,3)/L = (1/2)(1/3)/(3/4) = 2/9.
    expect(bgBbProbabilityAliveAt(p, 0, 0, 1, 1)).toBeCloseTo(2 / 9, 14);
    // P(alive at 1 | …) = (1/4)/(3/4) = 1/3.
    expect(bgBbProbabilityAliveAt(p, 0, 0, 1, 0)).toBeCloseTo(1 / 3, 14);
    // Next transaction at 2: B(2,2)B(1,3)/L = (1/6)(1/3)/(3/4) = 2/27.
    expect(bgBbProbabilityNoPurchase(p, 0, 0, 1, 1)).toBeCloseTo(1 - 2 / 27, 14);
    // E[X(1, 2)] = P(alive at 2)·E[p | …] = B(2,2)B(1,3)/L = 2/27, the same single term.
    expect(bgBbConditionalExpectedTransactions(p, 0, 0, 1, 1)).toBeCloseTo(2 / 27, 14);
  });

  it("γ = 1 exactly is the limit of the expectation (a removable singularity)", () => {
    const at = (gamma: number): number => bgBbConditionalExpectedTransactions({ alpha: 2, beta: 3, gamma, delta: 2 }, 2, 3, 5, 10);
    expect(at(1)).toBeCloseTo((at(1 + 1e-6) + at(1 - 1e-6)) / 2, 11);
    expect(expectedPurchases({ ...fit, params: { ...fit.params, gamma: 1 } }, 7)).toBeCloseTo(
      (expectedPurchases({ ...fit, params: { ...fit.params, gamma: 1 + 1e-5 } }, 7) + expectedPurchases({ ...fit, params: { ...fit.params, gamma: 1 - 1e-5 } }, 7)) / 2,
      8,
    );
  });

  it("DERT is the discounted sum of the expected transactions per opportunity (FHS 2010, eq. 14)", () => {
    for (const [x, tx, n] of [
      [3, 4, 6],
      [0, 0, 6],
      [6, 6, 6],
    ] as const) {
      let direct = 0;
      let previous = 0;
      for (let t = 1; t <= 2000; t++) {
        const cumulative = bgBbConditionalExpectedTransactions(fit.params, x, tx, n, t);
        direct += (cumulative - previous) / 1.1 ** t;
        previous = cumulative;
      }
      expect(bgBbDiscountedExpectedResidualTransactions(fit.params, x, tx, n, 0.1)).toBeCloseTo(direct, 10);
    }
    // More donations so far, more to come (the paper's Figure 6 rises with frequency at recency 6).
    const byFrequency = [1, 2, 3, 4, 5, 6].map((x) => bgBbDiscountedExpectedResidualTransactions(fit.params, x, 6, 6, 0.1));
    for (let i = 1; i < byFrequency.length; i++) expect(byFrequency[i]).toBeGreaterThan(byFrequency[i - 1]!);
  });

  it("no purchase in the next opportunity = 1 − the expected transactions in it (at most one per opportunity)", () => {
    for (const [x, tx, n] of [
      [3, 4, 6],
      [0, 0, 6],
      [1, 1, 9],
    ] as const) {
      expect(bgBbProbabilityNoPurchase(fit.params, x, tx, n, 1)).toBeCloseTo(1 - bgBbConditionalExpectedTransactions(fit.params, x, tx, n, 1), 12);
    }
  });
});

describe("BG/BB likelihood paths", () => {
  const histories = [...rows, { frequency: 3, recency: 40, periods: 90, weight: 2.5 }, { frequency: 0, recency: 0, periods: 17, weight: 1 }, { frequency: 9, recency: 9, periods: 9, weight: 4 }];
  const data = mergeDiscreteHistories(readDiscreteHistories(histories, "test"));

  it("the tabulated likelihood and its gradient equal the history-by-history ones", () => {
    const p = { alpha: 0.8, beta: 2.5, gamma: 1.7, delta: 0.6 };
    const tabledGradient = [0, 0, 0, 0];
    const tabled = tabledLogLikelihood([p.alpha, p.beta, p.gamma, p.delta], data, 90, tabledGradient);
    let direct = 0;
    const directGradient = [0, 0, 0, 0];
    for (let i = 0; i < data.count; i++) {
      const g = [0, 0, 0, 0];
      direct += data.weight[i]! * bgBbLogLikelihoodOfHistory(p, data.x[i]!, data.tx[i]!, data.n[i]!, g).log;
      for (let j = 0; j < 4; j++) directGradient[j]! += data.weight[i]! * g[j]!;
    }
    expect(tabled.log).toBeCloseTo(direct, 9);
    for (let j = 0; j < 4; j++) expect(tabledGradient[j]).toBeCloseTo(directGradient[j]!, 8);
    // and the gradient is the likelihood's: central differences
    const names = ["alpha", "beta", "gamma", "delta"] as const;
    names.forEach((name, j) => {
      const h = 1e-6;
      const at = (v: number): number => tabledLogLikelihood(names.map((k) => (k === name ? v : p[k])), data, 90).log;
      expect(tabledGradient[j]).toBeCloseTo((at(p[name] + h) - at(p[name] - h)) / (2 * h), 3);
    });
  });

  it("merges on the grid and by sorting alike, in ascending (periods, recency, frequency) order", () => {
    const far = mergeDiscreteHistories(readDiscreteHistories([...histories, { frequency: 1, recency: 1, periods: 200_000 }], "test"));
    expect(far.count).toBe(data.count + 1);
    expect(Array.from(far.weight.subarray(0, data.count))).toEqual(Array.from(data.weight));
    expect(Array.from(far.n.subarray(0, data.count))).toEqual(Array.from(data.n));
    expect(Array.from(far.x.subarray(0, data.count))).toEqual(Array.from(data.x));
  });
});

describe("BG/BB inputs", () => {
  it("names the row and field of a bad row", () => {
    const bad = (row: object): RetentionInputError => {
      try {
        fitBetaGeometricBetaBinomial([{ frequency: 1, recency: 1, periods: 2 }, row as never]);
      } catch (error) {
        expect(error).toBeInstanceOf(RetentionInputError);
        return error as RetentionInputError;
      }
      throw new Error("expected an input error");
    };
    expect(bad({ frequency: 1, recency: 3, periods: 2 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "recency"] });
    expect(bad({ frequency: 3, recency: 2, periods: 4 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "frequency"] });
    expect(bad({ frequency: 1.5, recency: 2, periods: 4 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "frequency"] });
    expect(bad({ frequency: 0, recency: 2, periods: 4 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "recency"] });
    expect(bad({ frequency: 1, recency: 0, periods: 4 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "frequency"] });
    expect(bad({ frequency: 1, recency: 1, periods: "4" }).issues[0]).toMatchObject({ index: 1, path: ["rows", "periods"] });
    expect(bad({ frequency: 1, recency: 1, periods: 4, weight: 0 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "weight"] });
    expect(bad({ frequency: -1, recency: 1, periods: 4 }).issues[0]).toMatchObject({ index: 1, path: ["rows", "frequency"] });
  });

  it("throws ModelFitError on no rows, or rows never observed", () => {
    for (const input of [[], [{ frequency: 0, recency: 0, periods: 0 }]]) {
      try {
        fitBetaGeometricBetaBinomial(input);
        throw new Error("expected a fit error");
      } catch (error) {
        expect(isModelFitError(error)).toBe(true);
      }
    }
  });

  it("rejects bad options, models, customers and horizons with RetentionOptionsError", () => {
    expect(() => fitBetaGeometricBetaBinomial(rows, { timeUnit: "week" })).toThrow(RetentionOptionsError);
    expect(() => fitBetaGeometricBetaBinomial(null as never)).toThrow(RetentionOptionsError);
    expect(() => probabilityAlive(fit, { frequency: 2, recency: 7, periods: 6 })).toThrow(RetentionOptionsError);
    expect(() => probabilityAlive(fit, { frequency: 2, recency: 4, T: 6 } as never)).toThrow(RetentionOptionsError);
    expect(() => conditionalExpectedPurchases(fit, { frequency: 2, recency: 4, periods: 6 }, 2.5)).toThrow(RetentionOptionsError);
    expect(() => expectedPurchases(fit, -1)).toThrow(RetentionOptionsError);
    expect(() => purchaseCountProbability(fit, 0.5, 6)).toThrow(RetentionOptionsError);
    const broken = { ...fit, params: { ...fit.params, gamma: Number.NaN } } as BgBbModel;
    expect(() => expectedPurchases(broken, 3)).toThrow(RetentionOptionsError);
    expect(() => expectedPurchasesTracking(fit, { periods: 2, actual: [1, 2, 3] })).toThrow(RetentionOptionsError);
    expect(() => expectedPurchasesTracking(fit, { periods: 1e9 })).toThrow(RetentionOptionsError);
  });

  it("a JSON round trip of the model predicts the same", () => {
    const parsed = JSON.parse(JSON.stringify(fit)) as BgBbModel;
    expect(probabilityAlive(parsed, { frequency: 2, recency: 4, periods: 6 })).toBe(probabilityAlive(fit, { frequency: 2, recency: 4, periods: 6 }));
  });
});

describe("BG/BB fits end in bounded time", () => {
  it("a fit whose histories span millions of opportunities runs out of its work budget, not forever", () => {
    const long = Array.from({ length: 200 }, (_, i) => ({ frequency: 1 + (i % 5), recency: 10 + i, periods: 5_000_000 + i }));
    const started = performance.now();
    try {
      const model = fitBetaGeometricBetaBinomial(long);
      expect(model.converged).toBe(true);
    } catch (error) {
      expect(isModelFitError(error)).toBe(true);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
