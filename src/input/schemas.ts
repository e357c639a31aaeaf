import * as z from "zod/mini";
import type { DateInput } from "../core/time";
import { toEpochMs } from "../core/time";
import { toPlainDecimalString } from "../core/plainDecimal";
import type { MoneyInput } from "../core/money";
import { lazySchema } from "./lazySchema";
import { DATE_MESSAGE, NUL_IN_ID_MESSAGE, POINTS_MESSAGE, QUANTITY_MESSAGE, costAmountIssue, describeValue, moneyMessage, receivedType } from "./rowIssues";
import { LONG_ID_MESSAGE, MAX_ID_LENGTH } from "./idLimits";
import { SURVEY_SCALES, kindMessage, type SurveyKind } from "./surveyKinds";
import { isWholePoints, pointsTypeMessage } from "./pointsField";
import type { KNOWN_EVENT_TYPES } from "./eventTypes";

/*
 * The exported zod schemas, for systems that validate at their own boundary. They are
 * zod/mini schemas (`parse`, `safeParse`, `z.infer` work; zod's chained methods do not),
 * built on first use (see `lazySchema`), and give the same issues as the library's own
 * checks in rowIssues.ts, which is what `createLedger` uses.
 */

/** The object-level message of zod's English locale, so a non-object row reads as before. */
export const objectError = (issue: { readonly input?: unknown }): string =>
  `Invalid input: expected object, received ${receivedType(issue.input)}`;

/** A `Date`, an ISO-8601 string (UTC unless it has an offset) or finite epoch milliseconds. */
export const DateInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.custom<DateInput>((value) => toEpochMs(value) !== null, {
    error: (issue) => `${DATE_MESSAGE} ${describeValue(issue.input)}`,
  }),
);

/** A finite amount: a decimal string, a finite number or a decimal.js `Decimal`. */
export const MoneyInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.custom<MoneyInput>((value) => toPlainDecimalString(value) !== null, {
    error: (issue) => moneyMessage(issue.input),
  }),
);

/** A customer id: not blank; no NUL character (reported only for an id that is not blank, as the hand-written check does). */
const customerId = () =>
  z
    .string({ error: (issue) => `expected a customer id string, found ${describeValue(issue.input)}` })
    .check(
      z.refine((id) => id.trim().length > 0, { error: "expected a non-empty customer id" }),
      z.refine((id) => id.trim().length === 0 || !id.includes("\0"), { error: NUL_IN_ID_MESSAGE("a customer id") }),
      z.refine((id) => id.trim().length === 0 || id.includes("\0") || id.length <= MAX_ID_LENGTH, { error: LONG_ID_MESSAGE("a customer id") }),
    );

const optionalText = (what: string) =>
  z.optional(
    z
      .string({ error: (issue) => `expected ${what} string, found ${describeValue(issue.input)}` })
      .check(z.minLength(1, { error: `expected a non-empty ${what}` })),
  );

/** An optional label such as an order id or a category: non-empty, no NUL character, at most `MAX_ID_LENGTH` long. */
const optionalLabel = (what: string, withArticle: string) =>
  z.optional(
    z
      .string({ error: (issue) => `expected ${what} string, found ${describeValue(issue.input)}` })
      .check(
        z.minLength(1, { error: `expected a non-empty ${what}` }),
        z.refine((label) => label.length === 0 || !label.includes("\0"), { error: NUL_IN_ID_MESSAGE(withArticle) }),
        z.refine((label) => label.length === 0 || label.includes("\0") || label.length <= MAX_ID_LENGTH, { error: LONG_ID_MESSAGE(withArticle) }),
      ),
  );

/** A purchase row. A negative `amount` is a refund: it lowers revenue and is not an order. */
export const PurchaseSchema = /* @__PURE__ */ lazySchema(() =>
  z.object(
    {
      customerId: customerId(),
      at: DateInputSchema,
      amount: MoneyInputSchema,
      orderId: optionalLabel("order id", "an order id"),
      cost: z.optional(MoneyInputSchema),
      quantity: z.optional(
        z
          .number({ error: (issue) => `expected a finite quantity, found ${describeValue(issue.input)}` })
          .check(z.refine((q) => Number.isSafeInteger(q) && q >= 0, { error: (issue) => `${QUANTITY_MESSAGE} ${describeValue(issue.input)}` })),
      ),
      currency: optionalText("currency code"),
      category: optionalLabel("category", "a category"),
    },
    { error: objectError },
  ),
);

/**
 * A customer event such as `signup`, `cancel` or `service_visit`. `points_earned`,
 * `points_redeemed` and `points_expired` carry `points` (a whole number ≥ 0); other events do not.
 */
