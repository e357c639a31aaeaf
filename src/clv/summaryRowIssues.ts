import { isRowObject, moneyIssue, receivedType, type RowIssue } from "../input/rowIssues";

/*
 * What is wrong with a summary row, worked out by hand: the issues `SummaryRowSchema` gives
 * (zod's English messages for the plain number checks, ours for the rest), in its order.
 * test/input/rowIssues.test-prop.ts checks the two against each other.
 */

export const RECENCY_AFTER_T = "expected recency (first → last transaction) ≤ T (first transaction → end)";
export const RECENCY_WITHOUT_REPEATS = "expected recency 0 when frequency is 0";

type Found = { code: string; message: string; aborts?: boolean };

export const expectedNumber = (value: unknown): string => `Invalid input: expected number, received ${receivedType(value)}`;
export const AT_LEAST_ZERO = "Too small: expected number to be >=0";
export const ABOVE_ZERO = "Too small: expected number to be >0";
export const INT_TOO_BIG = `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`;
export const INT_TOO_SMALL = `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`;
export const NOT_AN_INT = "Invalid input: expected int, received number";

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function frequencyIssues(value: unknown): Found[] {
  if (!isFiniteNumber(value)) return [{ code: "invalid_type", message: expectedNumber(value), aborts: true }];
  if (!Number.isInteger(value)) return [{ code: "invalid_type", message: NOT_AN_INT, aborts: true }];
  const found: Found[] = [];
  if (value > Number.MAX_SAFE_INTEGER) found.push({ code: "too_big", message: INT_TOO_BIG });
  if (value < Number.MIN_SAFE_INTEGER) found.push({ code: "too_small", message: INT_TOO_SMALL });
  if (value < 0) found.push({ code: "too_small", message: AT_LEAST_ZERO });
  return found;
}

function nonNegativeIssues(value: unknown): Found[] {
  if (!isFiniteNumber(value)) return [{ code: "invalid_type", message: expectedNumber(value), aborts: true }];
  return value < 0 ? [{ code: "too_small", message: AT_LEAST_ZERO }] : [];
}

function weightIssues(value: unknown): Found[] {
  if (value === undefined) return [];
  if (!isFiniteNumber(value)) return [{ code: "invalid_type", message: expectedNumber(value), aborts: true }];
  return value > 0 ? [] : [{ code: "too_small", message: ABOVE_ZERO }];
}

function customerIdIssues(value: unknown): Found[] {
  if (value === undefined || typeof value === "string") return [];
  return [{ code: "invalid_type", message: `Invalid input: expected string, received ${receivedType(value)}`, aborts: true }];
}

function monetaryIssues(value: unknown): Found[] {
  const found = value === undefined ? null : moneyIssue(value);
  return found === null ? [] : [{ ...found, aborts: true }];
}

const FIELDS: readonly (readonly [string, (value: unknown) => Found[]])[] = [
  ["customerId", customerIdIssues],
  ["frequency", frequencyIssues],
  ["recency", nonNegativeIssues],
  ["T", nonNegativeIssues],
  ["monetaryValue", monetaryIssues],
  ["weight", weightIssues],
];

/**
 * What is wrong with a summary row (`[]` when nothing). The cross-field checks (recency ≤ T;
 * recency 0 without repeats) run only when every field has the right type, as in zod.
 */
export function summaryRowIssues(row: unknown): RowIssue[] {
  if (!isRowObject(row)) return [{ path: [], code: "invalid_type", message: `Invalid input: expected object, received ${receivedType(row)}` }];
  const issues: RowIssue[] = [];
  let typed = true;
  for (const [field, check] of FIELDS) {
    for (const found of check(row[field])) {
      if (found.aborts === true) typed = false;
      issues.push({ path: [field], code: found.code, message: found.message });
    }
  }
  if (!typed) return issues;
  const { frequency, recency, T } = row as { frequency: number; recency: number; T: number };
  if (!(recency <= T)) issues.push({ path: ["recency"], code: "custom", message: RECENCY_AFTER_T });
  if (!(frequency > 0 || recency === 0)) issues.push({ path: ["recency"], code: "custom", message: RECENCY_WITHOUT_REPEATS });
  return issues;
}
