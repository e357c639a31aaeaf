import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortCountsSql, cohortRetentionFromCounts, quoteIdentifier, type CohortCountsSqlOptions } from "retention-metrics/sql";
import { cohortRetention, RetentionInputError, RetentionOptionsError, type CohortRetentionOptions, type Granularity, type Purchase } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, HOSTILE_NAMES, PARSED_DIALECTS } from "./parseDialect";
import { sqlAsOf, sqlPurchases } from "./periodLedgers";

type Calendar = Pick<CohortRetentionOptions, "granularity" | "asOf" | "weekStartsOn" | "from" | "to">;
const variants = [{}, { mode: "return-on-or-after" }, { measure: "revenue" }, { interval: 0.95 }] as const;

/** Runs the query on `engine` and checks every measure and mode against `cohortRetention`. */
async function expectSameTable(engine: SqlEngine, purchases: readonly Purchase[], calendar: Calendar): Promise<void> {
  const rows = await engine.rows(cohortCountsSql({ dialect: engine.dialect, table: "purchases", ...calendar } as CohortCountsSqlOptions));
  for (const variant of variants) {
    const options = { ...calendar, ...variant } as CohortRetentionOptions;
    const expected = cohortRetention(purchases, options);
    expect(cohortRetentionFromCounts(rows as never, options)).toEqual(expected);
    expect(cohortRetentionFromCounts([...rows].reverse() as never, options)).toEqual(expected); // row order does not matter
  }
}

describe.each(["duckdb", "postgres"] as const)("cohortCountsSql on %s equals cohortRetention", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  }, 120_000);
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("on the CDNOW sample, every granularity", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const purchases = cdnowPurchases();
    await engine.loadPurchases("purchases", purchases);
    const calendars: Calendar[] = [
      { granularity: "day", asOf: "1997-04-10" },
      { granularity: "week", asOf: "1997-09-30" },
      { granularity: "week", asOf: "1998-07-01T12:00:00Z", weekStartsOn: 0 },
      { granularity: "month", asOf: "1998-07-01" },
      { granularity: "month", asOf: "1997-09-30", from: "1997-02-01", to: "1997-03-15" },
      { granularity: "quarter", asOf: "1998-06-30T23:59:59.999Z" },
      { granularity: "year", asOf: "1999-01-01" },
    ];
    for (const calendar of calendars) await expectSameTable(engine, purchases, calendar);
  });

  it("on generated ledgers: refunds, same-day orders, boundary ties, hostile ids", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const running = engine;
    const granularity = fc.constantFrom<Granularity>("day", "week", "month", "quarter", "year");
    const weekStartsOn = fc.constantFrom(0, 1, 3, 6) as fc.Arbitrary<0 | 1 | 3 | 6>;
    await fc.assert(
      fc.asyncProperty(sqlPurchases, granularity, weekStartsOn, sqlAsOf, fc.option(fc.tuple(sqlAsOf, sqlAsOf)), async (purchases, g, ws, asOf, range) => {
        await running.loadPurchases("purchases", purchases);
        const window = range === null || range[0] === range[1] ? {} : { from: Math.min(...range), to: Math.max(...range) };
        await expectSameTable(running, purchases, { granularity: g, asOf, weekStartsOn: ws, ...window });
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it("reads a table and columns whose names hold quotes and semicolons", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const purchases = cdnowPurchases().slice(0, 300);
    await engine.loadPurchases("purchases", purchases);
    const dialect = engine.dialect;
    const q = (name: string): string => quoteIdentifier(dialect, name, "name");
    const names = { table: 'we"ird; DROP TABLE purchases; --', customerId: "it's", date: "__proto__", amount: "a`b;c" };
    await engine.run(`DROP TABLE IF EXISTS ${q(names.table)}`);
    await engine.run(`CREATE TABLE ${q(names.table)} AS SELECT customer_id AS ${q(names.customerId)}, purchased_at AS ${q(names.date)}, amount AS ${q(names.amount)} FROM purchases`);
    const { table, ...columns } = names;
    const rows = await engine.rows(cohortCountsSql({ dialect: engine.dialect, table, columns, granularity: "month", asOf: "1997-12-01" }));
    expect(cohortRetentionFromCounts(rows as never, { granularity: "month", asOf: "1997-12-01" })).toEqual(cohortRetention(purchases, { granularity: "month", asOf: "1997-12-01" }));
    expect(await engine.rows("SELECT COUNT(*) AS n FROM purchases")).toEqual([{ n: expect.anything() }]);
  });
});

describe("cohortCountsSql text", () => {
  it("parses in BigQuery, Snowflake and Spark for every granularity and week start, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      const { table, ...columns } = HOSTILE_NAMES[dialect];
      for (const granularity of ["day", "week", "month", "quarter", "year"] as const) {
        for (const weekStartsOn of [0, 1, 6] as const) {
          const sql = cohortCountsSql({ dialect, table, columns, granularity, weekStartsOn, asOf: "1997-10-01", from: "1997-01-01", to: "1997-06-01" });
          expectParses(dialect, sql);
        }
      }
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    const good = { dialect: "duckdb", table: "t", granularity: "month", asOf: "1997-10-01" } as const;
    for (const bad of [null, new Map(), "x", { ...good, granularty: "month" }, { ...good, granularity: "fortnight" }, { ...good, asOf: "soon" }, { ...good, weekStartsOn: 7 }, { ...good, from: "1997-05-01", to: "1997-01-01" }, { ...good, dialect: "mysql" }, { ...good, columns: { date: "" } }]) {
      expect(() => cohortCountsSql(bad as never)).toThrow(RetentionOptionsError);
    }
    expect(() => cohortCountsSql(undefined as never)).toThrow(RetentionOptionsError);
  });
});

