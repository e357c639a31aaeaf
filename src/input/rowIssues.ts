import { moneyTextRefusal, toPlainDecimalString } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { LONG_ID_MESSAGE, MAX_ID_LENGTH } from "./idLimits";
import { SURVEY_SCALES, kindMessage, surveyScale } from "./surveyKinds";
import { isWholePoints, pointsTypeMessage } from "./pointsField";

type SurveyScale = (typeof SURVEY_SCALES)[keyof typeof SURVEY_SCALES];

/*
 * What is wrong with a row, worked out by hand. The issues (path, code, message, in field
 * order) are the ones the zod schemas give for the same row, so errors read the same as
 * they always have while the ledger builder carries no zod; test/input/rowIssues.test-prop.ts
 * checks the two against each other.
 */

/** One problem with one row: the field path inside the row, a zod-style code, and a message. */
export interface RowIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

/** A problem with one field's value (the path is added by the row check), or `null` when it is fine. */
type FieldIssue = { readonly code: string; readonly message: string } | null;

/** A short description of a value for messages: `"abc"`, `12`, `null`, `an invalid Date`, `object`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number") return String(value);
  return typeof value;
}

/** The type name zod's English messages give for a value ("received null", "received NaN", …). */
export function receivedType(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? "number" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    if (proto !== Object.prototype && "constructor" in value && ctor) return String(ctor.name);
  }
  return typeof value;
}

/** True for what an object schema reads as a row: any non-null, non-array object. */
export const isRowObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const notAnObject = (row: unknown): RowIssue[] => [
  { path: [], code: "invalid_type", message: `Invalid input: expected object, received ${receivedType(row)}` },
];

export const DATE_MESSAGE = "expected a Date, an ISO-8601 date string or epoch milliseconds, found";
export const MONEY_MESSAGE = "expected a finite decimal amount (string, number or Decimal), found";

export function dateIssue(value: unknown): FieldIssue {
  return toEpochMs(value) !== null ? null : { code: "custom", message: `${DATE_MESSAGE} ${describeValue(value)}` };
}

/** The money message for a refused value; it names the text or exponent limit when that is what was broken. */
export function moneyMessage(value: unknown): string {
  const refusal = moneyTextRefusal(value);
  return `${MONEY_MESSAGE} ${describeValue(value)}${refusal === null ? "" : ` (${refusal})`}`;
}

export function moneyIssue(value: unknown): FieldIssue {
  return toPlainDecimalString(value) !== null ? null : { code: "custom", message: moneyMessage(value) };
}

export const NUL_IN_ID_MESSAGE = (what: string): string => `expected ${what} without NUL characters`;

/** A customer id: a string with something other than whitespace, and no NUL character. */
function customerIdIssue(value: unknown): FieldIssue {
  if (typeof value !== "string") return { code: "invalid_type", message: `expected a customer id string, found ${describeValue(value)}` };
  if (value.trim().length === 0) return { code: "custom", message: "expected a non-empty customer id" };
  if (value.includes("\0")) return { code: "custom", message: NUL_IN_ID_MESSAGE("a customer id") };
  return value.length > MAX_ID_LENGTH ? { code: "custom", message: LONG_ID_MESSAGE("a customer id") } : null;
}

/**
 * A non-empty string. As in zod, the length check also runs on a value of the wrong type
 * that has a `length` (an array, a function), so `[]` gets both issues.
 */
function nonEmptyTextIssues(value: unknown, typeMessage: string, emptyMessage: string): { code: string; message: string }[] {
  const found: { code: string; message: string }[] = [];
  if (typeof value !== "string") found.push({ code: "invalid_type", message: typeMessage });
  const length: unknown = value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
  if (length !== undefined && !((length as number) >= 1)) found.push({ code: "too_small", message: emptyMessage });
  return found;
}

const optionalTextIssue =
  (what: string) =>
  (value: unknown): { code: string; message: string }[] =>
    value === undefined ? [] : nonEmptyTextIssues(value, `expected ${what} string, found ${describeValue(value)}`, `expected a non-empty ${what}`);

/** An optional label such as an order id or a category: a non-empty string without NUL characters, at most `MAX_ID_LENGTH` long. */
const labelIssues =
  (what: string, withArticle: string) =>
  (value: unknown): { code: string; message: string }[] => {
    const found = optionalTextIssue(what)(value);
    if (found.length === 0 && typeof value === "string" && value.includes("\0")) found.push({ code: "custom", message: NUL_IN_ID_MESSAGE(withArticle) });
    else if (found.length === 0 && typeof value === "string" && value.length > MAX_ID_LENGTH) found.push({ code: "custom", message: LONG_ID_MESSAGE(withArticle) });
    return found;
  };

const orderIdIssues = labelIssues("order id", "an order id");

const optional =
  (check: (value: unknown) => FieldIssue) =>
  (value: unknown): FieldIssue =>
    value === undefined ? null : check(value);

export const QUANTITY_MESSAGE = "expected a whole quantity ≥ 0, found";

