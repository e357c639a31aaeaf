import { ledgerFrom, type Ledger, type LedgerInput } from "../input/ledger";
import type { SurveyResponse } from "../input/schemas";
import type { SurveyColumns } from "../input/surveyColumns";
import type { ArrowTableLike } from "../input/tableLike";

/**
 * What the NPS functions accept: responses (rows or an Arrow-like table), `{ surveys }` (rows,
 * columns or a table), or a `Ledger` built with surveys.
 */
export type NpsInput = readonly SurveyResponse[] | ArrowTableLike | LedgerInput | Ledger;

/**
 * The validated, time-sorted survey columns of an NPS input; a bare array or table is surveys.
 *
 * @throws {RetentionInputError} for any other shape (null, a Map, an unknown key...) or invalid rows
 */
export function toSurveyColumns(input: NpsInput): SurveyColumns {
  return ledgerFrom(input, "surveys").surveys;
}
