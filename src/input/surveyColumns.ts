import { toEpochMs } from "../core/time";
import { withCapacity } from "./growable";
import type { SurveyResponse } from "./schemas";
import { reorderColumns, reorderValues } from "./permute";
import { sortedOrder } from "./sortedOrder";

/** Survey responses as columns, sorted by time. */
export interface SurveyColumns {
  readonly count: number;
  readonly at: Float64Array;
  readonly score: Uint8Array;
  readonly customerId: readonly (string | undefined)[];
  readonly segment: readonly (string | undefined)[];
  readonly sourceIndex: Uint32Array;
}

/** Collects validated survey responses one at a time, then sorts them by time. */
export class SurveyAccumulator {
  count = 0;
  private at = new Float64Array(0);
  private score = new Uint8Array(0);
  private readonly customerId: (string | undefined)[] = [];
  private readonly segment: (string | undefined)[] = [];

  constructor(capacity = 0) {
    this.reserve(capacity);
  }

  add(row: SurveyResponse): void {
    const k = this.count;
    this.reserve(k + 1);
    this.at[k] = toEpochMs(row.at)!;
    this.score[k] = row.score;
    this.customerId.push(row.customerId);
    this.segment.push(row.segment);
    this.count = k + 1;
  }

  /** Sorts by time; the accumulator's buffers are reused for the result, so call it once. */
  finish(): SurveyColumns {
    const n = this.count;
    const order = sortedOrder(this.at.subarray(0, n));
    const [at] = reorderColumns(order, [this.at]);
    const [score] = reorderColumns(order, [this.score]);
    return {
      count: n,
      at: at!,
      score: score!,
      customerId: reorderValues(order, this.customerId),
      segment: reorderValues(order, this.segment),
      sourceIndex: order,
    };
  }

  private reserve(size: number): void {
    if (size <= this.at.length) return;
    this.at = withCapacity(this.at, size);
    this.score = withCapacity(this.score, size);
  }
}
