import { describe, expect, it } from "vitest";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { kpiReport, REPORT_CHARTS, renderHtml, RetentionOptionsError, toVegaLite } from "../../src/index";
import { barChartSvg, heatmapSvg } from "../../src/report/chartSvg";
import { rampColor, textWidth } from "../../src/report/svgCommon";
import { renderChart } from "../charts/renderChart";

const report = kpiReport(loadCdnowSample());
type Encoded = { encoding?: Record<string, unknown>; layer?: { encoding: Record<string, unknown> }[] };
/** Every tooltip entry of a spec, layers included. */
const tooltips = (spec: Encoded): { field: string; type: string; format?: string }[] =>
  [spec.encoding, ...(spec.layer ?? []).map((l) => l.encoding)].flatMap((e) => (e?.tooltip ?? []) as { field: string; type: string; format?: string }[]);

describe("the report's Vega-Lite charts (issue 16 fixes)", () => {
  it("compiles and renders every chart of the CDNOW report, with marks", async () => {
    for (const chart of REPORT_CHARTS) {
      const rendered = await renderChart(toVegaLite(report, chart));
      expect(rendered.markItems, chart).toBeGreaterThan(5);
    }
  });

  it("puts offset 0 on the heatmap's colour scale and writes each cell's value in it", () => {
    const spec = toVegaLite(report, "cohortHeatmap") as unknown as Encoded & { layer: { encoding: { color?: { scale?: { domain: number[] } }; text?: unknown } }[] };
    const rates = report.cohorts.available ? report.cohorts.cohorts.flatMap((c) => c.rates.filter((r): r is number => r !== null)) : [];
    expect(spec.layer[0]!.encoding.color!.scale!.domain).toEqual([0, Math.max(...rates)]);
    expect(spec.layer[1]!.encoding.text).toMatchObject({ field: "rate", format: ".0%" });
    expect((spec as unknown as { data: { values: { offset: number }[] } }).data.values.some((v) => v.offset === 0)).toBe(true);
  });

  it("formats tooltips: rates as percentages, money with two decimals", () => {
    for (const chart of REPORT_CHARTS) {
      const entries = tooltips(toVegaLite(report, chart) as unknown as Encoded);
      expect(entries.length, chart).toBeGreaterThan(0);
      for (const entry of entries.filter((e) => e.type === "quantitative")) expect(entry.format, `${chart}.${entry.field}`).toBeDefined();
    }
    const heat = tooltips(toVegaLite(report, "cohortHeatmap") as unknown as Encoded);
    expect(heat.find((t) => t.field === "rate")!.format).toBe(".1%");
    const money = tooltips(toVegaLite(report, "defectionValue") as unknown as Encoded);
    expect(money.find((t) => t.field === "unrealizedValue")!.format).toBe(",.2f");
  });

  it("refuses a chart it does not draw with a typed error (it returned undefined before issue 16)", () => {
    expect(() => toVegaLite(report, "retention" as never)).toThrow(RetentionOptionsError);
  });

  it("keeps labels whole: the frame sets no label limit", () => {
    for (const chart of REPORT_CHARTS) {
      expect(toVegaLite(report, chart).config).toEqual({ axis: { labelLimit: 0, titleLimit: 0 }, legend: { labelLimit: 0 } });
    }
  });
});

describe("the report's SVG charts (issue 16 fixes)", () => {
  it("colours offset 0 on the same scale as the other offsets", () => {
    const svg = heatmapSvg("h", [
      { cohort: "2024-01", offset: 0, rate: 1, customers: 4, size: 4 },
      { cohort: "2024-01", offset: 1, rate: 0.5, customers: 2, size: 4 },
    ]);
    // Before issue 16 offset 0 was painted apart and offset 1, the largest of the rest, at full colour.
    expect(svg).toContain(`fill="${rampColor(0.5)}"`);
    expect(svg).toContain(`fill="${rampColor(1)}"`);
    expect(svg).toContain(">50%</text>");
  });

  it("gives long bar labels and values the room they need", () => {
    const label = "Lapsed after a single order in the first quarter";
    const svg = barChartSvg("b", [{ label, value: 1234567.5, detail: "d" }], "T", "D", "X", (v) => v.toFixed(2));
    const left = Number(/<rect class="mark" x="([\d.]+)"/.exec(svg)![1]);
    expect(left).toBeGreaterThanOrEqual(textWidth(label, 12));
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    const valueX = Number(/<text x="([\d.]+)" y="[\d.]+" font-size="11">1234567.50</.exec(svg)![1]);
    expect(valueX + textWidth("1234567.50", 11)).toBeLessThanOrEqual(width);
  });

  it("draws an unavailable section as a chart that says why", () => {
    const html = renderHtml(kpiReport([], { asOf: "2024-01-01" }));
    for (const id of ["cohort-heatmap", "retention-curve", "revenue-concentration", "defection-value"]) {
      const svg = new RegExp(`<svg id="${id}"[^]*?</svg>`).exec(html)?.[0] ?? "";
      expect(svg, id).toContain('class="mark"');
      expect(svg, id).toContain("Not available: ");
    }
  });
});
