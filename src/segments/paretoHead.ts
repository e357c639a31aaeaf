import { ZERO, type Decimal } from "../core/money";
import type { RankedValues } from "./rankedValues";

/**
 * The size of the smallest set of top customers holding at least `share` of the total value:
 * the shortest prefix of the values in descending order whose sum reaches share × total.
 * Equal values are not kept together: the prefix stops as soon as the share is reached
 * (callers order ties by customer id). With a total ≤ 0 no set of customers holds a share of
 * it, so the head is empty.
 */
export function paretoHeadSize({ count, at: valueAt }: RankedValues, share: number): number {
  let total: Decimal = ZERO;
  for (let i = 0; i < count; i++) total = total.plus(valueAt(i));
  if (!total.gt(0)) return 0;
  const target = total.times(share);
  let sum: Decimal = ZERO;
  for (let i = 0; i < count; i++) {
    sum = sum.plus(valueAt(i));
    if (sum.gte(target)) return i + 1;
  }
  return count;
}
