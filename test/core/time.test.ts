import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysFromCivil, parseIsoToEpochMs, subtractDuration, toEpochMs } from "../../src/core/time";
import { nearIsoText } from "../arbitraries/isoTexts";

describe("parseIsoToEpochMs", () => {
  it("reads dates and date-times without offset as UTC", () => {
    expect(parseIsoToEpochMs("2024-01-15")).toBe(Date.UTC(2024, 0, 15));
    expect(parseIsoToEpochMs("2024-01-15T10:20:30Z")).toBe(Date.UTC(2024, 0, 15, 10, 20, 30));
    expect(parseIsoToEpochMs("2024-01-15T10:20:30.123Z")).toBe(Date.UTC(2024, 0, 15, 10, 20, 30, 123));
    expect(parseIsoToEpochMs("2024-01-15T10:20")).toBe(Date.UTC(2024, 0, 15, 10, 20));
    expect(parseIsoToEpochMs("2014-03-08 00:00:00")).toBe(Date.UTC(2014, 2, 8));
  });

  it("applies offsets", () => {
    expect(parseIsoToEpochMs("2024-01-15T10:00:00+02:00")).toBe(Date.UTC(2024, 0, 15, 8));
    expect(parseIsoToEpochMs("2024-01-15T10:00:00-0530")).toBe(Date.UTC(2024, 0, 15, 15, 30));
  });

  it("rejects impossible dates", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-01T25:00", "20240101", "yesterday", ""]) {
      expect(parseIsoToEpochMs(bad)).toBeNull();
    }
    expect(parseIsoToEpochMs("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });

  it("reads every toISOString() output back to the same instant (fast path)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        expect(parseIsoToEpochMs(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a common-shaped text on its fast path exactly as the regular expression does", () => {
    // A leading space sends the same text to the regular expression (which trims it): the two paths must agree on every text.
    const shaped = nearIsoText("0123456789-T:.Z z+t/\u0663\u0130");
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ maxLength: 30 })), (text) => {
        expect(parseIsoToEpochMs(text)).toBe(parseIsoToEpochMs(` ${text}`));
      }),
      { numRuns: 3000 },
    );
    for (const text of ["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2024-04-31", "2024-12-31T23:59:59.999Z", "2024-01-05T24:00:00Z", "2024-01-05T24:30:00Z", "2024-01-05T10:60:00Z", "2024-01-05T10:20:30.12xZ", "0000-01-01"]) {
      expect(parseIsoToEpochMs(text)).toBe(parseIsoToEpochMs(` ${text}`));
    }
  });

  it("agrees with Date.UTC for date-only strings (fast path)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const expected = new Date(0);
        expected.setUTCFullYear(y, m - 1, d);
        expect(parseIsoToEpochMs(text)).toBe(expected.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe("daysFromCivil", () => {
  it("counts the days Date.UTC counts, for every month of the years -1000 to 10000 (eras, leap centuries and year 0 included)", () => {
    for (let year = -1000; year <= 10_000; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28]) {
          const expected = new Date(0);
          expected.setUTCFullYear(year, month - 1, day);
          if (daysFromCivil(year, month, day) * 86_400_000 !== expected.getTime()) expect.fail(`${year}-${month}-${day}`);
        }
      }
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(daysFromCivil(0, 2, 29)).toBe(-719_469);
  });
});

describe("toEpochMs", () => {
  it("accepts Dates, strings and epoch milliseconds", () => {
    expect(toEpochMs(new Date(Date.UTC(2024, 0, 1)))).toBe(Date.UTC(2024, 0, 1));
    expect(toEpochMs(0)).toBe(0);
    expect(toEpochMs("2024-01-01")).toBe(Date.UTC(2024, 0, 1));
  });

  it("rejects invalid Dates and non-finite numbers", () => {
    expect(toEpochMs(new Date("nope"))).toBeNull();
    expect(toEpochMs(Number.NaN)).toBeNull();
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toEpochMs(null)).toBeNull();
  });
});

describe("subtractDuration", () => {
  it("subtracts calendar months in UTC", () => {
    expect(subtractDuration(Date.UTC(2024, 2, 31), { months: 1 })).toBe(Date.UTC(2024, 1, 29));
    expect(subtractDuration(Date.UTC(2024, 0, 10), 86_400_000)).toBe(Date.UTC(2024, 0, 9));
  });
});
