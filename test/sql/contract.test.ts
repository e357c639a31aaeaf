import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdentifier, SQL_DIALECTS } from "retention-metrics/sql";
import { readSqlSource } from "../../src/sql/source";
import { dateLiteral, stringLiteral, timestampLiteral } from "../../src/sql/literals";
import { RetentionOptionsError } from "../../src/index";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

const hostileNames = ['we"ird', "semi;colon", "back`tick", "it's", 'x"; DROP TABLE purchases; --', "__proto__", "Ünï cødé"];

describe("names and literals", () => {
  it("refuses names that are not 1–128 characters without NUL, and misspelled option keys", () => {
    for (const bad of ["", "a\u0000b", "x".repeat(129), 5, null]) expect(() => quoteIdentifier("duckdb", bad, "table")).toThrow(RetentionOptionsError);
    expect(() => readSqlSource({ dialect: "duckdb", table: "t", colums: {} } as never, "f", [])).toThrow(/did you mean "columns"/);
    expect(() => readSqlSource({ dialect: "mysql", table: "t" } as never, "f", [])).toThrow(/dialect/);
    expect(() => readSqlSource({ dialect: "duckdb", table: "t", columns: { amont: "a" } } as never, "f", [])).toThrow(/did you mean "amount"/);
  });

  it("writes typed literals", () => {
    const asOf = new Date("1997-09-30T00:00:00Z");
    expect(dateLiteral(asOf, "asOf")).toBe("DATE '1997-09-30'");
    expect(timestampLiteral("snowflake", asOf, "asOf")).toBe("CAST('1997-09-30 00:00:00.000' AS TIMESTAMP_NTZ)");
    expect(stringLiteral("postgres", "it's")).toBe("'it''s'");
    expect(stringLiteral("spark", "it's \\")).toBe("'it\\'s \\\\'");
    expect(stringLiteral("snowflake", "x\\")).toBe("'x\\\\'");
    expect(() => dateLiteral(new Date(NaN), "asOf")).toThrow(RetentionOptionsError);
  });

  it("parses in the dialects that cannot run here", () => {
    for (const dialect of PARSED_DIALECTS) {
      const c = quoteIdentifier(dialect, 'x"; DROP TABLE t; --', "c");
      expectParses(dialect, `SELECT ${c}, COUNT(*) AS n FROM ${quoteIdentifier(dialect, "semi;colon", "t")} GROUP BY ${c}`);
    }
    expect(SQL_DIALECTS).toEqual(["duckdb", "postgres", "bigquery", "snowflake", "spark"]);
  });
});

describe.each(["duckdb", "postgres"] as const)("a hostile name is only a name on %s", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  });
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("creates, fills and reads tables and columns with any of the names", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    for (const name of hostileNames) {
      const table = quoteIdentifier(engine.dialect, name, "table");
      const column = quoteIdentifier(engine.dialect, name, "column");
      await engine.run(`CREATE TABLE ${table} (${column} VARCHAR)`);
      await engine.run(`INSERT INTO ${table} VALUES (${stringLiteral(engine.dialect, name)})`);
      expect(await engine.rows(`SELECT ${column} AS v FROM ${table}`)).toEqual([{ v: name }]);
      await engine.run(`DROP TABLE ${table}`);
    }
  });
});