/** A quantity: a finite number that is a safe integer ≥ 0 (no negative or fractional counts). */
function quantityIssue(value: unknown): FieldIssue {
  if (!(typeof value === "number" && Number.isFinite(value))) return { code: "invalid_type", message: `expected a finite quantity, found ${describeValue(value)}` };
  return Number.isSafeInteger(value) && value >= 0 ? null : { code: "custom", message: `${QUANTITY_MESSAGE} ${describeValue(value)}` };
}

export const POINTS_MESSAGE = "expected whole points ≥ 0, found";

/** Points: a finite number that is a safe integer ≥ 0. */
function pointsIssue(value: unknown): FieldIssue {
  if (!(typeof value === "number" && Number.isFinite(value))) return { code: "invalid_type", message: `expected a finite number of points, found ${describeValue(value)}` };
  return isWholePoints(value) ? null : { code: "custom", message: `${POINTS_MESSAGE} ${describeValue(value)}` };
}

function eventTypeIssue(value: unknown): { code: string; message: string }[] {
  return nonEmptyTextIssues(value, `expected an event type string, found ${describeValue(value)}`, "expected a non-empty event type");
}

function segmentIssue(value: unknown): FieldIssue {
  return typeof value === "string" ? null : { code: "invalid_type", message: `expected a segment string, found ${describeValue(value)}` };
}

/**
 * An integer score on a scale (0–10 for NPS): a non-number or non-integer is one issue; an
 * integer beyond the safe range reports that and the scale bound it also breaks (zod's
 * `int()`, `min()`, `max()`).
 */
function scoreIssues(scale: SurveyScale): (value: unknown) => { code: string; message: string }[] {
  return (value) => {
    const range = `expected a ${scale.label}score from ${scale.min} to ${scale.max}, found ${describeValue(value)}`;
    if (typeof value !== "number" || !Number.isFinite(value)) return [{ code: "invalid_type", message: range }];
    const integer = `expected an integer ${scale.label}score from ${scale.min} to ${scale.max}, found ${describeValue(value)}`;
    if (!Number.isInteger(value)) return [{ code: "invalid_type", message: integer }];
    const issues: { code: string; message: string }[] = [];
    if (value > Number.MAX_SAFE_INTEGER) issues.push({ code: "too_big", message: integer });
    if (value < Number.MIN_SAFE_INTEGER) issues.push({ code: "too_small", message: integer });
    if (value < scale.min) issues.push({ code: "too_small", message: range });
    if (value > scale.max) issues.push({ code: "too_big", message: range });
    return issues;
  };
}

type FieldChecks = readonly (readonly [string, (value: unknown) => FieldIssue | { code: string; message: string }[]])[];

function rowIssues(row: unknown, fields: FieldChecks): RowIssue[] {
  if (!isRowObject(row)) return notAnObject(row);
  const issues: RowIssue[] = [];
  for (const [field, check] of fields) {
    const found = check(row[field]);
    if (found === null) continue;
    for (const issue of Array.isArray(found) ? found : [found]) issues.push({ path: [field], code: issue.code, message: issue.message });
  }
  return issues;
}

const PURCHASE_FIELDS: FieldChecks = [
  ["customerId", customerIdIssue],
  ["at", dateIssue],
  ["amount", moneyIssue],
  ["orderId", orderIdIssues],
  ["cost", optional(moneyIssue)],
  ["quantity", optional(quantityIssue)],
  ["currency", optionalTextIssue("currency code")],
  ["category", labelIssues("category", "a category")],
];

const EVENT_FIELDS: FieldChecks = [
  ["customerId", customerIdIssue],
  ["at", dateIssue],
  ["type", eventTypeIssue],
  ["points", optional(pointsIssue)],
];

export const NEGATIVE_COST_MESSAGE = "expected a cost ≥ 0 (a rebate lowers the cost it belongs to), found";

/** True when a plain decimal string is below zero (`-0` is zero). */
export const isNegativePlain = (plain: string): boolean => plain.startsWith("-") && /[1-9]/.test(plain);

/** A cost's amount: money that is not negative. */
export function costAmountIssue(value: unknown): FieldIssue {
  const plain = toPlainDecimalString(value);
  if (plain === null) return { code: "custom", message: moneyMessage(value) };
  return isNegativePlain(plain) ? { code: "custom", message: `${NEGATIVE_COST_MESSAGE} ${describeValue(value)}` } : null;
}

const COST_FIELDS: FieldChecks = [
  ["customerId", optional(customerIdIssue)],
  ["at", dateIssue],
  ["amount", costAmountIssue],
  ["program", optionalTextIssue("program")],
  ["channel", optionalTextIssue("channel")],
  ["currency", optionalTextIssue("currency code")],
];

const surveyFields = (scale: SurveyScale): FieldChecks => [
  ["customerId", optional(customerIdIssue)],
  ["at", dateIssue],
  ["score", scoreIssues(scale)],
  ["segment", optional(segmentIssue)],
];

const SURVEY_FIELDS = new Map(Object.values(SURVEY_SCALES).map((scale) => [scale, surveyFields(scale)]));

