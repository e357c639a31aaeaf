import { addBuckets } from "../core/calendar";
import type { Ledger } from "../input/ledger";

/** What the recent cohorts of a ledger show, for `customerEquity`'s future part. */
export interface RecentCohorts {
  /** Customers whose first order falls in [asOf − recent years, asOf). */
  readonly acquired: number;
  /** Customers whose first order falls in [asOf − (recent + 1) years, asOf − 1 year): each has a whole first year observed. */
  readonly firstYearCustomers: number;
  /** Σ of their net revenue in [first order, first order + 1 year), in money units. */
  readonly firstYearRevenueUnits: number;
}

/**
 * The same instant a calendar year later, in UTC: `addBuckets(ms, "year", 1)` (date-fns
 * `addYears`, 29 February going to 28 February) without its per-call cost, which is most of a
 * 100k-customer pass.
 *
 * @example
 * new Date(oneYearLater(Date.UTC(2024, 1, 29, 12))).toISOString() //=> "2025-02-28T12:00:00.000Z"
 */
export function oneYearLater(ms: number): number {
  const date = new Date(ms);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  date.setUTCFullYear(date.getUTCFullYear() + 1, month, month === 1 && day === 29 ? 28 : day);
  return date.getTime();
}

/**
 * One pass over each customer's purchases (time-ordered): the first order, the revenue of the
 * year that follows it, and whether the customer was acquired in the recent years.
 */
export function recentCohorts(ledger: Ledger, asOf: number, recent: number): RecentCohorts {
  const { at, amountUnits, orderStart } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  const acquiredFrom = addBuckets(asOf, "year", -recent);
  const cohortFrom = addBuckets(asOf, "year", -(recent + 1));
  const cohortTo = addBuckets(asOf, "year", -1);
  let acquired = 0;
  let firstYearCustomers = 0;
  let firstYearRevenueUnits = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    let first = Number.NaN;
    let yearEnd = Number.NaN;
    let units = 0;
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const k = rows[i]!;
      if (at[k]! >= asOf) break;
      if (Number.isNaN(first)) {
        if (orderStart[k] !== 1) continue;
        first = at[k]!;
        if (first < cohortFrom || first >= cohortTo) break;
        yearEnd = oneYearLater(first);
      }
      if (at[k]! >= yearEnd) break;
      units += amountUnits[k]!;
    }
    if (Number.isNaN(first)) continue;
    if (first >= acquiredFrom) acquired++;
    if (first >= cohortFrom && first < cohortTo) {
      firstYearCustomers++;
      firstYearRevenueUnits += units;
    }
  }
  return { acquired, firstYearCustomers, firstYearRevenueUnits };
}
