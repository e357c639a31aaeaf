import { describe, expect, it } from "vitest";
import { createLedger, lifecycle, RetentionInputError, RetentionOptionsError, type LifecyclePeriod, type Purchase } from "retention-metrics";

/*
 * Hand-worked (docs/journey.md, "Lifecycle and quick ratio"): monthly, start 2024-01-01, end
 * 2024-06-01 → January … May; the period before the first is December 2023. All times UTC.
 *
 *  customer   orders
 *  a          2023-12-15, 2024-01-31T23:59:59.999Z (still January), 2024-03-01T00:00:00Z (March: half-open)
 *  b          2024-02-01T00:00:00Z (February), 2024-02-20
 *  c          2023-10-05, 2024-03-10
 *  __proto__  2023-12-31T23:59:59.999Z (December)
 *  d          refund −5 on 2024-01-10 (not an order), order 2024-04-02
 *  e          2024-01-15
 *
 *  active     Dec {a, __proto__}  Jan {a, e}  Feb {b}  Mar {a, c}  Apr {d}  May {} (empty)
 *  Jan: new e; returning a; dormant __proto__ → 2 = 1 + 1 + 0, prev 2 = 1 + 1; QR (1 + 0) / 1 = 1
 *  Feb: new b; dormant a, e → 1 = 1 + 0 + 0, prev 2 = 0 + 2; QR 1 / 2 = 0.5
 *  Mar: resurrected a (not active in Feb), c (last order in October) → 2 = 0 + 0 + 2; dormant b; QR 2 / 1 = 2
 *  Apr: new d (the January refund is not an order); dormant a, c → QR 1 / 2 = 0.5
 *  May: nobody active; dormant d → QR 0 / 1 = 0
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2023-12-15", amount: "10" },
  { customerId: "a", at: "2024-01-31T23:59:59.999Z", amount: "10" },
  { customerId: "a", at: "2024-03-01T00:00:00Z", amount: "10" },
  { customerId: "b", at: "2024-02-01T00:00:00Z", amount: "20" },
  { customerId: "b", at: "2024-02-20", amount: "20" },
  { customerId: "c", at: "2023-10-05", amount: "5" },
  { customerId: "c", at: "2024-03-10", amount: "5" },
  { customerId: "__proto__", at: "2023-12-31T23:59:59.999Z", amount: "7" },
  { customerId: "d", at: "2024-01-10", amount: "-5" },
  { customerId: "d", at: "2024-04-02", amount: "30" },
  { customerId: "e", at: "2024-01-15", amount: "8" },
];
const rows = Object.freeze(purchases.map((row) => Object.freeze({ ...row })));
const monthly = { granularity: "month", start: "2024-01-01", end: "2024-06-01" } as const;

type Counts = Pick<LifecyclePeriod, "key" | "active" | "previousActive" | "new" | "returning" | "resurrected" | "dormant" | "quickRatio">;
const counts = (periods: readonly LifecyclePeriod[]): Counts[] =>
  periods.map(({ key, active, previousActive, new: fresh, returning, resurrected, dormant, quickRatio }) => ({ key, active, previousActive, new: fresh, returning, resurrected, dormant, quickRatio }));

describe("lifecycle", () => {
  it("classifies each active customer once per month (hand-worked, boundaries and an empty month)", () => {
    const result = lifecycle(rows, monthly);
    expect(counts(result.periods)).toEqual([
      { key: "2024-01", active: 2, previousActive: 2, new: 1, returning: 1, resurrected: 0, dormant: 1, quickRatio: 1 },
      { key: "2024-02", active: 1, previousActive: 2, new: 1, returning: 0, resurrected: 0, dormant: 2, quickRatio: 0.5 },
      { key: "2024-03", active: 2, previousActive: 1, new: 0, returning: 0, resurrected: 2, dormant: 1, quickRatio: 2 },
      { key: "2024-04", active: 1, previousActive: 2, new: 1, returning: 0, resurrected: 0, dormant: 2, quickRatio: 0.5 },
      { key: "2024-05", active: 0, previousActive: 1, new: 0, returning: 0, resurrected: 0, dormant: 1, quickRatio: 0 },
    ]);
    expect(result.periods.map((p) => p.dormantBar)).toEqual([-1, -2, -1, -2, -1]);
    expect(result.previousPeriod).toEqual({ start: new Date("2023-12-01T00:00:00Z"), end: new Date("2024-01-01T00:00:00Z") });
    expect(result.periods[4]).toMatchObject({ start: new Date("2024-05-01T00:00:00Z"), end: new Date("2024-06-01T00:00:00Z") });
    expect(result.activeWindow).toBeNull();
  });

  it("widens activity with activeWindow (two months: the period and the one before)", () => {
    // Active when an order falls in [start of the month before, end of the month):
    // Dec {a, __proto__}; Jan {a, __proto__, e}: new e, returning a, __proto__, no dormant → QR null
    // Feb {a, e, b}: new b, dormant __proto__ → QR 1; Mar {a, b, c}: resurrected c, dormant e → QR 1
    // Apr {a, c, d}: new d, dormant b → QR 1; May {d}: returning d, dormant a, c → QR 0
    const result = lifecycle(rows, { ...monthly, activeWindow: { months: 2 } });
    expect(counts(result.periods)).toEqual([
      { key: "2024-01", active: 3, previousActive: 2, new: 1, returning: 2, resurrected: 0, dormant: 0, quickRatio: null },
      { key: "2024-02", active: 3, previousActive: 3, new: 1, returning: 2, resurrected: 0, dormant: 1, quickRatio: 1 },
      { key: "2024-03", active: 3, previousActive: 3, new: 0, returning: 2, resurrected: 1, dormant: 1, quickRatio: 1 },
      { key: "2024-04", active: 3, previousActive: 3, new: 1, returning: 2, resurrected: 0, dormant: 1, quickRatio: 1 },
      { key: "2024-05", active: 1, previousActive: 3, new: 0, returning: 1, resurrected: 0, dormant: 2, quickRatio: 0 },
    ]);
    expect(result.periods[0]!.quickRatioReason).toBe("no customer went dormant in this period");
    expect(result.activeWindow).toEqual({ months: 2 });
  });

  it("never narrows activity with a window shorter than the period", () => {
    expect(counts(lifecycle(rows, { ...monthly, activeWindow: { days: 1 } }).periods)).toEqual(counts(lifecycle(rows, monthly).periods));
  });

  it("reads the period before the first from the data, even when it is far back", () => {
    // First period October 2023: c is new; September is empty, so nobody is dormant.
    const result = lifecycle(rows, { granularity: "month", start: "2023-10-01", end: "2023-11-01" });
    expect(counts(result.periods)).toEqual([{ key: "2023-10", active: 1, previousActive: 0, new: 1, returning: 0, resurrected: 0, dormant: 0, quickRatio: null }]);
  });

  it("keeps only whole periods inside [start, end)", () => {
    const result = lifecycle(rows, { granularity: "month", start: "2024-01-15", end: "2024-03-20" });
    expect(result.periods.map((p) => p.key)).toEqual(["2024-02"]);
    expect(result.previousPeriod.start).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(lifecycle(rows, { granularity: "month", start: "2024-01-15", end: "2024-01-20" }).periods).toEqual([]);
  });

  it("follows weekStartsOn at a week boundary", () => {
    // 2024-01-07 is a Sunday: with Monday weeks it is in 2024-W01, with Sunday weeks it opens a week.
    const sunday = [{ customerId: "x", at: "2024-01-07T00:00:00Z", amount: "1" }];
    const monday = lifecycle(sunday, { granularity: "week", start: "2024-01-01", end: "2024-01-15" });
    expect(monday.periods.map((p) => [p.key, p.new, p.dormant])).toEqual([["2024-W01", 1, 0], ["2024-W02", 0, 1]]);
    const sundays = lifecycle(sunday, { granularity: "week", start: "2023-12-31", end: "2024-01-14", weekStartsOn: 0 });
    expect(sundays.periods.map((p) => [p.start.toISOString(), p.new, p.dormant])).toEqual([
      ["2023-12-31T00:00:00.000Z", 0, 0],
      ["2024-01-07T00:00:00.000Z", 1, 0],
    ]);
  });

  it("counts an order id once and ignores events and surveys", () => {
    const ledger = createLedger({
      purchases: [
        { customerId: "a", at: "2024-01-02", amount: "5", orderId: "o1" },
        { customerId: "a", at: "2024-02-03", amount: "5", orderId: "o1" },
      ],
      events: [{ customerId: "b", at: "2024-02-01", type: "signup" }],
    });
    const result = lifecycle(ledger, { granularity: "month", start: "2024-01-01", end: "2024-03-01" });
    // o1 opened in January; its February row is the same order, so a is dormant in February.
    expect(result.periods.map((p) => [p.active, p.new, p.dormant])).toEqual([[1, 1, 0], [0, 0, 1]]);
  });

  it("answers empty input with zero counts and null quick ratios", () => {
    const result = lifecycle([], { granularity: "quarter", start: "2024-01-01", end: "2025-01-01" });
    expect(result.periods).toHaveLength(4);
    for (const p of result.periods) {
      expect([p.active, p.previousActive, p.new, p.returning, p.resurrected, p.dormant, p.dormantBar]).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(Object.is(p.dormantBar, -0)).toBe(false);
      expect(p.quickRatio).toBeNull();
      expect(p.quickRatioReason).toMatch(/dormant/);
    }
  });

  it("rejects bad options and rows with typed errors naming them", () => {
    const option = (call: () => unknown): string | undefined => {
      try {
        call();
      } catch (error) {
        expect(error).toBeInstanceOf(RetentionOptionsError);
        return (error as RetentionOptionsError).option;
      }
      return undefined;
    };
    expect(option(() => lifecycle(rows, { ...monthly, granularity: "fortnight" as "week" }))).toBe("granularity");
    expect(option(() => lifecycle(rows, { ...monthly, start: "2024-06-01", end: "2024-01-01" }))).toBe("end");
    expect(option(() => lifecycle(rows, { ...monthly, activeWindow: 0 }))).toBe("activeWindow");
    expect(option(() => lifecycle(rows, { ...monthly, weekStartsOn: 7 as 0 }))).toBe("weekStartsOn");
    expect(option(() => lifecycle(rows, { granularity: "day", start: "1900-01-01", end: "2200-01-01" }))).toBe("end");
    expect(option(() => lifecycle(rows, { granularity: "month", start: "2024-01-01" } as never))).toBe("start");
    expect(() => lifecycle([{ customerId: "a", at: "2024-01-01", amount: "ten" }], monthly)).toThrow(RetentionInputError);
  });
});
