import { describe, expect, it } from "vitest";
import {
  calibrationHoldoutSummary,
  compareModels,
  conditionalExpectedPurchases,
  evaluateHoldout,
  expectedAverageSpend,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAlive,
  RetentionOptionsError,
  type CalibrationHoldoutSummary,
  type TransactionModel,
} from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";

const split = calibrationHoldoutSummary(cdnowPurchases(), { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
const bgNbd = fitBgNbd(split);
const paretoNbd = fitParetoNbd(split);
const gammaGamma = fitGammaGamma(split);

/** Every figure straight from the public per-customer functions and the definitions, O(n²) where ties matter. */
function bruteForce(model: TransactionModel, summary: CalibrationHoldoutSummary) {
  const rows = summary.customers;
  const n = rows.length;
  const predicted = rows.map((row) => conditionalExpectedPurchases(model, row, row.holdoutDuration));
  const alive = rows.map((row) => probabilityAlive(model, row));
  const actual = rows.map((row) => row.holdoutFrequency);
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const mae = mean(predicted.map((p, i) => Math.abs(p - actual[i]!)));
  const rmse = Math.sqrt(mean(predicted.map((p, i) => (p - actual[i]!) ** 2)));
  const bias = mean(predicted.map((p, i) => p - actual[i]!));
  const mp = mean(predicted);
  const ma = mean(actual);
  const cov = predicted.reduce((s, p, i) => s + (p - mp) * (actual[i]! - ma), 0);
  const correlation = cov / Math.sqrt(predicted.reduce((s, p) => s + (p - mp) ** 2, 0) * actual.reduce((s, a) => s + (a - ma) ** 2, 0));
  // 1-based mid-position in descending order of `score`, and the tie group's start and size
  const place = (score: number[], i: number) => {
    let above = 0;
    let tied = 0;
    for (let j = 0; j < n; j++) {
      if (score[j]! > score[i]!) above++;
      else if (score[j] === score[i]) tied++;
    }
    return { above, tied, mid: above + (tied + 1) / 2 };
  };
  const total = actual.reduce((s, a) => s + a, 0);
  const raw = (score: number[]) => (2 * actual.reduce((s, a, i) => s + a * (n + 1 - place(score, i).mid), 0)) / (total * n) - 1;
  const gini = raw(predicted) / raw(actual);
  let top = 0;
  const decile = new Map<number, { count: number; actual: number; predicted: number }>();
  for (let i = 0; i < n; i++) {
    const { above, tied } = place(predicted, i);
    top += (actual[i]! * Math.max(0, Math.min(tied, n / 10 - above))) / tied;
    const d = Math.min(9, Math.floor((10 * (above + tied / 2)) / n));
    const bin = decile.get(d) ?? { count: 0, actual: 0, predicted: 0 };
    decile.set(d, { count: bin.count + 1, actual: bin.actual + actual[i]!, predicted: bin.predicted + predicted[i]! });
  }
  let wins = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (actual[i] === 0) continue;
    positives++;
    for (let j = 0; j < n; j++) if (actual[j] === 0) wins += alive[i]! > alive[j]! ? 1 : alive[i] === alive[j] ? 0.5 : 0;
  }
  const auc = wins / (positives * (n - positives));
  const brier = mean(alive.map((p, i) => (p - (actual[i]! > 0 ? 1 : 0)) ** 2));
  const byFrequency = new Map<number, { count: number; actual: number; predicted: number }>();
  rows.forEach((row, i) => {
    const b = Math.min(7, row.frequency);
    const bin = byFrequency.get(b) ?? { count: 0, actual: 0, predicted: 0 };
    byFrequency.set(b, { count: bin.count + 1, actual: bin.actual + actual[i]!, predicted: bin.predicted + predicted[i]! });
  });
  return { predicted, mae, rmse, bias, correlation, gini, topShare: top / total, auc, brier, byFrequency, decile, predictedTotal: predicted.reduce((s, p) => s + p, 0), total };
}

describe("evaluateHoldout on CDNOW (calibration to 1997-09-30, holdout of 39 weeks to 1998-06-30)", () => {
  it("bins the customers as the BTYD walkthrough prints them: sizes and actual holdout means by calibration frequency", () => {
    const card = evaluateHoldout(bgNbd, split);
    // BTYD walkthrough, pnbd.PlotFreqVsConditionalExpectedFrequency(..., censor = 7), rows bin.size and transaction.actual
    expect(card.calibration.byFrequency.map((bin) => bin.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(card.calibration.byFrequency.map((bin) => bin.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const printed = [0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375];
    card.calibration.byFrequency.forEach((bin, b) => expect(bin.meanActual).toBeCloseTo(printed[b]!, 6));
  });

  for (const [name, model] of [["BG/NBD", bgNbd], ["Pareto/NBD", paretoNbd]] as const) {
    it(`${name}: every figure equals the brute-force computation from the public per-customer functions`, () => {
      const card = evaluateHoldout(model, split, { spendModel: gammaGamma });
      const brute = bruteForce(model, split);
      expect(card.customers).toBe(2357);
      expect(card.holdoutDuration).toBe(39);
      expect(card.mae).toBeCloseTo(brute.mae, 10);
      expect(card.rmse).toBeCloseTo(brute.rmse, 10);
      expect(card.meanError).toBeCloseTo(brute.bias, 10);
      expect(card.correlation).toBeCloseTo(brute.correlation, 10);
      expect(card.aggregate.actualTotal).toBe(brute.total);
      expect(card.aggregate.predictedTotal).toBeCloseTo(brute.predictedTotal, 7);
      expect(card.aggregate.percentError).toBeCloseTo((100 * (brute.predictedTotal - brute.total)) / brute.total, 8);
      expect(card.ranking.gini).toBeCloseTo(brute.gini, 10);
      expect(card.ranking.topDecileShare).toBeCloseTo(brute.topShare, 10);
      expect(card.ranking.topDecileLift).toBeCloseTo(brute.topShare * 10, 9);
      expect(card.probabilityAlive.auc).toBeCloseTo(brute.auc, 12);
      expect(card.probabilityAlive.brier).toBeCloseTo(brute.brier, 12);
      expect(card.probabilityAlive.positives + card.probabilityAlive.negatives).toBe(2357);
      for (const bin of card.calibration.byFrequency) {
        const expected = brute.byFrequency.get(bin.label === "7+" ? 7 : Number(bin.label))!;
        expect([bin.customers, bin.meanActual]).toEqual([expected.count, expected.actual / expected.count]);
        expect(bin.meanPredicted).toBeCloseTo(expected.predicted / expected.count, 10);
      }
      expect(card.calibration.byDecile.map((bin) => bin.label)).toEqual([...brute.decile.keys()].sort((a, b) => a - b).map((d) => String(d + 1)));
      for (const bin of card.calibration.byDecile) {
        const expected = brute.decile.get(Number(bin.label) - 1)!;
        expect(bin.customers).toBe(expected.count);
        expect(bin.meanActual).toBeCloseTo(expected.actual / expected.count, 12);
      }
      expect(card.nullFigures).toEqual([]);
    });
  }

  it("spend: Gamma-Gamma's expected spend against the mean holdout spend of the customers who bought in the holdout", () => {
    const card = evaluateHoldout(bgNbd, split, { spendModel: gammaGamma });
    const buyers = split.customers.filter((row) => row.holdoutFrequency > 0);
    const predicted = buyers.map((row) => expectedAverageSpend(gammaGamma, { frequency: row.frequency, monetaryValue: row.frequency === 0 ? 0 : row.monetaryValue })!);
    const actual = buyers.map((row) => Number(row.holdoutMonetaryValue.toString()));
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(card.spend!.customers).toBe(684);
    expect(card.spend!.meanPredicted).toBeCloseTo(mean(predicted), 9);
    expect(card.spend!.meanActual).toBeCloseTo(mean(actual), 9);
    expect(card.spend!.mae).toBeCloseTo(mean(predicted.map((p, i) => Math.abs(p - actual[i]!))), 9);
    expect(card.spend!.meanError).toBeCloseTo(mean(predicted) - mean(actual), 9);
    expect(card.ranking.valueGini).not.toBeNull();
    // without a spend model: spend and the value Gini are null, and say why
    const plain = evaluateHoldout(bgNbd, split);
    expect(plain.spend).toBeNull();
    expect(plain.ranking.valueGini).toBeNull();
    expect(plain.nullFigures).toEqual([{ figure: "spend", reason: "no spendModel was given" }, { figure: "ranking.valueGini", reason: "no spendModel was given" }]);
  });

  it("compareModels: log-likelihood on the calibration rows equals each fit's, with AIC = 2k − 2 ln L and BIC = k ln n − 2 ln L", () => {
    const comparison = compareModels([bgNbd, paretoNbd], split);
    expect(comparison.models.map((m) => m.model)).toEqual(["bg-nbd", "pareto-nbd"]);
    for (const [m, fit] of [[0, bgNbd], [1, paretoNbd]] as const) {
      const row = comparison.models[m]!;
      expect(row.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
      expect(row.aic).toBeCloseTo(8 - 2 * fit.logLikelihood, 6);
      expect(row.bic).toBeCloseTo(4 * Math.log(2357) - 2 * fit.logLikelihood, 6);
      expect(row.scorecard).toEqual(evaluateHoldout(fit, split));
    }
    // published: BG/NBD LL −9582.4, Pareto/NBD −9595.0 (Fader, Hardie & Lee 2005)
    expect(comparison.models[0]!.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(comparison.models[1]!.logLikelihood).toBeCloseTo(-9595.0, 1);
  });
});

describe("evaluateHoldout on small and empty holdouts", () => {
  const rows = Object.freeze([
    Object.freeze({ customerId: "a", at: "2024-01-01", amount: "10" }),
    Object.freeze({ customerId: "a", at: "2024-01-15", amount: "20" }),
    Object.freeze({ customerId: "b", at: "2024-01-08", amount: "30" }),
    Object.freeze({ customerId: "a", at: "2024-02-12", amount: "25" }),
  ]);
  const model = { ...bgNbd, timeUnit: "week" as const };

  it("an empty summary gives nulls, each with its reason", () => {
    const empty = calibrationHoldoutSummary(rows, { calibrationEnd: "2023-12-01", observationEnd: "2024-03-01", timeUnit: "week" });
    const card = evaluateHoldout(model, empty, { spendModel: gammaGamma });
    expect(card.customers).toBe(0);
    expect(card.holdoutDuration).toBeNull();
    expect([card.mae, card.rmse, card.meanError, card.correlation, card.ranking.gini, card.probabilityAlive.auc, card.probabilityAlive.brier]).toEqual([null, null, null, null, null, null, null]);
    expect(card.calibration).toEqual({ byFrequency: [], byDecile: [] });
    expect(card.nullFigures.find((entry) => entry.figure === "mae")!.reason).toBe("the holdout summary has no customer");
    for (const value of Object.values(card)) expect(value).not.toBeNaN();
  });

  it("a holdout where nobody bought: the ranking and the AUC are null and say why", () => {
    const quiet = calibrationHoldoutSummary(rows, { calibrationEnd: "2024-01-31", observationEnd: "2024-02-05", timeUnit: "week" });
    const card = evaluateHoldout(model, quiet);
    expect(card.customers).toBe(2);
    expect(card.mae).not.toBeNull();
    expect(card.ranking.gini).toBeNull();
    expect(card.aggregate.percentError).toBeNull();
    expect(card.nullFigures).toContainEqual({ figure: "probabilityAlive.auc", reason: "nobody bought in the holdout" });
    expect(card.nullFigures).toContainEqual({ figure: "ranking.gini", reason: "nobody bought in the holdout" });
  });

  it("refuses a look-alike summary, another time unit and a non-model", () => {
    const copy = JSON.parse(JSON.stringify(split)) as CalibrationHoldoutSummary;
    expect(() => evaluateHoldout(bgNbd, copy)).toThrow(RetentionOptionsError);
    const days = calibrationHoldoutSummary(rows, { calibrationEnd: "2024-01-31", observationEnd: "2024-03-01", timeUnit: "day" });
    expect(() => evaluateHoldout(bgNbd, days)).toThrow(/recompute the summary with timeUnit "week"/);
    expect(() => evaluateHoldout(gammaGamma as unknown as TransactionModel, split)).toThrow(RetentionOptionsError);
    expect(() => evaluateHoldout(bgNbd, split, null as never)).toThrow(RetentionOptionsError);
    expect(() => compareModels([], split)).toThrow(RetentionOptionsError);
    expect(() => compareModels(bgNbd as never, split)).toThrow(RetentionOptionsError);
  });
});
