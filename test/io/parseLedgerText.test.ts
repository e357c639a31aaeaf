import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { averageOrderValue, createLedger, parseLedgerText, RetentionInputError, RetentionOptionsError } from "../../src/index";
import type { InputIssue } from "../../src/index";

/** The issues of the input error `fn` throws. */
function issuesOf(fn: () => unknown): readonly InputIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RetentionInputError);
    return (error as RetentionInputError).issues;
  }
  throw new Error("expected a RetentionInputError");
}

const EXPECTED = createLedger({
  purchases: [
    { customerId: "ann", at: "2024-01-05", amount: "12.50" },
    { customerId: "bob", at: "2024-01-06", amount: "1234.56" },
    { customerId: "ann", at: "2024-02-01", amount: "-2.5" },
  ],
});

describe("parseLedgerText: formats", () => {
  it("reads CSV, a JSON array and NDJSON into the same ledger", () => {
    const csv = "customerId,at,amount\nann,2024-01-05,12.50\nbob,2024-01-06,1234.56\nann,2024-02-01,-2.5\n";
    const json = '[{"customerId":"ann","at":"2024-01-05","amount":"12.50"},\n{"customerId":"bob","at":"2024-01-06","amount":"1234.56"},\n{"customerId":"ann","at":"2024-02-01","amount":"-2.5"}]';
    const ndjson = '{"customerId":"ann","at":"2024-01-05","amount":"12.50"}\n{"customerId":"bob","at":"2024-01-06","amount":"1234.56"}\n\n{"customerId":"ann","at":"2024-02-01","amount":"-2.5"}\n';
    for (const text of [csv, json, ndjson]) expect(parseLedgerText(text)).toEqual(EXPECTED);
    expect(parseLedgerText(new TextEncoder().encode(csv))).toEqual(EXPECTED);
    expect(parseLedgerText(ndjson, { format: "ndjson" })).toEqual(EXPECTED);
  });

  it("loads a European Excel export exactly: semicolons, decimal commas with thousands dots, dd.MM.yyyy, mapped columns, BOM and CRLF", () => {
    const text = "\uFEFFclient;order_date;total\r\nann;05.01.2024;12,50\r\nbob;06.01.2024;\"1.234,56\"\r\nann;01.02.2024;-2,5\r\n";
    const options = { columns: { customerId: "client", at: "order_date", amount: "total" }, dateFormat: "dd.MM.yyyy", decimalSeparator: "," } as const;
    const ledger = parseLedgerText(text, options);
    expect(ledger).toEqual(EXPECTED);
    // Net revenue over orders: (12.50 + 1234.56 − 2.50) / 2 = 622.28 exactly; the refund is not an order.
    expect(averageOrderValue(ledger).value?.toString()).toBe("622.28");
    expect(parseLedgerText(new TextEncoder().encode(text), options)).toEqual(EXPECTED);
  });

  it("reads tab-separated text and quoted fields holding the delimiter, quotes and line breaks", () => {
    const tsv = "customerId\tat\tamount\nann\t2024-01-05\t12.50\nbob\t2024-01-06\t1234.56\nann\t2024-02-01\t-2.5\n";
    expect(parseLedgerText(tsv)).toEqual(EXPECTED);
    const quoted = 'customerId,at,amount,orderId\n"Smith, Ann",2024-01-05,1,"o""1"\n"multi\nline",2024-01-06,2,o2\n';
    const ledger = parseLedgerText(quoted);
    expect(ledger.customerIds).toEqual(["Smith, Ann", "multi\nline"]);
    expect(ledger.purchases.orderId).toEqual(['o"1', "o2"]);
  });

  it("reads events and surveys from { purchases, events, surveys }", () => {
    const ledger = parseLedgerText({
      purchases: "customerId,at,amount\nann,2024-01-05,1\n",
      events: "customerId,at,type\nann,2024-01-01,signup\n",
      surveys: '[{"at":"2024-01-09","score":"9","segment":"web"}]',
    });
    expect([ledger.purchases.count, ledger.events.count, ledger.surveys.count]).toEqual([1, 1, 1]);
  });

  it("treats __proto__ as an ordinary customer id", () => {
    expect(parseLedgerText("customerId,at,amount\n__proto__,2024-01-05,1\n").customerIds).toEqual(["__proto__"]);
  });
});

