import { describe, expect, it } from "vitest";
import { kpiReport, renderHtml, renderMarkdown, type Purchase, type SurveyResponse } from "retention-metrics";
import { KpiReportJsonSchema } from "retention-metrics/schemas";

/*
 * March 2024 as the report period (asOf 2024-04-01, previous period February).
 * CSAT in March: 5, 4, 2 → 2 of 3 satisfied; in February: 1 → 0 of 1. CES in March: 6, 2 → mean 4.
 * Follow-ups in [2024-01-02, 2024-04-01): b (CSAT 2, trailing 300) before a (NPS 3, trailing 100); c answered 9.
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-15", amount: "100" },
  { customerId: "b", at: "2024-02-10", amount: "300" },
  { customerId: "c", at: "2024-03-01", amount: "50" },
];
const surveys: SurveyResponse[] = [
  { customerId: "a", at: "2024-03-05", score: 3 },
  { customerId: "b", at: "2024-03-06", score: 2, kind: "csat" },
  { customerId: "c", at: "2024-03-07", score: 9 },
  { at: "2024-03-08", score: 5, kind: "csat" },
  { at: "2024-03-09", score: 4, kind: "csat" },
  { at: "2024-02-09", score: 1, kind: "csat" },
  { at: "2024-03-10", score: 6, kind: "ces" },
  { at: "2024-03-11", score: 2, kind: "ces" },
];
const options = { asOf: "2024-04-01", period: "month", skip: ["historicalClv", "predictedClv"] } as const;

describe("the report's CSAT/CES and follow-up sections", () => {
  const report = kpiReport({ purchases, surveys }, options);

  it("shows CSAT and CES of the period and the one before", () => {
    expect(report.satisfaction).toMatchObject({ available: true, csat: { satisfiedShare: 2 / 3, responses: 3, previous: { satisfiedShare: 0, responses: 1 } }, ces: { mean: 4, responses: 2, previous: { mean: null } } });
    expect(report.nps).toMatchObject({ responses: 2 });
  });

  it("lists who to follow up first", () => {
    expect(report.followUps).toMatchObject({ available: true, windowDays: 90, customersAnswered: 3, unhappyCustomers: 2 });
    if (!report.followUps.available) throw new Error("expected the section");
    expect(report.followUps.top.map((f) => [f.customerId, f.kind, f.score, f.valueAtStake.toString()])).toEqual([["b", "csat", 2, "300"], ["a", "nps", 3, "100"]]);
  });

  it("renders both in Markdown and HTML, and validates as JSON", () => {
    const md = renderMarkdown(report);
    expect(md).toContain("## Customer satisfaction (CSAT) and effort (CES)");
    expect(md).toContain("| CSAT (share of 4s and 5s) | 66.7% | 0.0% |");
    expect(md).toContain("## Follow up first");
    expect(md).toContain("| b | CSAT 2 | 2024-03-06 |");
    const html = renderHtml(report);
    expect(html).toContain("<h2>Follow up first</h2>");
    expect(html).toContain("<h2>Customer satisfaction (CSAT) and effort (CES)</h2>");
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  it("says why when the data holds no CSAT, CES or customer answers", () => {
    const plain = kpiReport(purchases, options);
    expect(plain.satisfaction).toEqual({ available: false, reason: "no CSAT or CES answers given" });
    expect(plain.followUps).toEqual({ available: false, reason: "no survey responses given" });
    expect(renderMarkdown(plain)).not.toContain("Follow up first");
  });
});
