import type { Ledger } from "../input/ledger";
import { upperBound } from "../core/search";
import { DAY_MS, YEAR_MS, medianInPlace, medianOfSorted } from "./gaps";

/** Per-customer order facts as of an instant, as typed columns indexed like `ledger.customerIds`. */
export interface OrderSummary {
  /** Orders at or before `asOf`. */
  readonly orders: Uint32Array;
  /** Distinct UTC days with an order at or before `asOf`. */
  readonly visits: Uint32Array;
  /** Last order instant (epoch ms); `NaN` without orders. */
  readonly lastOrderAt: Float64Array;
  /** Median gap between visits in days (each gap at least `minGapDays`); `NaN` with fewer than 2 visits. */
  readonly medianGapDays: Float64Array;
  /** Net amount units of rows in (lastOrder − 365 days, asOf]; 0 without orders. */
  readonly annualUnits: Float64Array;
  /** Median of the repeat buyers' `medianGapDays`; `null` when nobody has 2 visits. */
  readonly populationMedianGapDays: number | null;
  readonly repeatCustomers: number;
}

/**
 * Two sequential passes over the time-sorted purchases up to `asOf` (inclusive), then one
 * per customer: the first counts orders and visit days and writes each customer's day gaps
 * between visits (gaps below `minGapDays` count as `minGapDays`) into the customer's slice of
 * one buffer; the second sums the rows in the 365 days ending at the customer's last order;
 * the last takes the median of each slice. Reading the columns in time order, rather than
 * customer by customer, keeps the memory access sequential on large ledgers.
 */
export function summarizeOrders(ledger: Ledger, asOf: number, minGapDays: number): OrderSummary {
  const n = ledger.customerIds.length;
  const { at, amountUnits, orderStart, customer } = ledger.purchases;
  const { offsets } = ledger.purchasesByCustomer;
  const orders = new Uint32Array(n);
  const visits = new Uint32Array(n);
  const lastOrderAt = new Float64Array(n).fill(Number.NaN);
  const lastVisitDay = new Float64Array(n).fill(Number.NaN);
  const medianGapDays = new Float64Array(n).fill(Number.NaN);
  const annualUnits = new Float64Array(n);
  const end = upperBound(at, asOf);
  // Customer c's gaps go to gaps[offsets[c] ..]: a customer has fewer gaps than purchase rows.
  const gaps = new Float64Array(at.length);
  for (let k = 0; k < end; k++) {
    if (orderStart[k] === 0) continue;
    const c = customer[k]!;
    const t = at[k]!;
    orders[c]!++;
    lastOrderAt[c] = t;
    const day = Math.floor(t / DAY_MS);
    if (day === lastVisitDay[c]) continue;
    if (visits[c]! > 0) gaps[offsets[c]! + visits[c]! - 1] = Math.max(day - lastVisitDay[c]!, minGapDays);
    visits[c]!++;
    lastVisitDay[c] = day;
  }
  for (let k = 0; k < end; k++) {
    const c = customer[k]!;
    if (at[k]! > lastOrderAt[c]! - YEAR_MS) annualUnits[c]! += amountUnits[k]!;
  }
  const medians = new Float64Array(n);
  let repeatCustomers = 0;
  for (let c = 0; c < n; c++) {
    if (visits[c]! < 2) continue;
    const median = medianInPlace(gaps, offsets[c]!, visits[c]! - 1);
    medianGapDays[c] = median;
    medians[repeatCustomers++] = median;
  }
  const population = medianOfSorted(medians.subarray(0, repeatCustomers).sort());
  return {
    orders,
    visits,
    lastOrderAt,
    medianGapDays,
    annualUnits,
    populationMedianGapDays: repeatCustomers === 0 ? null : population,
    repeatCustomers,
  };
}
