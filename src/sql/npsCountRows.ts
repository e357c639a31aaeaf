import * as z from "zod/mini";
import { countField, instantField, parseAggregateRows } from "./aggregateRows";
import { rowError } from "./rowError";

/** One row of `npsCountsSql`, as the driver returned it. */
export interface NpsCountRow {
  /** With `granularity`: the bucket's start. */
  readonly period_start?: Date | string | null | undefined;
  /** With `by`: the segment or customer id, `null` for answers without one. */
  readonly group_key?: string | number | bigint | null | undefined;
  readonly promoters: number | bigint | string;
  readonly passives: number | bigint | string;
  readonly detractors: number | bigint | string;
  readonly other_scores: number | bigint | string;
}

/** A group key as text: a string (empty allowed, as a segment may be), or a number or bigint in decimal. */
const groupField = z.pipe(
  z.union([z.string(), z.number(), z.bigint()]),
  z.transform((value, context) => {
    if (typeof value !== "number" || Number.isFinite(value)) return String(value);
    context.issues.push({ code: "custom", input: value, message: "expected a group key (text or a finite number)" });
    return z.NEVER;
  }),
);

const NpsCountRowSchema = z.object({
  period_start: z.optional(z.nullable(instantField)),
  group_key: z.optional(z.nullable(groupField)),
  promoters: countField,
  passives: countField,
  detractors: countField,
  other_scores: countField,
});

/** A row read: counts as numbers, the bucket start as epoch ms. */
export type ReadNpsCountRow = z.infer<typeof NpsCountRowSchema>;

/**
 * Validates the rows of `npsCountsSql`: a `RetentionInputError` naming `rows[i].field` for a bad
 * value, and for a row counting answers whose score is not a whole number 0–10 (`nps` refuses
 * such an answer too).
 *
 * @example
 * readNpsCountRows([{ promoters: "2", passives: 1, detractors: 1n, other_scores: 0 }])
 * //=> [{ promoters: 2, passives: 1, detractors: 1, other_scores: 0 }]
 */
export function readNpsCountRows(rows: readonly NpsCountRow[]): ReadNpsCountRow[] {
  const parsed = parseAggregateRows(rows, NpsCountRowSchema);
  parsed.forEach((row, index) => {
    if (row.other_scores > 0) {
      throw rowError(index, "other_scores", `${row.other_scores} NPS answer(s) whose score is not a whole number from 0 to 10 (or is NULL); fix them in the table`);
    }
  });
  return parsed;
}
