import { describe, expect, it } from "vitest";
import type { Purchase, SurveyResponse } from "retention-metrics";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";
import { renderMarkdown } from "../../src/report/renderMarkdown";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { NOT_TESTED } from "../../src/report/significance";
import { kpiPaths } from "../../src/cli/kpiPaths";
import { PURCHASES } from "./fixture";

/*
 * February: 50 customers (f0…f49) order on the 5th, and f0…f9 again on the 20th: repeat rate 10/50.
 * March: 50 other customers (m0…m49) order on the 5th, and m0…m24 again on the 20th: 25/50.
 * Pooled z-test: p̄ = 35/100; SE = √(0.35 · 0.65 · (1/50 + 1/50)) = √0.0091 = 0.0953939;
 * z = 0.3 / 0.0953939 = 3.144855; p = 2Φ(−3.144855) = 0.00166169. Expected counts ≥ 50 · 0.35 = 17.5.
 *
 * NPS, 40 answers a month. February: 10 promoters, 10 passives, 20 detractors (NPS −25).
 * March: 25, 10, 5 (NPS 50). Difference 75; pooled shares p̄ = 35/80, d̄ = 25/80,
 * v̄ = 0.75 − 0.125² = 0.734375; SE₀ = 100 · √(0.734375 · (2/40)) = 19.162137; z = 3.913968;
 * p = 9.0792e-5. Interval: SE = 100 · √(0.6875/40 + 0.5/40) = 17.230061, 75 ± 33.770299.
 */
const orders = (prefix: string, month: string, customers: number, twice: number): Purchase[] =>
  Array.from({ length: customers }, (_, i) => [
    { customerId: `${prefix}${i}`, at: `2024-${month}-05`, amount: "10" },
    ...(i < twice ? [{ customerId: `${prefix}${i}`, at: `2024-${month}-20`, amount: "10" }] : []),
  ]).flat();
const answers = (month: string, promoters: number, passives: number, detractors: number): SurveyResponse[] =>
  [...Array<number>(promoters).fill(10), ...Array<number>(passives).fill(8), ...Array<number>(detractors).fill(3)].map((score, i) => ({ at: `2024-${month}-${String(1 + (i % 28)).padStart(2, "0")}`, score }));

const purchases = [...orders("f", "02", 50, 10), ...orders("m", "03", 50, 25)];
const surveys = [...answers("02", 10, 10, 20), ...answers("03", 25, 10, 5)];
const report = kpiReport({ purchases, surveys }, { asOf: "2024-04-01", period: "month" });

