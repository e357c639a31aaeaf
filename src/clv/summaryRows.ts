/**
 * The zod schema of a summary row, apart from the models' own reading of summary rows
 * (`./summaryInput`), so that code which only computes never loads zod.
 */
import * as z from "zod/mini";
import { lazySchema } from "../input/lazySchema";
import { MoneyInputSchema, objectError } from "../input/schemas";
import { receivedType } from "../input/rowIssues";
import { ABOVE_ZERO, AT_LEAST_ZERO, INT_TOO_BIG, INT_TOO_SMALL, NOT_AN_INT, RECENCY_AFTER_T, RECENCY_WITHOUT_REPEATS, expectedNumber } from "./summaryRowIssues";

export { readSummaryRows, type SummaryColumns, type SummaryInput, type SummaryRowInput } from "./summaryInput";

/**
 * One customer's summary computed elsewhere (a warehouse, DuckDB, Spark SQL): BTYD
 * `frequency` (repeat transactions), `recency` (first → last transaction, NOT asOf − last)
 * and `T` (first transaction → end of observation), all in one time unit, plus optional
 * mean repeat spend and a `weight` (how many identical customers the row stands for).
 * A zod/mini schema, built on first use; `readSummaryRows` gives the same issues without it.
 */
export const SummaryRowSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .object(
      {
        customerId: z.optional(z.string({ error: (issue) => `Invalid input: expected string, received ${receivedType(issue.input)}` })),
        frequency: z.int({ error: frequencyError }).check(z.minimum(0, { error: AT_LEAST_ZERO })),
        recency: z.number({ error: (issue) => expectedNumber(issue.input) }).check(z.minimum(0, { error: AT_LEAST_ZERO })),
        T: z.number({ error: (issue) => expectedNumber(issue.input) }).check(z.minimum(0, { error: AT_LEAST_ZERO })),
        monetaryValue: z.optional(MoneyInputSchema),
        weight: z.optional(z.number({ error: (issue) => expectedNumber(issue.input) }).check(z.positive({ error: ABOVE_ZERO }))),
      },
      { error: objectError },
    )
    .check(
      z.refine((row) => row.recency <= row.T, { path: ["recency"], error: RECENCY_AFTER_T }),
      z.refine((row) => row.frequency > 0 || row.recency === 0, { path: ["recency"], error: RECENCY_WITHOUT_REPEATS }),
    ),
);

/** zod's English messages for an integer field: not a number, not an integer, beyond the safe range. */
function frequencyError(issue: { readonly code?: string; readonly input?: unknown }): string {
  if (issue.code === "too_big") return INT_TOO_BIG;
  if (issue.code === "too_small") return INT_TOO_SMALL;
  return typeof issue.input === "number" && Number.isFinite(issue.input) ? NOT_AN_INT : expectedNumber(issue.input);
}
