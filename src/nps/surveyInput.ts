import { createLedger, isLedger, type Ledger, type LedgerInput } from "../input/ledger";
import type { SurveyResponse } from "../input/schemas";
import type { SurveyColumns } from "../input/surveyColumns";

/** What the NPS functions accept: responses, `{ surveys }`, or a `Ledger` built with surveys. */
export type NpsInput = readonly SurveyResponse[] | LedgerInput | Ledger;

/** The validated, time-sorted survey columns of an NPS input. */
export function toSurveyColumns(input: NpsInput): SurveyColumns {
  if (isLedger(input)) return input.surveys;
  if (Array.isArray(input)) return createLedger({ surveys: input as readonly SurveyResponse[] }).surveys;
  return createLedger(input as LedgerInput).surveys;
}
