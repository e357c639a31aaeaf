import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakage, createLedger, pointsLedger, type CustomerEvent } from "retention-metrics";
import { allNumbersFinite, customerId, frozen, shuffledWith } from "../arbitraries/records";

const DAY = 86_400_000;
const JAN_2024 = Date.UTC(2024, 0, 1);
const KINDS = ["points_earned", "points_redeemed", "points_expired"] as const;

/**
 * Valid points histories: random operations put in time order, each redemption or expiry cut
 * to the customer's balance at that moment (an empty one becomes an earning), with other
 * events mixed in; so no row overdraws.
 */
const history = fc
  .array(fc.record({ customerId, day: fc.integer({ min: 0, max: 500 }), kind: fc.constantFrom(...KINDS, "signup"), points: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 60 })
  .map((ops) => {
    const sorted = [...ops].sort((x, y) => x.day - y.day);
    const balance = new Map<string, number>();
    return sorted.map((op): CustomerEvent => {
      const at = JAN_2024 + op.day * DAY;
      if (op.kind === "signup") return { customerId: op.customerId, at, type: "signup" };
      const held = balance.get(op.customerId) ?? 0;
      const type = op.kind !== "points_earned" && held === 0 ? "points_earned" : op.kind;
      const points = type === "points_earned" ? op.points : Math.min(op.points, held);
      balance.set(op.customerId, type === "points_earned" ? held + points : held - points);
      return { customerId: op.customerId, at, type, points };
    });
  });

const asOfDay = fc.integer({ min: 0, max: 520 }).map((d) => JAN_2024 + d * DAY);
const ledgerOptions = (asOf: number) => ({ asOf, pointValue: "0.01", expiry: { months: 6 } });

describe("points properties", () => {
  it("outstanding = earned − redeemed − expired, per customer, in total, by age and by cohort", () => {
    fc.assert(
      fc.property(history, asOfDay, (events, asOf) => {
        const ledger = pointsLedger(events, ledgerOptions(asOf));
        expect(ledger.outstanding).toBe(ledger.earned - ledger.redeemed - ledger.expired);
        expect(ledger.outstanding).toBeGreaterThanOrEqual(0);
        for (const c of ledger.byCustomer) expect(c.outstanding).toBe(c.earned - c.redeemed - c.expired);
        expect(ledger.byCustomer.reduce((sum, c) => sum + c.outstanding, 0)).toBe(ledger.outstanding);
        expect(ledger.byAge.reduce((sum, b) => sum + b.points, 0)).toBe(ledger.outstanding);
        const [w30, w60, w90] = ledger.expiring!.map((w) => w.points);
        expect(w30! <= w60! && w60! <= w90! && w90! + ledger.pastExpiry!.points <= ledger.outstanding).toBe(true);
        expect(ledger.liability.equals(ledger.pointValue.times(ledger.outstanding))).toBe(true);
        const cohorts = breakage(events, { asOf });
        expect([cohorts.earned, cohorts.redeemed, cohorts.expired, cohorts.outstanding]).toEqual([ledger.earned, ledger.redeemed, ledger.expired, ledger.outstanding]);
        for (const c of cohorts.cohorts) expect(c.outstanding).toBe(c.earned - c.redeemed - c.expired);
      }),
      { numRuns: 300 },
    );
  });

  it("gives rates in [0, 1] and no NaN or Infinity anywhere", () => {
    fc.assert(
      fc.property(history, asOfDay, (events, asOf) => {
        const ledger = pointsLedger(events, ledgerOptions(asOf));
        const cohorts = breakage(events, { asOf });
        expect(allNumbersFinite(ledger) && allNumbersFinite(cohorts)).toBe(true);
        const rates = [cohorts.redemptionRate, cohorts.observedBreakage, cohorts.estimatedBreakage, ...cohorts.cohorts.flatMap((c) => [c.redemptionRate, c.observedBreakage, c.estimatedBreakage])];
        for (const rate of rates) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        for (const c of cohorts.cohorts) {
          if (c.projectedRedeemed !== null) expect(c.projectedRedeemed >= c.redeemed && c.projectedRedeemed <= c.earned - c.expired).toBe(true);
          expect(c.observedBreakage !== null && c.estimatedBreakage !== null).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on row order, and does not mutate its input", () => {
    fc.assert(
      fc.property(history, asOfDay, fc.array(fc.integer(), { minLength: 1 }), (events, asOf, keys) => {
        const rows = frozen(events);
        const before = JSON.stringify(rows);
        const expected = JSON.stringify([pointsLedger(rows, ledgerOptions(asOf)), breakage(rows, { asOf })]);
        expect(JSON.stringify(rows)).toBe(before);
        const shuffled = shuffledWith(rows, keys);
        expect(JSON.stringify([pointsLedger(shuffled, ledgerOptions(asOf)), breakage(shuffled, { asOf })])).toBe(expected);
        const ledger = createLedger({ events: shuffled });
        expect(JSON.stringify([pointsLedger(ledger, ledgerOptions(asOf)), breakage(ledger, { asOf })])).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("treats __proto__ and constructor as ordinary customers", () => {
    const events = [
      { customerId: "__proto__", at: "2024-01-01", type: "points_earned", points: 10 },
      { customerId: "constructor", at: "2024-01-02", type: "points_earned", points: 5 },
      { customerId: "__proto__", at: "2024-01-03", type: "points_redeemed", points: 4 },
    ];
    const ledger = pointsLedger(events, { asOf: "2024-02-01", pointValue: 1 });
    expect(ledger.byCustomer.map((c) => [c.customerId, c.outstanding])).toEqual([["__proto__", 6], ["constructor", 5]]);
  });
});
