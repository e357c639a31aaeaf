import { ZERO, type Decimal } from "../core/money";

/**
 * The size of the smallest set of top customers holding at least `share` of the total value:
 * the shortest prefix of `descending` whose sum reaches share × total. Equal values are not
 * kept together: the prefix stops as soon as the share is reached (callers order ties by
 * customer id). With a total ≤ 0 no set of customers holds a share of it, so the head is empty.
 */
export function paretoHeadSize(descending: readonly Decimal[], share: number): number {
  let total: Decimal = ZERO;
  for (const value of descending) total = total.plus(value);
  if (!total.gt(0)) return 0;
  const target = total.times(share);
  let sum: Decimal = ZERO;
  for (let i = 0; i < descending.length; i++) {
    sum = sum.plus(descending[i]!);
    if (sum.gte(target)) return i + 1;
  }
  return descending.length;
}