export const CustomerEventSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .object(
      {
        customerId: customerId(),
        at: DateInputSchema,
        type: z
          .string({ error: (issue) => `expected an event type string, found ${describeValue(issue.input)}` })
          .check(z.minLength(1, { error: "expected a non-empty event type" })),
        points: z.optional(
          z
            .number({ error: (issue) => `expected a finite number of points, found ${describeValue(issue.input)}` })
            .check(z.refine(isWholePoints, { error: (issue) => `${POINTS_MESSAGE} ${describeValue(issue.input)}` })),
        ),
      },
      { error: objectError },
    )
    .check(
      z.refine((row) => pointsTypeMessage(row.type, row.points) === null, {
        path: ["points"],
        when: (payload) => payload.issues.length === 0,
        error: (issue) => pointsTypeMessage((issue.input as { type: string }).type, (issue.input as { points?: unknown }).points) ?? "",
      }),
    ),
);

/** The score's messages on a scale: "integer" when a finite number is not a safe integer. */
const scoreSchema = ({ min, max, label }: (typeof SURVEY_SCALES)[SurveyKind]) => {
  const scoreError = (issue: { readonly input?: unknown }): string => {
    const finite = typeof issue.input === "number" && Number.isFinite(issue.input);
    return `expected ${finite ? `an integer ${label}score` : `a ${label}score`} from ${min} to ${max}, found ${describeValue(issue.input)}`;
  };
  const rangeError = (issue: { readonly input?: unknown }): string => `expected a ${label}score from ${min} to ${max}, found ${describeValue(issue.input)}`;
  return z.int({ error: scoreError }).check(z.minimum(min, { error: rangeError }), z.maximum(max, { error: rangeError }));
};

const surveyObject = <K extends z.ZodMiniType>(scale: (typeof SURVEY_SCALES)[SurveyKind], kind: K) =>
  z.object(
    {
      customerId: z.optional(customerId()),
      at: DateInputSchema,
      score: scoreSchema(scale),
      segment: z.optional(z.string({ error: (issue) => `expected a segment string, found ${describeValue(issue.input)}` })),
      kind,
    },
    { error: objectError },
  );

/**
 * A survey answer: `kind` `"nps"` (the default; "How likely are you to recommend us?", an
 * integer from 0 to 10), `"csat"` (1–5) or `"ces"` (1–7); the score is checked on its kind's scale.
 */
export const SurveyResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion(
    "kind",
    [
      surveyObject(SURVEY_SCALES.nps, z.optional(z.literal("nps"))),
      surveyObject(SURVEY_SCALES.csat, z.literal("csat")),
      surveyObject(SURVEY_SCALES.ces, z.literal("ces")),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union" ? kindMessage(describeValue((issue.input as { kind?: unknown } | undefined)?.kind)) : objectError(issue),
    },
  ),
);

/**
 * A retention cost row: `amount` ≥ 0 in the purchases' currency; without `customerId` it is a
 * program-level cost (docs/programs.md, "Retention spend").
 */
export const CostSchema = /* @__PURE__ */ lazySchema(() =>
  z.object(
    {
      customerId: z.optional(customerId()),
      at: DateInputSchema,
      amount: z.custom<MoneyInput>((value) => costAmountIssue(value) === null, { error: (issue) => costAmountIssue(issue.input)!.message }),
      program: optionalText("program"),
      channel: optionalText("channel"),
      currency: optionalText("currency code"),
    },
    { error: objectError },
  ),
);

/** A purchase: who bought, when, and for how much (`amount` < 0 is a refund). */
export interface Purchase {
  readonly customerId: string;
  readonly at: DateInput;
  readonly amount: MoneyInput;
  readonly orderId?: string | undefined;
  readonly cost?: MoneyInput | undefined;
  readonly quantity?: number | undefined;
  readonly currency?: string | undefined;
  /** What was bought, for cross-sell breadth (`categoryBreadth`): a non-empty label such as `"shoes"`. */
  readonly category?: string | undefined;
}

/** Known event types; other strings are allowed as custom types. */
export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

/** Something that happened to a customer: a signup, a cancellation, a visit... */
export interface CustomerEvent {
  readonly customerId: string;
  readonly at: DateInput;
  readonly type: KnownEventType | (string & {});
  /** Points of a `points_earned`, `points_redeemed` or `points_expired` event: a whole number ≥ 0; absent on other events. */
  readonly points?: number | undefined;
}

/**
 * A survey answer: by default a Net Promoter answer, an integer from 0 to 10; with `kind`
 * `"csat"` an integer from 1 to 5, with `"ces"` an integer from 1 to 7.
 */
export interface SurveyResponse {
  readonly customerId?: string | undefined;
  readonly at: DateInput;
  readonly score: number;
  readonly segment?: string | undefined;
  /** The survey the answer belongs to (default `"nps"`). */
  readonly kind?: SurveyKind | undefined;
}

/**
 * What was spent on keeping customers (a reminder, a card, a gift, a call): `amount` ≥ 0, in the
 * purchases' currency. With `customerId` it is that customer's cost; without it, a program-level
 * cost that `retentionSpend` allocates (docs/programs.md).
 */
export interface Cost {
  readonly at: DateInput;
  readonly amount: MoneyInput;
  readonly customerId?: string | undefined;
  readonly program?: string | undefined;
  readonly channel?: string | undefined;
  readonly currency?: string | undefined;
}
