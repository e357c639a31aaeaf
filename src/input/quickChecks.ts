import { toPlainDecimalString } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { isNegativePlain, isRowObject } from "./rowIssues";
import { MAX_ID_LENGTH } from "./idLimits";
import { surveyScale } from "./surveyKinds";
import { isPointsType, isWholePoints } from "./pointsField";

/*
 * Quick checks that accept exactly the rows the zod schemas accept, as booleans and without
 * allocating. Rows that fail one are explained by rowIssues.ts; property tests keep the
 * checks, the explanations and the schemas in agreement.
 */

const isRow = isRowObject;
/** A customer id: not blank, no NUL character, at most `MAX_ID_LENGTH` long. */
export const isId = (value: unknown): value is string =>
  typeof value === "string" && value.trim().length > 0 && !value.includes("\0") && value.length <= MAX_ID_LENGTH;
export const isOptionalText = (value: unknown): value is string | undefined => value === undefined || (typeof value === "string" && value.length > 0);
/** An optional order id: non-empty, no NUL character, at most `MAX_ID_LENGTH` long. */
export const isOptionalOrderId = (value: unknown): value is string | undefined => value === undefined || (typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH && !value.includes("\0"));
/** An optional category: as an order id, non-empty, no NUL character, at most `MAX_ID_LENGTH` long. */
export const isOptionalCategory = isOptionalOrderId;
/** An optional quantity: a safe integer ≥ 0. */
export const isOptionalQuantity = (value: unknown): value is number | undefined => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
const isMoney = (value: unknown): boolean => toPlainDecimalString(value) !== null;

export function isValidPurchase(row: unknown): boolean {
  return (
    isRow(row) &&
    isId(row.customerId) &&
    toEpochMs(row.at) !== null &&
    isMoney(row.amount) &&
    isOptionalOrderId(row.orderId) &&
    (row.cost === undefined || isMoney(row.cost)) &&
    isOptionalQuantity(row.quantity) &&
    isOptionalText(row.currency) &&
    isOptionalCategory(row.category)
  );
}

export function isValidEvent(row: unknown): boolean {
  return (
    isRow(row) &&
    isId(row.customerId) &&
    toEpochMs(row.at) !== null &&
    typeof row.type === "string" &&
    row.type.length > 0 &&
    (row.points === undefined ? !isPointsType(row.type) : isWholePoints(row.points) && isPointsType(row.type))
  );
}

/** A cost row: `at`, an amount ≥ 0, and optional customer id, program, channel and currency. */
export function isValidCost(row: unknown): boolean {
  if (!isRow(row) || toEpochMs(row.at) === null || !(row.customerId === undefined || isId(row.customerId))) return false;
  const plain = toPlainDecimalString(row.amount);
  return plain !== null && !isNegativePlain(plain) && isOptionalText(row.program) && isOptionalText(row.channel) && isOptionalText(row.currency);
}

export function isValidSurveyResponse(row: unknown): boolean {
  if (!isRow(row)) return false;
  const scale = surveyScale(row.kind);
  return (
    scale !== null &&
    (row.customerId === undefined || isId(row.customerId)) &&
    toEpochMs(row.at) !== null &&
    typeof row.score === "number" &&
    Number.isInteger(row.score) &&
    row.score >= scale.min &&
    row.score <= scale.max &&
    (row.segment === undefined || typeof row.segment === "string")
  );
}
