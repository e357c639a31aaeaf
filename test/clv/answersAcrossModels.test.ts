import { describe, expect, it } from "vitest";
import {
  discountedExpectedResidualTransactions,
  fitBetaGeometricBetaBinomial,
  fitModifiedBgNbd,
  logLikelihood,
  probabilityAlive,
  probabilityAliveAt,
  probabilityNoPurchase,
  purchaseCountProbability,
  RetentionOptionsError,
} from "../../src/index";
import { bgBbDiscountedExpectedResidualTransactions, bgBbProbabilityNoPurchase } from "../../src/clv/models/bgBbMath";
import { mbgNbdConditionalPurchaseCountProbability, mbgNbdProbabilityAliveAt, mbgNbdProbabilityNoPurchase } from "../../src/clv/models/mbgNbdMath";
import { cdnowSummaryRows } from "./cdnowFixtures";
import { donationRows } from "./donationsFixtures";

/*
 * Issue 17, section 3 for the two models that joined at merge: the public "more answers"
 * functions take MBG/NBD and BG/BB fits and give what each model's own math gives (each checked
 * against its source and against simulation in mbgNbd*.test.ts and bgBb*.test.ts).
 */

describe("the more-answers functions on MBG/NBD (CDNOW, weeks)", () => {
  const rows = cdnowSummaryRows();
  const model = fitModifiedBgNbd(rows, { timeUnit: "week" });
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };
  const oneTime = { frequency: 0, recency: 0, T: 38.86 };

  it("P(alive at T + t) starts at P(alive), falls with t, and is the math module's", () => {
    expect(probabilityAliveAt(model, customer, 0)).toBeCloseTo(probabilityAlive(model, customer), 12);
    expect(probabilityAliveAt(model, oneTime, 0)).toBeLessThan(1);
    let previous = 1;
    for (const t of [0, 4, 13, 52, 104]) {
      const value = probabilityAliveAt(model, customer, t);
      expect(value).toBe(mbgNbdProbabilityAliveAt(model.params, 2, 30.43, 38.86, t));
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
    }
  });

  it("P(no purchase in the next t) and the conditional counts, summing to 1", () => {
    expect(probabilityNoPurchase(model, customer, 13)).toBe(mbgNbdProbabilityNoPurchase(model.params, 2, 30.43, 38.86, 13));
    expect(probabilityNoPurchase(model, customer, 0)).toBeCloseTo(1, 12);
    let sum = 0;
    for (let n = 0; n <= 60; n++) sum += purchaseCountProbability(model, n, 39, customer);
    expect(sum).toBeCloseTo(1, 9);
    expect(purchaseCountProbability(model, 0, 39, customer)).toBeCloseTo(mbgNbdConditionalPurchaseCountProbability(model.params, 0, 2, 30.43, 38.86, 39), 12);
    expect(purchaseCountProbability(model, 0, 39, customer)).toBeCloseTo(probabilityNoPurchase(model, customer, 39), 12);
  });

  it("the log-likelihood on the fitted rows is the fit's; DERT has no closed form for it and says so", () => {
    const result = logLikelihood(model, rows);
    expect(result.logLikelihood).toBeCloseTo(model.logLikelihood, 6);
    expect(result).toMatchObject({ model: "mbg-nbd", observations: rows.length, parameters: 4 });
    expect(() => discountedExpectedResidualTransactions(model as never, customer, { discountRate: 0.003 })).toThrow(RetentionOptionsError);
  });
});

describe("the more-answers functions on BG/BB (donations, years)", () => {
  const model = fitBetaGeometricBetaBinomial(donationRows());
  const donor = { frequency: 2, recency: 4, periods: 6 };

  it("P(alive at opportunity n + t): t = 1 is probabilityAlive's opportunity n + 1, and it falls with t", () => {
    expect(probabilityAliveAt(model, donor, 1)).toBeCloseTo(probabilityAlive(model, donor), 12);
    let previous = 1;
    for (const t of [0, 1, 2, 5, 10]) {
      const value = probabilityAliveAt(model, donor, t);
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
    }
    expect(() => probabilityAliveAt(model, donor, 1.5)).toThrow(RetentionOptionsError);
    expect(() => probabilityAliveAt(model, { frequency: 2, recency: 4, T: 6 } as never, 1)).toThrow(RetentionOptionsError);
  });

  it("P(no donation in the next t opportunities) and DERT are the math module's", () => {
    expect(probabilityNoPurchase(model, donor, 0)).toBe(1);
    expect(probabilityNoPurchase(model, donor, 5)).toBe(bgBbProbabilityNoPurchase(model.params, 2, 4, 6, 5));
    const dert = discountedExpectedResidualTransactions(model, donor, { discountRate: 0.1 });
    expect(dert).toBe(bgBbDiscountedExpectedResidualTransactions(model.params, 2, 4, 6, 0.1));
    expect(dert).toBeGreaterThan(0);
  });
});