/** What is wrong with a purchase row (`[]` when nothing), as `PurchaseSchema` reports it. */
export const purchaseIssues = (row: unknown): RowIssue[] => rowIssues(row, PURCHASE_FIELDS);

/** What is wrong with a customer event row, as `CustomerEventSchema` reports it. */
export function eventIssues(row: unknown): RowIssue[] {
  const issues = rowIssues(row, EVENT_FIELDS);
  if (issues.length > 0) return issues;
  const message = pointsTypeMessage((row as { type: string }).type, (row as { points?: unknown }).points);
  return message === null ? issues : [{ path: ["points"], code: "custom", message }];
}

/** What is wrong with a cost row, as `CostSchema` reports it. */
export const costIssues = (row: unknown): RowIssue[] => rowIssues(row, COST_FIELDS);

/**
 * What is wrong with a survey response row, as `SurveyResponseSchema` reports it: the score is
 * checked on the scale of the row's `kind`; an unknown kind is the one issue (the scale, and so
 * the row, cannot be read).
 */
export function surveyIssues(row: unknown): RowIssue[] {
  if (!isRowObject(row)) return notAnObject(row);
  const scale = surveyScale(row.kind);
  if (scale === null) return [{ path: ["kind"], code: "invalid_union", message: kindMessage(describeValue(row.kind)) }];
  return rowIssues(row, SURVEY_FIELDS.get(scale)!);
}

/*
 * How many issues a row has, without building them: what the builder counts once it has kept
 * the first 100 issues, so a million invalid rows cost about what valid ones do. Each count
 * equals the length of the matching list above (test/input/issueCounts.test-prop.ts).
 */

const isText = (value: unknown): value is string => typeof value === "string";
const lengthOf = (value: unknown): unknown => (value === null || value === undefined ? undefined : (value as { length?: unknown }).length);

/** Issues of a non-empty text field: wrong type, and (as zod) too short even when the type is wrong. */
function nonEmptyTextCount(value: unknown): number {
  const length = lengthOf(value);
  return (isText(value) ? 0 : 1) + (length !== undefined && !((length as number) >= 1) ? 1 : 0);
}

const optionalTextCount = (value: unknown): number => (value === undefined ? 0 : nonEmptyTextCount(value));
const customerIdCount = (value: unknown): number => (customerIdIssue(value) === null ? 0 : 1);
const dateCount = (value: unknown): number => (toEpochMs(value) === null ? 1 : 0);
const moneyCount = (value: unknown): number => (toPlainDecimalString(value) === null ? 1 : 0);
const quantityCount = (value: unknown): number => (value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0) ? 0 : 1);

function orderIdCount(value: unknown): number {
  const count = optionalTextCount(value);
  if (count === 0 && isText(value) && (value.includes("\0") || value.length > MAX_ID_LENGTH)) return 1;
  return count;
}

function scoreCount(value: unknown, scale: SurveyScale): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !Number.isInteger(value)) return 1;
  return Number(value > Number.MAX_SAFE_INTEGER) + Number(value < Number.MIN_SAFE_INTEGER) + Number(value < scale.min) + Number(value > scale.max);
}

/** The number of issues `purchaseIssues(row)` gives. */
export function countPurchaseIssues(row: unknown): number {
  if (!isRowObject(row)) return 1;
  return (
    customerIdCount(row.customerId) +
    dateCount(row.at) +
    moneyCount(row.amount) +
    orderIdCount(row.orderId) +
    (row.cost === undefined ? 0 : moneyCount(row.cost)) +
    quantityCount(row.quantity) +
    optionalTextCount(row.currency) +
    orderIdCount(row.category)
  );
}

/** The number of issues `eventIssues(row)` gives. */
export function countEventIssues(row: unknown): number {
  if (!isRowObject(row)) return 1;
  const count = customerIdCount(row.customerId) + dateCount(row.at) + nonEmptyTextCount(row.type) + (row.points === undefined || isWholePoints(row.points) ? 0 : 1);
  return count === 0 && pointsTypeMessage(row.type as string, row.points) !== null ? 1 : count;
}

/** The number of issues `surveyIssues(row)` gives. */
export function countSurveyIssues(row: unknown): number {
  if (!isRowObject(row)) return 1;
  const scale = surveyScale(row.kind);
  if (scale === null) return 1;
  return (
    (row.customerId === undefined ? 0 : customerIdCount(row.customerId)) +
    dateCount(row.at) +
    scoreCount(row.score, scale) +
    (row.segment === undefined || typeof row.segment === "string" ? 0 : 1)
  );
}

/** The number of issues `costIssues(row)` gives. */
export function countCostIssues(row: unknown): number {
  if (!isRowObject(row)) return 1;
  return (
    (row.customerId === undefined ? 0 : customerIdCount(row.customerId)) +
    dateCount(row.at) +
    (costAmountIssue(row.amount) === null ? 0 : 1) +
    optionalTextCount(row.program) +
    optionalTextCount(row.channel) +
    optionalTextCount(row.currency)
  );
}
