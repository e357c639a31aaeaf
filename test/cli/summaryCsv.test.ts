import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSummary } from "../../src/clv/customerSummary";
import { summaryCsvChunks } from "../../src/cli/summaryCsv";
import { toCsv } from "../../src/cli/csvWrite";
import { createLedger } from "../../src/input/ledger";
import { formatCsvMoney } from "../../src/report/format";
import { purchase } from "../arbitraries/records";

const ASOF = Date.UTC(2025, 1, 1);

/** The summary CSV as the CLI wrote it before issue 13: row objects with Decimals and Dates, one string. */
function rowObjectCsv(rows: Parameters<typeof createLedger>[0], asOf: number, timeUnit: "day" | "week", raw: boolean): string {
  const ledger = createLedger(rows);
  const summary = customerSummary(ledger, { asOf, timeUnit });
  return toCsv(
    ["customerId", "frequency", "recency", "T", "monetaryValue", "orders", "revenue", "firstOrder", "lastOrder"],
    summary.customers.map((c) => [c.customerId, c.frequency, c.recency, c.T, formatCsvMoney(c.monetaryValue, ledger.moneyScale), c.orders, formatCsvMoney(c.revenue, ledger.moneyScale), c.firstOrder, c.lastOrder]),
    { raw },
  );
}

const streamed = (rows: Parameters<typeof createLedger>[0], asOf: number, timeUnit: "day" | "week", raw: boolean): string =>
  Buffer.concat([...summaryCsvChunks(createLedger(rows), asOf, timeUnit, { raw })]).toString("utf8");

describe("summaryCsvChunks", () => {
  it("writes a worked example: one customer, two days, a refund", () => {
    const rows = [
      { customerId: "a", at: "2024-01-01T10:00:00Z", amount: "10" },
      { customerId: "a", at: "2024-01-15T09:00:00Z", amount: "30.50" },
      { customerId: "a", at: "2024-01-15T12:00:00Z", amount: "-0.50" },
    ];
    // frequency 1; recency 14 days = 2 weeks; T = Jan 1 → Jan 29 = 4 weeks; repeat value 30.00;
    // orders 2 (the refund opens none); revenue 40.00; first and last non-refund purchases.
    expect(streamed(rows, Date.UTC(2024, 0, 29), "week", false)).toBe(
      "customerId,frequency,recency,T,monetaryValue,orders,revenue,firstOrder,lastOrder\n" +
        "a,1,2,4,30,2,40,2024-01-01T10:00:00.000Z,2024-01-15T09:00:00.000Z\n",
    );
  });

  it("is the header alone for no purchases", () => {
    expect(streamed([], ASOF, "day", false)).toBe("customerId,frequency,recency,T,monetaryValue,orders,revenue,firstOrder,lastOrder\n");
  });

  it("equals the row-object CSV on random ledgers, formula-guarded or raw, day or week", () => {
    const id = fc.constantFrom("a", "__proto__", "=cmd()", "x,y", 'q"uote', "-1", "@sum", "Zoë", "客户", "😀,x");
    const row = fc.record({ customerId: id, at: purchase.map((p) => p.at), amount: fc.oneof(purchase.map((p) => p.amount), fc.constantFrom("0.001", "-3", "7.1234567", "100")) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom<"day" | "week">("day", "week"), fc.boolean(), (rows, unit, raw) => {
        expect(streamed(rows, ASOF, unit, raw)).toBe(rowObjectCsv(rows, ASOF, unit, raw));
      }),
      { numRuns: 300 },
    );
  });

  it("hands the text on in chunks, none the whole of a large output", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ customerId: `customer-${i}`, at: "2024-03-01", amount: "12.34" }));
    const chunks = [...summaryCsvChunks(createLedger(rows), ASOF, "day", { raw: false })];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(300_000);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(rowObjectCsv(rows, ASOF, "day", false));
  });
});
