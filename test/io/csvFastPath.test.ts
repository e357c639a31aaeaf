import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { SourceReader } from "../../src/io/sourceReader";
import { readLedger } from "../../src/node";
import { cutAt, outcomeOf, readPurchasesAsText, readPurchasesFast } from "./textPathReference";

/** Ids: plain ones, and ones the fast path must leave to the text path (quoted, blank, NUL, too long…). */
const PLAIN_IDS = ["a", "b", "c0000001", "__proto__", "constructor", "ünï", "😀x", " spaced "];
const OTHER_IDS = ["a,b", 'say "hi"', "", "   ", "x\0y", "a\rb", "line\nbreak", "\u00a0", "\uFEFFbom", "x".repeat(10_001)];
/** Dates the fast path reads, dates only the text path reads, and dates nobody reads. */
const FAST_DATES = ["2024-01-05", "2024-02-29", "1970-01-01T00:00:00Z", "2024-01-05T10:20:30.123Z", "0001-01-01T00:00:00.000Z"];
const TEXT_DATES = ["2024-01-05T10:20:30+01:00", "2024-01-05 10:20", "2024-01-05T24:00:00Z", "2024-01-05t10:20:30z", "2024-01-05T10:20:30,5Z", " 2024-01-05"];
const BAD_DATES = ["2023-02-29", "2024-13-01", "2024-01-05T23:60:00Z", "yesterday", ""];
/** Amounts likewise. */
const FAST_AMOUNTS = ["10", "10.50", "-3.20", "0.000", "-0", "007.10", "123456789.25", "0.001"];
const TEXT_AMOUNTS = ["+5", ".5", "5.", "1e3", " 7 ", "1.5\r", "1.00000000000000000000000000000000000000000000000", "0.000000000000001", "9007199254740991"];
const BAD_AMOUNTS = ["abc", "", "1.1234567890123456", "9007199254740993", "12,5"];

/** Mostly cells the fast path reads, some only the text path reads, a few invalid ones. */
const cell = (fast: readonly string[], text: readonly string[], bad: readonly string[]) =>
  fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...fast) }, { weight: 4, arbitrary: fc.constantFrom(...text) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

/** A cell written as CSV: quoted when it must be (or when `quote`), inner quotes doubled. */
function csvCell(value: string, delimiter: string, quote: boolean): string {
  const must = value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r");
  return must || quote ? `"${value.replaceAll('"', '""')}"` : value;
}

const row = fc.record({
  customerId: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...PLAIN_IDS) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER_IDS) }, { weight: 3, arbitrary: fc.string({ maxLength: 6, unit: "grapheme" }) }),
  at: cell(FAST_DATES, TEXT_DATES, BAD_DATES),
  amount: cell(FAST_AMOUNTS, TEXT_AMOUNTS, BAD_AMOUNTS),
  /** Which cells are quoted though they need not be. */
  quote: fc.constantFrom("none", "none", "none", "text", "all"),
  crlf: fc.boolean(),
  /** Lines before the row: empty, blank, or broken (too few cells, a stray quote). */
  before: fc.oneof({ weight: 30, arbitrary: fc.constant("") }, { weight: 4, arbitrary: fc.constantFrom("\n", "\r\n", "\r\n\n") }, { weight: 1, arbitrary: fc.constantFrom("x,y\n", 'a"b,2024-01-01,1\n', " \n") }),
});

const layout = fc.constantFrom(
  { header: ["customerId", "at", "amount"], delimiter: "," },
  { header: ["customerId", "at", "amount"], delimiter: "," },
  { header: ["amount", "customerId", "at"], delimiter: ";" },
  { header: ["at", "note", "customerId", "amount"], delimiter: "\t" },
  { header: ["at", "amount", "customerId"], delimiter: "," },
  { header: ["customerId", "at", "amount", "orderId"], delimiter: "," },
);

const csv = fc.record({
  layout,
  rows: fc.array(row, { maxLength: 25 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  /** A bad byte (not UTF-8) somewhere, sometimes. */
  badByte: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ at: fc.nat(), byte: fc.constantFrom(0xff, 0xc3, 0xe0, 0x80, 0xed) }) }),
  tail: fc.oneof({ weight: 20, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom('"open quote', "\r", "\n\n", "a,2024-01-01,1") }),
});

