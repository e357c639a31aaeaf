import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defectionReport, Decimal, historicalClv, predictClv, RetentionOptionsError, saveBudget } from "../../src/index";
import { bgNbdOf, gammaGammaOf } from "./equityFixtures";

describe("saveBudget", () => {
  it("values one customer (docs/programs.md, Save budget: 500 × 0.4 = 200 per save, × 0.3 = 60 per attempt)", () => {
    const result = saveBudget({ clv: "500", saveRate: 0.3, margin: 0.4 });
    expect(result.source).toBe("value");
    expect(result.value.toString()).toBe("500");
    expect(result.perSave.toString()).toBe("200");
    expect(result.perAttempt.toString()).toBe("60");
    expect(result.customers).toBe(1);
    expect(result.rows).toEqual([]);
  });

  it("takes margin as 1 when left out, and floors a negative value at 0", () => {
    expect(saveBudget({ clv: 250, saveRate: 0.2 }).perAttempt.toString()).toBe("50");
    const negative = saveBudget({ clv: "-40", saveRate: 0.5 });
    expect(negative.perSave.toString()).toBe("0");
    expect(negative.perAttempt.toString()).toBe("0");
  });

  it("budgets each customer of a historicalClv result from revenue", () => {
    const rows = Object.freeze([
      { customerId: "a", at: "2024-01-01", amount: "100.00" },
      { customerId: "a", at: "2024-02-01", amount: "50.00" },
      { customerId: "__proto__", at: "2024-01-15", amount: "20.00" },
    ]);
    const result = saveBudget({ clv: historicalClv(rows, { asOf: "2024-06-01" }), saveRate: 0.25, margin: 0.5 });
    // a: 150 × 0.5 = 75 per save, × 0.25 = 18.75; __proto__: 20 × 0.5 = 10, × 0.25 = 2.5; total 85 and 21.25
    expect(result.source).toBe("historicalClv");
    expect(result.rows.map((r) => [r.customerId, r.perSave?.toString(), r.perAttempt?.toString()])).toEqual([
      ["__proto__", "10", "2.5"],
      ["a", "75", "18.75"],
    ]);
    expect(result.perSave.toString()).toBe("85");
    expect(result.perAttempt.toString()).toBe("21.25");
    expect(result.value.toString()).toBe("170");
  });

  it("budgets a predictClv result customer by customer", () => {
    const predicted = predictClv(bgNbdOf(), gammaGammaOf(), [
      { customerId: "x", frequency: 2, recency: 20, T: 30, monetaryValue: "14" },
      { customerId: "y", frequency: 0, recency: 0, T: 30 },
    ], { horizon: 52, discountRate: 0.002 });
    const result = saveBudget({ clv: predicted, saveRate: 0.5, margin: 0.3 });
    expect(result.source).toBe("predictClv");
    expect(result.customers).toBe(2);
    result.rows.forEach((row, i) => {
      expect(row.perAttempt!.toString()).toBe(predicted.customers[i]!.clv!.times("0.3").times("0.5").toString());
    });
  });

  it("budgets a defection report from its value at risk (all at-risk customers) and lists its top at risk", () => {
    const rows = [
      ...[0, 1, 2, 3].map((m) => ({ customerId: "a", at: `2024-0${m + 1}-01`, amount: "100" })),
      { customerId: "b", at: "2024-01-10", amount: "30" },
    ];
    const report = defectionReport(rows, { asOf: "2024-05-30" });
    const result = saveBudget({ clv: report, saveRate: 0.2, margin: 0.5 });
    expect(result.source).toBe("defectionReport");
    expect(result.customers).toBe(report.atRisk);
    expect(result.value.toString()).toBe(report.atRiskValue.toString());
    expect(result.perAttempt.toString()).toBe(report.atRiskValue.times("0.1").toString());
    expect(result.rows.map((r) => r.customerId)).toEqual(report.topAtRisk.map((r) => r.customerId));
  });

  it("answers bad options with RetentionOptionsError naming the option", () => {
    for (const [options, name] of [
      [{ clv: 10 }, "saveRate"],
      [{ clv: 10, saveRate: 1.5 }, "saveRate"],
      [{ clv: 10, saveRate: "0.3" }, "saveRate"],
      [{ clv: 10, saveRate: 0.3, margin: -1 }, "margin"],
      [{ clv: "ten", saveRate: 0.3 }, "clv"],
      [{ clv: { customers: null }, saveRate: 0.3 }, "clv"],
      [{ clv: null, saveRate: 0.3 }, "clv"],
    ] as const) {
      expect(() => saveBudget(options as never)).toThrow(RetentionOptionsError);
      try {
        saveBudget(options as never);
      } catch (error) {
        expect((error as RetentionOptionsError).option).toBe(name);
      }
    }
    expect(() => saveBudget(null as never)).toThrow(RetentionOptionsError);
  });

  it("never exceeds the value, is never negative, and perAttempt = perSave × saveRate (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (cents, saveRate, margin) => {
        const clv = new Decimal(cents).div(100);
        const options = Object.freeze({ clv, saveRate, margin });
        const result = saveBudget(options);
        expect(result.perSave.isNegative()).toBe(false);
        expect(result.perAttempt.lte(result.perSave)).toBe(true);
        expect(result.perAttempt.eq(result.perSave.times(new Decimal(saveRate)))).toBe(true);
        if (cents >= 0) expect(result.perSave.lte(clv)).toBe(true);
        expect(options.clv).toBe(clv);
      }),
    );
  });
});
