import { beforeAll, describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  frequencyRecencyChart,
  periodTransactionsChart,
  probabilityAlive,
  probabilityAliveHistoryChart,
  purchaseCountProbability,
  probabilityAliveMatrixChart,
  RetentionInputError,
  RetentionOptionsError,
  type BgNbdModel,
  type ParetoNbdModel,
} from "../../src/index";
import { cdnowSummaryRows } from "../clv/cdnowFixtures";
import { renderChart } from "./renderChart";

type Cell = { frequency: number; recency: number; value: number };
const rows = cdnowSummaryRows();
let bgNbd: BgNbdModel;
let paretoNbd: ParetoNbdModel;
beforeAll(() => {
  bgNbd = fitBgNbd(rows, { timeUnit: "week" });
  paretoNbd = fitParetoNbd(rows, { timeUnit: "week" });
});

const cell = (values: readonly unknown[], frequency: number, recency: number): number =>
  (values as Cell[]).find((c) => c.frequency === frequency && c.recency === recency)!.value;

/** ₂F₁(a, b; c; z) by its power series, for the hand check (|z| < 1). */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
  }
  return sum;
}

describe("frequencyRecencyChart (CDNOW BG/NBD, weeks)", () => {
  it("draws the 40 × 40 grid of conditional expected purchases, lifetimes' layout", async () => {
    const spec = frequencyRecencyChart(bgNbd, { maxFrequency: 39, maxRecency: 39, t: 1 });
    // 40 × 40 cells less the 39 impossible histories (frequency 0, recency > 0).
    expect(spec.data.values).toHaveLength(40 * 40 - 39);
    expect(cell(spec.data.values, 39, 39)).toBe(conditionalExpectedPurchases(bgNbd, { frequency: 39, recency: 39, T: 39 }, 1));
    // By hand (FHL 2005 eq. 10 with x = 0, so P(alive) = 1): (a+b−1)/(a−1)·[1 − ((α+T)/(α+T+t))^r ₂F₁(r, b; a+b−1; t/(α+T+t))].
    const { r, alpha, a, b } = bgNbd.params;
    const z = 1 / (alpha + 39 + 1);
    const byHand = ((a + b - 1) / (a - 1)) * (1 - Math.pow((alpha + 39) / (alpha + 40), r) * hyp2f1Series(r, b, a + b - 1, z));
    expect(cell(spec.data.values, 0, 0)).toBeCloseTo(byHand, 12);
    // The best customers are bottom right: at the latest recency, more purchases mean more expected.
    const lastRow = Array.from({ length: 39 }, (_, x) => cell(spec.data.values, x + 1, 39));
    for (let i = 1; i < lastRow.length; i++) expect(lastRow[i]!).toBeGreaterThan(lastRow[i - 1]!);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(1561);
    expect(rendered.svg).toContain("Expected purchases in the next 1 week by frequency and recency");
  });

  it("draws a Pareto/NBD model, and any T ≥ maxRecency and horizon", async () => {
    const spec = frequencyRecencyChart(paretoNbd, { maxFrequency: 10, maxRecency: 20, T: 39, t: 52 });
    expect(cell(spec.data.values, 10, 20)).toBe(conditionalExpectedPurchases(paretoNbd, { frequency: 10, recency: 20, T: 39 }, 52));
    expect((await renderChart(spec)).markItems).toBeGreaterThan(200);
  });

  it("answers bad models and grids with typed errors", () => {
    expect(() => frequencyRecencyChart(bgNbd, { maxRecency: 5 } as never)).toThrow(RetentionOptionsError);
    expect(() => frequencyRecencyChart(bgNbd, { maxFrequency: 201, maxRecency: 5 })).toThrow(/maxFrequency/);
    expect(() => frequencyRecencyChart(bgNbd, { maxFrequency: 5, maxRecency: 5, T: 4 })).toThrow(/T ≥ maxRecency/);
    expect(() => frequencyRecencyChart(bgNbd, { maxFrequency: 5, maxRecency: 5, t: -1 })).toThrow(RetentionOptionsError);
    const gammaGamma = fitGammaGamma([{ frequency: 1, recency: 1, T: 2, monetaryValue: "10" }, { frequency: 2, recency: 2, T: 3, monetaryValue: "14" }, { frequency: 3, recency: 2, T: 3, monetaryValue: "9" }]);
    expect(() => frequencyRecencyChart(gammaGamma as never, { maxFrequency: 5, maxRecency: 5 })).toThrow(RetentionOptionsError);
  });
});

describe("probabilityAliveMatrixChart (CDNOW BG/NBD, weeks)", () => {
  it("draws P(alive) on [0, 1], hand-checkable where recency = T", async () => {
    const spec = probabilityAliveMatrixChart(bgNbd, { maxFrequency: 39, maxRecency: 39 });
    const { a, b } = bgNbd.params;
    expect(cell(spec.data.values, 0, 0)).toBe(1);
    // FHL 2005 eq. 13 with tₓ = T: ((α+T)/(α+tₓ))^(r+x) = 1, so P(alive) = 1 / (1 + a/(b+x−1)).
    expect(cell(spec.data.values, 1, 39)).toBeCloseTo(1 / (1 + a / b), 14);
    expect(cell(spec.data.values, 20, 39)).toBeCloseTo(1 / (1 + a / (b + 19)), 14);
    expect(cell(spec.data.values, 39, 0)).toBe(probabilityAlive(bgNbd, { frequency: 39, recency: 0, T: 39 }));
    expect(cell(spec.data.values, 39, 0)).toBeLessThan(1e-6);
    const color = (spec.encoding as { color: { scale: { domain: number[] } } }).color;
    expect(color.scale.domain).toEqual([0, 1]);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(1561);
    expect(rendered.svg).toContain("P(alive)");
  });
});

