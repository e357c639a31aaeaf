import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, type Ledger } from "retention-metrics";
import { scanCustomers, type CustomerScans } from "../../src/clv/scanCustomers";
import { readTimeAxis, type TimeAxis } from "../../src/clv/timeAxis";
import { customerMajorPurchases } from "../../src/input/customerMajorPurchases";
import { customerTotals } from "../../src/segments/customerTotals";
import { lowerBound } from "../../src/core/search";
import { cdnowPurchases } from "./cdnowFixtures";
import { instant, purchase } from "../arbitraries/records";

/**
 * The scans as the library computed them before they read the customer-major copy: one pass
 * over the time-sorted columns, each customer's open transaction kept in per-customer arrays.
 */
function timeOrderScans(ledger: Ledger, from: number, to: number, axis: TimeAxis): CustomerScans {
  const n = ledger.customerIds.length;
  const { at, amountUnits, orderStart, customer } = ledger.purchases;
  const scans: CustomerScans = {
    transactions: new Uint32Array(n),
    firstKey: new Float64Array(n).fill(Number.NaN),
    lastKey: new Float64Array(n).fill(Number.NaN),
    repeatUnits: new Float64Array(n),
    transactionUnits: new Float64Array(n),
    revenueUnits: new Float64Array(n),
    orders: new Uint32Array(n),
    firstAt: new Float64Array(n).fill(Number.NaN),
    lastAt: new Float64Array(n).fill(Number.NaN),
  };
  const openKey = new Float64Array(n).fill(Number.NaN);
  const openUnits = new Float64Array(n);
  const openBought = new Uint8Array(n);
  const close = (c: number): void => {
    if (openBought[c] === 0) return;
    const units = openUnits[c]!;
    if (scans.transactions[c] === 0) scans.firstKey[c] = openKey[c]!;
    else scans.repeatUnits[c]! += units;
    scans.transactionUnits[c]! += units;
    scans.lastKey[c] = openKey[c]!;
    scans.transactions[c]!++;
  };
  const start = from === Number.NEGATIVE_INFINITY ? 0 : lowerBound(at, from);
  const key = axis.key;
  for (let k = start; k < at.length; k++) {
    const time = at[k]!;
    if (time <= from) continue;
    if (time > to) break;
    const c = customer[k]!;
    const amount = amountUnits[k]!;
    scans.revenueUnits[c]! += amount;
    scans.orders[c]! += orderStart[k]!;
    const rowKey = key(time);
    if (rowKey !== openKey[c]) {
      close(c);
      openKey[c] = rowKey;
      openUnits[c] = 0;
      openBought[c] = 0;
    }
    openUnits[c]! += amount;
    if (amount >= 0) {
      openBought[c] = 1;
      if (Number.isNaN(scans.firstAt[c]!)) scans.firstAt[c] = time;
      scans.lastAt[c] = time;
    }
  }
  for (let c = 0; c < n; c++) close(c);
  return scans;
}

/** Per customer, the orders, net revenue and last order at or before `asOf`, from the customer's rows. */
function totalsByDefinition(ledger: Ledger, asOf: number) {
  const { at, amountUnits, orderStart } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  return ledger.customerIds.map((_, c) => {
    const own = Array.from(rows.subarray(offsets[c]!, offsets[c + 1]!)).filter((k) => at[k]! <= asOf);
    const orderRows = own.filter((k) => orderStart[k] === 1);
    return { orders: orderRows.length, revenueUnits: own.reduce((sum, k) => sum + amountUnits[k]!, 0), lastOrderAt: orderRows.length === 0 ? Number.NaN : at[orderRows.at(-1)!]! };
  });
}

function expectSame(ledger: Ledger, from: number, to: number): void {
  for (const options of [{ timeUnit: "day" }, { timeUnit: "week" }, { calendar: "month" }] as const) {
    const axis = readTimeAxis(options, "test");
    expect(scanCustomers(ledger, from, to, axis)).toEqual(timeOrderScans(ledger, from, to, axis));
  }
  const totals = customerTotals(ledger, to);
  expect(ledger.customerIds.map((_, c) => ({ orders: totals.orders[c], revenueUnits: totals.revenueUnits[c], lastOrderAt: totals.lastOrderAt[c] }))).toEqual(totalsByDefinition(ledger, to));
  expect(totals.buyers).toBe(totals.orders.filter((n) => n > 0).length);
}

describe("per-customer scans on the customer-major copy", () => {
  it("copies each customer's rows in time order", () => {
    const ledger = createLedger(cdnowPurchases());
    const copy = customerMajorPurchases(ledger);
    const { rows } = ledger.purchasesByCustomer;
    expect(copy).toBe(customerMajorPurchases(ledger));
    expect(Array.from(copy.at)).toEqual(Array.from(rows, (k) => ledger.purchases.at[k]));
    expect(Array.from(copy.amountUnits)).toEqual(Array.from(rows, (k) => ledger.purchases.amountUnits[k]));
    expect(Array.from(copy.orderStart)).toEqual(Array.from(rows, (k) => ledger.purchases.orderStart[k]));
  });

  it("give what the time-order pass gives on CDNOW", () => {
    const ledger = createLedger(cdnowPurchases());
    expectSame(ledger, Number.NEGATIVE_INFINITY, Date.UTC(1997, 8, 30));
    expectSame(ledger, Date.UTC(1997, 8, 30), Date.UTC(1998, 5, 30));
  });

  it("give what the time-order pass gives on any purchases and window", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), instant, instant, fc.boolean(), (purchases, a, b, open) => {
        expectSame(createLedger(purchases), open ? Number.NEGATIVE_INFINITY : Math.min(a, b), Math.max(a, b));
      }),
      { numRuns: 200 },
    );
  });
});
