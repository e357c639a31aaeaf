import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { customerSummary, type Purchase } from "../../src/index";
import { customerSummaryFromRows, customerSummarySql } from "../../src/sql";
import { cdnowPurchases } from "./cdnowFixtures";

/** The first ```sql block of docs/scale.md's customer summary section, so the documented query is the tested one. */
function documentedSql(): string {
  const doc = readFileSync(new URL("../../docs/scale.md", import.meta.url), "utf8");
  const section = doc.slice(doc.indexOf("## Customer summary, RFM and defections"));
  const match = /```sql\n([\s\S]*?)\n```/.exec(section);
  if (match === null) throw new Error("docs/scale.md's customer summary section has no sql block");
  return match[1]!;
}

const options = { dialect: "duckdb", table: "purchases", asOf: "1997-09-30", timeUnit: "week" } as const;

const edgeCases: Purchase[] = [
  { customerId: "z1", at: "1997-03-01T08:00:00Z", amount: "10.00" },
  { customerId: "z1", at: "1997-03-01T20:00:00Z", amount: "2.50" },
  { customerId: "z1", at: "1997-04-02T09:00:00Z", amount: "7.25" },
  { customerId: "z1", at: "1997-04-02T10:00:00Z", amount: "-1.25" }, // refund on a transaction day
  { customerId: "z1", at: "1997-05-05T10:00:00Z", amount: "-3.00" }, // refund-only day: not a transaction
  { customerId: "z1", at: "1997-09-30T00:00:00Z", amount: "4.00" }, // exactly at asOf: counts
  { customerId: "z1", at: "1997-09-30T00:00:01Z", amount: "4.00" }, // after asOf
  { customerId: "__proto__", at: "1997-06-15T23:59:59Z", amount: "0.00" },
];

describe("docs/scale.md SQL run by DuckDB equals customerSummary", () => {
  it("is the text customerSummarySql writes", () => {
    expect(documentedSql()).toBe(customerSummarySql(options));
  });

  it("finishes into customerSummary's result on CDNOW plus edge cases", async () => {
    const purchases = [...cdnowPurchases(), ...edgeCases];
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run("CREATE TABLE purchases (customer_id VARCHAR, purchased_at TIMESTAMP, amount DECIMAL(18, 2))");
    const literal = (p: Purchase): string => {
      const at = new Date(p.at as string).toISOString().replace("T", " ").replace("Z", "");
      return `('${p.customerId.replace(/'/g, "''")}', TIMESTAMP '${at}', ${String(p.amount)})`;
    };
    for (let i = 0; i < purchases.length; i += 2000) {
      await connection.run(`INSERT INTO purchases VALUES ${purchases.slice(i, i + 2000).map(literal).join(",")}`);
    }
    const rows = (await connection.runAndReadAll(documentedSql())).getRowObjectsJson();
    connection.closeSync();
    instance.closeSync();

    const summary = customerSummary(purchases, options);
    expect(customerSummaryFromRows(rows, options)).toEqual(summary);
    expect(summary.customerCount).toBe(2357 + 2); // CDNOW's 2357, z1 and __proto__ (a zero amount is a purchase)
    const z1 = summary.customers.find((c) => c.customerId === "z1")!;
    // days 03-01 (12.50), 04-02 (6.00), 09-30 (4.00) → frequency 2, mean repeat value 5
    expect([z1.frequency, z1.monetaryValue.toString()]).toEqual([2, "5"]);
  });
});
