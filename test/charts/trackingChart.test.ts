import { describe, expect, it } from "vitest";
import type { BgNbdModel } from "../../src/index";
import { trackingChart } from "../../src/charts/trackingChart";
import { trackingSeries } from "../../src/diagnostics/trackingSeries";
import { RetentionOptionsError } from "../../src/input/errors";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { renderChart } from "./renderChart";

// The BG/NBD fit the BTYD walkthrough prints for CDNOW (§ 3).
const fit: BgNbdModel = { model: "bg-nbd", params: { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 }, logLikelihood: -9582.429, converged: true, iterations: 0, observations: 2357, timeUnit: "week", penalizer: 0 };
const series = trackingSeries(fit, cdnowPurchases(), { calibrationEnd: "1997-10-01", end: "1998-07-01" });

describe("trackingChart", () => {
  it("draws actual and model cumulative lines over 78 weeks with a rule at week 39", async () => {
    const spec = trackingChart(series, { view: "cumulative" });
    expect(spec.data.values).toHaveLength(156);
    expect(spec.data.values[2 * 19]).toEqual({ period: 20, start: "1997-05-14", series: "Actual", transactions: 1359 });
    const layers = spec.layer as { data?: { values: { end: number }[] } }[];
    expect(layers[1]!.data!.values[0]!.end).toBe(39);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(0);
    expect(rendered.svg).toContain("Cumulative repeat transactions");
    expect(rendered.svg).toContain("Actual");
    expect(rendered.svg).toContain("Model");
    expect((rendered.svg.match(/<line\b|<path\b/g) ?? []).length).toBeGreaterThan(3);
  });

  it("draws the incremental view with per-week values", async () => {
    const spec = trackingChart(series, { view: "incremental" });
    expect(spec.data.values[2 * 19 + 1]!.transactions).toBeCloseTo(76.86531, 3);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(0);
    expect(rendered.svg).toContain("Week");
  });

  it("draws a series that went through JSON (dates as strings) the same", () => {
    const parsed = JSON.parse(JSON.stringify(series)) as typeof series;
    expect(trackingChart(parsed)).toEqual(trackingChart(series));
  });

  it("says why when there is nothing to track, and rejects bad arguments", async () => {
    const empty = trackingSeries(fit, [], { calibrationEnd: "1997-10-01", end: "1998-07-01" });
    const rendered = await renderChart(trackingChart(empty));
    expect(rendered.svg).toContain("no customer made a first purchase");
    expect(() => trackingChart(series, { view: "daily" as never })).toThrow(RetentionOptionsError);
    expect(() => trackingChart(null as never)).toThrow(RetentionOptionsError);
    const broken = { ...series, periods: [{ ...series.periods[0]!, actual: Number.NaN }] };
    expect(() => trackingChart(broken)).toThrow(/periods\[0\]\.actual is/);
  });
});
