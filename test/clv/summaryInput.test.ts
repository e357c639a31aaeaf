import { describe, expect, it } from "vitest";
import { RetentionInputError, calibrationHoldoutSummary, customerSummary, fitBgNbd, fitGammaGamma, type Purchase } from "../../src/index";
import { isBrandedResult } from "../../src/core/resultBrand";

/* Issue 12, item 11: summary-shaped input is validated as plain summary rows are, unless it is the library's own result. */

function issuesOf(run: () => unknown): RetentionInputError["issues"] {
  try {
    run();
  } catch (error) {
    if (error instanceof RetentionInputError) return error.issues;
    throw error;
  }
  throw new Error("expected a RetentionInputError");
}

const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-01", amount: "10" },
  { customerId: "a", at: "2024-01-15", amount: "30" },
  { customerId: "b", at: "2024-01-03", amount: "5" },
  { customerId: "b", at: "2024-02-03", amount: "7" },
  { customerId: "c", at: "2024-01-20", amount: "8" },
];

describe("summary-shaped input", () => {
  it("checks { customers, timeUnit } rows exactly as plain rows", () => {
    const bad = { customers: [{ frequency: 2, recency: 500, T: 2 }], timeUnit: "week" as const };
    expect(issuesOf(() => fitBgNbd(bad))).toEqual(issuesOf(() => fitBgNbd(bad.customers)));
    expect(issuesOf(() => fitBgNbd(bad))[0]).toMatchObject({ index: 0, path: ["summaries", "recency"] });
    expect(issuesOf(() => fitBgNbd({ customers: [{ frequency: 1.5, recency: 1, T: 2 }], timeUnit: "week" }))[0]).toMatchObject({ path: ["summaries", "frequency"] });
    expect(issuesOf(() => fitBgNbd({ customers: [{ frequency: 1, recency: 1, T: 2, weight: -3 }], timeUnit: "week" }))[0]).toMatchObject({ path: ["summaries", "weight"] });
    expect(issuesOf(() => fitGammaGamma({ customers: [{ frequency: 1, recency: 1, T: 2, monetaryValue: "1e999999999" }], timeUnit: "week" }))[0]).toMatchObject({ path: ["summaries", "monetaryValue"] });
  });

  it("refuses a timeUnit that is not one of the library's", () => {
    for (const timeUnit of [42, "weeks", undefined, null]) {
      const issues = issuesOf(() => fitBgNbd({ customers: [{ frequency: 1, recency: 1, T: 2 }], timeUnit } as never));
      expect(issues[0]).toMatchObject({ index: -1, path: ["summaries", "timeUnit"], code: "invalid_value" });
    }
  });

  it("brands and freezes the library's own summaries, and trusts only those", () => {
    const summary = customerSummary(purchases, { asOf: "2024-03-01", timeUnit: "week" });
    const holdout = calibrationHoldoutSummary(purchases, { calibrationEnd: "2024-01-31", observationEnd: "2024-03-01", timeUnit: "week" });
    expect(isBrandedResult(summary, ["customerSummary"])).toBe(true);
    expect(isBrandedResult(holdout, ["calibrationHoldoutSummary"])).toBe(true);
    expect(Object.isFrozen(summary.customers[0])).toBe(true);
    expect(Object.keys(summary)).not.toContain(Symbol.for("retention-metrics.result"));
    expect(JSON.stringify(summary)).toBe(JSON.stringify({ ...summary }));
    const copy = { ...summary, customers: summary.customers.map((row) => ({ ...row })) };
    expect(isBrandedResult(copy, ["customerSummary"])).toBe(false);
    expect(fitBgNbd(copy).params).toEqual(fitBgNbd(summary).params);
    copy.customers[0] = { ...copy.customers[0]!, recency: 500 };
    expect(issuesOf(() => fitBgNbd(copy))[0]).toMatchObject({ index: 0, path: ["summaries", "recency"] });
  });
});