describe("the report's significance of each change", () => {
  it("tests the repeat purchase rate as two proportions", () => {
    const a = report.activity;
    expect([a.previous?.repeatCustomers, a.previous?.customers, a.repeatCustomers, a.customers]).toEqual([10, 50, 25, 50]);
    const s = a.significance.repeatPurchaseRate;
    expect(s.significant).toBe(true);
    expect(s.pValue).toBeCloseTo(0.00166169445798351, 12);
    expect(s.reason).toBeNull();
    expect(s.interval![0]).toBeGreaterThan(0);
    expect(s.interval![1]).toBeLessThan(0.6);
  });

  it("tests NPS with the trinomial variance", () => {
    const n = report.nps;
    if (!n.available) return expect.unreachable("surveys were given");
    expect(n.change.score.absolute).toBe(75);
    expect(n.significance.score.significant).toBe(true);
    expect(n.significance.score.pValue).toBeCloseTo(9.07915081551329e-5, 15);
    expect(n.significance.score.interval![0]).toBeCloseTo(75 - 33.7702988940514, 9);
  });

  it("says why the other changes are not tested", () => {
    const a = report.activity.significance;
    expect(a.customers).toEqual({ significant: null, pValue: null, interval: null, reason: NOT_TESTED.count });
    expect([a.newCustomers.reason, a.orders.reason, a.revenue.reason, a.averageOrderValue.reason, a.purchaseFrequency.reason]).toEqual([
      NOT_TESTED.count, NOT_TESTED.count, NOT_TESTED.money, NOT_TESTED.money, NOT_TESTED.mean,
    ]);
    expect(report.retention.significance.crr.reason).toBe(NOT_TESTED.crr);
    // February: nobody ordered in the 29 days before 1 February, so nobody was active at its start.
    expect(report.retention.significance.rate).toEqual({ significant: null, pValue: null, interval: null, reason: "no customers active at the start in the previous period: the rate is undefined" });
    const rr = report.revenueRetention;
    if (!rr.available) return expect.unreachable("purchases were given");
    expect(rr.significance.netRevenueRetention.reason).toBe(NOT_TESTED.revenueRatio);
  });

  it("says too few to test on the seven-purchase fixture, and no previous period without data", () => {
    const small = kpiReport(PURCHASES, { asOf: "2024-04-01", period: "month" });
    // Retention 1/2 against 1/2: the smallest expected count is 2 · 1/2 = 1 < 5.
    expect(small.retention.significance.rate.significant).toBeNull();
    expect(small.retention.significance.rate.reason).toMatch(/^samples too small to test: the smallest expected count is 1, below 5/);
    expect(small.retention.significance.churnRate.pValue).toBe(small.retention.significance.rate.pValue);
    const first = kpiReport(PURCHASES, { asOf: "2024-02-01", period: "month" });
    expect(first.retention.significance.rate.reason).toBe("no previous period to compare with");
  });

  it("keeps the JSON form valid, with each p-value a --fail-if path", () => {
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const paths = kpiPaths().map((path) => path.join("."));
    for (const path of ["retention.significance.rate.pValue", "activity.significance.repeatPurchaseRate.pValue", "nps.significance.score.pValue", "activity.repeatCustomers"]) expect(paths).toContain(path);
    expect(paths).not.toContain("retention.significance.rate.significant");
  });
});

describe("the renderers show it", () => {
  it("writes the verdict beside a tested change in Markdown", () => {
    const md = renderMarkdown(report);
    expect(md).toContain("| Repeat purchase rate | 50.0% | 20.0% | +30.0 pts · significant, p = 0.002 |");
    expect(md).toContain("| NPS | 50.0 | −25.0 | +75.0 (+300.0%) · significant, p \\< 0.001 |");
    expect(md).toContain("| Customers | 50 | 50 | ±0 (±0.0%) |"); // a count: not tested, nothing added
    expect(md).toContain("- **Significant change (95%)**:");
  });

  it("draws no coloured arrow on a change that is not significant", () => {
    // March against February, 20 customers each: repeat 6/20 against 4/20 is noise (p = 0.465).
    const noisy = kpiReport([...orders("f", "02", 20, 4), ...orders("m", "03", 20, 6)], { asOf: "2024-04-01" });
    expect(noisy.activity.significance.repeatPurchaseRate.significant).toBe(false);
    const html = renderHtml(noisy);
    expect(html).toContain('<div class="label">Repeat purchase rate</div><div class="value">30.0%</div><div class="flat" title="change against the previous period">+10.0 pts</div><div class="sig">not significant, p = 0.465 (95%)</div>');
    expect(renderMarkdown(noisy)).toContain("| Repeat purchase rate | 30.0% | 20.0% | +10.0 pts · not significant, p = 0.465 |");
    // NPS 0 (2 answers) against 100 (1 answer): every expected count is below 5, and the tile says so without a level.
    const few = kpiReport({ purchases: PURCHASES, surveys: [{ at: "2024-02-05", score: 10 }, { at: "2024-03-02", score: 9 }, { at: "2024-03-04", score: 3 }] }, { asOf: "2024-04-01" });
    expect(renderHtml(few)).toContain('margin of error ±138.6 (95%)</div><div class="sig">too few to test</div></div>');
    expect(renderMarkdown(few)).toContain("| NPS | 0.0 | 100.0 | −100.0 (−100.0%) · too few to test |");
    const html2 = renderHtml(report);
    expect(html2).toContain('<div class="up" title="change against the previous period">▲ +30.0 pts</div><div class="sig">significant, p = 0.002 (95%)</div>');
  });
});
