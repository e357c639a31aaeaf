import { Decimal, unitsToDecimal } from "../core/money";
import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/**
 * What each customer did in `[start, end)`, as integer columns indexed like `Ledger.customerIds`:
 * orders opened, net revenue (refunds included) in money units, and that revenue split into
 * rows with a `cost` (as amount − cost) and rows without (as amount, to be valued at a margin rate).
 */
export interface PeriodFigures {
  readonly orders: Uint32Array;
  readonly revenueUnits: Float64Array;
  readonly costedMarginUnits: Float64Array;
  readonly uncostedUnits: Float64Array;
  /** Purchase rows in the period without a `cost`. */
  readonly rowsWithoutCost: number;
}

/** One pass over the purchases of `[start, end)` (rows are sorted by time, so only those are read). */
export function periodFigures(ledger: Ledger, start: number, end: number): PeriodFigures {
  const n = ledger.customerIds.length;
  const orders = new Uint32Array(n);
  const revenueUnits = new Float64Array(n);
  const costedMarginUnits = new Float64Array(n);
  const uncostedUnits = new Float64Array(n);
  const { at, customer, amountUnits, costUnits, hasCost, orderStart } = ledger.purchases;
  let rowsWithoutCost = 0;
  const last = lowerBound(at, end);
  const first = lowerBound(at, start);
  // Without costs the cost columns are empty: read them only when they exist (an out-of-range read is slow).
  const costed = hasCost.length > 0;
  for (let k = first; k < last; k++) {
    const c = customer[k]!;
    const amount = amountUnits[k]!;
    orders[c]! += orderStart[k]!;
    revenueUnits[c]! += amount;
    if (costed && hasCost[k] === 1) costedMarginUnits[c]! += amount - costUnits[k]!;
    else uncostedUnits[c]! += amount;
  }
  if (!costed) rowsWithoutCost = last - first;
  else for (let k = first; k < last; k++) rowsWithoutCost += 1 - hasCost[k]!;
  return { orders, revenueUnits, costedMarginUnits, uncostedUnits, rowsWithoutCost };
}

/**
 * Gross margin of money units: Σ(amount − cost) over costed rows plus `rate` × Σ amount over the
 * rest; `null` when some rows have no cost and no `rate` was given.
 */
export function marginOf(costedUnits: number, uncostedUnits: number, uncostedRows: number, rate: Decimal | null, scale: number): Decimal | null {
  if (uncostedRows > 0 && rate === null) return null;
  const costed = unitsToDecimal(costedUnits, scale);
  return rate === null || uncostedUnits === 0 ? costed : costed.plus(rate.times(unitsToDecimal(uncostedUnits, scale)));
}
