import { tableFromArrays } from "apache-arrow";
import { describe, expect, it } from "vitest";
import * as api from "retention-metrics";
import { NO_OPTIONS, NOT_DATA_FUNCTIONS, OPTIONS_FIRST, purchases, VALID_CALLS, VALID_FIRST_ARGUMENTS } from "./validCalls";

/*
 * Walks every export of the public module. Every function must answer every bad shape of
 * its first argument and of its options with a typed error, never a TypeError. A new export
 * is picked up automatically: a function is walked unless it is listed in NOT_DATA_FUNCTIONS,
 * and its options are walked once it is given a valid call in VALID_CALLS (both in
 * ./validCalls.ts; the test fails until it is).
 */

const wrongColumns = tableFromArrays({ client: ["a"], total: new Float64Array([1]) });
const BAD_SHAPES: readonly (readonly [string, unknown])[] = [
  ["null", null],
  ["undefined", undefined],
  ["42", 42],
  ['"x"', "x"],
  ["true", true],
  ["a Map", new Map([["purchases", purchases]])],
  ["a Set", new Set(purchases)],
  ["a function", () => purchases],
  ["{ purchase: [] }", { purchase: [] }],
  ["an Arrow table with wrong columns", wrongColumns],
  ["{ purchases: wrong-columns table }", { purchases: wrongColumns }],
  ["{ customerId: [1], at: [], amount: [] }", { purchases: { customerId: [1], at: [], amount: [] } }],
];
const BAD_OPTIONS: readonly (readonly [string, unknown])[] = [
  ["null", null],
  ["42", 42],
  ['"x"', "x"],
  ["an array", []],
  ["a Map", new Map()],
  ["a Set", new Set()],
  ["a function", () => ({})],
];

const functions = Object.entries(api).filter(([name, value]) => typeof value === "function" && !NOT_DATA_FUNCTIONS.has(name)) as [string, (...args: unknown[]) => unknown][];

/** The error `call` throws; fails when it returns or throws anything but a typed error. */
function typedError(call: () => unknown): Error {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected a typed error, but the call returned").toBeInstanceOf(Error);
  const isTyped = thrown instanceof api.RetentionInputError || thrown instanceof api.RetentionOptionsError || thrown instanceof api.ModelFitError;
  expect(isTyped, `expected a RetentionInputError, RetentionOptionsError or ModelFitError, got ${String(thrown)}`).toBe(true);
  return thrown as Error;
}

describe("every exported function answers every bad shape with a typed error", () => {
  it("knows how to call every data function", () => {
    const missing = functions.map(([name]) => name).filter((name) => !(name in VALID_CALLS));
    expect(missing, "add a valid call for each new export to VALID_CALLS (or list it in NOT_DATA_FUNCTIONS)").toEqual([]);
  });

  it("makes no valid call fail", () => {
    const failures: string[] = [];
    for (const [name, fn] of functions) {
      const args = VALID_CALLS[name];
      try {
        if (args !== undefined) fn(...args);
      } catch (error) {
        failures.push(`${name}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  describe.each(functions)("%s", (name, fn) => {
    it.each(OPTIONS_FIRST.has(name) ? BAD_OPTIONS : BAD_SHAPES)("first argument %s", (_, bad) => {
      if (VALID_FIRST_ARGUMENTS[name]?.includes(bad) === true) return;
      const rest = (VALID_CALLS[name] ?? []).slice(1);
      typedError(() => fn(bad, ...rest));
      typedError(() => fn(bad));
    });

    it.each(BAD_OPTIONS)("options %s", (_, bad) => {
      const args = VALID_CALLS[name];
      if (args === undefined || NO_OPTIONS.has(name)) return;
      const error = typedError(() => fn(...args.slice(0, -1), bad));
      expect(error).toBeInstanceOf(api.RetentionOptionsError);
    });
  });
});