describe("parseLedgerText: errors name source, line and field", () => {
  it("places invalid records by line and mapped column", () => {
    const text = "client,at,total\nann,2024-01-05,12.50\nbob,2024-01-06,lots\nann,2024-02-01,x\n";
    const issues = issuesOf(() => parseLedgerText(text, { columns: { customerId: "client", amount: "total" } }));
    expect(issues.map((issue) => [issue.source, issue.line, issue.column, issue.path])).toEqual([
      ["purchases", 3, "total", ["purchases", "amount"]],
      ["purchases", 4, "total", ["purchases", "amount"]],
    ]);
    expect(() => parseLedgerText(text, { columns: { customerId: "client", amount: "total" } })).toThrow(
      'purchases:3: field "amount" (column "total"): expected a finite decimal amount (string, number or Decimal), found "lots" (and 1 more issue)',
    );
  });

  it("names the line of a bad date and says which option reads it", () => {
    expect(() => parseLedgerText("customerId,at,amount\na,2024-01-05,1\na,05/01/2024,1\n")).toThrow('purchases:3: field "at": expected an ISO-8601 date (or pass dateFormat), found "05/01/2024"');
    expect(() => parseLedgerText({ events: "customerId,at,type\na,2024-01-05,signup\n" }, { dateFormat: "dd.MM.yyyy" })).toThrow('events:2: field "at": expected a date in the format "dd.MM.yyyy"');
  });

  it("says when the header splits on another delimiter", () => {
    const text = "client;order_date;total\nann;05.01.2024;12,50\n";
    const options = { columns: { customerId: "client", at: "order_date", amount: "total" }, delimiter: "," } as const;
    expect(() => parseLedgerText(text, options)).toThrow(
      'purchases:1: field "customerId": missing column "client" (or "customerId"); the header has: client;order_date;total; the header splits on ";" into client, order_date, total; pass delimiter: ";"',
    );
    expect(() => parseLedgerText("customerId,at,sum\na,2024-01-05,1\n")).toThrow('purchases:1: field "amount": missing column "amount"; the header has: customerId, at, sum');
  });

  it("refuses a wrong decimal separator rather than guess", () => {
    expect(() => parseLedgerText("customerId;at;amount\na;2024-01-05;12.50\n", { decimalSeparator: "," })).toThrow(
      'purchases:2: field "amount": expected an amount with "," as the decimal separator (such as 1234,56 or 1.234,56), found "12.50"',
    );
    expect(() => parseLedgerText("customerId;at;amount\na;2024-01-05;12,50\n")).toThrow('purchases:2: field "amount": expected a finite decimal amount');
  });

  it("refuses broken CSV and JSON, ragged rows, empty text, gzip and bad UTF-8", () => {
    expect(() => parseLedgerText('customerId,at,amount\na,2024-01-05,"1\n')).toThrow("purchases:2: invalid CSV: a quoted field opened on line 2 is never closed");
    expect(() => parseLedgerText("customerId,at,amount\na,2024-01-05\n")).toThrow("purchases:2: invalid CSV: expected 3 fields as in the header, found 2");
    expect(() => parseLedgerText('[{"customerId":"a"},\n{"customerId": }]')).toThrow("purchases:2: invalid JSON");
    expect(() => parseLedgerText(" \n\n")).toThrow("purchases: the text is empty");
    expect(() => parseLedgerText("customerId,at,amount\n")).toThrow("purchases: the text holds no records");
    expect(() => parseLedgerText(gzipSync("customerId,at,amount\n"))).toThrow("purchases: the data is gzip-compressed");
    expect(() => parseLedgerText(new Uint8Array([0x61, 0x2c, 0xff, 0x0a]))).toThrow("purchases: the data is not valid UTF-8");
  });

  it("rejects bad shapes and options with typed errors", () => {
    expect(() => parseLedgerText({ purchase: "x" } as never)).toThrow('unknown key "purchase"; did you mean "purchases"?');
    for (const input of [null, undefined, 3, [], new Map(), {}]) expect(() => parseLedgerText(input as never)).toThrow(RetentionInputError);
    expect(() => parseLedgerText({ events: 3 } as never)).toThrow("events: expected text (a string or Uint8Array), found a number (3)");
    expect(() => parseLedgerText("customerId,at,amount\n", null as never)).toThrow(RetentionOptionsError);
    expect(() => parseLedgerText("customerId,at,amount\n", { decimalSeperator: "," } as never)).toThrow('decimalSeperator: unknown option; did you mean "decimalSeparator"?');
  });
});
