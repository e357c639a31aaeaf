import { tableFromArrays } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { createLedger, pointsLedger, RetentionInputError, RetentionOptionsError } from "retention-metrics";

const e = (customerId: string, at: string, type: string, points: number) => ({ customerId, at, type, points });

/*
 * The worked example of docs/programs.md, "Points ledger". asOf 2024-06-01, pointValue 0.02,
 * expiry { months: 6 }.
 * a: earns 100 (Jan 10, lot 1) and 50 (Feb 5, lot 2); redeems 120 on Mar 1 → FIFO takes 100
 *    from lot 1 and 20 from lot 2 (30 left); earns 40 (Apr 20, lot 3); 10 expire on May 1 →
 *    from lot 2 (20 left). Outstanding 20 + 40 = 60 = 190 − 120 − 10. A redemption stamped at
 *    asOf itself (Jun 1) is after the balance (half-open) and not counted.
 * b: earns 10 on 2023-11-15; nothing since. Outstanding 10.
 * Ages at Jun 1: lot 2 117 days (90–179), lot 3 42 days (30–89), b's 199 days (180–364).
 * Expiry (earned + 6 months): lot 2 Aug 5 = Jun 1 + 65 days → within 90 only; lot 3 Oct 20
 *    (141 days) → none; b's May 15 ≤ Jun 1 → past expiry, still outstanding (no event says it lapsed).
 * Liability: 70 × 0.02 = 1.40; by age 0 / 0.80 / 0.40 / 0.20 / 0.
 */
const worked = [
  e("a", "2024-01-10", "points_earned", 100),
  e("a", "2024-02-05", "points_earned", 50),
  e("a", "2024-03-01", "points_redeemed", 120),
  e("a", "2024-04-20", "points_earned", 40),
  e("a", "2024-05-01", "points_expired", 10),
  e("a", "2024-06-01", "points_redeemed", 5),
  e("b", "2023-11-15", "points_earned", 10),
  { customerId: "b", at: "2024-01-01", type: "signup" },
];

