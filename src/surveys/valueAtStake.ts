import { compareIds } from "../core/compareIds";
import { decimalFromNumber, unitsToDecimal, type Decimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import { revenueByCustomer } from "../metrics/revenueByCustomer";

/** The value at stake of a list of customers: which to keep, in order, and their amounts. */
export interface ValuesAtStake {
  /** Positions in the list of the customers at or above `minValue`, highest value first, ties by id. */
  readonly kept: number[];
  /** Per position: the predicted CLV, or `null` when none is given. */
  readonly clvOf: (Decimal | null)[];
  /** Per position: net revenue in `[from, to)` as a Decimal. */
  trailingOf(position: number): Decimal;
}

/**
 * Value at stake = predicted CLV where `clv` has the customer, else net revenue in `[from, to)`;
 * `customers[i]` is `ids[i]`'s index in the ledger, −1 for one who never bought.
 * Revenue is compared as exact integer units; CLV (a Decimal) through its nearest double, and
 * exactly when the doubles are within 1e-9 of each other (rounding is monotonic, so only such
 * near-ties can be out of order), so the order is exact without a Decimal per comparison.
 */
export function valuesAtStake(
  ledger: Ledger,
  ids: readonly string[],
  customers: readonly number[],
  from: number,
  to: number,
  clv: ReadonlyMap<string, Decimal> | null,
  minValue: Decimal | null,
): ValuesAtStake {
  const revenue = revenueByCustomer(ledger, from, to);
  const scale = 10 ** ledger.moneyScale;
  const units = new Float64Array(ids.length);
  const key = new Float64Array(ids.length);
  const clvOf = ids.map((id) => clv?.get(id) ?? null);
  const trailingOf = (i: number): Decimal => moneyOfUnits(units[i]!, ledger.moneyScale);
  const value = (i: number): Decimal => clvOf[i] ?? trailingOf(i);
  const minUnits = minValue === null ? Number.NEGATIVE_INFINITY : minValue.times(scale).ceil().toNumber();
  const kept: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const c = customers[i]!;
    units[i] = c < 0 ? 0 : revenue[c]!;
    const predicted = clvOf[i]!;
    key[i] = predicted === null ? units[i]! : predicted.toNumber() * scale;
    if (predicted === null ? units[i]! >= minUnits : minValue === null || predicted.gte(minValue)) kept.push(i);
  }
  kept.sort((a, b) => {
    const byKey = key[b]! - key[a]!;
    if (Math.abs(byKey) > 1e-9 * Math.max(1, Math.abs(key[a]!), Math.abs(key[b]!))) return byKey;
    const exact = clvOf[a] === null && clvOf[b] === null ? 0 : value(b).comparedTo(value(a));
    return exact || compareIds(ids[a]!, ids[b]!);
  });
  return { kept, clvOf, trailingOf };
}

/**
 * `units` of 10^−scale as a Decimal. Below 10^15 units the amount has at most 15 significant
 * digits, so the correctly rounded double units / 10^scale has that decimal as its shortest
 * round-trip text, which `decimalFromNumber` reads without a division; larger amounts divide.
 */
function moneyOfUnits(units: number, scale: number): Decimal {
  return Math.abs(units) < 1e15 ? decimalFromNumber(units / 10 ** scale) : unitsToDecimal(units, scale);
}
