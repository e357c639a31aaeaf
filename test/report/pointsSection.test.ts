import { describe, expect, it } from "vitest";
import { kpiReport, renderHtml, renderMarkdown } from "retention-metrics";
import { KpiReportJsonSchema } from "retention-metrics/schemas";

const e = (customerId: string, at: string, type: string, points: number) => ({ customerId, at, type, points });
const purchases = [
  { customerId: "a", at: "2024-01-05", amount: "50" },
  { customerId: "b", at: "2024-02-03", amount: "80" },
  { customerId: "c", at: "2024-03-02", amount: "40" },
];
// The hand-worked table of test/points/breakage.test.ts (docs/programs.md, "Breakage").
const events = [
  e("a", "2024-01-05", "points_earned", 100), e("a", "2024-01-20", "points_redeemed", 40), e("a", "2024-02-10", "points_redeemed", 20),
  e("a", "2024-03-10", "points_redeemed", 10), e("a", "2024-03-31", "points_expired", 30),
  e("b", "2024-02-03", "points_earned", 200), e("b", "2024-02-15", "points_redeemed", 50), e("b", "2024-03-15", "points_redeemed", 50),
  e("c", "2024-03-02", "points_earned", 100), e("c", "2024-03-20", "points_redeemed", 20),
];
const options = { asOf: "2024-04-01", skip: ["historicalClv", "predictedClv"] as const };

describe("the report's points section", () => {
  it("shows outstanding points, the liability at pointValue and breakage by cohort", () => {
    const report = kpiReport({ purchases, events }, { ...options, skip: [...options.skip], pointValue: "0.01", pointsExpiry: { months: 12 } });
    const points = report.points;
    expect(points.available).toBe(true);
    if (!points.available) return;
    expect([points.earned, points.redeemed, points.expired, points.outstanding, points.liability?.toString()]).toEqual([400, 190, 30, 180, "1.8"]);
    expect(points.cohorts.map((c) => [c.cohort, c.breakageKind])).toEqual([["2024-01", "observed"], ["2024-02", "estimated"], ["2024-03", "estimated"]]);
    expect(points.estimatedBreakage).toBeCloseTo((30 + 200 - 700 / 6 + 100 - 2240 / 54) / 400, 12);
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(renderMarkdown(report)).toContain("## Points: liability and breakage");
    expect(renderMarkdown(report)).toContain("| 2024-01 | 100 | 70 | 30 | 0 | 70.0% | 30.0% observed |");
    expect(renderHtml(report)).toContain("<h2>Points: liability and breakage</h2>");
  });

  it("leaves the liability null without pointValue, and the section unavailable without points events", () => {
    const unvalued = kpiReport({ purchases, events }, { ...options, skip: [...options.skip] }).points;
    expect(unvalued.available && [unvalued.liability, unvalued.expiring]).toEqual([null, null]);
    const none = kpiReport(purchases, { ...options, skip: [...options.skip] });
    expect(none.points).toEqual({ available: false, reason: "the events hold no points_earned, points_redeemed or points_expired event" });
    expect(renderMarkdown(none)).not.toContain("Points:");
  });
});
