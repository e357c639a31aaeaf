import { Decimal } from "../core/money";
import { IssueCollector } from "../input/errors";

/** Amounts as integer units of `10^-scale`, as a ledger keeps them. */
export interface MoneyUnits {
  readonly scale: number;
  readonly units: Float64Array;
}

/**
 * Turns the plain decimal strings `amounts` (a money column of validated rows) into integer
 * units of `10^-scale`, `scale` being the most decimals any of them has, so that sums and
 * comparisons on them are exact, as on a ledger. The sum of their magnitudes must stay below
 * 2^53 units (the ledger's own limit), else a `RetentionInputError` names `rows[i].<field>`.
 * `atLeast` raises the scale, to put two columns on one scale.
 *
 * @example
 * moneyUnits(["12.5", "-3", "0.25"], "revenue") //=> { scale: 2, units: Float64Array [1250, -300, 25] }
 */
export function moneyUnits(amounts: readonly string[], field: string, atLeast = 0): MoneyUnits {
  let scale = atLeast;
  for (const amount of amounts) {
    const dot = amount.indexOf(".");
    if (dot >= 0) scale = Math.max(scale, amount.length - dot - 1);
  }
  const factor = new Decimal(10).pow(scale);
  const units = new Float64Array(amounts.length);
  const issues = new IssueCollector();
  let magnitude = 0;
  amounts.forEach((amount, index) => {
    const value = new Decimal(amount).times(factor).toNumber();
    const before = magnitude;
    magnitude += Math.abs(value);
    if (!Number.isSafeInteger(value) || (magnitude > Number.MAX_SAFE_INTEGER && before <= Number.MAX_SAFE_INTEGER)) {
      issues.add({ index, path: ["rows", field], code: "precision", message: `${amount} takes the amounts past 2^53 units of 10^-${scale}, more than sums stay exact for` });
    }
    units[index] = value;
  });
  issues.throwIfAny();
  return { scale, units };
}
