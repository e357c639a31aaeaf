import { describe, expect, it } from "vitest";
import { repeatConversion, RetentionOptionsError, type Purchase } from "retention-metrics";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const day = (n: number): string => new Date(T0 + n * DAY).toISOString();
const order = (customerId: string, n: number, amount = "10"): Purchase => ({ customerId, at: day(n), amount });

/*
 * The worked repeat conversion of docs/journey.md, asOf day 100 (day n = 2024-01-01 + n days).
 *  customer   first  second         KM gap
 *  a          d0     d10            10 event
 *  b          d0     d45            45 event
 *  c          d0     —              censored 100
 *  d          d50    d75            25 event
 *  e          d80    —              censored 20
 *  __proto__  d20    d50            30 event (exactly 30 days: outside the 30-day window, inside 60)
 *  f          d5     d5 (same time) 0 event
 *  g          d90    d120 (≥ asOf, not read) censored 10
 *  h          d0     refund d3 (not an order) censored 100
 * 9 first-time buyers, 5 second orders.
 * 30 days: observed = first ≤ d70: a b c d __proto__ f h = 7 (censored e g = 2); converted a d f = 3 → 3/7.
 * 60 days: first ≤ d40: a b c __proto__ f h = 6 (censored 3); converted a b __proto__ f = 4 → 2/3.
 * 90 days: first ≤ d10: a b c f h = 5 (censored 4); converted a b f = 3 → 0.6.
 * Kaplan–Meier, gaps sorted 0E 10E 10C 20C 25E 30E 45E 100C 100C:
 *  t=0  n=9 d=1 → S = 8/9;  t=10 n=8 d=1 → 7/9;  t=25 n=5 d=1 → 28/45 ≈ 0.622;  t=30 n=4 d=1 → 21/45 ≈ 0.467 ≤ 0.5.
 * Median: 30 days.
 */
export const repeatPurchases: Purchase[] = [
  order("a", 0), order("a", 10),
  order("b", 0), order("b", 45),
  order("c", 0),
  order("d", 50), order("d", 75),
  order("e", 80),
  order("__proto__", 20), order("__proto__", 50),
  order("f", 5), order("f", 5, "3"),
  order("g", 90), order("g", 120),
  order("h", 0), order("h", 3, "-10"),
];

describe("repeatConversion", () => {
  it("gives the censored rates of the worked example", () => {
    const r = repeatConversion(repeatPurchases, { asOf: day(100) });
    expect(r.windows.map((w) => [w.within, w.converted, w.observed, w.censored, w.rate])).toEqual([
      [{ days: 30 }, 3, 7, 2, 3 / 7],
      [{ days: 60 }, 4, 6, 3, 4 / 6],
      [{ days: 90 }, 3, 5, 4, 0.6],
    ]);
    expect(r).toMatchObject({ firstTimeBuyers: 9, secondOrders: 5, medianDaysToSecondOrder: 30, reason: null, asOf: new Date(day(100)) });
  });

  it("takes any list of windows, in milliseconds or Durations", () => {
    const r = repeatConversion(repeatPurchases, { asOf: day(100), within: [10 * DAY, { weeks: 2 }] });
    // 10 days: observed first ≤ d90: all but e's? e d80 + 10 = d90 ≤ d100 → observed; g d90 + 10 = d100 ≤ d100 → observed: 9.
    //          converted (second < first + 10): f only (a's second is exactly at d10) → 1/9.
    // 14 days: first ≤ d86: 8 (g censored); converted a f = 2 → 2/8.
    expect(r.windows.map((w) => [w.converted, w.observed, w.rate])).toEqual([[1, 9, 1 / 9], [2, 8, 0.25]]);
  });

  it("observes until the end of the latest record's UTC day without asOf", () => {
    const r = repeatConversion(repeatPurchases);
    expect(r.asOf).toEqual(new Date(day(121)));
    expect(r.secondOrders).toBe(6); // g's d120 order is read now
  });

  it("is null with a reason when nobody is observed long enough, or nobody bought", () => {
    const r = repeatConversion([order("a", 0)], { asOf: day(10) });
    expect(r.windows[0]).toMatchObject({ rate: null, observed: 0, censored: 1 });
    expect(r.windows[0]!.reason).toMatch(/observed for the whole window/);
    expect(r.medianDaysToSecondOrder).toBeNull();
    expect(r.reason).toMatch(/stays above one half/);
    const empty = repeatConversion([]);
    expect(empty).toMatchObject({ firstTimeBuyers: 0, secondOrders: 0, medianDaysToSecondOrder: null, asOf: null });
    expect(empty.windows.every((w) => w.rate === null && w.reason === "no first-time buyer before asOf")).toBe(true);
  });

  it("names a bad option", () => {
    for (const [option, options] of [
      ["within", { within: [] }],
      ["within", { within: { days: 30 } }],
      ["within[1]", { within: [{ days: 30 }, 0] }],
      ["within[0]", { within: [{ fortnights: 1 }] }],
      ["asOf", { asOf: "soon" }],
    ] as const) {
      expect(() => repeatConversion(repeatPurchases, options as never)).toThrow(RetentionOptionsError);
      try {
        repeatConversion(repeatPurchases, options as never);
      } catch (error) {
        expect((error as RetentionOptionsError).option).toBe(option);
      }
    }
  });
});
