import { describe, expect, it } from "vitest";
import { REPORT_CHARTS } from "../../src/report/chartData";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";
import { renderMarkdown } from "../../src/report/renderMarkdown";
import { toVegaLite } from "../../src/report/toVegaLite";
import { PURCHASES } from "./fixture";

const report = kpiReport(PURCHASES, { asOf: "2024-04-01" });

describe("renderMarkdown", () => {
  const md = renderMarkdown(report);

  it("shows each KPI with the previous period and the change", () => {
    expect(md).toContain("# KPI report: 2024-03-01 – 2024-03-31");
    expect(md).toContain("| KPI | This period | Previous | Change |");
    expect(md).toContain("| Customers | 3 | 2 | +1 (+50.0%) |");
    expect(md).toContain("| Revenue | 53.00 | 60.00 | −7.00 (−11.7%) |");
    expect(md).toContain("| Retention rate | 50.0% | 50.0% | ±0.0 pts |");
    expect(md).toContain("| 2024-01 | 2 | 100.0% | 50.0% | 100.0% |");
  });

  it("says why a section is missing", () => {
    expect(md).toContain("_Not available: no survey responses given._");
  });
});

describe("renderHtml", () => {
  const html = renderHtml(report);

  it("is one self-contained page with the four charts", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const id of ["cohort-heatmap", "retention-curve", "revenue-concentration"]) expect(html).toContain(`<svg id="${id}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("is accessible: titled charts, hover titles and data tables", () => {
    expect(html).toContain('role="img" aria-labelledby="cohort-heatmap-title cohort-heatmap-desc"');
    expect(html).toContain("<title>cohort 2024-01, month 1: 1 of 2 customers (50%)</title>");
    expect(html).toContain("<summary>Data table</summary>");
    expect(html).toContain("Months since first activity");
  });

  it("escapes customer ids", () => {
    const hostile = kpiReport([{ customerId: "<img src=x onerror=alert(1)>", at: "2024-01-05", amount: "9" }, { customerId: "<img src=x onerror=alert(1)>", at: "2024-02-05", amount: "9" }], { asOf: "2024-03-01" });
    const page = renderHtml(hostile);
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("toVegaLite", () => {
  it("gives a spec with inline data for every chart", () => {
    for (const chart of REPORT_CHARTS) {
      const spec = toVegaLite(report, chart);
      expect(spec.$schema).toContain("vega-lite/v5");
      expect(typeof spec.title).toBe("string");
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
    expect(toVegaLite(report, "retentionCurve").data.values).toEqual([
      { offset: 0, rate: 1 },
      { offset: 1, rate: 1 / 3 },
      { offset: 2, rate: 1 },
    ]);
  });

  it("leaves data empty when a section is unavailable", () => {
    const empty = kpiReport([], { asOf: "2024-01-01" });
    expect(toVegaLite(empty, "cohortHeatmap").data.values).toEqual([]);
  });
});
