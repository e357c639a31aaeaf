import { describe, expect, it } from "vitest";
import {
  cohortRetentionChart,
  defectionValueChart,
  ltvConcentrationChart,
  npsTrendChart,
  retentionSeriesChart,
  rfmGridChart,
  RetentionInputError,
  RetentionOptionsError,
  survivalChart,
  survivalCurve,
} from "../../src/index";
import { chartFixtures } from "./chartFixtures";
import { renderChart } from "./renderChart";

const f = chartFixtures();
type Row = Record<string, string | number | null>;
const rowsOf = (spec: { data: { values: readonly unknown[] } }): Row[] => spec.data.values as Row[];
const layer = (spec: Record<string, unknown>, i: number) => (spec.layer as { encoding: Record<string, { scale?: { domain?: unknown } }> }[])[i]!;

describe("npsTrendChart", () => {
  it("draws each period's NPS with its confidence band", async () => {
    const spec = npsTrendChart(f.nps);
    const values = rowsOf(spec);
    expect(values).toHaveLength(f.nps.length);
    expect(values[0]).toEqual({ period: f.nps[0]!.key, score: f.nps[0]!.score, lower: f.nps[0]!.confidenceInterval![0], upper: f.nps[0]!.confidenceInterval![1], responses: f.nps[0]!.responses });
    expect(spec.description).toContain("95% confidence interval");
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(f.nps.length);
    expect(rendered.svg).toContain(f.nps[0]!.key);
  });

  it("says so when no period has a response, and refuses other shapes", async () => {
    expect((await renderChart(npsTrendChart([]))).svg).toContain("the trend has no periods");
    expect(() => npsTrendChart({ points: [] } as never)).toThrow(RetentionInputError);
    expect(() => npsTrendChart([null] as never)).toThrow(RetentionInputError);
  });
});

describe("retentionSeriesChart", () => {
  it("draws retention and churn per period, adding to 100%", async () => {
    const spec = retentionSeriesChart(f.retention);
    const values = rowsOf(spec);
    const first = f.retention.find((p) => p.rate !== null)!;
    const pair = values.filter((v) => v.period === first.key);
    expect(pair.map((v) => v.measure)).toEqual(["Retention rate", "Churn rate"]);
    expect(pair[0]!.rate).toBe(first.rate);
    expect((pair[0]!.rate as number) + (pair[1]!.rate as number)).toBeCloseTo(1, 12);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(values.length);
  });

  it("says so when nobody was active at any start", async () => {
    expect((await renderChart(retentionSeriesChart([]))).svg).toContain("the series has no periods");
    expect(() => retentionSeriesChart("x" as never)).toThrow(RetentionInputError);
  });
});

describe("survivalChart", () => {
  it("draws Kaplan–Meier survival from 1 at t = 0, with its band", async () => {
    const day = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();
    const curve = survivalCurve({ events: [
      { customerId: "a", at: day(0), type: "signup" }, { customerId: "a", at: day(10), type: "cancel" },
      { customerId: "b", at: day(0), type: "signup" }, { customerId: "b", at: day(20), type: "cancel" },
      { customerId: "c", at: day(0), type: "signup" },
      { customerId: "d", at: day(0), type: "signup" }, { customerId: "d", at: day(20), type: "cancel" },
    ] }, { asOf: day(30), unit: "day" });
    const values = rowsOf(survivalChart(curve));
    // By hand: 4 at risk at t = 10, one cancels: 3/4; at t = 20, 3 at risk, two cancel: 3/4 · 1/3 = 1/4; c censored at 30.
    expect(values.map((v) => [v.t, v.survival])).toEqual([[0, 1], [10, 0.75], [20, 0.25], [30, 0.25]]);
    const spec = survivalChart(f.survival);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(rowsOf(spec).length);
    expect(rendered.svg).toContain("Share still running");
  });

  it("says so when there are no spells", async () => {
    const none = survivalCurve({ events: [] }, { asOf: "2024-01-01", unit: "day" });
    expect((await renderChart(survivalChart(none))).svg).toContain("no contract spells to follow");
    expect(() => survivalChart({ points: [], spells: -1, cancelled: 0, censored: 0, unit: "day" } as never)).toThrow(RetentionInputError);
  });
});

