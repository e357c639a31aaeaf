import { describe, expect, it } from "vitest";
import * as api from "retention-metrics";
import { display, JUPYTER_DISPLAY, VEGA_LITE_MIME, type ResultDisplay } from "retention-metrics/notebook";
import { purchases } from "../api/validCalls";
import { renderChart } from "../charts/renderChart";
import { cdnowPurchases } from "../clv/cdnowFixtures";

const asOf = "2024-04-01";
const surveys = [
  { at: "2024-01-05", score: 9, segment: "web" },
  { at: "2024-02-06", score: 3, segment: "app" },
  { at: "2024-02-07", score: 10, segment: "web" },
];

/** The bundle as Deno's kernel gets it: the method under Symbol.for("Jupyter.display"). */
function bundleOf(shown: ResultDisplay): Record<string, unknown> {
  const method = (shown as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")];
  expect(typeof method).toBe("function");
  return method!.call(shown);
}

/** The HTML table rows (<tr> of <tbody>) of the n-th table, as arrays of cell texts. */
function bodyRows(html: string, n = 0): string[][] {
  const body = [...html.matchAll(/<tbody>(.*?)<\/tbody>/g)][n]?.[1] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]!));
}

const htmlOf = (value: unknown, options?: object): string => bundleOf(display(value, options))["text/html"] as string;

describe("display: the Jupyter protocol", () => {
  it("answers Symbol.for('Jupyter.display') with a MIME bundle of text/plain and text/html", () => {
    const shown = display(api.nps(surveys));
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
    expect(Object.keys(bundleOf(shown)).sort()).toEqual(["text/html", "text/plain"]);
    expect(bundleOf(shown)).toBe(shown.bundle);
    expect(Object.isFrozen(shown)).toBe(true);
    expect(shown.chart).toBeNull();
    expect(Object.keys(shown.table[JUPYTER_DISPLAY]()).sort()).toEqual(["text/html", "text/plain"]);
  });

  it("is JSON-serialisable (the kernel sends the bundle as JSON)", () => {
    const bundle = bundleOf(display(api.kpiReport(purchases, { asOf })));
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });
});

