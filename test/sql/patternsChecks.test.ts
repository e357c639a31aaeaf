import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternTableFromRows, patternTableSql } from "retention-metrics/sql";
import { RetentionInputError, RetentionOptionsError } from "../../src/index";
import { openDuckDb, type SqlEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

const hostile = { customerId: 'c"; DROP TABLE purchases; --', date: "at`; x", amount: "it's" };

describe("patternTableSql: dialects, names, options", () => {
  it("parses in BigQuery, Snowflake and Spark, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      expectParses(dialect, patternTableSql({ dialect, table: ["shop", "orders"], asOf: "1997-09-30" }));
      // A backtick inside a backtick-quoted name: Spark doubles it (valid Spark, but the Hive grammar here cannot read it);
      // BigQuery escapes it with a backslash, so the shared doubling does not hold there. Those two parse a name without one.
      const columns = dialect === "snowflake" ? hostile : { ...hostile, date: 'at"; x' };
      expectParses(dialect, patternTableSql({ dialect, table: "semi;colon", columns, asOf: "1997-09-30T12:00:00Z" }));
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    expect(() => patternTableSql({ dialect: "duckdb", table: "t" } as never)).toThrow(/asOf/);
    expect(() => patternTableSql({ dialect: "duckdb", table: "t", asOf: "1997-09-30", asof: 1 } as never)).toThrow(RetentionOptionsError);
    expect(() => patternTableSql(null as never)).toThrow(RetentionOptionsError);
    expect(() => patternTableSql(new Map() as never)).toThrow(RetentionOptionsError);
    expect(() => patternTableFromRows([], { timeUnit: "month" } as never)).toThrow(RetentionOptionsError);
    expect(() => patternTableFromRows([], { timeunit: "week" } as never)).toThrow(/did you mean "timeUnit"/);
  });
});

describe("a hostile column name is only a name (DuckDB)", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("reads the table through quoted names and leaves the table in place", async () => {
    const q = (name: string): string => `"${name.split('"').join('""')}"`;
    await engine.run(`CREATE TABLE "semi;colon" (${q(hostile.customerId)} VARCHAR, ${q(hostile.date)} TIMESTAMP, ${q(hostile.amount)} DECIMAL(18, 2))`);
    await engine.run(`INSERT INTO "semi;colon" VALUES ('a', TIMESTAMP '1997-01-01 10:00:00', 5), ('a', TIMESTAMP '1997-01-08 00:00:00', 7.5), ('b', TIMESTAMP '1997-01-08 09:00:00', 1)`);
    const sql = patternTableSql({ dialect: "duckdb", table: "semi;colon", columns: hostile, asOf: "1997-01-15" });
    const table = patternTableFromRows(await engine.rows(sql), { timeUnit: "week" });
    expect(table.customers.map((r) => [r.frequency, r.recency, r.T, r.customers, r.sumMonetary.toString()])).toEqual([
      [0, 0, 1, 1, "0"],
      [1, 1, 2, 1, "7.5"],
    ]);
    expect(await engine.rows(`SELECT COUNT(*) AS n FROM "semi;colon"`)).toEqual([{ n: "3" }]);
  });
});

describe("patternTableFromRows", () => {
  it("takes each driver's forms and adds asOf's time of day to T", () => {
    const rows = [{ frequency: 2n, recency_days: "14", t_days: 28, customers: "3", sum_monetary: "12.30" }];
    const table = patternTableFromRows(rows, { timeUnit: "week", asOf: "2024-01-29T12:00:00Z" });
    expect(table.customers[0]).toMatchObject({ frequency: 2, recency: 2, T: 4 + 0.5 / 7, weight: 3, customers: 3, recencyDays: 14, tDays: 28 });
    expect(table.customers[0]!.monetaryValue.toString()).toBe("2.05"); // 12.30 / (2 × 3)
    expect([table.customerCount, table.repeatCustomerCount, table.patternCount, table.timeUnit]).toEqual([3, 3, 1, "week"]);
    expect(patternTableFromRows([{ frequency: 0, recency_days: 0, t_days: 3, customers: 1, sum_monetary: 0 }]).customers[0]).toMatchObject({ recency: 0, T: 3 });
  });

  it("names the bad row and field", () => {
    const good = { frequency: 1, recency_days: 3, t_days: 5, customers: 2, sum_monetary: "4" };
    const cases: [unknown, RegExp][] = [
      [[good, { ...good, customers: -1 }], /rows\[1\]\.customers/],
      [[{ ...good, customers: 0 }], /rows\[0\]\.customers/],
      [[good, good, { ...good, recency_days: 9 }], /rows\[2\]\.recency_days/],
      [[{ ...good, frequency: 0 }], /rows\[0\]\.recency_days/],
      [[{ ...good, sum_monetary: "ten" }], /rows\[0\]\.sum_monetary/],
      [[{ ...good, t_days: 1.5 }], /rows\[0\]\.t_days/],
      [[null], /rows\[0\]/],
      [{ rows: [] }, /rows/],
    ];
    for (const [rows, message] of cases) {
      expect(() => patternTableFromRows(rows)).toThrow(RetentionInputError);
      expect(() => patternTableFromRows(rows)).toThrow(message);
    }
  });
});
