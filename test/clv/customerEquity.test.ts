import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerEquity, customerSummary, Decimal, predictClv, RetentionOptionsError } from "../../src/index";
import { bgNbdOf, gammaGammaOf } from "../programs/equityFixtures";
import { EQUITY_EXAMPLE } from "./equityExample";

/** The worked example plus a customer after asOf, who must not count. */
const purchases = Object.freeze([...EQUITY_EXAMPLE, Object.freeze({ customerId: "late", at: "2025-02-01", amount: "999" })]);
const options = { asOf: "2025-01-01", horizonYears: 2, annualDiscountRate: 0.1, margin: 0.5, retentionRate: 0.8 } as const;

describe("customerEquity", () => {
  it("values the current base with retentionClv (hand-worked)", () => {
    const result = customerEquity(purchases, options);
    // Last year [2024-01-01, 2025-01-01): 300 + 700 + 100 = 1,100 from 3 customers; × margin 0.5 = m = 550.
    // 550 × (0.8/1.1 + 0.64/1.21) = 550 × 1.52/1.21 = 690.9090…
    expect(result.current).toMatchObject({ method: "retentionClv", customers: 3, unvalued: 0, retentionRate: 0.8 });
    expect(result.current.yearlyMargin!.toString()).toBe("550");
    expect(result.current.value.toFixed(6)).toBe("690.909091");
    expect(result.future).toBeNull();
    expect(result.total.eq(result.current.value)).toBe(true);
  });

  it("adds future cohorts from recent acquisitions and first-year value (hand-worked)", () => {
    const result = customerEquity(purchases, { ...options, future: { cohorts: 3 } });
    // Acquired in [2023-01-01, 2025-01-01): b, __proto__ → 2 ÷ 2 years = 1 a year.
    // Whole first years, first order in [2022-01-01, 2024-01-01): a (100 + 100), b (50 + 150; 700 falls after 2024-02-01)
    //   → mean 200 × 0.5 = f = 100. One customer: 100 × (1 + 0.8/1.1) = 172.7272…
    // Cohorts k = 1…3: 1 × 172.7272… × (1/1.1 + 1/1.21 + 1/1.331) = 429.547162…
    const future = result.future!;
    if (!("value" in future)) throw new Error(future.reason);
    expect(future).toMatchObject({ cohorts: 3, recentCohorts: 2, acquisitionsPerYear: 1, acquisitionsMeasured: true, firstYearCustomers: 2, retentionRate: 0.8 });
    expect(future.firstYearClv.toString()).toBe("100");
    expect(future.customerValue.toFixed(6)).toBe("172.727273");
    expect(future.value.toFixed(6)).toBe("429.547162");
    expect(result.total.toFixed(6)).toBe("1120.456253");
    const given = customerEquity(purchases, { ...options, future: { cohorts: 3, acquisitionsPerYear: 10 } }).future as { value: Decimal; acquisitionsMeasured: boolean };
    expect(given.acquisitionsMeasured).toBe(false);
    expect(given.value.toFixed(5)).toBe(future.value.times(10).toFixed(5));
  });

  it("says why future cohorts are unavailable when no recent cohort has a whole first year", () => {
    const result = customerEquity(purchases.slice(6), { ...options, future: { cohorts: 1 } });
    expect(result.future).toEqual({ available: false, reason: "no customer's first order falls in the 2 years before the last year: no whole first year to average" });
    expect(result.total.eq(result.current.value)).toBe(true);
  });

  it("sums predictClv over the customers when models are given", () => {
    const asOf = "2024-06-01";
    const bgNbd = bgNbdOf();
    const gammaGamma = gammaGammaOf();
    const result = customerEquity(purchases, { asOf, horizonYears: 1, annualDiscountRate: 0.1, margin: 0.5, models: { transaction: bgNbd, spend: gammaGamma } });
    const summary = customerSummary(purchases, { asOf, timeUnit: "week" });
    const direct = predictClv(bgNbd, gammaGamma, summary, { horizon: 365.25 / 7, discountRate: 1.1 ** (7 / 365.25) - 1 });
    const sum = direct.customers.reduce((total, c) => total.plus(c.clv ?? 0), new Decimal(0)).times(0.5);
    expect(result.current.method).toBe("predictClv");
    expect(result.current.customers).toBe(direct.customerCount);
    expect(result.current.value.minus(sum).abs().lte("0.01")).toBe(true);
  });

  it("answers empty input with zero and bad options with RetentionOptionsError naming them", () => {
    const empty = customerEquity([], options);
    expect(empty.current.customers).toBe(0);
    expect(empty.total.toString()).toBe("0");
    for (const [bad, name] of [
      [{ asOf: "2025-01-01" }, "retentionRate"],
      [{ ...options, retentionRate: 1 }, "retentionRate"],
      [{ ...options, horizonYears: 0 }, "horizonYears"],
      [{ ...options, margin: 2 }, "margin"],
      [{ ...options, future: { cohorts: 0 } }, "future.cohorts"],
      [{ ...options, future: {} }, "future.cohorts"],
      [{ ...options, future: null }, "future"],
      [{ ...options, models: { transaction: null, spend: null } }, "transactionModel"],
    ] as const) {
      try {
        customerEquity(purchases, bad as never);
        expect.unreachable(`${name} accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(RetentionOptionsError);
        if (name !== "transactionModel") expect((error as RetentionOptionsError).option).toBe(name);
      }
    }
  });

  it("is finite, grows with retention, ignores row order and leaves input alone (property)", () => {
    const row = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "__proto__"),
      at: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2024, 11, 31) }).map((ms) => new Date(ms).toISOString()),
      amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.double({ min: 0, max: 0.95, noNaN: true }), (rows, retentionRate) => {
        const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
        const settings = { asOf: "2025-01-01", retentionRate, future: { cohorts: 2 } };
        const result = customerEquity(frozen, settings);
        expect(result.total.isFinite()).toBe(true);
        expect(result.total.isNegative()).toBe(false);
        const reversed = customerEquity([...frozen].reverse(), settings);
        expect(reversed.total.eq(result.total)).toBe(true);
        const higher = customerEquity(frozen, { ...settings, retentionRate: Math.min(0.99, retentionRate + 0.04) });
        expect(higher.total.gte(result.total)).toBe(true);
        expect(frozen).toEqual(rows);
      }),
    );
  });
});
