import { describe, expect, it } from "vitest";
import { customerSummary, fitBgNbd, RetentionOptionsError } from "../../src/index";

// A donor born in 1995 who gave again in 1997 (twice) and 1999, observed to the end of 2001:
// 6 yearly opportunities after the birth year, transactions in 2 of them (several gifts in one
// year are one transaction), the last in opportunity 4 (1999 − 1995).
const gifts = [
  { customerId: "d1", at: "1995-04-02", amount: "25" },
  { customerId: "d1", at: "1997-01-10", amount: "25" },
  { customerId: "d1", at: "1997-11-30", amount: "10" },
  { customerId: "d1", at: "1999-06-15", amount: "40" },
  { customerId: "d2", at: "1995-12-31", amount: "5" },
  { customerId: "d3", at: "2001-03-01", amount: "5" },
];

describe("customerSummary with timeUnit 'period'", () => {
  const summary = customerSummary(gifts, { asOf: "2001-12-31", timeUnit: "period", granularity: "year" });

  it("gives x, tₓ and n in whole opportunities, the birth year not counted", () => {
    expect(summary.timeUnit).toBe("period");
    expect(summary.granularity).toBe("year");
    expect(summary.calendar).toBe("year");
    expect(summary.customers.map(({ customerId, frequency, recency, periods, T }) => ({ customerId, frequency, recency, periods, T }))).toEqual([
      { customerId: "d1", frequency: 2, recency: 4, periods: 6, T: 6 },
      { customerId: "d2", frequency: 0, recency: 0, periods: 6, T: 6 },
      { customerId: "d3", frequency: 0, recency: 0, periods: 0, T: 0 },
    ]);
    expect(summary.customers[0]!.monetaryValue.toString()).toBe("37.5");
  });

  it("counts the bucket holding asOf as the last opportunity, even part-way through it", () => {
    const midYear = customerSummary(gifts, { asOf: "2001-06-30", timeUnit: "period", granularity: "year" });
    expect(midYear.customers[0]!.periods).toBe(6);
    const early = customerSummary(gifts, { asOf: "1997-06-30", timeUnit: "period", granularity: "year" });
    expect(early.customers[0]).toMatchObject({ frequency: 1, recency: 2, periods: 2 });
  });

  it("works with months and weeks (weekStartsOn)", () => {
    const months = customerSummary(gifts, { asOf: "1995-12-31", timeUnit: "period", granularity: "month" });
    expect(months.customers[0]).toMatchObject({ frequency: 0, recency: 0, periods: 8 });
    const weeks = customerSummary(gifts, { asOf: "1996-01-06", timeUnit: "period", granularity: "week", weekStartsOn: 0 });
    expect(weeks.customers.find((c) => c.customerId === "d2")).toMatchObject({ periods: 0 });
  });

  it("still feeds the continuous models (T = periods, in periods)", () => {
    expect(() => fitBgNbd(summary)).not.toThrow();
  });

  it("rejects a missing or unknown granularity, calendar beside it, and granularity without timeUnit 'period'", () => {
    expect(() => customerSummary(gifts, { asOf: "2001-12-31", timeUnit: "period" } as never)).toThrow(RetentionOptionsError);
    expect(() => customerSummary(gifts, { asOf: "2001-12-31", timeUnit: "period", granularity: "decade" } as never)).toThrow(/granularity/);
    expect(() => customerSummary(gifts, { asOf: "2001-12-31", timeUnit: "period", granularity: "year", calendar: "year" } as never)).toThrow(/calendar/);
    expect(() => customerSummary(gifts, { asOf: "2001-12-31", granularity: "year" } as never)).toThrow(/granularity/);
  });

  it("leaves the existing calls unchanged", () => {
    const days = customerSummary(gifts, { asOf: "2001-12-31" });
    expect(days.timeUnit).toBe("day");
    expect("granularity" in days).toBe(false);
    expect("periods" in days.customers[0]!).toBe(false);
  });
});
