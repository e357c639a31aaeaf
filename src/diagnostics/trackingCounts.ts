import { customerMajorPurchases } from "../input/customerMajorPurchases";
import type { Ledger } from "../input/ledger";

const DAY_MS = 86_400_000;

/** What one scan of the ledger gives the tracking: entries and repeat transactions per day. */
export interface TrackingCounts {
  /** UTC day number (days since 1970-01-01) of the earliest entry; NaN when nobody entered. */
  readonly originDay: number;
  /** Customers entering (first transaction) on each day, index = day − originDay. */
  readonly entriesByDay: Float64Array;
  /** Repeat transactions (distinct purchase days after the first) on each day, index = day − originDay. */
  readonly repeatsByDay: Float64Array;
  /** Customers whose first transaction is before `calibrationEnd`. */
  readonly customerCount: number;
}

/**
 * Two sequential passes over the customer-major purchases. First: each customer's first
 * transaction (first purchase with amount ≥ 0), which sets the origin (the earliest such day).
 * Second: for customers entering before `calibrationEnd`, the entry day and every later UTC day
 * before `end` holding a purchase with amount ≥ 0 (a day of refunds only is no transaction),
 * as `scanCustomers` counts transactions. Cost: O(rows), no allocation per row.
 */
export function trackingCounts(ledger: Ledger, calibrationEnd: number, end: number, maxDays: (days: number) => void): TrackingCounts {
  const { offsets, at, amountUnits } = customerMajorPurchases(ledger);
  const n = ledger.customerIds.length;
  const entryDay = new Float64Array(n).fill(Number.NaN);
  let originDay = Number.POSITIVE_INFINITY;
  let customerCount = 0;
  for (let c = 0; c < n; c++) {
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      if (at[p]! >= calibrationEnd) break;
      if (amountUnits[p]! < 0) continue;
      const day = Math.floor(at[p]! / DAY_MS);
      entryDay[c] = day;
      customerCount++;
      if (day < originDay) originDay = day;
      break;
    }
  }
  if (customerCount === 0) return { originDay: Number.NaN, entriesByDay: new Float64Array(0), repeatsByDay: new Float64Array(0), customerCount };
  const days = Math.ceil(end / DAY_MS) - originDay;
  maxDays(days);
  const entriesByDay = new Float64Array(days);
  const repeatsByDay = new Float64Array(days);
  for (let c = 0; c < n; c++) {
    const entry = entryDay[c]!;
    if (Number.isNaN(entry)) continue;
    entriesByDay[entry - originDay]!++;
    let openDay = entry;
    let openBought = false;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const t = at[p]!;
      if (t >= end) break;
      const day = Math.floor(t / DAY_MS);
      if (day <= entry) continue;
      if (day !== openDay) {
        if (openBought) repeatsByDay[openDay - originDay]!++;
        openDay = day;
        openBought = false;
      }
      if (amountUnits[p]! >= 0) openBought = true;
    }
    if (openBought) repeatsByDay[openDay - originDay]!++;
  }
  return { originDay, entriesByDay, repeatsByDay, customerCount };
}
