import { describe, expect, it } from "vitest";
import { expectedAverageSpend, fitGammaGamma, isModelFitError, RetentionInputError, RetentionOptionsError, type GammaGammaModel } from "../../src/index";
import { cdnowSpendRows } from "./cdnowFixtures";

// Golden: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
// Analysis", JMR 42(4), and Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value":
// p = 6.25, q = 3.74, γ = 15.44 on the 946 CDNOW customers with x > 0 (zbar = mean repeat spend).
const rows = cdnowSpendRows();
const model = fitGammaGamma(rows);

describe("fitGammaGamma on CDNOW (golden)", () => {
  it("matches the published parameters on the repeat customers only", () => {
    expect(model.params.p).toBeCloseTo(6.25, 2);
    expect(model.params.q).toBeCloseTo(3.74, 2);
    expect(model.params.gamma).toBeCloseTo(15.44, 1);
    expect(model.observations).toBe(946);
    expect(model.converged).toBe(true);
  });

  it("survives JSON round-trip", () => {
    const parsed = JSON.parse(JSON.stringify(model)) as GammaGammaModel;
    expect(expectedAverageSpend(parsed, { frequency: 2, monetaryValue: "22.35" })).toBe(expectedAverageSpend(model, { frequency: 2, monetaryValue: 22.35 }));
  });
});

describe("expectedAverageSpend", () => {
  const hand = { ...model, params: { p: 6, q: 4, gamma: 15 } };

  it("is p(γ + x z̄)/(px + q − 1): 6·(15 + 2·20)/(12 + 3) = 22 (hand-worked)", () => {
    expect(expectedAverageSpend(hand, { frequency: 2, monetaryValue: 20 })).toBeCloseTo(22, 12);
  });

  it("is the population mean pγ/(q − 1) = 30 for a customer without repeat purchases", () => {
    expect(expectedAverageSpend(hand, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(30, 12);
  });

  it("is null when q ≤ 1 (the mean does not exist)", () => {
    expect(expectedAverageSpend({ ...model, params: { p: 6, q: 0.5, gamma: 15 } }, { frequency: 0, monetaryValue: 0 })).toBeNull();
  });

  it("refuses bad customers and models", () => {
    expect(() => expectedAverageSpend(hand, { frequency: 2, monetaryValue: -3 })).toThrow(RetentionOptionsError);
    expect(() => expectedAverageSpend({ ...hand, model: "bg-nbd" } as unknown as GammaGammaModel, { frequency: 0, monetaryValue: 0 })).toThrow(RetentionOptionsError);
  });
});

describe("fitGammaGamma errors", () => {
  it("names a repeat customer without a positive monetaryValue", () => {
    expect(() => fitGammaGamma([{ frequency: 2, recency: 1, T: 2, monetaryValue: 0 }])).toThrow(RetentionInputError);
    expect(() => fitGammaGamma([{ frequency: 2, recency: 1, T: 2 }])).toThrow(/summaries\[0\]\.monetaryValue/);
  });

  it("throws ModelFitError when nobody repeated", () => {
    let caught: unknown;
    try {
      fitGammaGamma([{ frequency: 0, recency: 0, T: 5 }]);
    } catch (error) {
      caught = error;
    }
    expect(isModelFitError(caught)).toBe(true);
  });
});
