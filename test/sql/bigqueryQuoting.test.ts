import { describe, expect, it } from "vitest";
import { cohortCountsSql, quoteIdentifier } from "retention-metrics/sql";

/*
 * BigQuery's quoted identifiers read the escape sequences of its strings (GoogleSQL, "Lexical
 * structure and syntax": quoted identifiers "have the same escape sequences as string
 * literals"), so a name ending in a backslash would escape its closing backtick and let the
 * next name's text run as SQL. Names are escaped with backslashes there. (node-sql-parser's
 * BigQuery grammar reads backticks without escapes, so this is checked on the text.)
 */
describe("BigQuery names", () => {
  it("escape a backslash and a backtick with a backslash", () => {
    expect(quoteIdentifier("bigquery", "a\\", "c")).toBe("`a\\\\`");
    expect(quoteIdentifier("bigquery", "a`b", "c")).toBe("`a\\`b`");
    expect(quoteIdentifier("bigquery", "it's; --", "c")).toBe("`it's; --`");
    expect(quoteIdentifier("spark", "a`b\\", "c")).toBe("`a``b\\`");
  });

  it("keep every name inside its backticks: no unescaped backtick or trailing backslash escapes", () => {
    const sql = cohortCountsSql({ dialect: "bigquery", table: "t", columns: { customerId: "a\\", amount: "; DROP TABLE x; --", date: "d`" }, granularity: "month", asOf: "2024-01-01" });
    expect(sql).toContain("p.`a\\\\` AS customer_id");
    expect(sql).toContain("p.`; DROP TABLE x; --` AS amount");
    expect(sql).toContain("p.`d\\``");
    // Reading the text as BigQuery does, every quoted name ends where it began: strip escapes, then backtick pairs.
    const outside = sql.replace(/`(?:[^`\\]|\\.)*`/g, "NAME");
    expect(outside).not.toContain("DROP");
    expect(outside).not.toContain("`");
  });
});
