import { describe, expect, it } from "vitest";
import {
  createLedger,
  defectionReport,
  discountedExpectedLifetime,
  fitShiftedBetaGeometric,
  frequencyTiers,
  kpiReport,
  renderHtml,
  renderMarkdown,
  retentionLiftImpact,
  retentionRate,
  RetentionInputError,
  RetentionOptionsError,
  toVegaLite,
} from "retention-metrics";
import { printJson, printValue } from "../../src/input/describeValue";

/* The last defects the fuzz suite (test/fuzz) found, issue 12, each pinned by a plain test. */

const purchases = [
  { customerId: "a", at: "2024-01-05", amount: "10" },
  { customerId: "a", at: "2024-02-05", amount: "12" },
  { customerId: "b", at: "2024-01-20", amount: "30" },
];

describe("hostile values at the edges", () => {
  it("writes any value into a message without throwing", () => {
    expect(printValue(Object.create(null))).toBe("an empty object");
    expect(printValue(42)).toBe("42");
    expect(printJson({ T: 10n })).toBe('an object with keys "T"');
    expect(() => retentionRate(purchases, { start: Object.create(null) as never, end: "2024-03-01" })).toThrow(RetentionOptionsError);
  });

  it("answers a hand-altered report with a RetentionInputError naming the renderer", () => {
    const report = kpiReport(purchases, { asOf: "2024-03-01", skip: ["historicalClv", "predictedClv"] });
    const altered = { ...report, activity: { ...report.activity, revenue: "12" } } as never;
    expect(() => renderMarkdown(altered)).toThrow(RetentionInputError);
    expect(() => renderMarkdown(altered)).toThrow(/renderMarkdown could not read the report/);
    expect(() => renderHtml({ ...report, nps: null } as never)).toThrow(RetentionInputError);
    expect(() => toVegaLite({ ...report, cohorts: null } as never, "cohortHeatmap")).toThrow(RetentionInputError);
    expect(renderMarkdown(report)).toContain("# KPI report");
  });

  it("reads an array that starts with undefined as rows to validate, not as classifications", () => {
    expect(() => defectionReport([undefined] as never, { asOf: "2024-03-01" })).toThrow(RetentionInputError);
  });

  it("gives no changePct for a ratio too large for a number", () => {
    const impact = retentionLiftImpact({ margin: "10", retentionRate: "1e-400", discountRate: "0.1", lift: "0.05" });
    expect(impact.changePct).toBeNull();
  });

  it("refuses an sBG discount rate too small for the lifetime sums", () => {
    const model = fitShiftedBetaGeometric({ alive: [1000, 631, 468, 382, 326] });
    expect(() => discountedExpectedLifetime(model, 5e-324)).toThrow(RetentionOptionsError);
    expect(discountedExpectedLifetime(model, 0.1)).toBeGreaterThan(1);
  });

  it("refuses customer and order ids longer than 10,000 characters, naming the row and field", () => {
    const long = "x".repeat(10_001);
    expect(() => createLedger([{ customerId: long, at: "2024-01-05", amount: "1" }])).toThrow(
      "purchases[0].customerId: expected a customer id of at most 10,000 characters",
    );
    expect(() => createLedger([{ customerId: "a", at: "2024-01-05", amount: "1", orderId: long }])).toThrow(
      "purchases[0].orderId: expected an order id of at most 10,000 characters",
    );
    expect(createLedger([{ customerId: "x".repeat(10_000), at: "2024-01-05", amount: "1" }]).customerIds).toHaveLength(1);
  });

  it("refuses a window that starts before the first Date", () => {
    const program = { tiers: [{ name: "silver", minOrders: 1, discountRate: "0.05" }] };
    expect(() => frequencyTiers(purchases, program, { asOf: new Date(-8.64e15) })).toThrow(RetentionOptionsError);
  });
});
