import { SURVEY_KINDS, type SurveyKind } from "../input/surveyKinds";

/**
 * The highest score that counts as unhappy, per kind: an NPS detractor (0–6), a CSAT of 1–2,
 * a CES of 1–3 (the bottom of each scale, below its neutral middle).
 */
export const UNHAPPY_AT_MOST: Readonly<Record<SurveyKind, number>> = { nps: 6, csat: 2, ces: 3 };

const LIMITS = SURVEY_KINDS.map((kind) => UNHAPPY_AT_MOST[kind]);

/** True when `score` on the kind with code `kind` is an unhappy answer. */
export const isUnhappy = (kind: number, score: number): boolean => score <= LIMITS[kind]!;
