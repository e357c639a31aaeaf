import { toEpochMs } from "../core/time";
import { withCapacity } from "./growable";
import type { SurveyResponse } from "./schemas";
import { reorderColumns, reorderValues } from "./permute";
import { sortedOrder } from "./sortedOrder";
import { CES_KIND, CSAT_KIND, NPS_KIND } from "./surveyKinds";

/** Survey responses as columns, sorted by time. */
export interface SurveyColumns {
  readonly count: number;
  readonly at: Float64Array;
  readonly score: Uint8Array;
  readonly customerId: readonly (string | undefined)[];
  readonly segment: readonly (string | undefined)[];
  /** The answer's kind: 0 NPS, 1 CSAT, 2 CES (its index in `SURVEY_KINDS`). */
  readonly kind: Uint8Array;
  readonly sourceIndex: Uint32Array;
}

/** Collects validated survey responses one at a time, then sorts them by time. */
export class SurveyAccumulator {
  count = 0;
  private at = new Float64Array(0);
  private score = new Uint8Array(0);
  private kind = new Uint8Array(0);
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
    this.kind[k] = row.kind === "csat" ? CSAT_KIND : row.kind === "ces" ? CES_KIND : NPS_KIND;
    this.customerId.push(row.customerId);
    this.segment.push(row.segment);
    this.count = k + 1;
  }

  /** Sorts by time; the accumulator's buffers are reused for the result, so call it once. */
  finish(): SurveyColumns {
    const n = this.count;
    const order = sortedOrder(this.at.subarray(0, n));
    const [at] = reorderColumns(order, [this.at]);
    const [score, kind] = reorderColumns(order, [this.score, this.kind]);
    return {
      count: n,
      at: at!,
      score: score!,
      customerId: reorderValues(order, this.customerId),
      segment: reorderValues(order, this.segment),
      kind: kind!,
      sourceIndex: order,
    };
  }

  private reserve(size: number): void {
    if (size <= this.at.length) return;
    this.at = withCapacity(this.at, size);
    this.score = withCapacity(this.score, size);
    this.kind = withCapacity(this.kind, size);
  }
}
