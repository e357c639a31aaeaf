import { describe, expect, it } from "vitest";
import { Decimal, fitBgNbd, RetentionInputError } from "../../src/index";
import { SummaryRowSchema } from "../../src/schemas";

describe("SummaryRowSchema (warehouse rows)", () => {
  it("accepts rows computed elsewhere, with optional id, monetaryValue and weight", () => {
    expect(SummaryRowSchema.safeParse({ frequency: 2, recency: 3.5, T: 10, monetaryValue: "12.50", weight: 3 }).success).toBe(true);
    expect(SummaryRowSchema.safeParse({ customerId: "x", frequency: 0, recency: 0, T: 0, monetaryValue: new Decimal(0) }).success).toBe(true);
  });

  it("rejects impossible rows", () => {
    for (const bad of [
      { frequency: 1.5, recency: 1, T: 2 },
      { frequency: 1, recency: 3, T: 2 },
      { frequency: 0, recency: 1, T: 2 },
      { frequency: 1, recency: 1, T: Number.NaN },
      { frequency: 1, recency: 1, T: 2, weight: 0 },
      { frequency: 1, recency: 1, T: 2, monetaryValue: "abc" },
    ]) {
      expect(SummaryRowSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("the fits report every bad row by index and field", () => {
    try {
      fitBgNbd([{ frequency: 1, recency: 1, T: 2 }, { frequency: 0, recency: 1, T: 2 }, { frequency: 2, recency: 1, T: 2, weight: -1 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RetentionInputError);
      const issues = (error as RetentionInputError).issues;
      expect(issues.map((issue) => [issue.index, issue.path.join(".")])).toEqual([
        [1, "summaries.recency"],
        [2, "summaries.weight"],
      ]);
    }
  });
});

describe("fits and predictions never mutate their (frozen) inputs", () => {
  it("accept frozen rows and cohorts", async () => {
    const { fitGammaGamma, fitShiftedBetaGeometric, predictClv } = await import("../../src/index");
    const rows = Object.freeze(
      [
        { frequency: 0, recency: 0, T: 30 },
        { frequency: 2, recency: 10, T: 30, monetaryValue: "20.00" },
        { frequency: 5, recency: 25, T: 31, monetaryValue: "35.50" },
        { frequency: 1, recency: 3, T: 28, monetaryValue: "12.00", weight: 3 },
        { customerId: "__proto__", frequency: 3, recency: 20, T: 29, monetaryValue: "18.25" },
      ].map((row) => Object.freeze(row)),
    );
    const before = JSON.stringify(rows);
    const bg = fitBgNbd(rows, { timeUnit: "week" });
    const gg = fitGammaGamma(rows, { timeUnit: "week" });
    const result = predictClv(bg, gg, rows, { horizon: 10, discountRate: 0 });
    expect(result.customers.map((c) => c.customerId)).toEqual([null, null, null, null, "__proto__"]);
    expect(JSON.stringify(rows)).toBe(before);
    const alive = Object.freeze([100, 80, 70, 65]);
    fitShiftedBetaGeometric(Object.freeze({ alive }));
    expect(alive).toEqual([100, 80, 70, 65]);
  });
});