describe("periodTransactionsChart (CDNOW BG/NBD, weeks)", () => {
  it("puts the actual repeat-transaction counts beside the model's, which add up to the customers", async () => {
    const spec = periodTransactionsChart(bgNbd, rows);
    const values = spec.data.values as { frequency: string; series: string; customers: number }[];
    const actual = values.filter((v) => v.series === "Actual").map((v) => v.customers);
    const model = values.filter((v) => v.series === "Model").map((v) => v.customers);
    // The CDNOW counts BTYD's walkthrough prints (n.x.actual, censored at 7).
    expect(actual).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(values.map((v) => v.frequency).slice(-1)).toEqual(["7+"]);
    expect(model.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 9);
    // P(X(T) = 0) = (α/(α+T))^r (FHL 2005 eq. 8 at x = 0), summed over the customers.
    const { r, alpha } = bgNbd.params;
    expect(model[0]!).toBeCloseTo(rows.reduce((s, row) => s + Math.pow(alpha / (alpha + row.T), r), 0), 8);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(16);
    expect(rendered.svg).toContain("7+");
  });

  it("draws a Pareto/NBD fit with its own count distribution, the customers' P(X(T) = k) summed", () => {
    const spec = periodTransactionsChart(paretoNbd, rows);
    const values = spec.data.values as { frequency: string; series: string; customers: number }[];
    const model = values.filter((v) => v.series === "Model").map((v) => v.customers);
    expect(model.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 9);
    for (const k of [0, 1, 6]) expect(model[k]!).toBeCloseTo(rows.reduce((s, row) => s + purchaseCountProbability(paretoNbd, k, row.T), 0), 8);
    expect(spec.description).toContain("Pareto/NBD model expects");
  });

  it("takes maxFrequency, says when there are no customers, and refuses other models and a summary in other units", async () => {
    expect(periodTransactionsChart(bgNbd, rows, { maxFrequency: 3 }).data.values).toHaveLength(8);
    const empty = periodTransactionsChart(bgNbd, []);
    expect((await renderChart(empty)).svg).toContain("the summary has no customers");
    expect(() => periodTransactionsChart({ ...paretoNbd, model: "sbg" } as never, rows)).toThrow(RetentionOptionsError);
    expect(() => periodTransactionsChart(bgNbd, { customers: rows, timeUnit: "day" })).toThrow(/in weeks but the summary in days/);
    expect(() => periodTransactionsChart(bgNbd, [{ frequency: -1, recency: 0, T: 1 }])).toThrow(RetentionInputError);
  });
});

describe("probabilityAliveHistoryChart (CDNOW BG/NBD, weeks)", () => {
  it("follows one customer's P(alive) day by day, jumping at each purchase", async () => {
    const spec = probabilityAliveHistoryChart(bgNbd, { purchases: ["1997-01-01T10:00:00Z", "1997-01-15", "1997-01-15T18:00:00Z"], end: "1997-01-29", customerId: "7" });
    const values = spec.data.values as { date: string; kind: string; value: number }[];
    const alive = values.filter((v) => v.kind === "P(alive)");
    expect(alive).toHaveLength(29);
    expect(values.filter((v) => v.kind === "Purchase").map((v) => v.date)).toEqual(["1997-01-01", "1997-01-15"]);
    const { r, alpha, a, b } = bgNbd.params;
    expect(alive[0]).toEqual({ date: "1997-01-01", kind: "P(alive)", value: 1 });
    expect(alive[13]!.value).toBe(1); // day 13: still no repeat purchase
    expect(alive[14]!.value).toBeCloseTo(1 / (1 + a / b), 14); // the purchase day: recency = T = 2 weeks
    // The last day: x = 1, tₓ = 2, T = 4 weeks; FHL 2005 eq. 13 by hand.
    expect(alive[28]!.value).toBeCloseTo(1 / (1 + (a / b) * Math.pow((alpha + 4) / (alpha + 2), r + 1)), 14);
    const rendered = await renderChart(spec);
    expect(rendered.markItems).toBeGreaterThan(2);
    expect(rendered.svg).toContain("customer 7");
  });

  it("says when there is no purchase by end, and answers bad input with typed errors", async () => {
    const none = probabilityAliveHistoryChart(bgNbd, { purchases: ["1998-01-01"], end: "1997-01-29" });
    expect((await renderChart(none)).svg).toContain("no purchase at or before 1997-01-29");
    expect(() => probabilityAliveHistoryChart(bgNbd, { purchases: ["1997-01-01", "not a date"], end: "1997-01-29" })).toThrow(RetentionInputError);
    expect(() => probabilityAliveHistoryChart(bgNbd, { purchases: "1997-01-01" as never, end: "1997-01-29" })).toThrow(RetentionInputError);
    expect(() => probabilityAliveHistoryChart({ ...bgNbd, timeUnit: "month" }, { purchases: ["1997-01-01"], end: "1997-01-29" })).toThrow(/days or weeks/);
    expect(() => probabilityAliveHistoryChart(bgNbd, { purchases: ["1900-01-01"], end: "1997-01-29" })).toThrow(/at most 20000 days/);
  });
});
