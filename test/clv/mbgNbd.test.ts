import { describe, expect, it } from "vitest";
import {
  calibrationHoldoutSummary,
  compareModels,
  conditionalExpectedPurchases,
  customerSummary,
  evaluateHoldout,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitModifiedBgNbd,
  isModelFitError,
  predictClv,
  probabilityAlive,
  purchaseCountProbability,
  RetentionInputError,
  trackingSeries,
  type ModifiedBgNbdModel,
} from "../../src/index";
import { bgNbdHistories } from "../../src/clv/models/bgNbdLikelihood";
import { compressHistories } from "../../src/clv/models/compress";
import { hyp2f1 } from "../../src/clv/models/hyp2f1";
import {
  mbgNbdConditionalExpectedPurchases,
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdPurchaseCountProbability,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityAliveAt,
  mbgNbdProbabilityNoPurchase,
} from "../../src/clv/models/mbgNbdMath";
import { betaln, gammaln } from "../../src/clv/models/special";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { modelLogLikelihood } from "../../src/diagnostics/modelLogLikelihood";
import { cdnowPurchases, cdnowSpendRows, cdnowSummaryRows } from "./cdnowFixtures";
import { numericGradient } from "./numericGradient";

// Reference: lifetimes' test suite (CamDavidsonPilon/lifetimes, lifetimes/tests/test_estimation.py,
// TestModifiedBetaGeoFitter.test_params_out_is_close_to_BTYDplus) fits ModifiedBetaGeoFitter on
// the CDNOW summary (weeks) and checks r, α, a, b = [0.525, 6.183, 0.891, 1.614] to 3 decimals,
// the values of BTYDplus (mplatzer/BTYDplus, mbgcnbd.EstimateParameters with k = 1). Its
// test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet checks
// E[Y(39) | x = 2, tₓ = 30.43, T = 38.86] within 0.05 of 1.226.
const rows = cdnowSummaryRows();
const model = fitModifiedBgNbd(rows, { timeUnit: "week" });
const params = model.params;
const { r, alpha, a, b } = params;

/** ln L of one customer written out from Batislam et al. (2007), eq. 4 with Wagner & Hoppe's (2008) correction. */
function directLogLikelihood([r, alpha, a, b]: readonly number[], x: number, tx: number, T: number): number {
  const head = gammaln(r! + x) - gammaln(r!) + r! * Math.log(alpha!) + betaln(a!, b! + x + 1) - betaln(a!, b!);
  return head + Math.log(Math.pow(alpha! + T, -(r! + x)) + (a! / (b! + x)) * Math.pow(alpha! + tx, -(r! + x)));
}

describe("fitModifiedBgNbd on CDNOW (reference: lifetimes' ModifiedBetaGeoFitter and BTYDplus)", () => {
  it("gives r = 0.525, α = 6.183, a = 0.891, b = 1.614 to 3 decimals", () => {
    expect(r).toBeCloseTo(0.525, 3);
    expect(alpha).toBeCloseTo(6.183, 3);
    expect(a).toBeCloseTo(0.891, 3);
    expect(b).toBeCloseTo(1.614, 3);
    expect(model).toMatchObject({ model: "mbg-nbd", converged: true, observations: 2357, timeUnit: "week", penalizer: 0, warnings: [] });
    expect(model.standardErrors!.r).toBeGreaterThan(0);
    // Its own maximum, slightly above BG/NBD's −9582.4 would be a coincidence: the figure is the sum of the direct formula.
    const direct = rows.reduce((sum, row) => sum + directLogLikelihood([r, alpha, a, b], row.frequency, row.recency, row.T), 0);
    expect(model.logLikelihood).toBeCloseTo(direct, 6);
  });

  it("matches lifetimes' conditional expectation check (1.226 ± 0.05) and the formula with the untransformed ₂F₁", () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const value = conditionalExpectedPurchases(model, customer, 39);
    expect(Math.abs(value - 1.226)).toBeLessThan(0.05);
    const { frequency: x, recency: tx, T } = customer;
    const t = 39;
    const numerator = ((a + b + x) / (a - 1)) * (1 - hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)) * Math.pow((alpha + T) / (alpha + T + t), r + x));
    const denominator = 1 + (a / (b + x)) * Math.pow((alpha + T) / (alpha + tx), r + x);
    expect(value).toBeCloseTo(numerator / denominator, 12);
  });

  it("fits a customerSummary of the raw CDNOW log to the same optimum, and survives a JSON round-trip", () => {
    const fromLog = fitModifiedBgNbd(customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" }));
    expect(fromLog.timeUnit).toBe("week");
    expect(fromLog.params.r).toBeCloseTo(0.525, 2);
    expect(Object.isFrozen(model)).toBe(true);
    const parsed = JSON.parse(JSON.stringify(model)) as ModifiedBgNbdModel;
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(probabilityAlive(parsed, c)).toBe(probabilityAlive(model, c));
    expect(conditionalExpectedPurchases(parsed, c, 39)).toBe(conditionalExpectedPurchases(model, c, 39));
  });

  it("weights are customers: a weighted row fits as that many copies, and merging identical rows changes nothing", () => {
    const small = rows.slice(0, 300);
    const weighted = small.map((row, i) => ({ ...row, weight: 1 + (i % 3) }));
    const copies = small.flatMap((row, i) => Array.from({ length: 1 + (i % 3) }, () => row));
    const one = fitModifiedBgNbd(weighted, { timeUnit: "week" });
    const two = fitModifiedBgNbd(copies, { timeUnit: "week" });
    expect(one.observations).toBe(two.observations);
    expect(one.params.r).toBeCloseTo(two.params.r, 5);
    expect(one.params.b).toBeCloseTo(two.params.b, 4);
    expect(one.logLikelihood).toBeCloseTo(two.logLikelihood, 5);
  });

  it("throws ModelFitError without customers, and RetentionInputError naming a bad row", () => {
    let caught: unknown;
    try {
      fitModifiedBgNbd([]);
    } catch (error) {
      caught = error;
    }
    expect(isModelFitError(caught)).toBe(true);
    expect(() => fitModifiedBgNbd([{ frequency: -1, recency: 0, T: 3 }])).toThrow(RetentionInputError);
  });
});

