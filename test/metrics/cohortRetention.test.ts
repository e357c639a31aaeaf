import { describe, expect, it } from "vitest";
import {
  cohortRetention,
  createLedger,
  RetentionInputError,
  RetentionOptionsError,
  type CustomerEvent,
  type Purchase,
} from "retention-metrics";

/*
 * Hand-worked monthly scenario, asOf 2024-04-15: January, February and March have ended,
 * April has not, so every row stops at March and no April cohort appears.
 *
 *  customer   activity                                            cohort
 *  a          orders 01-05 (10), 01-20 (20), 02-10 (15), 04-02 (99) Jan
 *  b          order 01-25 (5), nothing later                        Jan
 *  c          signup 01-28 (event), order 03-03 (40)                Jan (signup is the first activity)
 *  d          orders 02-14 (30), 03-01 (12), refund 03-05 (−5)      Feb
 *  __proto__  order 02-01 (8)                                       Feb
 *  e          order 03-31T23:59:59Z (7)                             Mar
 *  f          order 04-10 (1)                                       Apr (not ended: not shown)
 *  g          a "service_visit" event only                          none (no first activity)
 *
 * return-on cells:  Jan [a,b = 2, a = 1, c = 1]  size 3 → rates [2/3, 1/3, 1/3]
 *                   Feb [d,__proto__ = 2, d = 1]  size 2 → rates [1, 1/2]
 *                   Mar [e = 1]                   size 1 → rates [1]
 * curve: k=0 (2+2+1)/(3+2+1) = 5/6; k=1 (1+1)/(3+2) = 2/5 (Mar has not reached 1: not a zero);
 *        k=2 1/3 (only Jan).
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-05", amount: "10" },
  { customerId: "a", at: "2024-01-20", amount: "20" },
  { customerId: "a", at: "2024-02-10", amount: "15" },
  { customerId: "a", at: "2024-04-02", amount: "99" },
  { customerId: "b", at: "2024-01-25", amount: "5" },
  { customerId: "c", at: "2024-03-03", amount: "40" },
  { customerId: "d", at: "2024-02-14", amount: "30" },
  { customerId: "d", at: "2024-03-01", amount: "12" },
  { customerId: "d", at: "2024-03-05", amount: "-5" },
  { customerId: "__proto__", at: "2024-02-01", amount: "8" },
  { customerId: "e", at: "2024-03-31T23:59:59Z", amount: "7" },
  { customerId: "f", at: "2024-04-10", amount: "1" },
];
const events: CustomerEvent[] = [
  { customerId: "c", at: "2024-01-28", type: "signup" },
  { customerId: "g", at: "2024-01-02", type: "service_visit" },
];
const frozen = Object.freeze({
  purchases: Object.freeze(purchases.map((row) => Object.freeze({ ...row }))),
  events: Object.freeze(events.map((row) => Object.freeze({ ...row }))),
});
const asOf = "2024-04-15";

describe("cohortRetention, customers", () => {
  it("counts returning customers per cohort and offset (hand-worked, return-on)", () => {
    const result = cohortRetention(frozen, { granularity: "month", asOf });
    expect(result.measure).toBe("customers");
    expect(result.mode).toBe("return-on");
    expect(result.asOf).toEqual(new Date("2024-04-15T00:00:00Z"));
    expect(result.cohorts.map(({ key, size, values }) => ({ key, size, values }))).toEqual([
      { key: "2024-01", size: 3, values: [2, 1, 1] },
      { key: "2024-02", size: 2, values: [2, 1] },
      { key: "2024-03", size: 1, values: [1] },
    ]);
    expect(result.cohorts[0]!.rates).toEqual([2 / 3, 1 / 3, 1 / 3]);
    expect(result.cohorts[0]!.start).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(result.cohorts[0]!.end).toEqual(new Date("2024-02-01T00:00:00Z"));
    expect(result.curve).toEqual([
      { offset: 0, rate: 5 / 6, cohorts: 3, customers: 6 },
      { offset: 1, rate: 2 / 5, cohorts: 2, customers: 5 },
      { offset: 2, rate: 1 / 3, cohorts: 1, customers: 3 },
    ]);
  });

  it("counts an order in any later bucket for return-on-or-after", () => {
    // Last order before asOf, capped at the last ended bucket: a → Apr (partial) → offset 2,
    // b → offset 0, c → offset 2; Jan histogram [1, 0, 2] → suffix sums [3, 2, 2].
    // Feb: d last 03-05 → 1, __proto__ → 0: [1, 1] → [2, 1]. Mar: [1].
    const result = cohortRetention(frozen, { granularity: "month", asOf, mode: "return-on-or-after" });
    expect(result.cohorts.map((row) => row.values)).toEqual([[3, 2, 2], [2, 1], [1]]);
    expect(result.cohorts[0]!.rates).toEqual([1, 2 / 3, 2 / 3]);
    expect(result.curve.map((point) => point.rate)).toEqual([1, 3 / 5, 2 / 3]);
  });

  it("keeps a cohort with no later activity, with zeros where observed", () => {
    const result = cohortRetention([{ customerId: "solo", at: "2024-01-09", amount: "3" }], { granularity: "month", asOf });
    expect(result.cohorts).toHaveLength(1);
    expect(result.cohorts[0]!.values).toEqual([1, 0, 0]);
    expect(result.cohorts[0]!.rates).toEqual([1, 0, 0]);
  });

  it("censors the last partial bucket: asOf just before a bucket ends drops it", () => {
    const before = cohortRetention(frozen, { granularity: "month", asOf: "2024-03-31T23:59:59.999Z" });
    expect(before.cohorts.map((row) => [row.key, row.values.length])).toEqual([["2024-01", 2], ["2024-02", 1]]);
    const atEnd = cohortRetention(frozen, { granularity: "month", asOf: "2024-04-01T00:00:00Z" });
    expect(atEnd.cohorts.map((row) => [row.key, row.values.length])).toEqual([["2024-01", 3], ["2024-02", 2], ["2024-03", 1]]);
  });

  it("limits cohorts by their start with from/to (half-open)", () => {
    const keys = (options: { from?: string; to?: string }): string[] =>
      cohortRetention(frozen, { granularity: "month", asOf, ...options }).cohorts.map((row) => row.key);
    expect(keys({ from: "2024-02-01" })).toEqual(["2024-02", "2024-03"]);
    expect(keys({ from: "2024-01-15" })).toEqual(["2024-02", "2024-03"]);
    expect(keys({ to: "2024-03-01" })).toEqual(["2024-01", "2024-02"]);
  });

  it("uses ISO week keys across a year boundary, and weekStartsOn", () => {
    // 2024-12-29 is a Sunday (ISO 2024-W52), 2024-12-30 a Monday (ISO 2025-W01).
    const rows: Purchase[] = [
      { customerId: "x", at: "2024-12-29T10:00:00Z", amount: "1" },
      { customerId: "y", at: "2024-12-30T10:00:00Z", amount: "1" },
      { customerId: "y", at: "2025-01-06T10:00:00Z", amount: "1" },
    ];
    const iso = cohortRetention(rows, { granularity: "week", asOf: "2025-01-13" });
    expect(iso.cohorts.map((row) => [row.key, row.values])).toEqual([["2024-W52", [1, 0, 0]], ["2025-W01", [1, 1]]]);
    // Weeks starting Sunday: both first orders fall in the week of Sunday 2024-12-29 (2025-W01).
    const sunday = cohortRetention(rows, { granularity: "week", asOf: "2025-01-13", weekStartsOn: 0 });
    expect(sunday.cohorts.map((row) => [row.key, row.size, row.values])).toEqual([["2025-W01", 2, [2, 1]]]);
    expect(sunday.cohorts[0]!.start).toEqual(new Date("2024-12-29T00:00:00Z"));
  });

  it("keys day, quarter and year cohorts", () => {
    const keys = (granularity: "day" | "quarter" | "year"): string[] =>
      cohortRetention(frozen, { granularity, asOf: "2025-06-01" }).cohorts.map((row) => row.key);
    expect(keys("day").slice(0, 3)).toEqual(["2024-01-05", "2024-01-25", "2024-01-28"]);
    expect(keys("quarter")).toEqual(["2024-Q1", "2024-Q2"]);
    expect(keys("year")).toEqual(["2024"]);
  });

  it("gives the same answer from a ledger and does not mutate frozen input", () => {
    const ledger = createLedger({ purchases, events });
    expect(cohortRetention(ledger, { granularity: "month", asOf })).toEqual(cohortRetention(frozen, { granularity: "month", asOf }));
  });

  it("returns no cohorts and no curve for empty input", () => {
    expect(cohortRetention([], { granularity: "month", asOf })).toEqual({
      granularity: "month",
      measure: "customers",
      mode: "return-on",
      asOf: new Date("2024-04-15T00:00:00Z"),
      cohorts: [],
      curve: [],
    });
  });
});

describe("cohortRetention, revenue", () => {
  it("sums net revenue, refunds included, per cohort and offset (hand-worked)", () => {
    // Jan: Jan 10+20+5 = 35, Feb 15, Mar 40 (c); Feb: Feb 30+8 = 38, Mar 12−5 = 7; Mar: 7.
    const result = cohortRetention(frozen, { granularity: "month", asOf, measure: "revenue" });
    expect(result.cohorts.map((row) => row.values.map((value) => value.toString()))).toEqual([["35", "15", "40"], ["38", "7"], ["7"]]);
    expect(result.cohorts[0]!.rates).toEqual([1, 15 / 35, 40 / 35]);
    expect(result.cohorts[1]!.rates).toEqual([1, 7 / 38]);
    // Customer-weighted: k=1 (3·15/35 + 2·7/38) / 5.
    expect(result.curve[1]!.rate).toBeCloseTo((3 * (15 / 35) + 2 * (7 / 38)) / 5, 12);
    expect(result.curve[2]).toEqual({ offset: 2, rate: 40 / 35, cohorts: 1, customers: 3 });
  });

  it("keeps cents exact and gives null rates when the offset-0 revenue is 0", () => {
    const result = cohortRetention(
      [
        { customerId: "p", at: "2024-01-03", amount: "0.10" },
        { customerId: "p", at: "2024-01-04", amount: "0.20" },
        { customerId: "z", at: "2024-02-03", amount: "0.00" },
        { customerId: "z", at: "2024-03-03", amount: "4.00" },
      ],
      { granularity: "month", asOf: "2024-04-01", measure: "revenue" },
    );
    expect(result.cohorts[0]!.values[0]!.toString()).toBe("0.3");
    expect(result.cohorts[1]!.rates).toEqual([null, null]);
    expect(result.curve[1]).toEqual({ offset: 1, rate: 0, cohorts: 1, customers: 1 });
  });
});

describe("cohortRetention, errors", () => {
  it("rejects bad options with RetentionOptionsError naming the option", () => {
    const option = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(RetentionOptionsError);
        return (error as RetentionOptionsError).option;
      }
      return undefined;
    };
    expect(option(() => cohortRetention(purchases, { granularity: "fortnight" as "week", asOf }))).toBe("granularity");
    expect(option(() => cohortRetention(purchases, { granularity: "month" } as never))).toBe("asOf");
    expect(option(() => cohortRetention(purchases, { granularity: "month", asOf: "yesterday" }))).toBe("asOf");
    expect(option(() => cohortRetention(purchases, { granularity: "month", asOf, mode: "sometimes" as "return-on" }))).toBe("mode");
    expect(option(() => cohortRetention(purchases, { granularity: "month", asOf, measure: "orders" as "revenue" }))).toBe("measure");
    expect(option(() => cohortRetention(purchases, { granularity: "month", asOf, measure: "revenue", mode: "return-on-or-after" }))).toBe("mode");
    expect(option(() => cohortRetention(purchases, { granularity: "month", asOf, from: "2024-03-01", to: "2024-02-01" }))).toBe("to");
    expect(option(() => cohortRetention(purchases, { granularity: "week", asOf, weekStartsOn: 7 as 0 }))).toBe("weekStartsOn");
  });

  it("rejects a bad row with RetentionInputError naming it", () => {
    const bad = [purchases[0]!, { customerId: "x", at: "not a date", amount: "1" }];
    expect(() => cohortRetention(bad, { granularity: "month", asOf })).toThrow(RetentionInputError);
    expect(() => cohortRetention(bad, { granularity: "month", asOf })).toThrow(/purchases\[1\]\.at/);
  });
});
