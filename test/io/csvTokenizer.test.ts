import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer, splitCsvLine } from "../../src/io/csvTokenizer";

/** Tokenizes `text` cut into pieces at `cuts`; returns the records with their lines. */
function tokenize(text: string, cuts: readonly number[] = [], delimiter = ","): [string[], number][] {
  const records: [string[], number][] = [];
  const tokenizer = new CsvTokenizer(delimiter, (cells, line) => records.push([cells, line]), (line, message) => {
    throw new Error(`${line}: ${message}`);
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(from, cut));
    from = cut;
  }
  tokenizer.push(text.slice(from));
  tokenizer.end();
  return records;
}

describe("CsvTokenizer", () => {
  const text = 'id,note,amount\r\n"a,1","say ""hi""",3\r\n\r\nb,"two\nlines",4\n"c""",,5';

  it("reads quoted fields, doubled quotes, CRLF, line breaks in quotes, empty lines and a last line without a break", () => {
    expect(tokenize(text)).toEqual([
      [["id", "note", "amount"], 1],
      [["a,1", 'say "hi"', "3"], 2],
      [["b", "two\nlines", "4"], 4],
      [['c"', "", "5"], 6],
    ]);
  });

  it("gives the same records and lines wherever the chunks are cut", () => {
    const whole = tokenize(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        expect(tokenize(text, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps empty trailing fields and reads other delimiters", () => {
    expect(tokenize("a,b,\n,,\n")).toEqual([[["a", "b", ""], 1], [["", "", ""], 2]]);
    expect(tokenize('a;"b;c\td"\n', [], ";")).toEqual([[["a", "b;c\td"], 1]]);
    expect(tokenize("a\tb c\n", [], "\t")).toEqual([[["a", "b c"], 1]]);
  });

  it("refuses what RFC 4180 refuses, naming the line", () => {
    expect(() => tokenize('a,b\nc,d"e\n')).toThrow("2: a quote inside an unquoted field");
    expect(() => tokenize('a,b\n"c"x,d\n')).toThrow("2: unexpected text after a closing quote");
    expect(() => tokenize('a,b\nc,d\n"e,\nf\n')).toThrow("3: a quoted field opened on line 3 is never closed");
  });

  it("splits one line", () => {
    expect(splitCsvLine('client;"order date";total', ";")).toEqual(["client", "order date", "total"]);
    expect(splitCsvLine('a,"b', ",")).toBeNull();
  });
});