describe("display: each kind of result", () => {
  it("cohorts: a row per cohort, a column per offset with the rate and the customers", () => {
    const shown = display(api.cohortRetention(purchases, { granularity: "month", asOf }));
    expect(shown.kind).toBe("cohortRetention");
    // January cohort a, b, d (3): in February only a orders (1 of 3), in March a and b (2 of 3); February cohort c (1) has no March order.
    expect(bodyRows(bundleOf(shown)["text/html"] as string)).toEqual([
      ["2024-01", "2024-01-01", "3", "100.0% (3)", "33.3% (1)", "66.7% (2)"],
      ["2024-02", "2024-02-01", "1", "100.0% (1)", "0.0% (0)", ""],
    ]);
  });

  it("revenue cohorts: the cells carry money rounded to cents", () => {
    const rows = bodyRows(htmlOf(api.cohortRetention(purchases, { granularity: "month", asOf, measure: "revenue" })));
    // January cohort: 10 + 30 + 7 + 8 = 55 in January; a's 12 in February (12/55 = 21.8%); a's 9 + b's 25 in March.
    expect(rows[0]).toEqual(["2024-01", "2024-01-01", "3", "100.0% (55.00)", "21.8% (12.00)", "61.8% (34.00)"]);
  });

  it("the retention series: counts and rates per period, n/a where undefined", () => {
    const rows = bodyRows(htmlOf(api.retentionSeries(purchases, { granularity: "month", from: "2024-01-01", to: "2024-04-01" })));
    expect(rows[0]).toEqual(["2024-01", "2024-01-01", "0", "0", "0", "3", "0", "3", "n/a", "n/a", "n/a"]);
    expect(rows).toHaveLength(3);
  });

  it("customer summaries: the first rows, with the count of all", () => {
    const summary = api.customerSummary(purchases, { asOf, timeUnit: "week" });
    const shown = display(summary, { rows: 2 });
    expect(shown.kind).toBe("customerSummary");
    const html = bundleOf(shown)["text/html"] as string;
    const rows = bodyRows(html);
    expect(rows).toHaveLength(2);
    // a: 3 orders (10, 12, 9): frequency 2, monetary value (12 + 9) / 2 = 10.50, revenue 31.00.
    expect(rows[0]).toEqual(["a", "2", "8.86", "12.43", "10.50", "3", "31.00", "2024-01-05", "2024-03-07"]);
    expect(html).toContain("First 2 of 4 rows.");
    expect(bundleOf(shown)["text/plain"]).toContain("4 customers, 3 with repeat purchases");
  });

  it("a JSON copy of a summary (no brand) is recognised by its shape", () => {
    const copy = JSON.parse(JSON.stringify(api.customerSummary(purchases, { asOf }))) as unknown;
    expect(display(copy).kind).toBe("customerSummary");
    expect(bodyRows(htmlOf(copy))[0]![4]).toBe("10.50");
  });

  it("calibration and holdout summaries", () => {
    const shown = display(api.calibrationHoldoutSummary(purchases, { calibrationEnd: "2024-02-15", observationEnd: asOf }));
    expect(shown.kind).toBe("calibrationHoldoutSummary");
    // a: calibration orders Jan 5 and Feb 5 (frequency 1, recency 31 days), holdout Mar 7 (9.00).
    expect(bodyRows(bundleOf(shown)["text/html"] as string)[0]).toEqual(["a", "1", "31.00", "41.00", "12.00", "1", "9.00", "46.00"]);
  });

  it("predictions: CLV and average spend rounded to cents, P(alive) as a percentage", () => {
    const summary = api.customerSummary(purchases, { asOf, timeUnit: "week" });
    const prediction = api.predictClv(api.fitBgNbd(summary), api.fitGammaGamma(summary), summary, { horizon: 52, discountRate: 0.01 });
    const rows = bodyRows(htmlOf(prediction));
    const first = prediction.customers[0]!;
    expect(rows[0]).toEqual([
      "a",
      first.clv!.toFixed(2),
      first.expectedPurchases.toFixed(2),
      first.expectedAverageSpend!.toFixed(2),
      `${(first.probabilityAlive * 100).toFixed(1)}%`,
    ]);
    expect(display(prediction).kind).toBe("predictClv");
  });

  it("the scorecard, recognised by its shape: its figures and calibration tables", () => {
    const scorecard = {
      model: "bg-nbd",
      customers: 3,
      perCustomer: { mae: 0.5, rmse: 0.75, correlation: null },
      calibration: {
        byFrequency: [{ label: "0", customers: 2, meanActual: 0.5, meanPredicted: 0.25 }, { label: "7+", customers: 1, meanActual: 8, meanPredicted: 7.5 }],
        byDecile: [{ label: "1", customers: 3, meanActual: 3, meanPredicted: 2.6666666 }],
      },
    };
    const shown = display(scorecard);
    expect(shown.kind).toBe("scorecard");
    const html = bundleOf(shown)["text/html"] as string;
    expect(bodyRows(html, 0)).toEqual([["model", "bg-nbd"], ["customers", "3"], ["perCustomer.mae", "0.5000"], ["perCustomer.rmse", "0.7500"], ["perCustomer.correlation", "n/a"]]);
    expect(bodyRows(html, 1)).toEqual([["0", "2", "0.500", "0.250"], ["7+", "1", "8.000", "7.500"]]);
    expect(bodyRows(html, 2)).toEqual([["1", "3", "3.000", "2.667"]]);
  });

  it("a real scorecard (evaluateHoldout on CDNOW): its figures, and calibration vs holdout as its chart", async () => {
    const split = api.calibrationHoldoutSummary(cdnowPurchases(), { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
    const scorecard = api.evaluateHoldout(api.fitBgNbd(split), split);
    const shown = display(scorecard);
    expect(shown.kind).toBe("scorecard");
    expect(bundleOf(shown)["text/html"]).toContain("mae");
    const spec = bundleOf(shown)[VEGA_LITE_MIME] as { title: string };
    expect(spec).toEqual(api.calibrationHoldoutChart(scorecard, { by: "frequency" }));
    expect((await renderChart(spec)).markItems).toBeGreaterThan(0);
  });

  it("cohorts, the retention series, the NPS trend, defections and segments carry their chart", () => {
    const asOf = "2024-04-01";
    const cohorts = api.cohortRetention(purchases, { granularity: "month", asOf });
    expect(bundleOf(display(cohorts))[VEGA_LITE_MIME]).toEqual(api.cohortRetentionChart(cohorts));
    const rfm = api.rfmScores(purchases, { asOf });
    expect(bundleOf(display(rfm))[VEGA_LITE_MIME]).toEqual(api.rfmGridChart(rfm));
    const defections = api.defectionReport(purchases, { asOf });
    expect(bundleOf(display(defections))[VEGA_LITE_MIME]).toEqual(api.defectionValueChart(defections));
  });

  it("NPS: the score with its interval and the three groups", () => {
    const shown = display(api.nps(surveys));
    const html = bundleOf(shown)["text/html"] as string;
    // 2 promoters, 0 passives, 1 detractor: (2 − 1) / 3 = 33.3.
    expect(html).toContain("NPS 33.3 (95% interval");
    expect(bodyRows(html)).toEqual([["Promoters", "2", "66.7%"], ["Passives", "0", "0.0%"], ["Detractors", "1", "33.3%"]]);
  });

  it("the NPS trend and NPS by group", () => {
    const trend = bodyRows(htmlOf(api.npsTrend(surveys, { granularity: "month" })));
    expect(trend.map((row) => [row[0], row[3], row[5], row[6]])).toEqual([["2024-01", "1", "0", "1"], ["2024-02", "1", "1", "2"]]);
    expect(trend[1]![2]).toMatch(/^0\.0 \(95% interval /);
    expect(display(api.npsBy(surveys, "segment")).kind).toBe("npsBy");
  });

  it("defections: by reason and the customers most worth saving", () => {
    const report = api.defectionReport(purchases, { asOf });
    const shown = display(report);
    expect(shown.kind).toBe("defectionReport");
    const html = bundleOf(shown)["text/html"] as string;
    expect(html).toContain(`${report.customers} customers: ${report.active} active, ${report.atRisk} at risk`);
    expect(bodyRows(html, 1)).toHaveLength(report.topAtRisk.length);
  });

  it("segments: RFM counts per segment over all rows, and LTV tiers", () => {
    const scores = api.rfmScores(purchases, { asOf });
    const segments = bodyRows(htmlOf(scores, { rows: 1 }), 0);
    expect(segments.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(scores.length);
    expect(bodyRows(htmlOf(scores, { rows: 1 }), 1)).toHaveLength(1);
    const tiers = bodyRows(htmlOf(api.ltvSegments(purchases, { method: "quantile" })));
    // b 55, a 31, d 15, c 5: 55 / 106 = 51.9%.
    expect(tiers[0]).toEqual(["tier 1", "1", "25.0%", "55.00", "51.9%", "55.00", "55.00"]);
  });

  it("the KPI report: the scoped HTML fragment and its four charts as one Vega-Lite spec that compiles and draws", async () => {
    const report = api.kpiReport(purchases, { asOf });
    const shown = display(report);
    const bundle = bundleOf(shown);
    expect(shown.kind).toBe("kpiReport");
    expect(bundle["text/html"]).toBe(api.renderHtml(report, { fragment: true }));
    const spec = bundle[VEGA_LITE_MIME] as { vconcat: { title: string }[] };
    expect(spec.vconcat.map((view) => view.title)).toEqual(api.REPORT_CHARTS.map((chart) => api.toVegaLite(report, chart).title));
    expect(shown.chart?.[JUPYTER_DISPLAY]()[VEGA_LITE_MIME]).toBe(spec);
    expect((await renderChart(spec)).markItems).toBeGreaterThan(0);
  });

  it("a chart function's spec: the chart itself, and its data as the table", () => {
    const spec = api.toVegaLite(api.kpiReport(purchases, { asOf }), "retentionCurve");
    const shown = display(spec);
    expect(shown.kind).toBe("chart");
    expect(shown.bundle[VEGA_LITE_MIME]).toBe(spec);
    const html = shown.bundle["text/html"]!;
    expect(html).toContain("<th scope=\"col\">offset</th><th scope=\"col\">rate</th>");
    expect(bodyRows(html)[0]).toEqual(["0", "1"]);
  });

  it("a JSON copy of the KPI report is a typed error, as for renderHtml", () => {
    const copy = JSON.parse(JSON.stringify(api.kpiReport(purchases, { asOf }))) as unknown;
    expect(() => display(copy)).toThrow(api.RetentionInputError);
  });

  it("an empty list (an empty trend or series) shows as an empty result", () => {
    expect(display([]).kind).toBe("empty");
    expect(htmlOf([])).toContain("No rows.");
  });
});

describe("display: money, escaping, limits", () => {
  const ltv = (totalValue: string): unknown => ({ ...JSON.parse(JSON.stringify(api.ltvSegments(purchases, { method: "quantile" }))), totalValue });

  it("rounds money half-even to moneyPlaces (default 2), with thousands separators", () => {
    expect(htmlOf(ltv("1234.565"))).toContain("total 1,234.56.");
    expect(htmlOf(ltv("1234.575"))).toContain("total 1,234.58.");
    expect(htmlOf(ltv("1234.5"), { moneyPlaces: 0 })).toContain("total 1,234.");
    expect(htmlOf(ltv("-0.001"))).toContain("total 0.00.");
    expect(htmlOf(ltv("-12.5"), { moneyPlaces: 3 })).toContain("total −12.500.");
  });

  it("escapes every text: ids, segments and captions", () => {
    const hostile = `<img src=x onerror="alert('x')">&`;
    const rows = purchases.map((row) => (row.customerId === "a" ? { ...row, customerId: hostile } : row));
    const html = htmlOf(api.customerSummary(rows, { asOf }));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;");
  });

  it("answers anything it does not know with a typed error listing what it displays", () => {
    for (const value of [null, undefined, 42, "x", { rate: 0.5 }, [{ a: 1 }], new Map(), () => 1]) {
      expect(() => display(value)).toThrow(api.RetentionInputError);
    }
    expect(() => display({ rate: 0.5 })).toThrow(/display expects a result of retention-metrics \(kpiReport, cohortRetention, .*\), found an object with keys "rate"/);
  });

  it("names the field of a result altered by hand", () => {
    const copy = JSON.parse(JSON.stringify(api.cohortRetention(purchases, { granularity: "month", asOf }))) as { cohorts: { rates: unknown[] }[] };
    copy.cohorts[0]!.rates[1] = "NaN";
    expect(() => display(copy)).toThrow(/cohortRetention\.cohorts\[0\]\.rates\[1\]: display expects a finite number or null, found a string/);
    const summary = JSON.parse(JSON.stringify(api.customerSummary(purchases, { asOf }))) as { customers: unknown[] };
    summary.customers[0] = null;
    expect(() => display(summary)).toThrow(api.RetentionInputError);
  });

  it("checks its options", () => {
    const result = api.nps(surveys);
    for (const options of [null, 1, [], { rows: 0 }, { rows: 1.5 }, { rows: 10_001 }, { moneyPlaces: -1 }, { moneyPlaces: 11 }, { moneyPlaces: "2" }]) {
      expect(() => display(result, options as never)).toThrow(api.RetentionOptionsError);
    }
  });

  it("does not touch its input", () => {
    const summary = api.customerSummary(purchases, { asOf });
    const before = JSON.stringify(summary);
    display(summary);
    expect(JSON.stringify(summary)).toBe(before);
    expect(Object.isFrozen(summary)).toBe(true);
  });
});
