import { describe, expect, it } from "vitest";
import { customerEquity, kpiReport, renderHtml, renderMarkdown, RetentionOptionsError } from "../../src/index";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { fixture, runInProcess } from "../cli/spawnCli";
import { EQUITY_EXAMPLE } from "../clv/equityExample";

const purchases = EQUITY_EXAMPLE;

describe("the report's customer equity (CLV section)", () => {
  it("values the base with retentionClv when predicted CLV is absent, with the same figures as customerEquity", () => {
    const report = kpiReport(purchases, { asOf: "2025-01-01", margin: 0.5, annualDiscountRate: 0.1, clvHorizon: 104, skip: ["predictedClv"], equity: { retentionRate: 0.8, futureCohorts: 3 } });
    const e = report.clv.equity!;
    if (!e.available) throw new Error(e.reason);
    // 104 weeks = 1.99 years → 2; 690.909091 + 429.547162 = 1,120.456253 (docs/clv.md).
    expect(e.horizonYears).toBe(2);
    expect(e.current.method).toBe("retentionClv");
    expect(e.current.value.toFixed(6)).toBe("690.909091");
    expect(e.future!.value.toFixed(6)).toBe("429.547162");
    expect(e.total.toFixed(6)).toBe("1120.456253");
    const direct = customerEquity(purchases, { asOf: "2025-01-01", horizonYears: 2, margin: 0.5, retentionRate: 0.8, future: { cohorts: 3 } });
    expect(e.total.eq(direct.total)).toBe(true);
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const md = renderMarkdown(report);
    expect(md).toContain("### Customer equity");
    expect(md).toContain("| Customer equity | 1,120.46 |  |");
    expect(md).toContain("| Future cohorts | 429.55 | 3 yearly cohorts of 1.0 customers (mean of the last 2 years), first-year value 100.00 (2 customers), retention 80.0%: 172.73 each |");
    expect(renderHtml(report)).toContain("<caption>Customer equity over 2 years, discounted at 10.0% a year</caption>");
  });

  it("says why it is unavailable without predicted CLV or a retention assumption, and refuses future cohorts without one", () => {
    const report = kpiReport(purchases, { asOf: "2025-01-01", skip: ["predictedClv"] });
    expect(report.clv.equity).toEqual({ available: false, reason: "predicted CLV is not available (skipped (the skip option)) and no retention assumption was given (equity.retentionRate; CLI --retention-rate)" });
    expect(renderMarkdown(report)).toContain("_Not available: predicted CLV is not available");
    expect(() => kpiReport(purchases, { asOf: "2025-01-01", equity: { futureCohorts: 2 } })).toThrow(RetentionOptionsError);
  });

  it("takes the predicted total × margin when predicted CLV is available", async () => {
    const run = await runInProcess(["report", "--purchases", fixture("purchases.csv"), "--as-of", "2024-04-01", "--retention-rate", "0.7", "--future-cohorts", "2"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    if (json.clv.predicted.available) {
      expect(json.clv.equity.current).toMatchObject({ method: "predictClv", value: json.clv.predicted.totalClv });
    } else {
      expect(json.clv.equity.current.method).toBe("retentionClv");
    }
    expect((await runInProcess(["report", "--purchases", fixture("purchases.csv"), "--future-cohorts", "0"])).code).toBe(2);
  });
});
