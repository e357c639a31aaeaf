/** The kinds of survey answer the ledger holds; a kind's code in `SurveyColumns.kind` is its index here. */
export const SURVEY_KINDS = ["nps", "csat", "ces"] as const;

/** `"nps"` (0–10, the default), `"csat"` (1–5) or `"ces"` (1–7). */
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The score scale of each kind: the lowest and highest answer, and the word messages use ("" for NPS, whose messages predate kinds). */
export const SURVEY_SCALES: Readonly<Record<SurveyKind, { readonly min: number; readonly max: number; readonly label: string }>> = {
  nps: { min: 0, max: 10, label: "" },
  csat: { min: 1, max: 5, label: "CSAT " },
  ces: { min: 1, max: 7, label: "CES " },
};

/** Codes of the kinds in `SurveyColumns.kind`. */
export const NPS_KIND = 0;
export const CSAT_KIND = 1;
export const CES_KIND = 2;

/** The scale of a row's `kind` (absent is NPS), or `null` when it is not a known kind. */
export function surveyScale(kind: unknown): (typeof SURVEY_SCALES)[SurveyKind] | null {
  if (kind === undefined || kind === "nps") return SURVEY_SCALES.nps;
  if (kind === "csat") return SURVEY_SCALES.csat;
  if (kind === "ces") return SURVEY_SCALES.ces;
  return null;
}

/** The message for a `kind` that is not one of `SURVEY_KINDS`. */
export const kindMessage = (found: string): string => `expected a survey kind "nps", "csat" or "ces", found ${found}`;