describe("cohortRetentionFromCounts", () => {
  const row = { cohort_start: "2024-01-01", period_offset: 0, customers: 2, revenue: "14.50", last_customers: 1 };
  const options = { granularity: "month", asOf: "2024-03-01" } as const;

  it("finishes the doc example", () => {
    const result = cohortRetentionFromCounts([row, { ...row, period_offset: "1", customers: 1n, revenue: 5 }], options);
    expect(result.cohorts.map((c) => [c.key, c.size, c.values, c.rates])).toEqual([["2024-01", 2, [2, 1], [1, 0.5]]]);
    expect(cohortRetentionFromCounts([row], { ...options, mode: "return-on-or-after" }).cohorts[0]!.values).toEqual([1, 0]);
    // docs/scale.md's worked example: last orders in January (1) and February (1) → [1 + 1, 1].
    const worked = [row, { ...row, period_offset: 1, customers: 1, revenue: "5", last_customers: 1 }];
    expect(cohortRetentionFromCounts(worked, { ...options, mode: "return-on-or-after" }).cohorts[0]!.values).toEqual([2, 1]);
  });

  it("names the bad row and field", () => {
    const cases: [unknown, RegExp][] = [
      [[row, { ...row, customers: -1 }], /rows\[1\]\.customers/],
      [[{ ...row, cohort_start: "soon" }], /rows\[0\]\.cohort_start/],
      [[{ ...row, revenue: "1e" }], /rows\[0\]\.revenue/],
      [[{ ...row, cohort_start: "2024-01-02" }], /rows\[0\]\.cohort_start: expected the start of a month/],
      [[row, { ...row, period_offset: 2 }], /rows\[1\]\.period_offset/],
      [[{ ...row, period_offset: 1 }], /rows\[0\]\.cohort_start: the cohort has no customers at offset 0/],
      [[{ ...row, cohort_start: "2024-03-01" }], /rows\[0\]\.cohort_start: the cohort's month has not ended/],
      [[{ cohort_start: "2024-01-01" }], /rows\[0\]\.period_offset/],
      [null, /rows/],
    ];
    for (const [rows, message] of cases) {
      expect(() => cohortRetentionFromCounts(rows as never, options)).toThrow(RetentionInputError);
      expect(() => cohortRetentionFromCounts(rows as never, options)).toThrow(message);
    }
  });

  it("refuses bad options, and does not mutate its rows", () => {
    for (const bad of [null, new Map(), { ...options, measure: "money" }, { ...options, measure: "revenue", mode: "return-on-or-after" }, { asOf: "2024-03-01" }]) {
      expect(() => cohortRetentionFromCounts([row], bad as never)).toThrow(RetentionOptionsError);
    }
    const rows = Object.freeze([Object.freeze({ ...row })]);
    expect(cohortRetentionFromCounts(rows, options).cohorts).toHaveLength(1);
  });
});
