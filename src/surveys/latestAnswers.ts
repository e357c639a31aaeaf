import { lowerBound } from "../core/search";
import type { SurveyColumns } from "../input/surveyColumns";
import { isUnhappy } from "./unhappyAnswer";

/** The customers who answered in a window, numbered densely, with the survey row of each one's latest answer. */
export interface LatestAnswers {
  /** Per customer number: the customer id. */
  readonly ids: readonly string[];
  /** Per customer number: the survey row of their latest answer in the window. */
  readonly rowOf: Int32Array;
  /** Answers in the window without a `customerId`. */
  readonly anonymous: number;
}

/**
 * Every customer's latest answer (of any kind) in `[from, to)`, in one pass over the rows in
 * the window only (the columns are sorted by time), looking each row's id up once. Answers at
 * the same instant are ranked so the result does not depend on row order: an unhappy one first,
 * then by kind (NPS, CSAT, CES), then the lower score.
 */
export function latestAnswers(surveys: SurveyColumns, from: number, to: number): LatestAnswers {
  const first = lowerBound(surveys.at, from);
  const last = lowerBound(surveys.at, to);
  const numberOf = new Map<string, number>();
  const ids: string[] = [];
  const rowOf = new Int32Array(last - first);
  let anonymous = 0;
  for (let k = first; k < last; k++) {
    const id = surveys.customerId[k];
    if (id === undefined) {
      anonymous++;
      continue;
    }
    const s = numberOf.get(id);
    if (s === undefined) {
      numberOf.set(id, ids.length);
      rowOf[ids.length] = k;
      ids.push(id);
      continue;
    }
    const held = rowOf[s]!;
    if (surveys.at[k]! > surveys.at[held]! || rank(surveys, k) < rank(surveys, held)) rowOf[s] = k;
  }
  return { ids, rowOf: rowOf.subarray(0, ids.length), anonymous };
}

/** Lower ranks win a tie in time. */
function rank(surveys: SurveyColumns, k: number): number {
  const kind = surveys.kind[k]!;
  const score = surveys.score[k]!;
  return (isUnhappy(kind, score) ? 0 : 256) + kind * 16 + score;
}
