import { describe, expect, it } from "vitest";
import { createLedger, kpiReport, renderHtml, renderMarkdown } from "../../src/index";
import { KpiReportJsonSchema } from "../../src/schemas";
import { ROI_COSTS, ROI_EVENTS, ROI_PURCHASES } from "./roiFixture";

const options = { asOf: "2024-07-01", period: { start: "2024-04-01", end: "2024-07-01" }, skip: ["historicalClv", "predictedClv", "cohorts"] } as const;

describe("the report's retention spend section", () => {
  it("shows retentionSpend of the report's period by program when the input holds costs", () => {
    const report = kpiReport(createLedger({ purchases: ROI_PURCHASES, events: ROI_EVENTS, costs: ROI_COSTS }), options);
    expect(report.spend.available).toBe(true);
    if (!report.spend.available) return;
    expect(report.spend.totalSpend.toString()).toBe("80");
    expect(report.spend.spendPerActiveCustomer?.toString()).toBe("10");
    expect(report.spend.byProgram.map((p) => [p.program, p.spend.toString()])).toEqual([["club", "75"], ["winback", "5"]]);
    expect(renderMarkdown(report)).toContain("## Retention spend");
    expect(renderMarkdown(report)).toContain("| Spend per active customer | 10.00 |");
    expect(renderHtml(report)).toContain("<h2>Retention spend</h2>");
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  it("says why it is missing without costs, and the renderers leave it out", () => {
    const report = kpiReport(ROI_PURCHASES, options);
    expect(report.spend).toEqual({ available: false, reason: "no costs given" });
    expect(renderMarkdown(report)).not.toContain("Retention spend");
  });
});
