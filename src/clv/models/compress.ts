import type { SummaryColumns } from "../summaryInput";
import { gather, mergeIdenticalRows, type DistinctColumn } from "./mergeIdentical";

export type { DistinctColumn } from "./mergeIdentical";

/**
 * Summary rows with identical (frequency, recency, T) merged into one weighted row, and
 * each column's distinct values indexed, so a likelihood evaluates log(α + T) once per
 * distinct T rather than once per customer.
 */
export interface CompressedHistories {
  readonly count: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xs: DistinctColumn;
  readonly txs: DistinctColumn;
  readonly Ts: DistinctColumn;
  readonly totalWeight: number;
}

/** Merges identical rows; the result is in ascending (x, tₓ, T) order, whatever the rows' order. */
export function compressHistories(rows: SummaryColumns): CompressedHistories {
  const kept = new Uint32Array(rows.count);
  let totalWeight = 0;
  for (let i = 0; i < rows.count; i++) {
    kept[i] = i;
    totalWeight += rows.weight[i]!;
  }
  const { first, weight, columns } = mergeIdenticalRows(kept, [rows.frequency, rows.recency, rows.T], rows.weight);
  const [xs, txs, Ts] = columns as [DistinctColumn, DistinctColumn, DistinctColumn];
  return { count: first.length, x: gather(rows.frequency, first), tx: gather(rows.recency, first), T: gather(rows.T, first), weight, xs, txs, Ts, totalWeight };
}

/**
 * A starting scale for the purchase-rate parameter (α, β): the mean observation time per
 * purchase, T̄ / max(x̄, 0.5), weighted by customers.
 */
export function meanTimePerPurchase(data: CompressedHistories): number {
  let meanT = 0;
  let meanX = 0;
  for (let i = 0; i < data.count; i++) {
    meanT += (data.weight[i]! * data.T[i]!) / data.totalWeight;
    meanX += (data.weight[i]! * data.x[i]!) / data.totalWeight;
  }
  return Math.max(meanT, 1e-6) / Math.max(meanX, 0.5);
}

/** The weight of the customers observed for some time (T > 0): a likelihood over T = 0 alone is flat, 1 at every parameter. */
export function observedWeight(data: CompressedHistories): number {
  let weight = 0;
  for (let i = 0; i < data.count; i++) if (data.T[i]! > 0) weight += data.weight[i]!;
  return weight;
}