describe("pointsLedger", () => {
  const result = pointsLedger(worked, { asOf: "2024-06-01", pointValue: "0.02", expiry: { months: 6 } });

  it("redeems and expires first in, first out (hand-worked)", () => {
    expect([result.earned, result.redeemed, result.expired, result.outstanding]).toEqual([200, 120, 10, 70]);
    expect(result.byCustomer).toEqual([
      { customerId: "a", earned: 190, redeemed: 120, expired: 10, outstanding: 60 },
      { customerId: "b", earned: 10, redeemed: 0, expired: 0, outstanding: 10 },
    ]);
    expect([result.events, result.customers]).toEqual([6, 2]);
  });

  it("values the liability exactly and splits it by age", () => {
    expect(result.liability.toFixed(2)).toBe("1.40");
    expect(result.byAge.map((b) => [b.fromDays, b.toDays, b.points, b.liability.toFixed(2)])).toEqual([
      [0, 30, 0, "0.00"],
      [30, 90, 40, "0.80"],
      [90, 180, 20, "0.40"],
      [180, 365, 10, "0.20"],
      [365, null, 0, "0.00"],
    ]);
  });

  it("lists points expiring within 30, 60 and 90 days, and those past expiry", () => {
    expect(result.expiring!.map((w) => [w.days, w.points])).toEqual([[30, 0], [60, 0], [90, 20]]);
    expect(result.pastExpiry!.points).toBe(10);
    expect(result.expiryReason).toBeNull();
  });

  it("without expiry, says why the expiry figures are null", () => {
    const plain = pointsLedger(worked, { asOf: "2024-06-01", pointValue: "0.02" });
    expect([plain.expiring, plain.pastExpiry]).toEqual([null, null]);
    expect(plain.expiryReason).toMatch(/expiry/);
    expect(plain.outstanding).toBe(70);
  });

  it("takes events at one instant earned first, then expired, then redeemed, whatever their row order", () => {
    const rows = [e("a", "2024-01-01", "points_redeemed", 30), e("a", "2024-01-01", "points_expired", 10), e("a", "2024-01-01", "points_earned", 50)];
    const ledger = pointsLedger(rows, { asOf: "2024-02-01", pointValue: 1 });
    expect([ledger.outstanding, ledger.redeemed, ledger.expired]).toEqual([10, 30, 10]);
  });

  it("names the row that redeems more than is outstanding, even after asOf", () => {
    const rows = [e("a", "2024-01-01", "points_earned", 10), e("a", "2024-01-02", "points_redeemed", 5), e("a", "2024-05-02", "points_redeemed", 6)];
    const error = (() => {
      try {
        pointsLedger(rows, { asOf: "2024-02-01", pointValue: 1 });
      } catch (thrown) {
        return thrown;
      }
    })() as RetentionInputError;
    expect(error).toBeInstanceOf(RetentionInputError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ index: 2, path: ["events", "points"], code: "points_overdrawn" });
    expect(error.message).toBe('events[2].points: customer "a" redeems 6 points at 2024-05-02T00:00:00.000Z, 1 more than it holds');
  });

  it("names the row that expires points never earned", () => {
    const rows = [e("a", "2024-01-01", "points_earned", 10), e("b", "2024-01-02", "points_expired", 5)];
    expect(() => pointsLedger(rows, { asOf: "2024-02-01", pointValue: 1 })).toThrow(/events\[1\]\.points: customer "b" expires 5 points/);
  });

  it("refuses a points event without points, and points on other events, at the ledger", () => {
    expect(() => createLedger({ events: [{ customerId: "a", at: "2024-01-01", type: "points_earned" }] })).toThrow(
      "events[0].points: a points_earned event needs its points (a whole number ≥ 0)",
    );
    expect(() => createLedger({ events: [e("a", "2024-01-01", "signup", 3)] })).toThrow(/points belong only to points_earned, points_redeemed, points_expired events, found them on a "signup" event/);
    expect(() => createLedger({ events: [e("a", "2024-01-01", "points_earned", 2.5)] })).toThrow("events[0].points: expected whole points ≥ 0, found 2.5");
    expect(() => createLedger({ events: [{ customerId: "a", at: "2024-01-01", type: "points_earned", points: "7" }] } as never)).toThrow('events[0].points: expected a finite number of points, found "7"');
  });

  it("stores points as a typed column that is null when no row carries them", () => {
    expect(createLedger({ events: [{ customerId: "a", at: "2024-01-01", type: "signup" }] }).events.points).toBeNull();
    expect(createLedger({ events: worked }).events.points).toBeInstanceOf(Float64Array);
  });

  it("reads points from columns and Arrow tables as from rows", () => {
    const rows = worked.filter((row) => "points" in row) as ReturnType<typeof e>[];
    const columns = { customerId: rows.map((r) => r.customerId), at: rows.map((r) => r.at), type: rows.map((r) => r.type), points: rows.map((r) => r.points) };
    const table = tableFromArrays({ customerId: columns.customerId, at: columns.at, type: columns.type, points: Int32Array.from(columns.points) });
    const options = { asOf: "2024-06-01", pointValue: "0.02", expiry: { months: 6 } };
    const expected = JSON.stringify(pointsLedger(rows, options));
    expect(JSON.stringify(pointsLedger({ events: columns }, options))).toBe(expected);
    expect(JSON.stringify(pointsLedger(table, options))).toBe(expected);
  });

  it("answers input without points events with zeros", () => {
    const empty = pointsLedger([], { asOf: "2024-01-01", pointValue: "0.01" });
    expect([empty.customers, empty.outstanding, empty.liability.toString(), empty.byCustomer]).toEqual([0, 0, "0", []]);
  });

  it("checks its options", () => {
    expect(() => pointsLedger(worked, { pointValue: 1 } as never)).toThrow(RetentionOptionsError);
    expect(() => pointsLedger(worked, { asOf: "2024-01-01" } as never)).toThrow("pointValue: pointsLedger needs { pointValue }, the money one point is worth");
    expect(() => pointsLedger(worked, { asOf: "2024-01-01", pointValue: "-1" })).toThrow(/pointValue: expected an amount ≥ 0/);
    expect(() => pointsLedger(worked, { asOf: "2024-01-01", pointValue: 1, redemptionOrder: "lifo" as never })).toThrow(/redemptionOrder/);
    expect(() => pointsLedger(worked, { asOf: "2024-01-01", pointValue: 1, expiry: { months: 0 } })).toThrow(/expiry: expected a positive duration/);
    expect(() => pointsLedger(worked, { asOf: "2024-01-01", pointValue: 1, ageBucketDays: [90, 30] })).toThrow(/ageBucketDays/);
  });
});
