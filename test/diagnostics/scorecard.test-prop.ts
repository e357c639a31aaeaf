import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrationHoldoutSummary, compareModels, evaluateHoldout, type BgNbdModel, type GammaGammaModel, type ParetoNbdModel, type Purchase } from "../../src/index";
import { areaUnderCurve, brierScore } from "../../src/diagnostics/classifierMetrics";
import { normalizedGini, topDecileShare } from "../../src/diagnostics/rankingMetrics";
import { descendingOrder } from "../../src/core/descendingOrder";

const fitted = { logLikelihood: -1, converged: true, iterations: 1, observations: 1, timeUnit: "week" as const, penalizer: 0 };
const bgNbd: BgNbdModel = Object.freeze({ ...fitted, model: "bg-nbd", params: Object.freeze({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }) });
const paretoNbd: ParetoNbdModel = Object.freeze({ ...fitted, model: "pareto-nbd", params: Object.freeze({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 }) });
const gammaGamma: GammaGammaModel = Object.freeze({ ...fitted, model: "gamma-gamma", params: Object.freeze({ p: 6.25, q: 3.74, gamma: 15.44 }) });

const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
/** Purchases over 120 days by up to 12 customers (`__proto__` among them); calibration ends at day 60. */
const purchasesArb = fc.array(
  fc.record({ customer: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "__proto__", "constructor"), day: fc.integer({ min: 0, max: 119 }), cents: fc.integer({ min: 1, max: 50_000 }) }),
  { maxLength: 60 },
);
const toPurchases = (rows: readonly { customer: string; day: number; cents: number }[]): Purchase[] =>
  rows.map((row) => Object.freeze({ customerId: row.customer, at: new Date(START + row.day * DAY).toISOString(), amount: (row.cents / 100).toFixed(2) }));
const split = (purchases: readonly Purchase[]) => calibrationHoldoutSummary(Object.freeze([...purchases]), { calibrationEnd: new Date(START + 60 * DAY), observationEnd: new Date(START + 120 * DAY), timeUnit: "week" });

/** Every number in the result is finite (nothing NaN or infinite hides in it). */
function expectFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (typeof value === "object" && value !== null) for (const child of Object.values(value)) expectFinite(child);
}

/** Equal up to the rounding of sums taken in another order. */
function expectClose(a: unknown, b: unknown): void {
  if (typeof a === "number" && typeof b === "number") expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
  else if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const key of Object.keys(a)) expectClose((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
  } else expect(a).toEqual(b);
}

describe("holdout scorecard (properties)", () => {
  it("AUC and Brier in [0, 1], Gini ≤ 1, no NaN, whatever the purchases", () => {
    fc.assert(
      fc.property(purchasesArb, (rows) => {
        const summary = split(toPurchases(rows));
        for (const model of [bgNbd, paretoNbd]) {
          const card = evaluateHoldout(model, summary, { spendModel: gammaGamma });
          expectFinite(card);
          for (const figure of [card.probabilityAlive.auc, card.probabilityAlive.brier, card.ranking.topDecileShare]) if (figure !== null) expect(figure >= 0 && figure <= 1).toBe(true);
          for (const figure of [card.ranking.gini, card.ranking.valueGini]) if (figure !== null) expect(figure).toBeLessThanOrEqual(1);
          if (card.correlation !== null) expect(Math.abs(card.correlation)).toBeLessThanOrEqual(1);
          expect(card.calibration.byFrequency.reduce((sum, bin) => sum + bin.customers, 0)).toBe(card.customers);
          expect(card.calibration.byDecile.reduce((sum, bin) => sum + bin.customers, 0)).toBe(card.customers);
          // every null figure is explained
          const explained = new Set(card.nullFigures.map((entry) => entry.figure));
          for (const [figure, value] of [["mae", card.mae], ["correlation", card.correlation], ["ranking.gini", card.ranking.gini], ["probabilityAlive.auc", card.probabilityAlive.auc]] as const) {
            expect(value === null).toBe(explained.has(figure));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the order of the purchases (and so of the customers) does not matter, and nothing is mutated", () => {
    fc.assert(
      fc.property(purchasesArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        const purchases = toPurchases(rows);
        const before = JSON.stringify(purchases);
        const one = compareModels([bgNbd, paretoNbd], split(purchases), { spendModel: gammaGamma });
        const other = compareModels([bgNbd, paretoNbd], split(toPurchases(shuffled)), { spendModel: gammaGamma });
        expectClose(JSON.parse(JSON.stringify(one)), JSON.parse(JSON.stringify(other)));
        expect(JSON.stringify(purchases)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("metrics on arbitrary columns: bounds, and the same answer in any order", () => {
    const columns = fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 0, max: 6 })), { maxLength: 40 });
    fc.assert(
      fc.property(columns, (pairs) => {
        const predicted = Float64Array.from(pairs, ([p]) => p);
        const actual = Float64Array.from(pairs, ([, a]) => a);
        const probability = Float64Array.from(pairs, ([p]) => p / 50);
        const outcome = Uint8Array.from(pairs, ([, a]) => (a > 0 ? 1 : 0));
        const reversed = <T extends Float64Array | Uint8Array>(xs: T): T => xs.slice().reverse() as T;
        const gini = normalizedGini(predicted, actual);
        const auc = areaUnderCurve(probability, outcome);
        const brier = brierScore(probability, outcome);
        const top = topDecileShare(predicted, actual);
        if (gini !== null) expect(gini).toBeLessThanOrEqual(1);
        if (auc !== null) expect(auc >= 0 && auc <= 1).toBe(true);
        if (brier !== null) expect(brier >= 0 && brier <= 1).toBe(true);
        if (top.share !== null) expect(top.share >= 0 && top.share <= 1 + 1e-12).toBe(true);
        expectClose(normalizedGini(reversed(predicted), reversed(actual)), gini);
        expectClose(areaUnderCurve(reversed(probability), reversed(outcome)), auc);
        expectClose(topDecileShare(reversed(predicted), reversed(actual)), top);
      }),
      { numRuns: 500 },
    );
  });
});
