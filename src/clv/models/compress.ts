import type { SummaryColumns } from "../summaryRows";

/** Distinct values of one column and, per row, the index of its value. */
export interface DistinctColumn {
  readonly values: Float64Array;
  readonly index: Uint32Array;
}

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

function distinct(column: Float64Array): DistinctColumn {
  const positions = new Map<number, number>();
  const index = new Uint32Array(column.length);
  const values: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let k = positions.get(v);
    if (k === undefined) {
      k = values.length;
      values.push(v);
      positions.set(v, k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
}

/** Merges identical rows (the order of rows does not change the result's sums). */
export function compressHistories(rows: SummaryColumns, keep: (i: number) => boolean = () => true): CompressedHistories {
  const byKey = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < rows.count; i++) {
    if (!keep(i)) continue;
    const key = `${rows.frequency[i]}|${rows.recency[i]}|${rows.T[i]}`;
    const w = rows.weight[i]!;
    totalWeight += w;
    const k = byKey.get(key);
    if (k !== undefined) {
      weight[k] = weight[k]! + w;
      continue;
    }
    byKey.set(key, x.length);
    x.push(rows.frequency[i]!);
    tx.push(rows.recency[i]!);
    T.push(rows.T[i]!);
    weight.push(w);
  }
  const columns = { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T) };
  return {
    count: x.length,
    ...columns,
    weight: Float64Array.from(weight),
    xs: distinct(columns.x),
    txs: distinct(columns.tx),
    Ts: distinct(columns.T),
    totalWeight,
  };
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
