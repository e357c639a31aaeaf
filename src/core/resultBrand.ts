/*
 * A mark on the library's own results, so a function handed one back can tell it from a
 * look-alike object: a non-enumerable symbol property (JSON, spreads and `Object.keys` never
 * see it), set on a result that is frozen with its rows, so nothing can change it afterwards.
 */

const RESULT = Symbol.for("retention-metrics.result");

/** The kinds of result that are branded. */
export type ResultKind = "customerSummary" | "calibrationHoldoutSummary";

/**
 * Freezes `result`, its `customers` array and each row, and brands it as `kind`.
 *
 * @example
 * const summary = brandResult({ customers: [{ frequency: 1 }], timeUnit: "week" }, "customerSummary");
 * isBrandedResult(summary, "customerSummary") //=> true
 */
export function brandResult<T extends { readonly customers: readonly object[] }>(result: T, kind: ResultKind): T {
  for (const row of result.customers) Object.freeze(row);
  Object.freeze(result.customers);
  Object.defineProperty(result, RESULT, { value: kind, enumerable: false });
  return Object.freeze(result);
}

/**
 * True when `value` is a result that `brandResult` marked as one of `kinds` and that is still
 * frozen (a copy, or an object that merely looks the same, is not).
 *
 * @example
 * isBrandedResult({ customers: [], timeUnit: "week" }, ["customerSummary"]) //=> false
 */
export function isBrandedResult(value: unknown, kinds: readonly ResultKind[]): boolean {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return false;
  const kind = (value as { [RESULT]?: unknown })[RESULT];
  return typeof kind === "string" && (kinds as readonly string[]).includes(kind) && Object.isFrozen((value as { customers?: unknown }).customers);
}
