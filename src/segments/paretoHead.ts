import { Decimal, ZERO } from "../core/money";
import type { RankedValues } from "./rankedValues";

/**
 * The size of the smallest set of top customers holding at least `share` of the total value:
 * the shortest prefix of the values in descending order whose sum reaches share × total.
 * Equal values are not kept together: the prefix stops as soon as the share is reached
 * (callers order ties by customer id). With a total ≤ 0 no set of customers holds a share of
 * it, so the head is empty. On integer units the target share × total is exact (a Decimal),
 * and an integer sum reaches it exactly when it reaches its ceiling.
 */
export function paretoHeadSize(values: RankedValues, share: number): number {
  const { count, units } = values;
  if (units !== undefined) {
    let total = 0;
    for (let i = 0; i < count; i++) total += units.at(i);
    if (!(total > 0)) return 0;
    const target = new Decimal(total).times(share).ceil().toNumber();
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += units.at(i);
      if (sum >= target) return i + 1;
    }
    return count;
  }
  let total: Decimal = ZERO;
  for (let i = 0; i < count; i++) total = total.plus(values.at(i));
  if (!total.gt(0)) return 0;
  const target = total.times(share);
  let sum: Decimal = ZERO;
  for (let i = 0; i < count; i++) {
    sum = sum.plus(values.at(i));
    if (sum.gte(target)) return i + 1;
  }
  return count;
}
