/*
 * The zod (classic) schemas as they were before the library dropped zod from its validation
 * path: the reference that pins the issues (path, code, message) users see today.
 * Changed on purpose since (issue 12, items 6 and 12, and the docs' id length limit): customer and
 * order ids may not be longer than 10,000 characters; ids may not hold a NUL
 * character, a survey's customerId may not be blank, a quantity is a whole number ≥ 0, and
 * a money value refused for its length or exponent says which limit it broke.
 */
import { z } from "zod";
import { toEpochMs, type DateInput } from "../../src/core/time";
import { moneyTextRefusal, toPlainDecimalString } from "../../src/core/plainDecimal";
import type { MoneyInput } from "../../src/core/money";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number") return String(value);
  return typeof value;
}

/** A `Date`, an ISO-8601 string (UTC unless it has an offset) or finite epoch milliseconds. */
export const DateInputSchema = z.custom<DateInput>((value) => toEpochMs(value) !== null, {
  error: (issue) =>
    `expected a Date, an ISO-8601 date string or epoch milliseconds, found ${describe(issue.input)}`,
});

/** A finite amount: a decimal string, a finite number or a decimal.js `Decimal`. */
export const MoneyInputSchema = z.custom<MoneyInput>((value) => toPlainDecimalString(value) !== null, {
  error: (issue) => {
    const refusal = moneyTextRefusal(issue.input);
    return `expected a finite decimal amount (string, number or Decimal), found ${describe(issue.input)}${refusal === null ? "" : ` (${refusal})`}`;
  },
});

const CustomerIdSchema = z
  .string({ error: (issue) => `expected a customer id string, found ${describe(issue.input)}` })
  .refine((id) => id.trim().length > 0, { error: "expected a non-empty customer id" })
  .refine((id) => id.trim().length === 0 || !id.includes("\0"), { error: "expected a customer id without NUL characters" })
  .refine((id) => id.trim().length === 0 || id.includes("\0") || id.length <= 10_000, { error: "expected a customer id of at most 10,000 characters" });

const OptionalTextSchema = (what: string) =>
  z
    .string({ error: (issue) => `expected ${what} string, found ${describe(issue.input)}` })
    .min(1, { error: `expected a non-empty ${what}` })
    .optional();

/** A purchase row. A negative `amount` is a refund: it lowers revenue and is not an order. */
export const PurchaseSchema = z.object({
  customerId: CustomerIdSchema,
  at: DateInputSchema,
  amount: MoneyInputSchema,
  orderId: z
    .string({ error: (issue) => `expected order id string, found ${describe(issue.input)}` })
    .min(1, { error: "expected a non-empty order id" })
    .refine((id) => id.length === 0 || !id.includes("\0"), { error: "expected an order id without NUL characters" })
    .refine((id) => id.length === 0 || id.includes("\0") || id.length <= 10_000, { error: "expected an order id of at most 10,000 characters" })
    .optional(),
  cost: MoneyInputSchema.optional(),
  quantity: z
    .number({ error: (issue) => `expected a finite quantity, found ${describe(issue.input)}` })
    .finite()
    .refine((q) => Number.isSafeInteger(q) && q >= 0, { error: (issue) => `expected a whole quantity ≥ 0, found ${describe(issue.input)}` })
    .optional(),
  currency: OptionalTextSchema("currency code"),
  category: z
    .string({ error: (issue) => `expected category string, found ${describe(issue.input)}` })
    .min(1, { error: "expected a non-empty category" })
    .refine((label) => label.length === 0 || !label.includes("\0"), { error: "expected a category without NUL characters" })
    .refine((label) => label.length === 0 || label.includes("\0") || label.length <= 10_000, { error: "expected a category of at most 10,000 characters" })
    .optional(),
});

/** Event types the library understands; any other non-empty string is kept as a custom type. */
export const KNOWN_EVENT_TYPES = [
  "signup",
  "cancel",
  "reactivate",
  "appointment_booked",
  "appointment_kept",
  "appointment_missed",
  "service_visit",
  "complaint",
  "support_contact",
] as const;

/** A customer event such as `signup`, `cancel` or `service_visit`. */
export const CustomerEventSchema = z.object({
  customerId: CustomerIdSchema,
  at: DateInputSchema,
  type: z
    .string({ error: (issue) => `expected an event type string, found ${describe(issue.input)}` })
    .min(1, { error: "expected a non-empty event type" }),
});

/** Issue 14 added `kind`: the score is checked on its kind's scale; an unknown kind is the one issue. */
const surveyRow = (min: number, max: number, label: string, kind: z.ZodType) =>
  z.object({
    customerId: CustomerIdSchema.optional(),
    at: DateInputSchema,
    score: z
      .number({ error: (issue) => `expected a ${label}score from ${min} to ${max}, found ${describe(issue.input)}` })
      .int({ error: (issue) => `expected an integer ${label}score from ${min} to ${max}, found ${describe(issue.input)}` })
      .min(min, { error: (issue) => `expected a ${label}score from ${min} to ${max}, found ${describe(issue.input)}` })
      .max(max, { error: (issue) => `expected a ${label}score from ${min} to ${max}, found ${describe(issue.input)}` }),
    segment: z.string({ error: (issue) => `expected a segment string, found ${describe(issue.input)}` }).optional(),
    kind,
  });

/** A survey answer: NPS (0 to 10, the default), CSAT (1 to 5) or CES (1 to 7). */
export const SurveyResponseSchema = z.discriminatedUnion(
  "kind",
  [surveyRow(0, 10, "", z.literal("nps").optional()), surveyRow(1, 5, "CSAT ", z.literal("csat")), surveyRow(1, 7, "CES ", z.literal("ces"))],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `expected a survey kind "nps", "csat" or "ces", found ${describe((issue.input as { kind?: unknown }).kind)}`
        : `Invalid input: expected object, received ${issue.input === null ? "null" : Array.isArray(issue.input) ? "array" : typeof issue.input === "number" && !Number.isFinite(issue.input) ? String(issue.input) : typeof issue.input}`,
  },
);

/** `SummaryRowSchema` from src/clv/summaryRows.ts. */
export const SummaryRowSchema = z
  .object({
    customerId: z.string().optional(),
    frequency: z.number().int().min(0),
    recency: z.number().finite().min(0),
    T: z.number().finite().min(0),
    monetaryValue: MoneyInputSchema.optional(),
    weight: z.number().finite().positive().optional(),
  })
  .refine((row) => row.recency <= row.T, { path: ["recency"], error: "expected recency (first → last transaction) ≤ T (first transaction → end)" })
  .refine((row) => row.frequency > 0 || row.recency === 0, { path: ["recency"], error: "expected recency 0 when frequency is 0" });
