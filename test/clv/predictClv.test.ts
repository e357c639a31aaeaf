import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerSummary,
  expectedAverageSpend,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  RetentionInputError,
  RetentionOptionsError,
} from "../../src/index";
import { cdnowPurchases } from "./cdnowFixtures";

const summary = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" });
const bgNbd = fitBgNbd(summary);
const gammaGamma = fitGammaGamma(summary);

describe("predictClv", () => {
  it("with no discounting equals expected purchases over the horizon × expected spend", () => {
    const result = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0 });
    expect(result.customerCount).toBe(2357);
    const first = summary.customers[0]!;
    const row = result.customers[0]!;
    const purchases = conditionalExpectedPurchases(bgNbd, first, 52);
    const spend = expectedAverageSpend(gammaGamma, { frequency: first.frequency, monetaryValue: first.monetaryValue })!;
    expect(row.customerId).toBe(first.customerId);
    expect(row.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(row.clv!.toNumber()).toBeCloseTo(purchases * spend, 9);
  });

  it("discounts each step's incremental purchases by (1+d)^τ (hand-worked with two steps)", () => {
    const first = summary.customers[0]!;
    const result = predictClv(bgNbd, gammaGamma, summary.customers.slice(0, 1).map((c) => ({ ...c })), { horizon: 52, discountRate: 0.01, step: 26 });
    const e26 = conditionalExpectedPurchases(bgNbd, first, 26);
    const e52 = conditionalExpectedPurchases(bgNbd, first, 52);
    const spend = expectedAverageSpend(gammaGamma, { frequency: first.frequency, monetaryValue: first.monetaryValue })!;
    expect(result.customers[0]!.clv!.toNumber()).toBeCloseTo((e26 / 1.01 ** 26 + (e52 - e26) / 1.01 ** 52) * spend, 9);
  });

  it("discounting lowers the value and every CLV is finite and ≥ 0", () => {
    const plain = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0 });
    const discounted = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: 0.002 });
    for (let i = 0; i < plain.customers.length; i++) {
      const v = discounted.customers[i]!.clv!.toNumber();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(plain.customers[i]!.clv!.toNumber() + 1e-9);
    }
  });

  it("refuses a summary in another time unit, bad options and repeat customers without spend", () => {
    const days = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "day" });
    expect(() => predictClv(bgNbd, gammaGamma, days, { horizon: 52, discountRate: 0 })).toThrow(/weeks/);
    expect(() => predictClv(bgNbd, gammaGamma, summary, { horizon: 0, discountRate: 0 })).toThrow(RetentionOptionsError);
    expect(() => predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: -1 })).toThrow(RetentionOptionsError);
    expect(() => predictClv(bgNbd, gammaGamma, [{ frequency: 2, recency: 1, T: 3 }], { horizon: 52, discountRate: 0 })).toThrow(RetentionInputError);
  });
});
