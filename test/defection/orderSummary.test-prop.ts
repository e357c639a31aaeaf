import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, type Ledger } from "retention-metrics";
import { summarizeOrders } from "../../src/defection/orderSummary";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { instant, purchase } from "../arbitraries/records";

const DAY_MS = 86_400_000;

/**
 * The definition of `summarizeOrders`, customer by customer: each customer's rows at or before
 * asOf in time order, their order rows, the distinct UTC days of those, the gaps between the
 * days (at least minGapDays), and the rows in (last order − 365 days, asOf].
 */
function reference(ledger: Ledger, asOf: number, minGapDays: number) {
  const { at, amountUnits, orderStart } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const customers = ledger.customerIds.map((_, c) => {
    const own = Array.from(rows.subarray(offsets[c]!, offsets[c + 1]!)).filter((k) => at[k]! <= asOf);
    const orderRows = own.filter((k) => orderStart[k] === 1);
    const days = [...new Set(orderRows.map((k) => Math.floor(at[k]! / DAY_MS)))];
    const gaps = days.slice(1).map((day, i) => Math.max(day - days[i]!, minGapDays));
    const lastOrderAt = orderRows.length === 0 ? Number.NaN : at[orderRows[orderRows.length - 1]!]!;
    const annualUnits = own.filter((k) => at[k]! > lastOrderAt - 365 * DAY_MS).reduce((sum, k) => sum + amountUnits[k]!, 0);
    return { orders: orderRows.length, visits: days.length, lastOrderAt, medianGapDays: gaps.length === 0 ? Number.NaN : median(gaps), annualUnits };
  });
  const repeat = customers.filter((c) => c.visits > 1).map((c) => c.medianGapDays);
  return { customers, populationMedianGapDays: repeat.length === 0 ? null : median(repeat), repeatCustomers: repeat.length };
}

function expectReference(ledger: Ledger, asOf: number, minGapDays: number): void {
  const summary = summarizeOrders(ledger, asOf, minGapDays);
  const expected = reference(ledger, asOf, minGapDays);
  const actual = ledger.customerIds.map((_, c) => ({
    orders: summary.orders[c],
    visits: summary.visits[c],
    lastOrderAt: summary.lastOrderAt[c],
    medianGapDays: summary.medianGapDays[c],
    annualUnits: summary.annualUnits[c],
  }));
  expect({ customers: actual, populationMedianGapDays: summary.populationMedianGapDays, repeatCustomers: summary.repeatCustomers }).toEqual(expected);
}

describe("summarizeOrders", () => {
  it("equals its customer-by-customer definition on CDNOW", () => {
    const ledger = createLedger(cdnowPurchases());
    expectReference(ledger, Date.UTC(1997, 11, 31), 1);
    expectReference(ledger, Date.UTC(1998, 6, 1), 7);
  });

  it("equals its customer-by-customer definition on any purchases, asOf and minimum gap", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), instant, fc.integer({ min: 0, max: 30 }), (purchases, asOf, minGapDays) => {
        expectReference(createLedger(purchases), asOf, minGapDays);
      }),
      { numRuns: 200 },
    );
  });
});