describe("cohortRetentionChart", () => {
  it("colours every cell, offset 0 included, on one scale, and writes each value in its cell", async () => {
    const spec = cohortRetentionChart(f.cohorts);
    const values = rowsOf(spec);
    const rates = f.cohorts.cohorts.flatMap((c) => c.rates.filter((r): r is number => r !== null));
    expect(values).toHaveLength(rates.length);
    expect(values.filter((v) => v.offset === 0).length).toBe(f.cohorts.cohorts.length);
    expect(layer(spec, 0).encoding.color!.scale!.domain).toEqual([0, Math.max(...rates)]);
    expect(layer(spec, 1).encoding.text).toMatchObject({ field: "rate", format: ".0%" });
    const rendered = await renderChart(spec);
    expect(rendered.svg).toContain(">100%</text>"); // offset 0 is everyone in the cohort
    expect(rendered.markItems).toBeGreaterThan(2 * values.length);
  });

  it("draws revenue cohorts at any granularity, with money in the tooltip", async () => {
    const spec = cohortRetentionChart(f.revenueCohorts, { currency: "USD" });
    expect(spec.title).toBe("Revenue retention by quarter cohort");
    const first = f.revenueCohorts.cohorts[0]!;
    expect(rowsOf(spec)[0]).toMatchObject({ cohort: first.key, offset: 0, rate: 1, value: (first.values[0] as { toNumber(): number }).toNumber() });
    const tooltip = (layer(spec, 0).encoding as unknown as { tooltip: { title: string; format?: string }[] }).tooltip;
    expect(tooltip.find((t) => t.title === "Revenue (USD)")!.format).toBe(",.2f");
    expect((await renderChart(spec)).markItems).toBeGreaterThan(0);
  });

  it("draws the latest maxCohorts cohorts and first maxOffsets offsets, and refuses bad options and shapes", () => {
    const spec = cohortRetentionChart(f.cohorts, { maxCohorts: 2, maxOffsets: 1 });
    expect(rowsOf(spec).map((v) => v.cohort)).toEqual(f.cohorts.cohorts.slice(-2).map((c) => c.key));
    expect(() => cohortRetentionChart(f.cohorts, { maxCohorts: 0 })).toThrow(RetentionOptionsError);
    expect(() => cohortRetentionChart([] as never)).toThrow(RetentionInputError);
  });
});

describe("rfmGridChart", () => {
  it("counts customers per (R, F) score and writes the counts in the cells", async () => {
    const spec = rfmGridChart(f.rfm);
    const values = rowsOf(spec);
    expect(values.reduce((s, v) => s + (v.customers as number), 0)).toBe(f.rfm.length);
    const top = f.rfm.filter((s) => s.r === 5 && s.f === 5).length;
    expect(values.find((v) => v.r === 5 && v.f === 5)?.customers ?? 0).toBe(top);
    const rendered = await renderChart(spec);
    expect(rendered.svg).toContain(`>${top}</text>`);
    expect(rendered.markItems).toBeGreaterThan(2 * values.length);
  });

  it("says so without customers, and names a bad score's row", async () => {
    expect((await renderChart(rfmGridChart([]))).svg).toContain("no customers were scored");
    expect(() => rfmGridChart([{ ...f.rfm[0]!, r: 1e9 }])).toThrow(RetentionInputError);
  });
});

describe("ltvConcentrationChart", () => {
  it("draws the concentration curve through the tiers and the top 1/10/20%, against equal shares", async () => {
    const spec = ltvConcentrationChart(f.ltv);
    expect(spec.title).toBe("Revenue concentration curve");
    const values = rowsOf(spec);
    expect(values[0]).toMatchObject({ customers: 0, value: 0 });
    expect(values.find((v) => v.customers === 0.2)!.value).toBe(f.ltv.concentration.top20PctShare);
    expect(values.at(-1)).toMatchObject({ customers: expect.closeTo(1, 12), value: expect.closeTo(1, 12) });
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(values.length);
  });

  it("draws an unavailable report section as a chart that says why", async () => {
    const spec = ltvConcentrationChart({ available: false, reason: "no purchases" });
    expect((await renderChart(spec)).svg).toContain("no purchases");
    expect(() => ltvConcentrationChart({ tiers: "x" } as never)).toThrow(RetentionInputError);
  });
});

describe("defectionValueChart", () => {
  it("draws the unrealized value by reason, largest first, adding up to the report's", async () => {
    const spec = defectionValueChart(f.defections, { currency: "USD" });
    const values = rowsOf(spec);
    const total = values.reduce((s, v) => s + (v.unrealizedValue as number), 0);
    expect(total).toBeCloseTo(f.defections.unrealizedValue.toNumber(), 6);
    for (let i = 1; i < values.length; i++) expect(values[i]!.unrealizedValue as number).toBeLessThanOrEqual(values[i - 1]!.unrealizedValue as number);
    const rendered = await renderChart(spec);
    expect(rendered.svg).toContain("Unrealized value a year (USD)");
    expect(rendered.markItems).toBeGreaterThan(values.length);
  });

  it("says so when nobody defected or the section is unavailable", async () => {
    expect((await renderChart(defectionValueChart({ byReason: [] }))).svg).toContain("no customer has defected");
    expect((await renderChart(defectionValueChart({ available: false, reason: "skipped" }))).svg).toContain("skipped");
    expect(() => defectionValueChart(null as never)).toThrow(RetentionInputError);
  });
});
