import { describeValue } from "../input/describeValue";
import { shapeError } from "../input/errors";

/**
 * `value` itself when `looksRight(value)` holds; otherwise a `RetentionInputError` naming the
 * chart function and what it expects, as `readReport` answers a renderer given something else.
 *
 * @example
 * chartInput("survivalChart", null, "a survivalCurve result", (v) => Array.isArray(v?.points))
 * // throws RetentionInputError "input: survivalChart expects a survivalCurve result, found null"
 */
export function chartInput<T>(fn: string, value: unknown, expected: string, looksRight: (value: Record<string, unknown>) => boolean): T {
  if (typeof value !== "object" || value === null || !looksRight(value as Record<string, unknown>)) {
    throw shapeError([], "invalid_chart_input", `${fn} expects ${expected}, found ${describeValue(value)}`);
  }
  return value as T;
}

/**
 * Runs a chart's drawing on an input that passed `chartInput`. A result altered by hand (a
 * `Decimal` replaced by a string, a list by `null`) makes the drawing fail on a field it reads
 * with a `TypeError`; that is answered as what it is, a `RetentionInputError` naming the
 * function and what could not be read.
 *
 * @example
 * charting("rfmGridChart", "an rfmScores result", () => { throw new TypeError("x.toNumber is not a function"); })
 * // throws RetentionInputError "input: rfmGridChart could not read its input, which is not an rfmScores result as the library returns it (x.toNumber is not a function)"
 */
export function charting<T>(fn: string, expected: string, draw: () => T): T {
  try {
    return draw();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw shapeError([], "invalid_chart_input", `${fn} could not read its input, which is not ${expected} as the library returns it (${error.message})`);
  }
}

/** Whether `value` is an array (a readonly one included). */
export const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/** A finite number, or null for anything else (a chart's data never holds NaN). */
export const finiteOrNull = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
