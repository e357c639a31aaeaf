import { UTCDate } from "@date-fns/utc";
import { format as formatDate } from "date-fns/format";
import { parse } from "date-fns/parse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RetentionOptionsError } from "../../src/input/errors";
import { dateParser } from "../../src/io/dateFormat";

describe("dateParser", () => {
  it("reads dates in UTC, with months, 12-hour clocks, fractions and offsets", () => {
    expect(dateParser("yyyyMMdd HH:mm")("20240229 23:30")).toBe(Date.UTC(2024, 1, 29, 23, 30));
    expect(dateParser("dd.MM.yyyy")("05.01.2024")).toBe(Date.UTC(2024, 0, 5));
    expect(dateParser("MMM d, yyyy h:mm a")("Mar 7, 2024 12:05 AM")).toBe(Date.UTC(2024, 2, 7, 0, 5));
    expect(dateParser("MMMM d yyyy h a")("december 31 1999 12 pm")).toBe(Date.UTC(1999, 11, 31, 12));
    expect(dateParser("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")("2024-01-05T10:00:00.250+02:00")).toBe(Date.UTC(2024, 0, 5, 8, 0, 0, 250));
    expect(dateParser("y-M-d")("24-1-5")).toBe(new Date("0024-01-05T00:00:00Z").getTime());
    expect(dateParser("d/M/yyyy 'at' H")("5/1/2024 at 7")).toBe(Date.UTC(2024, 0, 5, 7));
  });

  it("gives null for impossible or malformed dates", () => {
    const parse = dateParser("yyyy-MM-dd");
    expect(["2023-02-29", "2024-13-01", "2024-04-31", "2024-01-05x", "20240105", ""].map(parse)).toEqual([null, null, null, null, null, null]);
    expect(dateParser("yyyy-MM-dd HH:mm")("2024-01-05 24:00")).toBeNull();
  });

  it("refuses offsets past ±18:00 or with minutes past 59 (issue 12)", () => {
    const parse = dateParser("yyyy-MM-ddXXX");
    expect(parse("2024-01-05+18:00")).toBe(Date.UTC(2024, 0, 4, 6));
    expect(parse("2024-01-05-18:00")).toBe(Date.UTC(2024, 0, 5, 18));
    expect(["2024-01-05+18:01", "2024-01-05-99:00", "2024-01-05+01:60"].map(parse)).toEqual([null, null, null]);
  });

  it("refuses a format without a year, a month or a day (every date would be 1970-01-01)", () => {
    for (const [format, missing] of [["HH:mm", "year, month, day"], ["'", "year, month, day"], ["yyyy-MM", "day"], ["MM/dd", "year"], ["(", "year, month, day"]] as const) {
      expect(() => dateParser(format), format).toThrow(`has no ${missing}: a date format needs`);
    }
  });

  it("refuses tokens it does not read, with the fix for the usual slips", () => {
    const cases: [string, string][] = [
      ["YYYY-MM-dd", "uses YYYY, which is not read (write yyyy"],
      ["yyyy-MM-DD", "uses DD, which is not read (write dd"],
      ["dd.MM.yy", "uses yy, which is not read (write yyyy: a two-digit year is ambiguous)"],
      ["EEE, dd MMM yyyy", "uses EEE, which is not read"],
      ["yyyy-MM-ddTHH", "uses T, which is not read"],
    ];
    for (const [format, message] of cases) {
      expect(() => dateParser(format)).toThrow(RetentionOptionsError);
      expect(() => dateParser(format)).toThrow(message);
    }
  });

  it("reads what date-fns format writes exactly as date-fns parse reads it", () => {
    const formats = [
      "yyyy-MM-dd",
      "yyyyMMdd",
      "dd.MM.yyyy",
      "d/M/yyyy",
      "M/d/yyyy h:mm a",
      "MMM d, yyyy",
      "MMMM d yyyy HH:mm:ss",
      "dd MMM yyyy hh:mm:ss.SSS aa",
      "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
      "yyyy-MM-dd HH:mm:ssxx",
      "y-M-d H:m:s.S",
      "yyyy-MM-dd HH:mm:ss.SS",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (format, ms) => {
        const text = formatDate(new UTCDate(ms), format);
        const expected = parse(text, format, new UTCDate(0)).getTime();
        expect(dateParser(format)(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
