import { describe, expect, it } from "vitest";
import { classifyDefections, customerSummary, Decimal, fitBgNbd, fitGammaGamma, historicalClv, predictClv, RetentionOptionsError } from "retention-metrics";
import { generatePurchases } from "../../bench/generate";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { kpiReport } from "../../src/report/kpiReport";
import { renderMarkdown } from "../../src/report/renderMarkdown";
import { renderHtml } from "../../src/report/renderHtml";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { PURCHASES } from "./fixture";

describe("kpiReport", () => {
  const report = kpiReport(PURCHASES, { asOf: "2024-04-01", period: "month" });

  it("reports the last complete month and the one before", () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.period.kind).toBe("month");
    expect(report.period.current.start.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(report.period.current.end.toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(report.period.previous.start.toISOString()).toBe("2024-02-01T00:00:00.000Z");
    expect(report.period.previousHasData).toBe(true);
  });

  it("computes activity by hand", () => {
    // March: a 30, b 15, __proto__ 8 → 3 customers, 3 orders, revenue 53, AOV 53/3 = 17.67.
    const a = report.activity;
    expect([a.customers, a.orders, a.newCustomers]).toEqual([3, 3, 1]);
    expect(a.revenue.toString()).toBe("53");
    expect(a.averageOrderValue?.toString()).toBe("17.67");
    expect(a.purchaseFrequency).toBe(1);
    expect(a.repeatPurchaseRate).toBe(0);
    // February: a 20, c 40 → 2 customers, revenue 60, c is new.
    expect(a.previous?.customers).toBe(2);
    expect(a.previous?.revenue.toString()).toBe("60");
    expect(a.change.customers).toEqual({ absolute: 1, relative: 0.5 });
    expect(a.change.revenue.absolute?.toString()).toBe("-7");
    expect(a.change.revenue.relative).toBeCloseTo(-7 / 60, 12);
  });

  it("computes retention by hand", () => {
    // Window = 31 days. Active 1 Mar: orders in [29 Jan, 1 Mar) → a, c. Active 1 Apr: a, b, __proto__.
    // rate = |{a}| / 2 = 0.5; CRR = (3 − 1 new) / 2 = 1; b came back.
    const r = report.retention;
    expect([r.rate, r.churnRate, r.crr]).toEqual([0.5, 0.5, 1]);
    expect([r.startCount, r.endCount, r.newCount, r.reactivatedCount]).toEqual([2, 3, 1, 1]);
    // February (29 days): start {a, b}, end {a, c} → rate 0.5, CRR (2 − 1)/2 = 0.5.
    expect(r.previous?.rate).toBe(0.5);
    expect(r.previous?.crr).toBe(0.5);
    expect(r.change.rate).toEqual({ absolute: 0, relative: 0 });
    expect(r.change.crr.absolute).toBe(0.5);
  });

  it("computes revenue retention by hand", () => {
    // Base [29 Jan, 1 Mar): a 20, c 40 = 60. March: a 30, c 0 → NRR 30/60, GRR min(30,20)/60.
    const s = report.revenueRetention;
    expect(s.available).toBe(true);
    if (!s.available) return;
    expect(s.netRevenueRetention).toBe(0.5);
    expect(s.grossRevenueRetention).toBeCloseTo(1 / 3, 12);
    // Not base customers in March: __proto__ 8 (first order) is new; b 15 ordered in January,
    // before the base window, so b's 15 is reactivation (issue 14; it was counted as new, 23).
    expect(s.newCustomerRevenue.toString()).toBe("8");
    expect(s.reactivation.toString()).toBe("15");
  });

  it("builds the monthly cohort table", () => {
    // Jan {a, b}: M0 2, M1 a, M2 a b. Feb {c}: M0 1, M1 0. Mar {__proto__}: M0 1.
    const c = report.cohorts;
    expect(c.available).toBe(true);
    if (!c.available) return;
    expect(c.cohorts.map((row) => [row.key, row.size, row.values])).toEqual([
      ["2024-01", 2, [2, 1, 2]],
      ["2024-02", 1, [1, 0]],
      ["2024-03", 1, [1]],
    ]);
    expect(c.curve.map((p) => p.rate)).toEqual([1, 1 / 3, 1]);
  });

  it("says why absent sections are absent, never zeros", () => {
    expect(report.nps).toEqual({ available: false, reason: "no survey responses given" });
    expect(report.defections.available).toBe(true);
    expect(report.segments.ltvTiers.available).toBe(true);
  });

  it("serialises to JSON that the schema accepts", () => {
    const json: unknown = JSON.parse(JSON.stringify(report));
    const parsed = KpiReportJsonSchema.parse(json);
    expect(parsed.activity.revenue).toBe("53");
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it("treats __proto__ as an ordinary customer", () => {
    const loyal = kpiReport([{ customerId: "__proto__", at: "2024-01-05", amount: "9" }], { asOf: "2024-02-01" });
    expect(loyal.activity.customers).toBe(1);
    expect(loyal.activity.revenue.equals(new Decimal(9))).toBe(true);
  });

  it("computes NPS with surveys and its change", () => {
    const r = kpiReport(
      { purchases: PURCHASES, surveys: [{ at: "2024-02-05", score: 10 }, { at: "2024-03-02", score: 9 }, { at: "2024-03-04", score: 3 }] },
      { asOf: "2024-04-01" },
    );
    expect(r.nps.available).toBe(true);
    if (!r.nps.available) return;
    // March: 1 promoter, 1 detractor → 0; February: 1 promoter → 100.
    expect(r.nps.score).toBe(0);
    expect(r.nps.previous?.score).toBe(100);
    expect(r.nps.change.score.absolute).toBe(-100);
  });

  it("defaults asOf to the end of the latest day and supports quarters and custom periods", () => {
    expect(kpiReport(PURCHASES).asOf.toISOString()).toBe("2024-03-21T00:00:00.000Z");
    const q = kpiReport(PURCHASES, { asOf: "2024-04-01", period: "quarter" });
    expect(q.period.current.start.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(q.period.previousHasData).toBe(false);
    expect(q.activity.previous).toBeNull();
    expect(q.activity.change.revenue).toEqual({ absolute: null, relative: null });
    const custom = kpiReport(PURCHASES, { asOf: "2024-04-01", period: { start: "2024-03-01", end: "2024-03-15" } });
    expect(custom.period.previous.start.toISOString()).toBe("2024-02-16T00:00:00.000Z");
  });

  it("gives a defined answer for empty input and refuses bad options", () => {
    const empty = kpiReport([], { asOf: "2024-01-01" });
    expect(empty.activity.customers).toBe(0);
    expect(empty.retention.rate).toBeNull();
    expect(empty.revenueRetention.available).toBe(false);
    expect(empty.cohorts.available).toBe(false);
    expect(empty.clv.predicted.available).toBe(false);
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(empty))).success).toBe(true);
    expect(() => kpiReport([])).toThrow(RetentionOptionsError);
    expect(() => kpiReport(PURCHASES, { period: "week" as never })).toThrow(/period/);
  });

  it("says why predicted CLV is unavailable when nobody bought twice", () => {
    const r = kpiReport([{ customerId: "x", at: "2024-01-05", amount: "9" }, { customerId: "y", at: "2024-01-06", amount: "3" }], { asOf: "2024-02-01" });
    expect(r.clv.predicted).toEqual({ available: false, reason: expect.stringMatching(/bought twice/) as unknown as string });
    expect(r.clv.historical.available).toBe(true);
  });

  it("reads historical CLV from the summaries exactly as historicalClv gives it", () => {
    const asOf = "2024-04-01";
    const h = historicalClv(PURCHASES, { asOf });
    const section = kpiReport(PURCHASES, { asOf }).clv.historical;
    expect(section).toEqual({
      available: true,
      customers: h.customerCount,
      totalRevenue: h.revenue,
      averageRevenue: h.averageRevenue,
      totalMargin: null,
      averageMargin: null,
      averageOrders: h.averageOrders,
    });
    // 4 customers, revenue 128 → 32 each; 7 orders → 1.75.
    expect(section.available && [section.totalRevenue.toString(), section.averageRevenue?.toString(), section.averageOrders]).toEqual(["128", "32", 1.75]);
    const withMargin = kpiReport(PURCHASES, { asOf, margin: 0.25 }).clv.historical;
    expect(withMargin.available && withMargin.totalMargin?.toString()).toBe("32");
  });
});

