import { describe, expect, it } from "vitest";
import {
  churnRate,
  createLedger,
  RetentionOptionsError,
  retentionRate,
  type CustomerEvent,
  type Purchase,
} from "retention-metrics";

const DAY = 86_400_000;

/*
 * Hand-worked scenario, period February 2024 = [2024-02-01, 2024-03-01), default active
 * window = the period's length = 29 days, so "active at start" means an order in
 * [2024-01-03, 2024-02-01) and "active at end" an order in [2024-01-31, 2024-03-01).
 *
 *  a  orders 01-10, 02-10                      S yes, E yes  -> retained
 *  b  order  01-20                             S yes, E no   -> lost
 *  c  orders 2023-11-05, 02-20                 S no,  E yes  -> reactivated (not new)
 *  d  first order 02-15                        new, E yes
 *  e  first order 02-03                        new, E yes
 *  f  order  2023-06-01                        never active here
 *  g  signup 2023-12-01                        S yes, E yes  -> retained (contract)
 *  h  signup 2023-12-01, cancel 02-10, order 02-20: contract decides -> S yes, E no -> lost
 *  i  signup 2023-10-01, cancel 2023-12-01, reactivate 02-05 -> S no, E yes -> reactivated
 *
 * S = {a,b,g,h} = 4, E = {a,c,d,e,g,i} = 6, N = {d,e} = 2, S∩E = {a,g} = 2.
 * rate = 2/4 = 0.5, churn = 2/4 = 0.5, CRR = (6 − 2)/4 = 1.0 (the classic formula counts the
 * two comebacks as retention; the cohort rate does not).
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-10", amount: "10" },
  { customerId: "a", at: "2024-02-10", amount: "10" },
  { customerId: "b", at: "2024-01-20", amount: "10" },
  { customerId: "c", at: "2023-11-05", amount: "10" },
  { customerId: "c", at: "2024-02-20", amount: "10" },
  { customerId: "d", at: "2024-02-15", amount: "10" },
  { customerId: "e", at: "2024-02-03", amount: "10" },
  { customerId: "f", at: "2023-06-01", amount: "10" },
  { customerId: "h", at: "2024-02-20", amount: "10" },
];
const events: CustomerEvent[] = [
  { customerId: "g", at: "2023-12-01", type: "signup" },
  { customerId: "h", at: "2023-12-01", type: "signup" },
  { customerId: "h", at: "2024-02-10", type: "cancel" },
  { customerId: "i", at: "2023-10-01", type: "signup" },
  { customerId: "i", at: "2023-12-01", type: "cancel" },
  { customerId: "i", at: "2024-02-05", type: "reactivate" },
];
const february = { start: "2024-02-01", end: "2024-03-01" };

describe("retentionRate", () => {
  it("matches the hand-worked February scenario", () => {
    expect(retentionRate({ purchases, events }, february)).toEqual({
      rate: 0.5,
      churnRate: 0.5,
      crr: 1,
      startCount: 4,
      endCount: 6,
      newCount: 2,
      retainedCount: 2,
      lostCount: 2,
      reactivatedCount: 2,
      period: { start: new Date("2024-02-01T00:00:00Z"), end: new Date("2024-03-01T00:00:00Z") },
      activeWindowMs: 29 * DAY,
    });
  });

  it("gives the same answer from a prepared ledger and from shuffled rows", () => {
    const ledger = createLedger({ purchases, events });
    const shuffled = { purchases: [...purchases].reverse(), events: [...events].reverse() };
    expect(retentionRate(ledger, february)).toEqual(retentionRate(shuffled, february));
  });

  it("takes the active window as a calendar Duration or milliseconds", () => {
    const byDuration = retentionRate({ purchases, events }, { ...february, activeWindow: { months: 1 } });
    expect(byDuration.activeWindowMs).toBe(31 * DAY);
    expect(byDuration.startCount).toBe(4);
    const short = retentionRate({ purchases, events }, { ...february, activeWindow: 7 * DAY });
    // Active at start: an order in [01-25, 02-01): none (b's is 01-20), plus subscribers g and h.
    expect(short.startCount).toBe(2);
  });

  it("keeps the period half-open: an order at the exact start does not count before it", () => {
    const result = retentionRate([{ customerId: "x", at: "2024-02-01", amount: "1" }], february);
    expect(result.startCount).toBe(0);
    expect(result.newCount).toBe(1);
    expect(result.rate).toBeNull();
    const atEnd = retentionRate([{ customerId: "x", at: "2024-03-01", amount: "1" }], february);
    expect(atEnd.endCount).toBe(0);
    expect(atEnd.newCount).toBe(0);
  });

  it("does not count refunds as activity", () => {
    const result = retentionRate(
      [
        { customerId: "x", at: "2024-01-15", amount: "5" },
        { customerId: "x", at: "2024-02-15", amount: "-5" },
      ],
      february,
    );
    expect(result).toMatchObject({ startCount: 1, retainedCount: 0, lostCount: 1, rate: 0 });
  });

  it("answers null rates with zero counts for empty input", () => {
    expect(retentionRate([], february)).toMatchObject({ rate: null, churnRate: null, crr: null, startCount: 0, endCount: 0 });
  });

  it("treats __proto__ as an ordinary customer", () => {
    const result = retentionRate(
      [
        { customerId: "__proto__", at: "2024-01-15", amount: "1" },
        { customerId: "__proto__", at: "2024-02-15", amount: "1" },
      ],
      february,
    );
    expect(result).toMatchObject({ startCount: 1, retainedCount: 1, rate: 1 });
  });

  it("rejects impossible options", () => {
    expect(() => retentionRate(purchases, { start: "2024-03-01", end: "2024-02-01" })).toThrow(RetentionOptionsError);
    expect(() => retentionRate(purchases, { start: "nope", end: "2024-02-01" })).toThrow(/start/);
    expect(() => retentionRate(purchases, { ...february, activeWindow: 0 })).toThrow(/activeWindow/);
    expect(() => retentionRate(purchases, { ...february, activeWindow: { days: -3 } })).toThrow(RetentionOptionsError);
  });
});

describe("churnRate", () => {
  it("reads the same computation from the loss side", () => {
    const churn = churnRate({ purchases, events }, february);
    expect(churn).toMatchObject({ rate: 0.5, retentionRate: 0.5, lostCount: 2, startCount: 4, reactivatedCount: 2 });
  });
});
