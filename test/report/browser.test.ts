import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
/** Debian's chromium is installed by .ci/run; on a machine without it the check is skipped outside CI. */
const available = existsSync(CHROMIUM) || process.env.CI !== undefined;

describe.skipIf(!available)("the HTML report in headless Chromium", () => {
  it("renders the CDNOW sample with no console error and marks in every chart", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = join(ARTIFACTS, "report.html");
    writeFileSync(page, renderHtml(kpiReport(loadCdnowSample())));
    const profile = mkdtempSync(join(tmpdir(), "retention-metrics-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1200, height: 900 },
    });
    try {
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      tab.on("pageerror", (error) => errors.push(error.message));
      const requests: string[] = [];
      tab.on("request", (request) => {
        if (!request.url().startsWith("file:")) requests.push(request.url());
      });
      await tab.goto(`file://${page}`);
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
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
