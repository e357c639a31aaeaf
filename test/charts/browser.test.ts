import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM_AVAILABLE, withChromiumPage } from "../browser/chromiumPage";
import {
  calibrationHoldoutChart,
  calibrationHoldoutSummary,
  evaluateHoldout,
  fitBgNbd,
  trackingChart,
  trackingSeries,
  cohortRetentionChart,
  defectionValueChart,
  frequencyRecencyChart,
  kpiReport,
  ltvConcentrationChart,
  npsTrendChart,
  periodTransactionsChart,
  probabilityAliveHistoryChart,
  probabilityAliveMatrixChart,
  REPORT_CHARTS,
  retentionSeriesChart,
  rfmGridChart,
  survivalChart,
  toVegaLite,
} from "../../src/index";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { chartFixtures } from "./chartFixtures";

const build = (path: string): string => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));

/** Every chart of the library, on CDNOW where it draws a model or a purchase log. */
function allCharts(): Record<string, object> {
  const f = chartFixtures();
  const customer = f.purchases.filter((p) => p.customerId === "1").map((p) => p.at);
  const report = kpiReport(loadCdnowSample());
  const split = calibrationHoldoutSummary(f.purchases, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
  const calibrationFit = fitBgNbd(split);
  const scorecard = evaluateHoldout(calibrationFit, split);
  const tracking = trackingSeries(calibrationFit, f.purchases, { calibrationEnd: "1997-10-01", end: "1998-07-01" });
  return {
    frequencyRecency: frequencyRecencyChart(f.bgNbd, { maxFrequency: 39, maxRecency: 39 }),
    probabilityAliveMatrix: probabilityAliveMatrixChart(f.bgNbd, { maxFrequency: 39, maxRecency: 39 }),
    periodTransactions: periodTransactionsChart(f.bgNbd, f.summary),
    probabilityAliveHistory: probabilityAliveHistoryChart(f.bgNbd, { purchases: customer, end: "1997-09-30", customerId: "1" }),
    npsTrend: npsTrendChart(f.nps),
    retentionSeries: retentionSeriesChart(f.retention),
    survival: survivalChart(f.survival),
    cohortRetention: cohortRetentionChart(f.cohorts),
    revenueCohorts: cohortRetentionChart(f.revenueCohorts, { currency: "USD" }),
    rfmGrid: rfmGridChart(f.rfm),
    ltvConcentration: ltvConcentrationChart(f.ltv),
    defectionValue: defectionValueChart(f.defections, { currency: "USD" }),
    trackingCumulative: trackingChart(tracking, { view: "cumulative" }),
    trackingIncremental: trackingChart(tracking, { view: "incremental" }),
    calibrationHoldoutByFrequency: calibrationHoldoutChart(scorecard, { by: "frequency" }),
    calibrationHoldoutByDecile: calibrationHoldoutChart(scorecard, { by: "decile" }),
    ...Object.fromEntries(REPORT_CHARTS.map((chart) => [`report.${chart}`, toVegaLite(report, chart)])),
    unavailable: toVegaLite(kpiReport([], { asOf: "2024-01-01" }), "cohortHeatmap"),
  };
}

/** A page that compiles each spec with vega-lite and renders it with vega (no vega-embed), then counts the drawn mark items of each. */
function page(charts: Record<string, object>): string {
  const json = JSON.stringify(charts).replace(/</g, "\\u003c");
  return `<!doctype html><html><head><meta charset="utf-8"><title>retention-metrics charts</title>
<style>body{font:13px system-ui,sans-serif;margin:16px}.chart{display:inline-block;vertical-align:top;margin:8px;padding:8px;border:1px solid #ddd}</style>
<script src="file://${build("vega/build/vega.min.js")}"></script>
<script src="file://${build("vega-lite/build/vega-lite.min.js")}"></script></head>
<body><h1>Every chart of retention-metrics</h1><div id="charts"></div>
<script id="specs" type="application/json">${json}</script>
<script>
(async () => {
  const specs = JSON.parse(document.getElementById("specs").textContent);
  const results = [];
  for (const [name, spec] of Object.entries(specs)) {
    const box = document.createElement("div");
    box.className = "chart";
    box.id = "chart-" + name.replace(/\\W/g, "-");
    document.getElementById("charts").appendChild(box);
    try {
      const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "svg", container: box, hover: true });
      await view.runAsync();
      const groups = [...box.querySelectorAll("g.role-mark")].filter((g) => !g.closest(".role-axis, .role-legend, .role-title"));
      results.push({ name, marks: groups.reduce((n, g) => n + g.children.length, 0), text: box.textContent });
    } catch (error) {
      results.push({ name, marks: 0, error: String(error) });
    }
  }
  window.chartResults = results;
})();
</script></body></html>`;
}

describe.skipIf(!CHROMIUM_AVAILABLE)("every chart in headless Chromium", () => {
  it("compiles with vega-lite and draws marks with vega, with no console error", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const charts = allCharts();
    const file = join(ARTIFACTS, "charts.html");
    writeFileSync(file, page(charts));
    await withChromiumPage(file, { width: 1400, height: 1000 }, async (tab, { errors, requests }) => {
      await tab.waitForFunction(() => (globalThis as unknown as { chartResults?: unknown }).chartResults !== undefined, undefined, { timeout: 30_000 });
      const results = (await tab.evaluate(() => (globalThis as unknown as { chartResults: unknown }).chartResults)) as { name: string; marks: number; text?: string; error?: string }[];
      expect(results.map((r) => r.name)).toEqual(Object.keys(charts));
      for (const result of results) {
        expect(result.error, result.name).toBeUndefined();
        expect(result.marks, result.name).toBeGreaterThan(0);
      }
      expect(results.find((r) => r.name === "frequencyRecency")!.marks).toBeGreaterThanOrEqual(1561);
      expect(results.find((r) => r.name === "unavailable")!.text).toContain("no customer has a complete month of activity before asOf");
      await tab.screenshot({ path: join(ARTIFACTS, "charts.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    }, ["--allow-file-access-from-files"]);
  }, 120_000);
});
