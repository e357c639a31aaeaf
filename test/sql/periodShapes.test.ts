import { describe, expect, it } from "vitest";
import {
  churnRateFromFlags,
  cohortCountsSql,
  cohortRetentionFromCounts,
  npsByFromCounts,
  npsCountsSql,
  npsTrendFromCounts,
  retentionFlagsSql,
  retentionRateFromFlags,
  revenueRetentionFromFlags,
} from "retention-metrics/sql";
import { RetentionInputError, RetentionOptionsError } from "../../src/index";

/* Every query and finisher of cohorts, retention windows and NPS answers every bad shape with a typed error, never a TypeError. */

const BAD: readonly unknown[] = [null, undefined, 42, "x", true, [], new Map(), new Set(), () => ({}), { rows: [] }];
const isTyped = (error: unknown): boolean => error instanceof RetentionInputError || error instanceof RetentionOptionsError;

function typedError(call: () => unknown): void {
  let thrown: unknown = "returned";
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(isTyped(thrown), `expected a typed error, got ${String(thrown)}`).toBe(true);
}

const finishers: [string, (rows: never, options: never) => unknown, unknown][] = [
  ["cohortRetentionFromCounts", cohortRetentionFromCounts, { granularity: "month", asOf: "2024-03-01" }],
  ["retentionRateFromFlags", retentionRateFromFlags, { start: "2024-01-01", end: "2024-02-01" }],
  ["churnRateFromFlags", churnRateFromFlags, { start: "2024-01-01", end: "2024-02-01" }],
  ["revenueRetentionFromFlags", revenueRetentionFromFlags, { start: "2024-01-01", end: "2024-02-01" }],
  ["npsTrendFromCounts", npsTrendFromCounts, { granularity: "month" }],
  ["npsByFromCounts", npsByFromCounts, {}],
];
const queries: [string, (options: never) => string, Record<string, unknown>][] = [
  ["cohortCountsSql", cohortCountsSql, { dialect: "duckdb", table: "t", granularity: "month", asOf: "2024-03-01" }],
  ["retentionFlagsSql", retentionFlagsSql, { dialect: "duckdb", table: "t", start: "2024-01-01", end: "2024-02-01" }],
  ["npsCountsSql", npsCountsSql, { dialect: "duckdb", table: "t", granularity: "month" }],
];

describe("bad shapes get typed errors", () => {
  it.each(finishers)("%s: bad rows, bad options, a bad row inside", (_name, finish, options) => {
    for (const rows of BAD.filter((value) => !Array.isArray(value))) typedError(() => finish(rows as never, options as never));
    // npsByFromCounts needs no option: omitted options, or an object of other keys (a query's), are fine.
    for (const bad of BAD.filter((value) => finish !== npsByFromCounts || (value !== undefined && !(typeof value === "object" && value?.constructor === Object)))) typedError(() => finish([] as never, bad as never));
    for (const row of [null, 42, "x", [], new Map(), { __proto__: null }]) typedError(() => finish([row] as never, options as never));
  });

  it.each(queries)("%s: bad options, bad names, misspelled keys", (_name, query, good) => {
    expect(typeof query(good as never)).toBe("string");
    for (const bad of BAD) typedError(() => query(bad as never));
    for (const change of [{ dialect: "sqlite" }, { table: null }, { table: ["a", "b", "c", "d", "e"] }, { columns: [] }, { columns: { date: 5 } }, { tabel: "t" }]) {
      typedError(() => query({ ...good, ...change } as never));
    }
  });
});
