import { describe, expect, it } from "vitest";
import { Decimal as DecimalJs } from "decimal.js";
import { createLedger, customerSummary, RetentionOptionsError, RetentionInputError } from "../../src/index";
import { cdnowPurchases, cdnowSpendRows, cdnowSummaryRows } from "./cdnowFixtures";

const round2 = (v: number): number => Math.round(v * 100) / 100;

describe("customerSummary on CDNOW (golden)", () => {
  const purchases = cdnowPurchases();
  const summary = customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" });
  const byId = new Map(summary.customers.map((c) => [c.customerId, c]));

  it("reproduces cdnow_customers_summary.csv (lifetimes, observation_period_end='19970930'): frequency exactly, recency and T to 2 decimals", () => {
    const expected = cdnowSummaryRows();
    expect(summary.customerCount).toBe(2357);
    const mismatches = expected.filter((row) => {
      const c = byId.get(row.customerId)!;
      return c.frequency !== row.frequency || round2(c.recency) !== row.recency || round2(c.T) !== row.T;
    });
    expect(mismatches).toEqual([]);
  });

  it("includes purchases ON asOf (asOf = 1997-09-30T00:00Z, at ≤ asOf); an exclusive end would lose 13 customers' last purchase", () => {
    const exclusive = customerSummary(purchases, { asOf: Date.parse("1997-09-30") - 1, timeUnit: "week" });
    const expected = new Map(cdnowSummaryRows().map((r) => [r.customerId, r.frequency]));
    const differ = exclusive.customers.filter((c) => expected.get(c.customerId) !== c.frequency).length;
    expect(differ).toBe(13);
  });

  it("reproduces zbar of cdnow_customers_summary_with_transactions.csv (mean repeat spend, same-day amounts summed, rounded half-up to cents)", () => {
    const mismatches = cdnowSpendRows().filter((row) => {
      const c = byId.get(row.customerId)!;
      return new DecimalJs(c.monetaryValue.toString()).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP).toFixed(2) !== row.monetaryValue;
    });
    expect(mismatches).toEqual([]);
  });

  it("counts repeat customers (946 in the calibration period)", () => {
    expect(summary.repeatCustomerCount).toBe(946);
    expect(summary.timeUnit).toBe("week");
    expect(summary.calendar).toBeNull();
  });
});

describe("customerSummary, hand-worked", () => {
  const rows = Object.freeze([
    Object.freeze({ customerId: "a", at: "2024-01-01T09:00:00Z", amount: "10.00" }),
    Object.freeze({ customerId: "a", at: "2024-01-01T18:00:00Z", amount: "5.00" }), // same day: one transaction worth 15
    Object.freeze({ customerId: "a", at: "2024-01-08T10:00:00Z", amount: "20.00" }),
    Object.freeze({ customerId: "a", at: "2024-01-15T10:00:00Z", amount: "30.50" }),
    Object.freeze({ customerId: "a", at: "2024-01-15T12:00:00Z", amount: "-0.50" }), // refund the same day: that day is worth 30
    Object.freeze({ customerId: "a", at: "2024-02-20", amount: "99" }), // after asOf
    Object.freeze({ customerId: "__proto__", at: "2024-01-10", amount: "7" }),
    Object.freeze({ customerId: "late", at: "2024-03-01", amount: "7" }),
  ]);

  it("collapses same-day purchases, excludes the first transaction from monetaryValue and counts time from day midnights", () => {
    const s = customerSummary(rows, { asOf: "2024-01-29", timeUnit: "day" });
    const a = s.customers.find((c) => c.customerId === "a")!;
    // transactions on days 0, 7, 14 → frequency 2, recency 14 days, T = 28 days
    expect(a.frequency).toBe(2);
    expect(a.recency).toBe(14);
    expect(a.T).toBe(28);
    // repeat values 20 and 30.50 − 0.50 = 30 → mean 25
    expect(a.monetaryValue.toString()).toBe("25");
    // revenue 10 + 5 + 20 + 30.50 − 0.50 = 65; orders: 4 purchases (the refund is not an order)
    expect(a.revenue.toString()).toBe("65");
    expect(a.orders).toBe(4);
    expect(a.firstOrder.toISOString()).toBe("2024-01-01T09:00:00.000Z");
    expect(a.lastOrder.toISOString()).toBe("2024-01-15T10:00:00.000Z");
    const weeks = customerSummary(rows, { asOf: "2024-01-29", timeUnit: "week" }).customers.find((c) => c.customerId === "a")!;
    expect([weeks.recency, weeks.T]).toEqual([2, 4]);
  });

  it("keeps a customer called __proto__ and skips customers who start after asOf", () => {
    const s = customerSummary(rows, { asOf: "2024-01-29" });
    expect(s.customers.map((c) => c.customerId)).toEqual(["__proto__", "a"]);
    expect(s.skippedCustomerCount).toBe(1);
    const proto = s.customers[0]!;
    expect([proto.frequency, proto.recency, proto.T]).toEqual([0, 0, 19]);
    expect(proto.monetaryValue.toString()).toBe("0");
  });

  it("counts whole calendar buckets with `calendar` (lifetimes' freq='M')", () => {
    const s = customerSummary(rows, { asOf: "2024-03-31", calendar: "month" });
    const a = s.customers.find((c) => c.customerId === "a")!;
    // January (collapsed: 10 + 5 + 20 + 30) and February → frequency 1, recency 1 month, T = March − January = 2
    expect([a.frequency, a.recency, a.T]).toEqual([1, 1, 2]);
    expect(a.monetaryValue.toString()).toBe("99");
    expect(s.timeUnit).toBe("month");
  });

  it("weeks start on Monday by default, and weekStartsOn moves them", () => {
    // 2024-01-06 is a Saturday, 2024-01-07 a Sunday, 2024-01-08 a Monday
    const two = [
      { customerId: "x", at: "2024-01-06", amount: "1" },
      { customerId: "x", at: "2024-01-07", amount: "1" },
    ];
    expect(customerSummary(two, { asOf: "2024-01-08", calendar: "week" }).customers[0]!.frequency).toBe(0);
    expect(customerSummary(two, { asOf: "2024-01-08", calendar: "week", weekStartsOn: 0 }).customers[0]!.frequency).toBe(1);
  });

  it("accepts a prepared ledger and gives the same rows", () => {
    const fromRows = customerSummary(rows, { asOf: "2024-01-29" });
    const fromLedger = customerSummary(createLedger({ purchases: rows }), { asOf: "2024-01-29" });
    expect(JSON.stringify(fromLedger)).toBe(JSON.stringify(fromRows));
  });

  it("gives no rows for empty input", () => {
    expect(customerSummary([], { asOf: "2024-01-01" })).toMatchObject({ customers: [], customerCount: 0, repeatCustomerCount: 0, skippedCustomerCount: 0 });
  });

  it("throws typed errors for bad options and rows", () => {
    expect(() => customerSummary(rows, { asOf: "nope" })).toThrow(RetentionOptionsError);
    expect(() => customerSummary(rows, { asOf: "2024-01-01", timeUnit: "month" as "day" })).toThrow(/timeUnit/);
    expect(() => customerSummary(rows, { asOf: "2024-01-01", calendar: "month", timeUnit: "week" })).toThrow(RetentionOptionsError);
    expect(() => customerSummary([{ customerId: "a", at: "x", amount: "1" }], { asOf: "2024-01-01" })).toThrow(RetentionInputError);
  });
});