describe("mbgNbdLogLikelihood", () => {
  const data = bgNbdHistories(compressHistories(readSummaryRows(rows, "test")));
  const at = [0.4, 5, 1.3, 2.2];

  it("is the sum of the direct per-customer formula, one-time buyers' dropout-at-0 term included", () => {
    const direct = rows.reduce((sum, row) => sum + directLogLikelihood(at, row.frequency, row.recency, row.T), 0);
    expect(mbgNbdLogLikelihood(at, data)).toBeCloseTo(direct, 7);
    const oneTime = directLogLikelihood(at, 0, 0, 10);
    const gammaPart = 0.4 * Math.log(5 / 15);
    expect(oneTime).toBeCloseTo(Math.log((2.2 / 3.5) * Math.exp(gammaPart) + 1.3 / 3.5), 12);
  });

  it("has the analytic gradient of its numeric differences", () => {
    const gradient: number[] = [];
    mbgNbdLogLikelihood(at, data, gradient);
    const numeric = numericGradient(at, (p) => mbgNbdLogLikelihood(p, data));
    for (let k = 0; k < 4; k++) expect(gradient[k]!).toBeCloseTo(numeric[k]!, 3);
  });

  it("is what modelLogLikelihood (compareModels' ln L) gives for an MBG/NBD model", () => {
    expect(modelLogLikelihood(model, readSummaryRows(rows, "test"))).toBeCloseTo(model.logLikelihood, 8);
  });
});