type CsvInput = typeof csv extends fc.Arbitrary<infer T> ? T : never;

function render(input: CsvInput): Uint8Array {
  const { layout, rows, bom, finalNewline, tail } = input;
  let text = (bom ? "\uFEFF" : "") + layout.header.join(layout.delimiter) + "\n";
  rows.forEach((r, i) => {
    const values: Record<string, string> = { customerId: r.customerId, at: r.at, amount: r.amount, note: `n${i}`, orderId: `o${i}` };
    const line = layout.header.map((name) => csvCell(values[name]!, layout.delimiter, r.quote === "all" || (r.quote === "text" && (name === "customerId" || name === "note")))).join(layout.delimiter);
    text += r.before + line + (i < rows.length - 1 || finalNewline ? (r.crlf ? "\r\n" : "\n") : "");
  });
  text += tail;
  const bytes = Buffer.from(text, "utf8");
  if (input.badByte !== null && bytes.length > 2) bytes[2 + (input.badByte.at % (bytes.length - 2))] = input.badByte.byte;
  return bytes;
}

describe("the byte-level CSV fast path", () => {
  const outcomes: string[] = [];
  it("gives the same ledger, or the same error, as the text path, however the bytes are cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.array(fc.nat(), { maxLength: 12 }), async (input, cuts) => {
        const bytes = render(input);
        const chunks = cutAt(bytes, cuts.map((c) => c % (bytes.length + 1)));
        const expected = await outcomeOf(() => readPurchasesAsText(chunks));
        outcomes.push("ledger" in expected ? "ledger" : ((expected.error.issues as { code: string }[] | undefined)?.[0]?.code ?? expected.error.name));
        expect(await outcomeOf(() => readPurchasesFast(chunks))).toEqual(expected);
      }),
      { numRuns: Number(process.env.FAST_PATH_RUNS ?? 400) },
    );
    // The inputs reach both sides: many files read whole, and each kind of error.
    expect(outcomes.filter((o) => o === "ledger").length).toBeGreaterThan(outcomes.length / 4);
    expect([...new Set(outcomes)]).toEqual(expect.arrayContaining(["ledger", "invalid_csv", "empty", "invalid_utf8", "custom", "invalid_date", "precision", "invalid_type"]));
  });
});