describe("kpiReport's CLV section on CDNOW", () => {
  it("equals fitBgNbd, fitGammaGamma and predictClv on customerSummary, composed by hand", () => {
    const purchases = cdnowPurchases();
    const asOf = "1998-07-01";
    const report = kpiReport(purchases, { asOf, top: 5 });
    const predicted = report.clv.predicted;
    if (!predicted.available) expect.unreachable(predicted.reason);
    const summary = customerSummary(purchases, { asOf, timeUnit: "week" });
    const bgNbd = fitBgNbd(summary);
    const gammaGamma = fitGammaGamma(summary);
    expect(predicted.bgNbd.params).toEqual(bgNbd.params);
    expect(predicted.gammaGamma.params).toEqual(gammaGamma.params);
    const result = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: predicted.discountRate });
    const total = result.customers.reduce((sum, c) => sum.plus(c.clv!), new Decimal(0));
    expect(predicted.totalClv.toString()).toBe(total.toDecimalPlaces(2).toString());
    expect(predicted.customers).toBe(summary.customerCount);
    // The total's 90% interval is predictClv's with interval 0.9, 200 draws and seed 1, to the cent.
    const interval = predictClv(bgNbd, gammaGamma, summary, { horizon: 52, discountRate: predicted.discountRate, interval: 0.9, draws: 200, seed: 1 }).interval!.total;
    expect(predicted.totalClvInterval).toEqual({
      level: 0.9,
      draws: 200,
      seed: 1,
      low: interval.clvLow!.toDecimalPlaces(2),
      high: interval.clvHigh!.toDecimalPlaces(2),
      predictionLow: interval.prediction.clvLow!.toDecimalPlaces(2),
      predictionHigh: interval.prediction.clvHigh!.toDecimalPlaces(2),
      reason: null,
    });
    expect(predicted.totalClvInterval!.low!.lt(predicted.totalClv) && predicted.totalClvInterval!.high!.gt(predicted.totalClv)).toBe(true);
    expect(renderMarkdown(report)).toContain("| Total CLV, interval | 90% interval 64,776.03 – 71,951.66 (parameter uncertainty); prediction interval 64,068.34 – 73,229.47 |");
    expect(renderHtml(report)).toContain("total 68,328.02 (90% interval 64,776.03 – 71,951.66 (parameter uncertainty); prediction interval 64,068.34 – 73,229.47)");
    const ranked = [...result.customers].sort((x, y) => y.clv!.comparedTo(x.clv!) || (x.customerId! < y.customerId! ? -1 : 1)).slice(0, 5);
    const status = new Map(classifyDefections(purchases, { asOf }).map((c) => [c.customerId, c.status]));
    expect(predicted.topCustomers).toEqual(
      ranked.map((c) => ({ customerId: c.customerId, clv: c.clv!.toDecimalPlaces(2), probabilityAlive: c.probabilityAlive, expectedPurchases: c.expectedPurchases, defectionStatus: status.get(c.customerId!) })),
    );
    // Each at-risk customer carries the same model's P(alive): customer 1981 is at risk and 95.7% alive.
    const defections = report.defections;
    if (!defections.available) expect.unreachable(defections.reason);
    const alive = new Map(result.customers.map((c) => [c.customerId, c.probabilityAlive]));
    for (const row of defections.topAtRisk) expect(row.probabilityAlive).toBe(alive.get(row.customerId));
    expect(defections.topAtRisk[0]).toMatchObject({ customerId: "1981", reason: "no_repurchase" });
    expect(defections.topAtRisk[0]!.probabilityAlive).toBeCloseTo(0.957, 3);
    const historical = report.clv.historical;
    if (!historical.available) expect.unreachable(historical.reason);
    const h = historicalClv(purchases, { asOf });
    expect([historical.customers, historical.totalRevenue.toString(), historical.averageOrders]).toEqual([h.customerCount, h.revenue.toString(), h.averageOrders]);
  });
});

describe("kpiReport's penalizer option", () => {
  it("makes a BG/NBD fit whose optimum lies at infinity finite and predictable", () => {
    // 2,000 seeded purchases (bench/generate.ts): without a penalty the BG/NBD likelihood keeps
    // rising as a, b → ∞ and the predictions cannot be evaluated.
    const purchases = generatePurchases({ purchases: 2_000, seed: 7 });
    const plain = kpiReport(purchases, {}).clv.predicted;
    expect(plain.available).toBe(false);
    if (!plain.available) expect(plain.reason).toContain("--penalizer 0.001");
    const report = kpiReport(purchases, { penalizer: 0.001 });
    const penalized = report.clv.predicted;
    if (!penalized.available) expect.unreachable(penalized.reason);
    expect(renderMarkdown(report)).toContain("| Fit penalty (L2) | 0.001 |");
    expect(penalized.penalizer).toBe(0.001);
    expect(penalized.bgNbd.params.a! + penalized.bgNbd.params.b!).toBeLessThan(100);
    expect(penalized.totalClv.gt(0)).toBe(true);
    expect(() => kpiReport(purchases, { penalizer: -1 })).toThrow(RetentionOptionsError);
  });
});
