import { describe, expect, it } from "vitest";
import { RetentionOptionsError, kpiReport, milestones, nps, retentionClv, retentionRate, revenueRetention, simpleClv, type Purchase } from "../../src/index";

/* Issue 12, item 10: options are validated as strictly as rows. */

function optionOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RetentionOptionsError) return error.option;
    throw error;
  }
  throw new Error("expected a RetentionOptionsError");
}

const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-10", amount: "5" },
  { customerId: "a", at: "2024-02-10", amount: "5" },
  { customerId: "b", at: "2024-01-12", amount: "7" },
  { customerId: "c", at: "2024-02-14", amount: "9" },
];
const surveys = [
  { at: "2024-01-01", score: 10 },
  { at: "2024-01-02", score: 3 },
];

describe("one rule for options", () => {
  it("kpiReport: top is a whole number ≥ 0, cohorts an object of whole numbers ≥ 1", () => {
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", top: -1 }))).toBe("top");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", top: 1.5 }))).toBe("top");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", top: "3" as never }))).toBe("top");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", cohorts: { maxCohorts: 0 } }))).toBe("cohorts.maxCohorts");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", cohorts: "x" as never }))).toBe("cohorts");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", cohorts: { maxOffsets: 1e9 } }))).toBe("cohorts.maxOffsets");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", annualDiscountRate: "0.1" as never }))).toBe("annualDiscountRate");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", margin: "0.3" as never }))).toBe("margin");
    expect(optionOf(() => kpiReport(purchases, { asOf: "2024-03-01", clvHorizon: Number.POSITIVE_INFINITY }))).toBe("clvHorizon");
    expect(kpiReport(purchases, { asOf: "2024-03-01", top: 0 }).schemaVersion).toBe(1);
  });

  it("nps: confidence stays where the margin of error is finite", () => {
    expect(optionOf(() => nps(surveys, { confidence: 0.9999999999999999 }))).toBe("confidence");
    expect(optionOf(() => nps(surveys, { confidence: "0.9" as never }))).toBe("confidence");
    expect(optionOf(() => nps(surveys, { confidence: 0 }))).toBe("confidence");
    const highest = nps(surveys, { confidence: 0.999999 });
    expect(Number.isFinite(highest.marginOfError)).toBe(true);
  });

  it("retentionClv: includeInitial is true or false", () => {
    expect(optionOf(() => retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, includeInitial: "yes" as never }))).toBe("includeInitial");
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, includeInitial: true }).toFixed(2)).toBe("366.67");
  });

  it("durations have whole non-negative parts", () => {
    const period = { start: "2024-02-01", end: "2024-03-01" };
    expect(optionOf(() => retentionRate(purchases, { ...period, activeWindow: { months: 1.5 } }))).toBe("activeWindow");
    expect(optionOf(() => retentionRate(purchases, { ...period, activeWindow: { months: 2, days: -10 } }))).toBe("activeWindow");
    expect(optionOf(() => retentionRate(purchases, { ...period, activeWindow: { month: 1 } as never }))).toBe("activeWindow");
    expect(optionOf(() => revenueRetention(purchases, { ...period, baseWindow: { weeks: -1 } }))).toBe("baseWindow");
    expect(optionOf(() => milestones(purchases, { asOf: "2024-03-01", within: { days: 0.5 } }))).toBe("within");
    expect(retentionRate(purchases, { ...period, activeWindow: { months: 1, days: 3 } }).startCount).toBeGreaterThan(0);
  });

  it("money-like options may be decimal strings; rates and counts read as numbers are numbers", () => {
    expect(simpleClv({ averageOrderValue: "10.50", purchasesPerPeriod: 2, periods: 3, margin: "0.3" }).toString()).toBe("18.9");
    expect(optionOf(() => nps(surveys, { confidence: "0.95" as never }))).toBe("confidence");
  });
});