describe("the byte-level CSV fast path, by hand", () => {
  const MESSY = Buffer.from(
    [
      "\uFEFFcustomerId,at,amount",
      "a,2024-01-05,10.50",
      "",
      '"b, the second",2024-01-06T10:00:00Z,-2.5',
      '"multi',
      'line",2024-01-07,3',
      "ünï,2024-01-08T01:02:03.004Z,0.10\r",
      "__proto__,2024-01-09 10:00,+4",
      "😀,2024-01-10,1e2",
      "a,2024-01-04,007.250",
      "",
    ].join("\n"),
  );

  it("gives the text path's ledger wherever one cut falls, and with one byte per chunk", async () => {
    const expected = await outcomeOf(() => readPurchasesAsText([MESSY]));
    expect("ledger" in expected && expected.ledger.purchases.count).toBe(7);
    for (let cut = 0; cut <= MESSY.length; cut++) expect(await outcomeOf(() => readPurchasesFast(cutAt(MESSY, [cut])))).toEqual(expected);
    const bytes = cutAt(MESSY, [...MESSY.keys()]);
    expect(await outcomeOf(() => readPurchasesFast(bytes))).toEqual(await outcomeOf(() => readPurchasesAsText(bytes)));
  });

  it("reads plain rows (ids quoted or not) without making text of them; a row it cannot read goes to the text reader alone", async () => {
    const push = vi.spyOn(SourceReader.prototype, "push");
    const rows = Array.from({ length: 1000 }, (_, i) => `c${i % 37},2024-01-${String((i % 28) + 1).padStart(2, "0")}T10:00:00.000Z,${i}.${i % 100}`);
    await readPurchasesFast([Buffer.from(["customerId,at,amount", ...rows].join("\n"))]);
    expect(push).toHaveBeenCalledTimes(1);
    push.mockClear();
    const reordered = rows.map((r) => r.split(",")).map(([id, at, amount]) => `${amount};${id};${at}\r\n`);
    await readPurchasesFast(cutAt(Buffer.from(["amount;customerId;at\r\n", ...reordered].join("")), [7, 5000, 5001]));
    expect(push).toHaveBeenCalledTimes(1);
    push.mockClear();
    const quoted = rows.map((r, i) => (i % 2 === 0 ? r.replace(/^([^,]+),/, '"$1",') : r));
    await readPurchasesFast([Buffer.from(["customerId,at,amount", ...quoted].join("\n"))]);
    expect(push).toHaveBeenCalledTimes(1);
    push.mockClear();
    rows[500] = `"c""1",2024-01-01,5`;
    const ledger = await readPurchasesFast(cutAt(Buffer.from(["customerId,at,amount", ...rows].join("\n")), [9000, 20_000]));
    expect(push.mock.calls.map(([text]) => text)).toEqual(["customerId,at,amount\n", `"c""1",2024-01-01,5\n`]);
    expect(ledger).toEqual(readPurchasesAsText([Buffer.from(["customerId,at,amount", ...rows].join("\n"))]));
  });

  it("reports a bad row with the text path's file, line, field and message", async () => {
    const bytes = Buffer.from("customerId,at,amount\r\na,2024-01-05,1\r\n\r\nb,2024-01-32,2\r\n");
    await expect(readPurchasesFast([bytes])).rejects.toThrow('p.csv:4: field "at": expected an ISO-8601 date (or pass dateFormat), found "2024-01-32"');
    const invalid = Buffer.from("customerId,at,amount\na,2024-01-05,1\n   ,2024-01-06,x\n");
    const error = await outcomeOf(() => readPurchasesFast([invalid]));
    expect(error).toEqual(await outcomeOf(() => readPurchasesAsText([invalid])));
    expect("error" in error && error.error.message).toMatch(/^p\.csv:3: field "customerId"/);
  });

  it("hands the rest to the text path when a stream gives a string, with an open quote or a cut character carried over", async () => {
    const head = Buffer.from('customerId,at,amount\na,2024-01-05,1\n"b\nc",2024-01-06,2\nün');
    for (const chunks of [[head.subarray(0, 40), head.subarray(40), "ï,2024-01-07,3\n"], [head.subarray(0, 45), "x\",2024-01-06,2\n"], [head.subarray(0, head.length - 1), "ï,2024-01-07,3\n"]]) {
      expect(await outcomeOf(() => readPurchasesFast(chunks))).toEqual(await outcomeOf(() => readPurchasesAsText(chunks)));
    }
  });

  it("reads blank lines before the header, a header alone, and a file without a header line break, as the text path does", async () => {
    for (const text of ["\r\n\n\ncustomerId,at,amount\na,2024-01-05,1", "\uFEFF\n customerId,at,amount\r\n", "customerId,at,amount", "\n \ncustomerId,at,amount\na,2024-01-05,1\n", "[1]"]) {
      const bytes = Buffer.from(text);
      for (const cuts of [[], [1], [2, 5]]) expect(await outcomeOf(() => readPurchasesFast(cutAt(bytes, cuts)))).toEqual(await outcomeOf(() => readPurchasesAsText(cutAt(bytes, cuts))));
    }
  });

  it("keeps the ledger's money scale: trailing zeros do not make it finer", async () => {
    const ledger = await readPurchasesFast([Buffer.from("customerId,at,amount\na,2024-01-05,19.90\nb,2024-01-06,5.000\n")]);
    expect(ledger.moneyScale).toBe(1);
    expect([...ledger.purchases.amountUnits]).toEqual([199, 50]);
  });

  it("reads gzipped files, with options the fast path leaves to the text path", async () => {
    const csv = "client;when;total;cost\nann;05.01.2024;12,50;3\n";
    const options = { columns: { customerId: "client", at: "when", amount: "total" }, dateFormat: "dd.MM.yyyy", decimalSeparator: "," } as const;
    expect(await readLedger(gzipSync(csv), options)).toEqual(readPurchasesAsText([Buffer.from(csv)], options, "purchases"));
    const plain = "customerId,at,amount\na,2024-01-05,1\n";
    expect(await readLedger(gzipSync(plain))).toEqual(readPurchasesAsText([Buffer.from(plain)], undefined, "purchases"));
  });
});
