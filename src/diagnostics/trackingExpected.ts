import { checkBucketCount } from "../core/bucketIndex";
import { bgNbdExpectedPurchases } from "../clv/models/bgNbdPredictions";
import { mbgNbdExpectedPurchases } from "../clv/models/mbgNbdMath";
import type { BgNbdModel, ParetoNbdModel, TransactionModel } from "../clv/models/modelTypes";
import { paretoNbdExpectedPurchases } from "../clv/models/paretoNbdMath";
import { nonNegativeResult } from "../clv/models/readModel";

const DAY_MS = 86_400_000;

/** The most (entry day × period) products one tracking series may sum: a few hundred ms at worst. */
export const MAX_TRACKING_CELLS = 50_000_000;

/**
 * Expected cumulative repeat transactions at each boundary: Σ over entry days d before the
 * boundary b of n_d · E[X((b − d) / unit)], E[X(t)] being the model's expected purchases of a
 * new customer (`expectedPurchases`), as BTYD's `bgnbd.ExpectedCumulativeTransactions`.
 * Customers are grouped by entry day, and E[X] is evaluated once per distinct elapsed time
 * (whole days, memoised), so the cost is one model evaluation per distinct (boundary − entry
 * day), at most the days spanned, plus one multiply-add per (entry day with entries, boundary).
 *
 * @throws {RetentionOptionsError} (option `granularity`) over `MAX_TRACKING_CELLS` products
 */
export function expectedCumulative(fit: TransactionModel, unitMs: number, originDay: number, entriesByDay: Float64Array, bounds: Float64Array): Float64Array {
  const curve = expectedCurve(fit);
  const entryDays: number[] = [];
  for (let d = 0; d < entriesByDay.length; d++) if (entriesByDay[d]! > 0) entryDays.push(d);
  checkBucketCount("granularity", entryDays.length * bounds.length, "entry-day × period products", MAX_TRACKING_CELLS, "use a coarser granularity or a shorter span");
  const origin = originDay * DAY_MS;
  const memo = new Float64Array(entriesByDay.length + 1).fill(Number.NaN);
  const cumulative = new Float64Array(bounds.length);
  for (let k = 0; k < bounds.length; k++) {
    const offset = (bounds[k]! - origin) / DAY_MS;
    const whole = Number.isInteger(offset);
    let sum = 0;
    for (const d of entryDays) {
      const elapsed = offset - d;
      if (elapsed <= 0) break;
      let value: number;
      if (whole) {
        value = memo[elapsed]!;
        if (Number.isNaN(value)) value = memo[elapsed] = curve((elapsed * DAY_MS) / unitMs);
      } else {
        value = curve((elapsed * DAY_MS) / unitMs);
      }
      sum += entriesByDay[d]! * value;
    }
    cumulative[k] = sum;
  }
  return cumulative;
}

/** E[X(t)] of the fitted model, checked finite and ≥ 0. */
function expectedCurve(fit: TransactionModel): (t: number) => number {
  if (fit.model === "mbg-nbd") {
    const params = fit.params;
    return (t) => nonNegativeResult(mbgNbdExpectedPurchases(params, t), "trackingSeries");
  }
  if (fit.model === "bg-nbd") {
    const params = (fit as BgNbdModel).params;
    return (t) => nonNegativeResult(bgNbdExpectedPurchases(params, t), "trackingSeries");
  }
  const params = (fit as ParetoNbdModel).params;
  return (t) => nonNegativeResult(paretoNbdExpectedPurchases(params, t), "trackingSeries");
}
