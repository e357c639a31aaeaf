import { toEpochMs } from "../core/time";
import { sortedOrder } from "./sortedOrder";
import type { SurveyResponse } from "./schemas";

/** Survey responses as columns, sorted by time. */
export interface SurveyColumns {
  readonly count: number;
  readonly at: Float64Array;
  readonly score: Uint8Array;
  readonly customerId: readonly (string | undefined)[];
  readonly segment: readonly (string | undefined)[];
  readonly sourceIndex: Uint32Array;
}

/** Reads validated survey rows into time-sorted columns. */
export function prepareSurveys(rows: readonly SurveyResponse[]): SurveyColumns {
  const n = rows.length;
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = toEpochMs(rows[i]!.at)!;
  const order = sortedOrder(at);
  const columns = {
    count: n,
    at: new Float64Array(n),
    score: new Uint8Array(n),
    customerId: new Array<string | undefined>(n),
    segment: new Array<string | undefined>(n),
    sourceIndex: order,
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const row = rows[i]!;
    columns.at[k] = at[i]!;
    columns.score[k] = row.score;
    columns.customerId[k] = row.customerId;
    columns.segment[k] = row.segment;
  }
  return columns;
}