describe("MBG/NBD predictions", () => {
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };

  it("P(alive) = 1/(1 + a/(b+x)·((α+T)/(α+tₓ))^(r+x)), below 1 for one-time buyers", () => {
    const direct = 1 / (1 + (a / (b + 2)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2));
    expect(probabilityAlive(model, customer)).toBeCloseTo(direct, 14);
    const oneTime = probabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 });
    expect(oneTime).toBeCloseTo(1 / (1 + (a / b) * Math.pow((alpha + 38.86) / alpha, r)), 14);
    expect(oneTime).toBeLessThan(1);
    expect(probabilityAlive(model, { frequency: 0, recency: 0, T: 0 })).toBeCloseTo(b / (a + b), 14);
  });

  it("E[X(t)] = b/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))], and a customer with no history expects it", () => {
    for (const t of [1, 39, 78, 520]) {
      const direct = (b / (a - 1)) * (1 - hyp2f1(r, b + 1, a + b, t / (alpha + t)) * Math.pow(alpha / (alpha + t), r));
      expect(expectedPurchases(model, t)).toBeCloseTo(direct, 11);
      expect(conditionalExpectedPurchases(model, { frequency: 0, recency: 0, T: 0 }, t)).toBeCloseTo(expectedPurchases(model, t), 12);
    }
  });

  it("P(X(t) = n) sums to 1, its mean is E[X(t)], and P(X(t) = 0) counts the dropouts at time 0", () => {
    for (const t of [39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = purchaseCountProbability(model, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(expectedPurchases(model, t), 8);
      expect(purchaseCountProbability(model, 0, t)).toBeCloseTo(a / (a + b) + (b / (a + b)) * Math.pow(alpha / (alpha + t), r), 12);
    }
  });

  it("the conditional count distribution sums to 1, has the conditional mean, and its n = 0 is P(no purchase)", () => {
    const { frequency: x, recency: tx, T } = customer;
    for (const t of [10, 39, 104]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 600; n++) {
        const p = mbgNbdConditionalPurchaseCountProbability(params, n, x, tx, T, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(mean).toBeCloseTo(conditionalExpectedPurchases(model, customer, t), 7);
      expect(mbgNbdConditionalPurchaseCountProbability(params, 0, x, tx, T, t)).toBeCloseTo(mbgNbdProbabilityNoPurchase(params, x, tx, T, t), 12);
    }
  });

  it("P(alive at T+t) is P(alive) at t = 0, falls with t toward 0, and matches E[e^(−λpt)] by quadrature over p", () => {
    const { frequency: x, recency: tx, T } = customer;
    expect(mbgNbdProbabilityAliveAt(params, x, tx, T, 0)).toBe(mbgNbdProbabilityAlive(params, x, tx, T));
    let previous = 1;
    for (const t of [0, 1, 5, 20, 52, 200, 1e4, 1e7]) {
      const value = mbgNbdProbabilityAliveAt(params, x, tx, T, t);
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
    }
    expect(previous).toBeLessThan(0.01);
    // E over p ~ Beta(a, b+x+1) of ((α+T)/(α+T+pt))^(r+x), by the midpoint rule in u = p^a (which takes the p^(a−1) singularity out).
    const t = 52;
    const steps = 200_000;
    let sum = 0;
    for (let k = 0; k < steps; k++) {
      const u = (k + 0.5) / steps;
      const p = Math.pow(u, 1 / a);
      sum += Math.pow(1 - p, b + x) * Math.pow((alpha + T) / (alpha + T + p * t), r + x);
    }
    const survival = (sum / steps) * Math.exp(-betaln(a, b + x + 1) - Math.log(a));
    expect(mbgNbdProbabilityAliveAt(params, x, tx, T, t)).toBeCloseTo(mbgNbdProbabilityAlive(params, x, tx, T) * survival, 6);
  });
});

describe("the figures in mbgNbdMath's doc examples (lifetimes' rounded CDNOW parameters)", () => {
  it("are what the functions give", () => {
    const p = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    const data = bgNbdHistories(compressHistories(readSummaryRows(rows, "test")));
    expect(mbgNbdLogLikelihood([0.525, 6.183, 0.891, 1.614], data)).toBeCloseTo(-9582.1, 1);
    expect(mbgNbdProbabilityAlive(p, 0, 0, 38.86)).toBeCloseTo(0.39, 3);
    expect(mbgNbdConditionalExpectedPurchases(p, 2, 30.43, 38.86, 39)).toBeCloseTo(1.263, 3);
    expect(mbgNbdExpectedPurchases(p, 78)).toBeCloseTo(1.805, 3);
    expect(mbgNbdPurchaseCountProbability(p, 0, 39)).toBeCloseTo(0.582, 3);
    expect(mbgNbdProbabilityAliveAt(p, 2, 30.43, 38.86, 52)).toBeCloseTo(0.493, 3);
    expect(mbgNbdProbabilityNoPurchase(p, 2, 30.43, 38.86, 39)).toBeCloseTo(0.44, 3);
    expect(mbgNbdConditionalPurchaseCountProbability(p, 0, 2, 30.43, 38.86, 39)).toBeCloseTo(0.44, 3);
  });
});

describe("MBG/NBD in predictClv and the diagnostics", () => {
  it("predictClv's expected purchases and P(alive) are the per-customer functions' (its kernel interpolates most of CDNOW)", () => {
    const spendRows = cdnowSpendRows();
    const spend = fitGammaGamma(spendRows.filter((row) => row.frequency > 0));
    const result = predictClv(model, spend, spendRows, { horizon: 52, discountRate: 0.002 });
    expect(result.customerCount).toBe(2357);
    for (let i = 0; i < spendRows.length; i += 7) {
      const row = spendRows[i]!;
      const history = { frequency: row.frequency, recency: row.recency, T: row.T };
      expect(result.customers[i]!.expectedPurchases).toBeCloseTo(conditionalExpectedPurchases(model, history, 52), 9);
      expect(result.customers[i]!.probabilityAlive).toBe(probabilityAlive(model, history));
    }
  });

  it("evaluateHoldout, compareModels and trackingSeries take an MBG/NBD fit", () => {
    const purchases = cdnowPurchases();
    const split = calibrationHoldoutSummary(purchases, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
    const fit = fitModifiedBgNbd(split);
    const scorecard = evaluateHoldout(fit, split);
    expect(scorecard.model).toBe("mbg-nbd");
    expect(scorecard.mae).toBeGreaterThan(0);
    const comparison = compareModels([fitBgNbd(split), fit], split);
    expect(comparison.models[1]).toMatchObject({ model: "mbg-nbd", parameters: 4 });
    expect(comparison.models[1]!.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    const tracking = trackingSeries(fit, purchases, { calibrationEnd: "1997-10-01", end: "1998-07-01" });
    expect(tracking.model).toBe("mbg-nbd");
    const last = tracking.periods[tracking.periods.length - 1]!;
    expect(last.expectedCumulative).toBeGreaterThan(0.8 * last.actualCumulative);
    expect(last.expectedCumulative).toBeLessThan(1.2 * last.actualCumulative);
  });
});
