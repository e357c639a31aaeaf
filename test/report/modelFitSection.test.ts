import { describe, expect, it } from "vitest";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { calibrationHoldoutSummary, conditionalExpectedPurchases, kpiReport, renderHtml, renderMarkdown, type BgNbdModel } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { KpiReportJsonSchema as Legacy } from "../schemas/legacyReportSchema";

// CDNOW to 1998-07-01: 78 whole weeks from 1997-01-01, so calibration is the first 52 (to 1997-12-31) and the holdout 26.
const purchases = cdnowPurchases();
const report = kpiReport(purchases, { asOf: "1998-07-01", skip: ["cohorts", "defections", "segments", "historicalClv", "predictedClv"] });
const section = report.modelFit!;

describe("the report's Model fit section", () => {
  it("splits 78 weeks into 52 of calibration and 26 of holdout and tracks every week", () => {
    if (!section.available) throw new Error(section.reason);
    expect(section.calibration).toEqual({ start: new Date("1997-01-01"), end: new Date("1997-12-31") });
    expect(section.holdout).toEqual({ start: new Date("1997-12-31"), end: new Date("1998-07-01") });
    expect(section.customers).toBe(2357);
    expect(section.tracking.periods).toHaveLength(78);
    expect(section.tracking.calibration.periods).toBe(52);
    expect(section.model).toMatchObject({ model: "bg-nbd", converged: true, observations: 2357 });
  });

  it("tabulates the holdout by calibration frequency as calibrationHoldoutSummary and conditionalExpectedPurchases give it", () => {
    if (!section.available) throw new Error(section.reason);
    const holdout = calibrationHoldoutSummary(purchases, { calibrationEnd: "1997-12-30", observationEnd: "1998-06-30", timeUnit: "week" });
    const fit = { ...section.model, timeUnit: "week", penalizer: 0 } as unknown as BgNbdModel;
    const bins = new Map<string, { n: number; actual: number; predicted: number }>();
    for (const c of holdout.customers) {
      const label = c.frequency >= 7 ? "7+" : String(c.frequency);
      const bin = bins.get(label) ?? { n: 0, actual: 0, predicted: 0 };
      bin.n++;
      bin.actual += c.holdoutFrequency;
      // The section's calibration ends at 1997-12-31 00:00 (exclusive), one day after the summary's asOf: T is a day longer.
      bin.predicted += conditionalExpectedPurchases(fit, { ...c, T: c.T + 1 / 7 }, 26);
      bins.set(label, bin);
    }
    expect(section.byFrequency.map((b) => b.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    for (const b of section.byFrequency) {
      const expected = bins.get(b.label)!;
      expect(b.customers).toBe(expected.n);
      expect(b.meanActual).toBeCloseTo(expected.actual / expected.n, 12);
      expect(b.meanPredicted).toBeCloseTo(expected.predicted / expected.n, 6);
    }
    expect(section.tracking.holdout.actual).toBe(holdout.customers.reduce((sum, c) => sum + c.holdoutFrequency, 0));
  });

  it("validates against the JSON schema (current and legacy) and renders in Markdown and HTML", () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(KpiReportJsonSchema.safeParse(json).success).toBe(true);
    expect(Legacy.safeParse(json).success).toBe(true);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("## Model fit (BG/NBD on a holdout)");
    expect(markdown).toMatch(/\| 7\+ \| 96 \| 3\.854 \| 4\.013 \|/);
    const html = renderHtml(report);
    expect(html).toContain('<svg id="model-tracking"');
    expect(html).toContain('<svg id="calibration-holdout"');
    expect(html).toContain("end of calibration (week 52)");
  });

  it("is unavailable with a reason on a short span, and skippable", () => {
    const short = kpiReport(purchases.filter((p) => p.at < "1997-06-01"), { asOf: "1997-06-01" }).modelFit!;
    expect(short).toEqual({ available: false, reason: "the data span 21 whole weeks; a holdout check needs at least 26" });
    expect(renderMarkdown(kpiReport(purchases.filter((p) => p.at < "1997-06-01"), { asOf: "1997-06-01" }))).toContain("_Not available: the data span 21 whole weeks");
    expect(kpiReport(purchases, { asOf: "1998-07-01", skip: ["modelFit", "predictedClv"] }).modelFit).toEqual({ available: false, reason: "skipped (the skip option)" });
    expect(kpiReport([], { asOf: "1998-07-01" }).modelFit).toMatchObject({ available: false });
  });
});
