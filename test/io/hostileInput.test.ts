import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseLedgerText, RetentionInputError, RetentionOptionsError } from "../../src/index";
import { escapeControlCharacters } from "../../src/io/escapeControl";
import { readLedger } from "../../src/io/node/readLedger";

/** The error `run` throws. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("escapeControlCharacters", () => {
  it("escapes C0, DEL, C1, separators and bidi controls; keeps the rest", () => {
    expect(escapeControlCharacters("\x1b]0;t\x07")).toBe("\\x1b]0;t\\x07");
    expect(escapeControlCharacters("a\tb\nc\rd\x00e\x7ff")).toBe("a\\tb\\nc\\rd\\x00e\\x7ff");
    expect(escapeControlCharacters("\u009b2J\u0085")).toBe("\\u009b2J\\u0085");
    expect(escapeControlCharacters("\u2028\u2029\u202e\u2066")).toBe("\\u2028\\u2029\\u202e\\u2066");
    expect(escapeControlCharacters("café ü € 😀 C:\\path")).toBe("café ü € 😀 C:\\path");
  });
});

describe("reader messages escape control characters (issue 12, item 6)", () => {
  it("in issues the reader finds and in the ledger's validation issues it places", () => {
    const date = thrown(() => parseLedgerText("customerId,at,amount\na,\x1b[2J,1\n")) as RetentionInputError;
    expect(date.issues[0]!.message).toBe('expected an ISO-8601 date (or pass dateFormat), found "\\x1b[2J"');
    expect(date.message).not.toMatch(/[\x00-\x1f]/);
    const amount = thrown(() => parseLedgerText("customerId,at,amount\na,2024-01-01,\x1b]0;t\x07\u009b\n")) as RetentionInputError;
    expect(amount.issues[0]!.message).toContain("\\x1b]0;t\\x07\\u009b");
    expect(amount.message).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });
});

describe("survey scores and quantities are plain numbers (issue 12, item 12)", () => {
  it("refuses 0x9, 0b1010, 9e0, +9 as scores, naming line and field", () => {
    for (const score of ["0x9", "0b1010", "9e0", "+9", "9.", "1_0"]) {
      const error = thrown(() => parseLedgerText({ surveys: `at,score\n2024-03-01,${score}\n` })) as RetentionInputError;
      expect(error).toBeInstanceOf(RetentionInputError);
      expect(error.issues[0]).toMatchObject({ source: "surveys", line: 2, path: ["surveys", "score"], code: "invalid_number" });
      expect(error.issues[0]!.message).toBe(`expected a whole number from 0 to 10, found ${JSON.stringify(score)}`);
    }
    const ledger = parseLedgerText({ surveys: "at,score\n2024-03-01, 9 \n2024-03-02,10\n" });
    expect(ledger.surveys.count).toBe(2);
  });

  it("refuses 0x2, 1e1, Infinity as quantities; reads 2 and 1,5 with a decimal comma", () => {
    for (const quantity of ["0x2", "1e1", "Infinity", "+2", ".5"]) {
      const error = thrown(() => parseLedgerText(`customerId,at,amount,quantity\na,2024-01-01,1,${quantity}\n`)) as RetentionInputError;
      expect(error.issues[0]).toMatchObject({ line: 2, path: ["purchases", "quantity"], code: "invalid_number" });
    }
    expect(parseLedgerText("customerId,at,amount,quantity\na,2024-01-01,1,2\n").purchases.count).toBe(1);
    expect(parseLedgerText("customerId;at;amount;quantity\na;2024-01-01;1,5;2\n", { decimalSeparator: "," }).purchases.count).toBe(1);
  });
});

describe("CSV headers and the columns mapping (issue 12, item 12)", () => {
  it("a column read twice is an error naming it", () => {
    const error = thrown(() => parseLedgerText("customerId,at,amount,at\na,2024-01-01,1,2024-02-01\n")) as RetentionInputError;
    expect(error.issues[0]).toMatchObject({ line: 1, code: "duplicate_column", path: ["purchases", "at"] });
    expect(error.issues[0]!.message).toBe('the header has the column "at" twice (columns 2 and 4): rename or remove one, or map the field to another column');
  });

  it("a column the reader does not use may repeat", () => {
    expect(parseLedgerText("customerId,at,amount,note,note\na,2024-01-01,1,x,y\n").purchases.count).toBe(1);
  });

  it("a mapped column that no source has is an options error listing the columns", () => {
    const error = thrown(() => parseLedgerText("customerId,at,amount,total\na,2024-01-01,1,2\n", { columns: { amount: "totl" } })) as RetentionOptionsError;
    expect(error).toBeInstanceOf(RetentionOptionsError);
    expect(error.option).toBe("columns");
    expect(error.message).toBe('columns: no input has the column "totl" mapped to amount (purchases has "customerId", "at", "amount", "total"); did you mean "total"?');
    const json = thrown(() => parseLedgerText('[{"customerId":"a","at":"2024-01-01","amount":"1"}]', { columns: { customerId: "client" } })) as RetentionOptionsError;
    expect(json.message).toBe('columns: no input has the column "client" mapped to customerId (purchases has "customerId", "at", "amount")');
  });

  it("one mapping still serves several sources: a column one of them has is enough", async () => {
    const ledger = await readLedger(
      { purchases: Readable.from(["client,at,amount\na,2024-01-01,1\n"]), events: Readable.from(["customerId,at,type\na,2024-01-01,signup\n"]) },
      { columns: { customerId: "client" } },
    );
    expect([ledger.purchases.count, ledger.events.count]).toEqual([1, 1]);
    // score is mapped, but no survey source is read: not checked.
    expect(parseLedgerText("customerId,at,amount\na,2024-01-01,1\n", { columns: { score: "rating" } }).purchases.count).toBe(1);
  });
});
