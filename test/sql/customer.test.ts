import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerSummaryFromRows, customerSummarySql, quoteIdentifier, SQL_DIALECTS, type SqlDialect } from "retention-metrics/sql";
import { customerSummary, RetentionInputError, RetentionOptionsError, type Purchase } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { AS_OF, AS_OF_MIDDAY, EDGE_PURCHASES, purchasesArbitrary } from "./customerLedgers";
import { openDuckDb, openPostgres, type SqlEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

const RUNS = 15;

describe.each(["duckdb", "postgres"] as const)("customer-level SQL on %s equals the in-memory functions", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = which === "duckdb" ? await openDuckDb() : await openPostgres();
  });
  afterAll(async () => {
    if (typeof engine !== "string") await engine.close();
  });

  /** Loads `purchases` into table `t` of the engine (skipping the test when there is no engine). */
  async function load(purchases: readonly Purchase[], context: { skip: (note: string) => void }): Promise<SqlEngine | null> {
    if (typeof engine === "string") {
      context.skip(engine);
      return null;
    }
    await engine.loadPurchases("t", purchases);
    return engine;
  }

  async function summaryOnSql(db: SqlEngine, asOf: string, timeUnit: "day" | "week") {
    const options = { dialect: db.dialect, table: "t", asOf, timeUnit } as const;
    return customerSummaryFromRows(await db.rows(customerSummarySql(options)), options);
  }

  it("customerSummary on CDNOW and the edge cases, in days and weeks", async (context) => {
    const purchases = [...cdnowPurchases(), ...EDGE_PURCHASES];
    const db = await load(purchases, context);
    if (db === null) return;
    for (const asOf of ["1997-09-30", "1997-06-15T12:00:00Z", AS_OF]) {
      for (const timeUnit of ["day", "week"] as const) {
        expect(await summaryOnSql(db, asOf, timeUnit)).toEqual(customerSummary(purchases, { asOf, timeUnit }));
      }
    }
  });

  it("customerSummary on generated ledgers", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    await fc.assert(
      fc.asyncProperty(purchasesArbitrary(), fc.constantFrom(AS_OF, AS_OF_MIDDAY), fc.constantFrom("day" as const, "week" as const), async (purchases, asOf, timeUnit) => {
        const db = (await load(purchases, context))!;
        expect(await summaryOnSql(db, asOf, timeUnit)).toEqual(customerSummary(purchases, { asOf, timeUnit }));
      }),
      { numRuns: RUNS },
    );
  });

  it("reads hostile table and column names as names", async (context) => {
    const db = await load(EDGE_PURCHASES, context);
    if (db === null) return;
    const q = (name: string) => quoteIdentifier(db.dialect, name, "name");
    const table = 'x"; DROP TABLE t; --';
    const columns = { customerId: "it's", date: 'we"ird;', amount: "semi;colon" };
    await db.run(`DROP TABLE IF EXISTS ${q(table)}`);
    await db.run(`CREATE TABLE ${q(table)} AS SELECT customer_id AS ${q(columns.customerId)}, purchased_at AS ${q(columns.date)}, amount AS ${q(columns.amount)} FROM t`);
    const options = { dialect: db.dialect, table, columns, asOf: AS_OF } as const;
    expect(customerSummaryFromRows(await db.rows(customerSummarySql(options)), options)).toEqual(customerSummary(EDGE_PURCHASES, { asOf: AS_OF }));
    expect(await db.rows("SELECT COUNT(*) AS n FROM t")).toEqual([{ n: "10" }]);
  });
});

describe("customer-level SQL text", () => {
  it("parses in BigQuery, Snowflake and Spark, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      // A backtick inside a name is left out: BigQuery escapes it with a backslash, not by doubling (see the report).
      const columns = { customerId: "it's", date: 'we"ird;', amount: "x; DROP TABLE t; --" };
      expectParses(dialect, customerSummarySql({ dialect, table: ["shop", "or'ders"], columns, asOf: AS_OF_MIDDAY, timeUnit: "week" }));
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    const base = { dialect: "duckdb" as SqlDialect, table: "t", asOf: AS_OF };
    const badForBoth: unknown[] = [
      null,
      new Map(),
      "options",
      { ...base, asOf: "not a date" },
      { ...base, asOf: undefined },
      { ...base, timeUnit: "month" },
      { ...base, timeUnit: "period", granularity: "year" },
      { ...base, calendar: "month" },
      { ...base, weekStartsOn: 0 },
      { ...base, asof: AS_OF },
    ];
    const badSources: unknown[] = [{ ...base, dialect: "mysql" }, { ...base, table: "" }, { ...base, columns: { amont: "a" } }, { ...base, table: ["a", 5] }];
    for (const options of [...badForBoth, ...badSources]) expect(() => customerSummarySql(options as never)).toThrow(RetentionOptionsError);
    for (const options of badForBoth) expect(() => customerSummaryFromRows([], options as never)).toThrow(RetentionOptionsError);
    for (const dialect of SQL_DIALECTS) expect(customerSummarySql({ dialect, table: "t", asOf: AS_OF })).toContain("2024-03-10 00:00:00.000");
  });

  it("refuses bad rows with RetentionInputError naming rows[i].field", () => {
    const good = { customer_id: "a", transactions: "2", first_day: "2024-01-01", last_day: "2024-01-15", first_at: "2024-01-01 00:00:00", last_at: "2024-01-15 09:00:00", repeat_value: "30.00", orders: 2n, revenue: "40.00" };
    const options = { asOf: "2024-01-29", timeUnit: "week" } as const;
    expect(customerSummaryFromRows([good], options).customers[0]).toMatchObject({ frequency: 1, recency: 2, T: 4, orders: 2 });
    const cases: [unknown, RegExp][] = [
      [null, /rows/],
      [[{ ...good, transactions: -1 }], /rows\[0\]\.transactions/],
      [[good, { ...good, revenue: "ten" }], /rows\[1\]\.revenue/],
      [[{ ...good, first_day: null }], /rows\[0\]\.first_day/],
      [[{ ...good, customer_id: "" }], /rows\[0\]\.customer_id/],
      [[good, good], /rows\[1\]\.customer_id/],
      [[{ ...good, last_at: "yesterday" }], /rows\[0\]\.last_at/],
    ];
    for (const [rows, message] of cases) {
      expect(() => customerSummaryFromRows(rows, options)).toThrow(RetentionInputError);
      expect(() => customerSummaryFromRows(rows, options)).toThrow(message);
    }
  });
});
