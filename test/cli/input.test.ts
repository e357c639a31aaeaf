import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseColumns } from "../../src/cli/columnsFlag";
import { CliError } from "../../src/cli/errors";
import { Progress } from "../../src/cli/progress";
import { RetentionInputError } from "../../src/input/errors";
import { dateParser } from "../../src/io/dateFormat";
import { JsonArraySplitter } from "../../src/io/jsonSplitter";
import { resolveReadOptions } from "../../src/io/readOptions";
import { RecordBuilder } from "../../src/io/recordBuilder";
import { sniffFormat } from "../../src/io/sourceReader";
import { runInProcess } from "./spawnCli";

function split(text: string, cuts: readonly number[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const fail = (line: number | undefined, message: string): never => {
    throw new Error(`x.json${line === undefined ? "" : `:${line}`}: ${message}`);
  };
  const splitter = new JsonArraySplitter((element, line) => out.push({ text: element, line }), fail);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.push(text.slice(from, cut));
    from = cut;
  }
  splitter.push(text.slice(from));
  splitter.end();
  return out;
}

describe("JsonArraySplitter", () => {
  const text = '[\n {"customerId": "a]}", "at": "2024-01-01", "amount": "1"},\n {"customerId": "\\"b{", "nested": [1, {"x": "]"}]}\n]\n';

  it("hands each element with its line, whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 }), (cuts) => {
        const elements = split(text, cuts);
        expect(elements.map((e) => e.line)).toEqual([2, 3]);
        expect(elements.map((e) => (JSON.parse(e.text) as { customerId: string }).customerId)).toEqual(["a]}", '"b{']);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses what is not an array of objects", () => {
    expect(() => split("", [])).toThrow("the file is empty");
    expect(() => split('[{"a": 1}', [])).toThrow("not closed");
    expect(() => split("[1, 2]", [])).toThrow("expected a JSON object per record");
    expect(() => split("[] x", [])).toThrow("unexpected text after the JSON array");
  });
});

describe("input helpers", () => {
  it("sniffs the format from the first character", () => {
    expect(sniffFormat("\uFEFF  [{}]")).toBe("json");
    expect(sniffFormat('{"a":1}\n')).toBe("ndjson");
    expect(sniffFormat("customerId,at\n")).toBe("csv");
  });

  it("reads --columns", () => {
    expect([...parseColumns(["customerId=cust_id, at=order_date", "amount=total"])]).toEqual([["customerId", "cust_id"], ["at", "order_date"], ["amount", "total"]]);
    expect(() => parseColumns(["customer=cust_id"])).toThrow(CliError);
    expect(() => parseColumns(["customerId"])).toThrow("expected field=column");
  });

  it("parses date formats in UTC", () => {
    const parse = dateParser("yyyyMMdd HH:mm");
    expect(parse("20240229 23:30")).toBe(Date.UTC(2024, 1, 29, 23, 30));
    expect(parse("20240230 00:00")).toBeNull();
    expect(parse("20240229 23:30")).toBe(Date.UTC(2024, 1, 29, 23, 30));
  });

  it("builds records from CSV rows and JSON objects, keeping lines", () => {
    const records: Record<string, unknown>[] = [];
    const options = resolveReadOptions({ columns: { amount: "total" } });
    const builder = new RecordBuilder("purchases", "p.csv", options, (record) => records.push(record));
    builder.header(["customerId", "at", "total", "quantity"], 1, "customerId,at,total,quantity", ",");
    builder.csvRow(["__proto__", "2024-01-02", "9.50", "2"], 2);
    builder.object({ customerId: 7, at: "2024-01-03", total: 3, quantity: "" }, 3);
    expect(records).toEqual([
      { customerId: "__proto__", at: Date.UTC(2024, 0, 2), amount: "9.50", quantity: 2 },
      { customerId: "7", at: Date.UTC(2024, 0, 3), amount: 3 },
    ]);
    expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
    expect(builder.count).toBe(2);
    expect([0, 1, 2].map((index) => builder.lines.lineOf(index))).toEqual([2, 3, undefined]);
    expect(() => builder.csvRow(["a", "3 Jan 2024", "1", ""], 4)).toThrow(RetentionInputError);
    expect(() => builder.csvRow(["a", "3 Jan 2024", "1", ""], 4)).toThrow('p.csv:4: field "at": expected an ISO-8601 date (or pass dateFormat), found "3 Jan 2024"');
    expect(() => builder.object([1], 5)).toThrow("p.csv:5: expected a JSON object per record");
  });

  it("draws progress only when enabled and the input is large", () => {
    const written: string[] = [];
    let now = 0;
    const target = { write: (text: string) => written.push(text) };
    new Progress(target, false, () => (now += 1000)).update("big.csv", 5, 100 * 2 ** 20, 10);
    new Progress(target, true, () => (now += 1000)).update("small.csv", 5, 1000, 10);
    expect(written).toEqual([]);
    const progress = new Progress(target, true, () => (now += 1000));
    progress.update("big.csv", 50 * 2 ** 20, 100 * 2 ** 20, 1234);
    progress.done();
    expect(written[0]).toContain(" 50% reading big.csv: 1,234 rows");
    expect(written[1]).toBe("\r\x1b[2K");
  });
});

describe("--delimiter and --decimal-separator", () => {
  const european = "client;order_date;total\nann;05.01.2024;12,50\nbob;06.01.2024;1.234,56\nann;01.02.2024;7,05\n";
  const mapping = ["--columns", "customerId=client,at=order_date,amount=total", "--date-format", "dd.MM.yyyy"];

  it("loads a European Excel export exactly, with the delimiter given or sniffed", async () => {
    for (const delimiter of [["--delimiter", ";"], []]) {
      const run = await runInProcess(["report", "--purchases", "-", ...mapping, ...delimiter, "--decimal-separator", ",", "--period", "2024-01-01..2024-03-01"], { stdin: european });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      // 12.50 + 1234.56 + 7.05 = 1254.11, summed exactly.
      expect(JSON.parse(run.stdout).activity.revenue).toBe("1254.11");
    }
  });

  it("says which delimiter the header splits on, as a flag", async () => {
    const run = await runInProcess(["report", "--purchases", "-", ...mapping, "--delimiter", ","], { stdin: european });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('<stdin>:1: field "customerId": missing column "client" (or "customerId"); the header has: client;order_date;total; the header splits on ";" into client, order_date, total; pass --delimiter ";"');
  });

  it("exits 2 on bad values, naming the flag", async () => {
    const cases: [string[], string][] = [
      [["--delimiter", "|"], '--delimiter: expected , | ; | tab, found "|"'],
      [["--decimal-separator", "x"], '--decimal-separator: expected . | ,, found "x"'],
      [["--date-format", "YYYY-MM-dd"], '--date-format: "YYYY-MM-dd" uses YYYY, which is not read (write yyyy'],
    ];
    for (const [flags, message] of cases) {
      const run = await runInProcess(["report", "--purchases", "-", ...flags], { stdin: european });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const amount = await runInProcess(["report", "--purchases", "-", ...mapping, "--decimal-separator", ","], { stdin: "client;order_date;total\nann;05.01.2024;12.50\n" });
    expect(amount.stderr).toContain('<stdin>:2: field "amount": expected an amount with "," as the decimal separator');
  });
});
