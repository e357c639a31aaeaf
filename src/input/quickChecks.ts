import { toPlainDecimalString } from "../core/plainDecimal";
import { toEpochMs } from "../core/time";

/*
 * Quick checks that accept exactly the rows the zod schemas accept, without building
 * zod's result objects. Rows that fail a quick check are parsed by the schema, which
 * explains what is wrong; a property test keeps the two in agreement.
 */

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);
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
