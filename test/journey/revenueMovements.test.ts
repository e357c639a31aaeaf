import { describe, expect, it } from "vitest";
import { RetentionOptionsError, revenueMovements, type Purchase, type RevenueMovementPeriod } from "retention-metrics";

/*
 * Hand-worked (docs/journey.md, "Revenue movements"): monthly, start 2024-02-01, end
 * 2024-05-01 → February, March, April; January is the first period's base.
 *
 *  customer   Dec 2023  Jan   Feb   Mar   Apr
 *  a                    100   150   150   —
 *  b                    80    50    −10   —
 *  c          40        —     30    —     —
 *  d                    —     20    20    25
 *  f                    —     12    —     7
 *  __proto__            —     —     —     9 (2024-04-30T23:59:59.999Z; its 100 on 05-01 is outside)
 *
 * Feb: opening = a 100 + b 80 = 180; a +50 expansion, b −30 contraction, c 30 reactivation
 *      (ordered in December, before January), d 20 + f 12 = 32 new.
 *      closing = 180 + 32 + 30 + 50 − 30 = 262; QR = (32 + 50 + 30) ÷ 30 = 112 / 30
 * Mar: opening = 150 + 50 + 30 + 20 + 12 = 262; a, d flat; b churned 50 with refunds −10;
 *      c churned 30, f churned 12 → churned 92. closing = 262 − 92 − 10 = 160; QR = 0 ÷ 92 = 0
 * Apr: opening = a 150 + d 20 = 170 (b's −10 is no base); a churned 150; d +5 expansion;
 *      f 7 reactivation (ordered in February, before March); __proto__ 9 new.
 *      closing = 170 + 9 + 7 + 5 − 150 = 41; QR = (9 + 5 + 7) ÷ 150 = 0.14
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-10", amount: "100" },
  { customerId: "a", at: "2024-02-10", amount: "150" },
  { customerId: "a", at: "2024-03-10", amount: "150" },
  { customerId: "b", at: "2024-01-15", amount: "80" },
  { customerId: "b", at: "2024-02-15", amount: "50" },
  { customerId: "b", at: "2024-03-15", amount: "-10" },
  { customerId: "c", at: "2023-12-20", amount: "40" },
  { customerId: "c", at: "2024-02-01T00:00:00Z", amount: "30" },
  { customerId: "d", at: "2024-02-29T23:59:59.999Z", amount: "20" },
  { customerId: "d", at: "2024-03-05", amount: "20" },
  { customerId: "d", at: "2024-04-05", amount: "25" },
  { customerId: "f", at: "2024-02-12", amount: "12" },
  { customerId: "f", at: "2024-04-12", amount: "7" },
  { customerId: "__proto__", at: "2024-04-30T23:59:59.999Z", amount: "9" },
  { customerId: "__proto__", at: "2024-05-01T00:00:00Z", amount: "100" },
];
const rows = Object.freeze(purchases.map((row) => Object.freeze({ ...row })));

const money = (p: RevenueMovementPeriod) =>
  [p.key, p.opening, p.new, p.reactivation, p.expansion, p.contraction, p.churned, p.churnedRefunds, p.closing].map(String);

describe("revenueMovements", () => {
  const result = revenueMovements(rows, { granularity: "month", start: "2024-02-01", end: "2024-05-01" });

  it("splits each month's revenue into exact buckets (hand-worked)", () => {
    expect(result.periods.map(money)).toEqual([
      ["2024-02", "180", "32", "30", "50", "30", "0", "0", "262"],
      ["2024-03", "262", "0", "0", "0", "0", "92", "-10", "160"],
      ["2024-04", "170", "9", "7", "5", "0", "150", "0", "41"],
    ]);
    expect(result.periods.map((p) => p.quickRatio)).toEqual([112 / 30, 0, 21 / 150]);
    expect(result.periods.map((p) => p.customers)).toEqual([
      { opening: 2, new: 2, expanded: 1, reactivated: 1, flat: 0, contracted: 1, churned: 0 },
      { opening: 5, new: 0, expanded: 0, reactivated: 0, flat: 2, contracted: 0, churned: 3 },
      { opening: 2, new: 1, expanded: 1, reactivated: 1, flat: 0, contracted: 0, churned: 1 },
    ]);
    expect(result.previousPeriod).toEqual({ start: new Date("2024-01-01T00:00:00Z"), end: new Date("2024-02-01T00:00:00Z") });
    expect(result.currency).toBeNull();
  });

  it("closes every bridge exactly", () => {
    for (const p of result.periods) {
      const bridge = p.opening.plus(p.new).plus(p.reactivation).plus(p.expansion).minus(p.contraction).minus(p.churned).plus(p.churnedRefunds);
      expect(bridge.eq(p.closing)).toBe(true);
    }
  });

  it("says why the quick ratio is null when nothing was lost, and answers empty input", () => {
    const grow = revenueMovements([{ customerId: "x", at: "2024-03-03", amount: "5" }], { granularity: "month", start: "2024-03-01", end: "2024-04-01" });
    expect(grow.periods[0]).toMatchObject({ quickRatio: null, quickRatioReason: "no revenue was lost: contraction and churned revenue are 0" });
    const empty = revenueMovements([], { granularity: "year", start: "2023-01-01", end: "2025-01-01" });
    expect(empty.periods.map((p) => [p.key, String(p.opening), String(p.closing), p.quickRatio])).toEqual([["2023", "0", "0", null], ["2024", "0", "0", null]]);
  });

  it("rejects bad options with a typed error naming them", () => {
    expect(() => revenueMovements(rows, { granularity: "hour" as "day", start: "2024-01-01", end: "2024-02-01" })).toThrow(RetentionOptionsError);
    expect(() => revenueMovements(rows, { granularity: "month", start: "2024-02-01", end: "2024-01-01" })).toThrow(RetentionOptionsError);
  });
});
