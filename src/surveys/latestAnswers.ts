import { lowerBound } from "../core/search";
import type { SurveyColumns } from "../input/surveyColumns";
import { isUnhappy } from "./unhappyAnswer";

/** Each customer's latest answer in a window, as a row of the survey columns, and the answers without a customer. */
export interface LatestAnswers {
  readonly rowOf: Map<string, number>;
  readonly anonymous: number;
}

/**
 * Every customer's latest answer (of any kind) in `[from, to)`. Answers at the same instant are
 * ranked so the result does not depend on row order: an unhappy one first, then by kind (NPS,
 * CSAT, CES), then the lower score.
 */
export function latestAnswers(surveys: SurveyColumns, from: number, to: number): LatestAnswers {
  const rowOf = new Map<string, number>();
  let anonymous = 0;
  const last = lowerBound(surveys.at, to);
  for (let k = lowerBound(surveys.at, from); k < last; k++) {
    const id = surveys.customerId[k];
    if (id === undefined) {
      anonymous++;
      continue;
    }
    const held = rowOf.get(id);
    if (held === undefined || surveys.at[k]! > surveys.at[held]! || rank(surveys, k) < rank(surveys, held)) rowOf.set(id, k);
  }
  return { rowOf, anonymous };
}

/** Lower ranks win a tie in time. */
function rank(surveys: SurveyColumns, k: number): number {
  const kind = surveys.kind[k]!;
  const score = surveys.score[k]!;
  return (isUnhappy(kind, score) ? 0 : 256) + kind * 16 + score;
}
