import { describe, expect, it } from "vitest";
import { suggestName } from "../../src/core/suggest";
import { fromDecimalComma } from "../../src/io/decimalComma";
import { otherDelimiter, sniffDelimiter } from "../../src/io/delimiter";
import { resolveReadOptions } from "../../src/io/readOptions";
import { RetentionOptionsError } from "../../src/input/errors";

describe("fromDecimalComma", () => {
  it("moves the decimal comma, keeping every digit", () => {
    expect(["12,50", "-0,5", "1.234,56", "1.234.567,8", "+3", "1.234", "0,001", "1e3"].map(fromDecimalComma)).toEqual([
      "12.50",
      "-0.5",
      "1234.56",
      "1234567.8",
      "+3",
      "1234",
      "0.001",
      "1e3",
    ]);
  });

  it("refuses a dot that is not a thousands separator", () => {
    expect(["12.50", "1.23,4", "1,2,3", "1.2345,6", ",5", "1 234,5"].map(fromDecimalComma)).toEqual([null, null, null, null, null, null]);
  });
});

describe("delimiters", () => {
  it("sniffs the most frequent delimiter outside quotes, comma on a tie", () => {
    expect(sniffDelimiter("client;order_date;total")).toBe(";");
    expect(sniffDelimiter("customerId\tat\tamount")).toBe("\t");
    expect(sniffDelimiter('"a;b;c",d,e')).toBe(",");
    expect(sniffDelimiter("a;b,c")).toBe(",");
    expect(sniffDelimiter("customerId")).toBe(",");
  });

  it("finds the delimiter a header splits on", () => {
    const fits = (columns: readonly string[]): boolean => columns.includes("total");
    expect(otherDelimiter("client;order_date;total", ",", fits)).toEqual({ delimiter: ";", columns: ["client", "order_date", "total"] });
    expect(otherDelimiter("client,order_date,sum", ";", fits)).toBeNull();
  });
});

describe("reader options", () => {
  it("suggests the nearest name", () => {
    expect(suggestName("delimeter", ["delimiter", "format"])).toBe("delimiter");
    expect(suggestName("purchase", ["purchases", "events", "surveys"])).toBe("purchases");
    expect(suggestName("customer_id", ["customerId", "at"])).toBe("customerId");
    expect(suggestName("zzzzzz", ["delimiter"])).toBeNull();
  });

  it("rejects bad options with a RetentionOptionsError naming the option", () => {
    const cases: [unknown, string][] = [
      [null, "options: expected an object of options, found null"],
      ["csv", 'options: expected an object of options, found a string ("csv")'],
      [{ delimeter: ";" }, 'delimeter: unknown option; did you mean "delimiter"?'],
      [{ delimiter: "|" }, 'delimiter: expected "," | ";" | "\\t", found a string ("|")'],
      [{ decimalSeparator: "·" }, 'decimalSeparator: expected "." | ",", found a string ("·")'],
      [{ format: "xlsx" }, 'format: expected "csv" | "json" | "ndjson", found a string ("xlsx")'],
      [{ columns: { customer: "client" } }, 'columns: unknown field "customer"; did you mean "customerId"?'],
      [{ columns: { amount: "" } }, 'columns: expected a column name for "amount", found a string ("")'],
      [{ columns: [["amount", "total"]] }, "columns: expected an object of field → column name, found an array"],
      [{ dateFormat: "YYYY-MM-dd" }, 'dateFormat: "YYYY-MM-dd" uses YYYY, which is not read (write yyyy'],
      [{ dateFormat: "yyyy-MM-dd jj" }, 'dateFormat: "yyyy-MM-dd jj" uses jj, which is not read'],
      [{ currency: 3 }, "currency: expected a non-empty string, found a number (3)"],
    ];
    for (const [options, message] of cases) {
      expect(() => resolveReadOptions(options)).toThrow(RetentionOptionsError);
      expect(() => resolveReadOptions(options)).toThrow(message);
    }
  });

  it("accepts a Map of columns and leaves undefined options unset", () => {
    const resolved = resolveReadOptions({ columns: new Map([["amount", " total "]]), format: undefined });
    expect([...resolved.mapping]).toEqual([["amount", "total"]]);
    expect(resolved.format).toBeUndefined();
    expect(resolved.decimalSeparator).toBe(".");
  });
});
