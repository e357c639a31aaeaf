import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM_AVAILABLE, withChromiumPage } from "../browser/chromiumPage";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";


describe.skipIf(!CHROMIUM_AVAILABLE)("the HTML report in headless Chromium", () => {
  it("renders the CDNOW sample with no console error and marks in every chart", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = join(ARTIFACTS, "report.html");
    writeFileSync(page, renderHtml(kpiReport(loadCdnowSample())));
    await withChromiumPage(page, { width: 1200, height: 900 }, async (tab, { errors, requests }) => {
      const charts = tab.locator("svg.chart");
      const marks: { id: string; marks: number; title: string }[] = [];
      for (let i = 0; i < (await charts.count()); i++) {
        const chart = charts.nth(i);
        marks.push({ id: (await chart.getAttribute("id")) ?? "", marks: await chart.locator(".mark").count(), title: (await chart.locator("title").first().textContent()) ?? "" });
      }
      expect(marks.map((m) => m.id)).toEqual(["cohort-heatmap", "retention-curve", "revenue-concentration", "defection-value", "model-tracking", "calibration-holdout"]);
      for (const chart of marks) {
        expect(chart.marks, chart.id).toBeGreaterThan(0);
        expect(chart.title, chart.id).not.toBe("");
      }
      const box = await tab.locator("#cohort-heatmap").boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      await tab.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    });
  }, 60_000);
});
