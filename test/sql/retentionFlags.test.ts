import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { churnRateFromFlags, quoteIdentifier, retentionFlagsSql, retentionRateFromFlags, revenueRetentionFromFlags, type RetentionWindowOptions } from "retention-metrics/sql";
import { churnRate, retentionRate, revenueRetention, RetentionInputError, RetentionOptionsError, type Purchase } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, HOSTILE_NAMES, PARSED_DIALECTS } from "./parseDialect";
import { sqlAsOf, sqlPurchases } from "./periodLedgers";

/** Runs the query on `engine` and checks the three finishers against the in-memory metrics. */
async function expectSameMetrics(engine: SqlEngine, purchases: readonly Purchase[], windows: RetentionWindowOptions, table = "purchases", columns = {}): Promise<void> {
  const rows = await engine.rows(retentionFlagsSql({ dialect: engine.dialect, table, columns, ...windows }));
  expect(retentionRateFromFlags(rows as never, windows)).toEqual(retentionRate(purchases, windows));
  expect(churnRateFromFlags(rows as never, windows)).toEqual(churnRate(purchases, windows));
  expect(revenueRetentionFromFlags(rows as never, windows)).toEqual(revenueRetention(purchases, windows));
  expect(revenueRetentionFromFlags([...rows].reverse() as never, windows)).toEqual(revenueRetention(purchases, windows)); // row order does not matter
}

describe.each(["duckdb", "postgres"] as const)("retentionFlagsSql on %s equals retentionRate, churnRate and revenueRetention", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  }, 120_000);
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("on the CDNOW sample", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const purchases = cdnowPurchases();
    await engine.loadPurchases("purchases", purchases);
    const windows: RetentionWindowOptions[] = [
      { start: "1997-04-01", end: "1997-07-01" },
      { start: "1997-07-01", end: "1997-10-01", activeWindow: { months: 6 }, baseWindow: { months: 3 } },
      { start: "1997-02-15T12:00:00Z", end: "1998-01-01", activeWindow: 30 * 86_400_000, baseWindow: { days: 45 } },
      { start: "1998-06-01", end: "1998-07-01", activeWindow: { years: 1 } },
    ];
    for (const window of windows) await expectSameMetrics(engine, purchases, window);
  });

  it("on generated ledgers: refunds, same-day orders, boundary ties, hostile ids", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const running = engine;
    const window = fc.option(fc.oneof(fc.integer({ min: 1, max: 400 * 86_400_000 }), fc.record({ months: fc.integer({ min: 1, max: 12 }) }), fc.record({ days: fc.integer({ min: 1, max: 60 }) })), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(sqlPurchases, sqlAsOf, sqlAsOf, window, window, async (purchases, a, b, activeWindow, baseWindow) => {
        fc.pre(a !== b);
        await running.loadPurchases("purchases", purchases);
        await expectSameMetrics(running, purchases, { start: Math.min(a, b), end: Math.max(a, b), activeWindow, baseWindow });
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it("reads a table and columns whose names hold quotes and semicolons", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const purchases = cdnowPurchases().slice(0, 400);
    await engine.loadPurchases("purchases", purchases);
    const dialect = engine.dialect;
    const q = (name: string): string => quoteIdentifier(dialect, name, "name");
    const names = { table: 'we"ird; DROP TABLE purchases; --', customerId: "it's", date: "__proto__", amount: "a`b;c" };
    await engine.run(`DROP TABLE IF EXISTS ${q(names.table)}`);
    await engine.run(`CREATE TABLE ${q(names.table)} AS SELECT customer_id AS ${q(names.customerId)}, purchased_at AS ${q(names.date)}, amount AS ${q(names.amount)} FROM purchases`);
    const { table, ...columns } = names;
    await expectSameMetrics(engine, purchases, { start: "1997-03-01", end: "1997-06-01" }, table, columns);
  });
});

describe("retentionFlagsSql text", () => {
  it("parses in BigQuery, Snowflake and Spark, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      const { table, ...columns } = HOSTILE_NAMES[dialect];
      expectParses(dialect, retentionFlagsSql({ dialect, table, columns, start: "1997-07-01", end: "1997-10-01", activeWindow: { months: 6 } }));
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    const good = { dialect: "duckdb", table: "t", start: "1997-07-01", end: "1997-10-01" } as const;
    for (const bad of [undefined, null, new Map(), { ...good, strat: "x" }, { ...good, start: "1997-11-01" }, { ...good, end: undefined }, { ...good, activeWindow: -5 }, { ...good, baseWindow: { months: -1 } }, { ...good, table: "" }]) {
      expect(() => retentionFlagsSql(bad as never)).toThrow(RetentionOptionsError);
    }
  });
});

describe("the flag finishers", () => {
  const row = { customer_id: "a", active_at_start: 1, active_at_end: 1, new_in_period: 0, ordered_before_base: 0, base_revenue: "100", current_revenue: "120" };
  const options = { start: "2024-02-01", end: "2024-03-01", baseWindow: { months: 1 } } as const;

  it("finish the doc examples", () => {
    const rows = [row, { ...row, customer_id: "b", active_at_end: "0", base_revenue: "50", current_revenue: 0 }, { ...row, customer_id: "c", active_at_start: false, new_in_period: true, base_revenue: "0.00", current_revenue: "30" }];
    const revenue = revenueRetentionFromFlags(rows, options);
    expect([revenue.netRevenueRetention, revenue.baseRevenue.toString(), revenue.expansion.toString(), revenue.newCustomerRevenue.toString(), revenue.quickRatio]).toEqual([0.8, "150", "20", "30", 1]);
    const retention = retentionRateFromFlags(rows, options);
    expect([retention.rate, retention.startCount, retention.retainedCount, retention.newCount, retention.crr]).toEqual([0.5, 2, 1, 1, 0.5]); // E = {a, c}, N = {c}: crr = (2 − 1) ÷ 2
    expect(churnRateFromFlags(rows, options).rate).toBe(0.5);
    expect(retentionRateFromFlags([], options).rate).toBeNull();
  });

  it("name the bad row and field", () => {
    const cases: [unknown, RegExp][] = [
      [[row, { ...row, customer_id: "b", active_at_end: 2 }], /rows\[1\]\.active_at_end/],
      [[{ ...row, base_revenue: "abc" }], /rows\[0\]\.base_revenue/],
      [[{ ...row, customer_id: "" }], /rows\[0\]\.customer_id/],
      [[row, row], /rows\[1\]\.customer_id: customer "a" appears in more than one row/],
      [[{ ...row, current_revenue: "0.0000000000000000001" }], /rows\[0\]\.current_revenue/],
      [[{ customer_id: "a" }], /rows\[0\]\.active_at_start/],
      [new Map(), /rows/],
    ];
    for (const [rows, message] of cases) {
      for (const finish of [retentionRateFromFlags, churnRateFromFlags, revenueRetentionFromFlags]) {
        expect(() => finish(rows as never, options)).toThrow(RetentionInputError);
        expect(() => finish(rows as never, options)).toThrow(message);
      }
    }
  });

  it("refuse bad options, and do not mutate their rows", () => {
    for (const bad of [null, new Map(), { start: "2024-03-01", end: "2024-02-01" }, { start: "2024-02-01" }, { ...options, baseWindow: 0 }]) {
      for (const finish of [retentionRateFromFlags, churnRateFromFlags, revenueRetentionFromFlags]) expect(() => finish([row], bad as never)).toThrow(RetentionOptionsError);
    }
    const rows = Object.freeze([Object.freeze({ ...row })]);
    expect(revenueRetentionFromFlags(rows, options).customers.expanded).toBe(1);
  });
});
