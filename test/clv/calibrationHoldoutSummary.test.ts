import { describe, expect, it } from "vitest";
import { calibrationHoldoutSummary, customerSummary, RetentionOptionsError } from "../../src/index";
import { cdnowPurchases } from "./cdnowFixtures";

describe("calibrationHoldoutSummary", () => {
  const rows = Object.freeze([
    Object.freeze({ customerId: "a", at: "2024-01-01", amount: "10" }),
    Object.freeze({ customerId: "a", at: "2024-01-08", amount: "20" }),
    Object.freeze({ customerId: "a", at: "2024-02-05", amount: "30" }),
    Object.freeze({ customerId: "a", at: "2024-02-05T15:00:00Z", amount: "5" }), // same day: one holdout transaction of 35
    Object.freeze({ customerId: "a", at: "2024-02-19", amount: "45" }),
    Object.freeze({ customerId: "b", at: "2024-02-10", amount: "9" }), // first purchase in the holdout: left out
    Object.freeze({ customerId: "c", at: "2024-01-20", amount: "9" }),
  ]);
  const split = calibrationHoldoutSummary(rows, { calibrationEnd: "2024-01-29", observationEnd: "2024-02-26", timeUnit: "week" });

  it("summarises the calibration as customerSummary does and adds the holdout (hand-worked)", () => {
    const a = split.customers.find((c) => c.customerId === "a")!;
    // calibration: days 0 and 7 → frequency 1, recency 1 week, T = 4 weeks, monetary 20
    expect([a.frequency, a.recency, a.T, a.monetaryValue.toString()]).toEqual([1, 1, 4, "20"]);
    // holdout: transactions of 35 and 45 → 2, mean 40; duration 28 days = 4 weeks
    expect(a.holdoutFrequency).toBe(2);
    expect(a.holdoutMonetaryValue.toString()).toBe("40");
    expect(a.holdoutDuration).toBe(4);
    const c = split.customers.find((row) => row.customerId === "c")!;
    expect([c.holdoutFrequency, c.holdoutMonetaryValue.toString()]).toEqual([0, "0"]);
    expect(split.customers.map((row) => row.customerId)).toEqual(["a", "c"]);
    expect(split.skippedCustomerCount).toBe(1);
  });

  it("on CDNOW: calibration equals customerSummary at 1997-09-30 and the holdout is 39 weeks", () => {
    const purchases = cdnowPurchases();
    const both = calibrationHoldoutSummary(purchases, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
    const calibration = customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" });
    expect(both.customers.map((c) => [c.frequency, c.recency, c.T])).toEqual(calibration.customers.map((c) => [c.frequency, c.recency, c.T]));
    expect(both.customers[0]!.holdoutDuration).toBe(39);
    // every customer's transactions split exactly between the two periods
    const full = customerSummary(purchases, { asOf: "1998-06-30", timeUnit: "week" });
    const total = (list: readonly { frequency: number }[]): number => list.reduce((sum, c) => sum + c.frequency + 1, 0);
    expect(total(both.customers) + both.customers.reduce((sum, c) => sum + c.holdoutFrequency, 0)).toBe(total(full.customers));
  });

  it("with a calendar, the holdout is counted in whole buckets", () => {
    const monthly = calibrationHoldoutSummary(rows, { calibrationEnd: "2024-01-31", observationEnd: "2024-03-31", calendar: "month" });
    expect(monthly.customers[0]!.holdoutDuration).toBe(2);
    expect(monthly.timeUnit).toBe("month");
  });

  it("refuses an observationEnd not after calibrationEnd", () => {
    expect(() => calibrationHoldoutSummary(rows, { calibrationEnd: "2024-02-01", observationEnd: "2024-02-01" })).toThrow(RetentionOptionsError);
  });
});
