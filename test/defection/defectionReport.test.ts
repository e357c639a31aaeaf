import { describe, expect, it } from "vitest";
import { classifyDefections, defectionReport, RetentionOptionsError } from "retention-metrics";
import { buy, event, every } from "./helpers";

// As of 2024-06-01:
// - c1 cancelled (value 100), c2 cancelled (value 20): cancelled unrealized 120
// - l: no_repurchase defected, value 3 × 50 = 150
// - m1: missed appointment at risk, value 40; m2 likewise, value 60
// - ok: active
const purchases = [
  buy("c1", "2024-05-01", "100"),
  buy("c2", "2024-05-01", "20"),
  ...every("l", "2024-01-01", 10, 3, "50"),
  buy("m1", "2024-05-25", "40"),
  buy("m2", "2024-05-25", "60"),
  ...every("ok", "2024-05-10", 10, 3, "5"),
];
const events = [
  event("c1", "2024-05-02", "cancel"),
  event("c2", "2024-05-02", "cancel"),
  event("m1", "2024-05-26", "appointment_missed"),
  event("m2", "2024-05-26", "appointment_missed"),
];
const input = { purchases, events };
const asOf = "2024-06-01";

describe("defectionReport", () => {
  it("counts statuses and prices each reason, by unrealized value descending", () => {
    const report = defectionReport(classifyDefections(input, { asOf }));
    expect([report.customers, report.active, report.atRisk, report.defected]).toEqual([6, 1, 2, 3]);
    expect(report.defectionRate).toBe(0.5); // 3 ÷ 6
    expect(report.byReason.map((r) => [r.reason, r.customers, r.unrealizedValue.toString(), r.atRisk, r.valueAtRisk.toString()])).toEqual([
      ["no_repurchase", 1, "150", 0, "0"],
      ["cancelled", 2, "120", 0, "0"],
      ["missed_appointment", 0, "0", 2, "100"],
    ]);
    // Shares: 1/3 and 2/3 of defected; 150/270 and 120/270 of unrealized.
    expect(report.byReason.map((r) => r.shareOfDefected)).toEqual([1 / 3, 2 / 3, 0]);
    expect(report.byReason[0]!.shareOfUnrealized).toBeCloseTo(150 / 270, 15);
    expect(report.unrealizedValue.toString()).toBe("270");
    expect(report.atRiskValue.toString()).toBe("100");
    expect(report.topAtRisk.map((r) => r.customerId)).toEqual(["m2", "m1"]);
  });

  it("accepts raw input with the classification options, and limits topAtRisk", () => {
    const report = defectionReport(input, { asOf, topAtRisk: 1 });
    expect(report.topAtRisk.map((r) => [r.customerId, r.valueAtRisk.toString()])).toEqual([["m2", "60"]]);
    expect(report).toEqual(defectionReport(classifyDefections(input, { asOf }), { topAtRisk: 1 }));
  });

  it("orders equal values by customer id in topAtRisk", () => {
    const report = defectionReport({ purchases: [buy("z", "2024-05-25", "5"), buy("y", "2024-05-25", "5")], events: [event("z", "2024-05-26", "appointment_missed"), event("y", "2024-05-26", "appointment_missed")] }, { asOf });
    expect(report.topAtRisk.map((r) => r.customerId)).toEqual(["y", "z"]);
  });

  it("an empty array is an empty report with null rates", () => {
    const report = defectionReport([]);
    expect(report).toMatchObject({ customers: 0, active: 0, atRisk: 0, defected: 0, defectionRate: null, byReason: [], topAtRisk: [] });
    expect(report.unrealizedValue.toString()).toBe("0");
  });

  it("shares are null when nobody defected", () => {
    const report = defectionReport({ purchases: [buy("m", "2024-05-25", "5")], events: [event("m", "2024-05-26", "appointment_missed")] }, { asOf });
    expect(report.byReason).toHaveLength(1);
    expect([report.byReason[0]!.shareOfDefected, report.byReason[0]!.shareOfUnrealized]).toEqual([null, null]);
  });

  it("serialises to JSON with money as strings", () => {
    const json = JSON.parse(JSON.stringify(defectionReport(input, { asOf, topAtRisk: 1 })));
    expect(json.byReason[0].unrealizedValue).toBe("150");
    expect(json.topAtRisk[0].since).toBe("2024-05-26T00:00:00.000Z");
  });

  it("rejects a bad topAtRisk and raw input without asOf", () => {
    expect(() => defectionReport([], { topAtRisk: -1 })).toThrow(RetentionOptionsError);
    expect(() => defectionReport([], { topAtRisk: 1.5 })).toThrow(/topAtRisk/);
    expect(() => defectionReport(purchases)).toThrow(/asOf/);
  });
});
