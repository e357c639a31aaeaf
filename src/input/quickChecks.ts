import { toPlainDecimalString } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";
import { isRowObject } from "./rowIssues";

/*
 * Quick checks that accept exactly the rows the zod schemas accept, as booleans and without
 * allocating. Rows that fail one are explained by rowIssues.ts; property tests keep the
 * checks, the explanations and the schemas in agreement.
 */

const isRow = isRowObject;
const isId = (value: unknown): boolean => typeof value === "string" && value.trim().length > 0;
const isOptionalText = (value: unknown): boolean => value === undefined || (typeof value === "string" && value.length > 0);
const isMoney = (value: unknown): boolean => toPlainDecimalString(value) !== null;

export function isValidPurchase(row: unknown): boolean {
  return (
    isRow(row) &&
    isId(row.customerId) &&
    toEpochMs(row.at) !== null &&
    isMoney(row.amount) &&
    isOptionalText(row.orderId) &&
    (row.cost === undefined || isMoney(row.cost)) &&
    (row.quantity === undefined || (typeof row.quantity === "number" && Number.isFinite(row.quantity))) &&
    isOptionalText(row.currency)
  );
}

export function isValidEvent(row: unknown): boolean {
  return isRow(row) && isId(row.customerId) && toEpochMs(row.at) !== null && typeof row.type === "string" && row.type.length > 0;
}

export function isValidSurveyResponse(row: unknown): boolean {
  return (
    isRow(row) &&
    isOptionalText(row.customerId) &&
    toEpochMs(row.at) !== null &&
    typeof row.score === "number" &&
    Number.isInteger(row.score) &&
    row.score >= 0 &&
    row.score <= 10 &&
    (row.segment === undefined || typeof row.segment === "string")
  );
}
