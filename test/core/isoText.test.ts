import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeIsoText } from "../../src/core/isoText";

/** What writeIsoText writes for \`ms\`, as a string; checks it ends where it says. */
function isoText(ms: number): string {
  const bytes = new Uint8Array(40).fill(0xff);
  const end = writeIsoText(bytes, 3, ms);
  expect(bytes[end]).toBe(0xff);
  return Buffer.from(bytes.subarray(3, end)).toString("latin1");
}

describe("writeIsoText", () => {
  it("writes what toISOString writes", () => {
    expect(isoText(Date.UTC(2024, 1, 29, 12, 5, 9, 7))).toBe("2024-02-29T12:05:09.007Z");
    expect(isoText(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(isoText(Date.UTC(2000, 2, 1) - 1)).toBe("2000-02-29T23:59:59.999Z");
    expect(isoText(Date.UTC(2100, 1, 28, 23, 59, 59, 999) + 1)).toBe("2100-03-01T00:00:00.000Z");
    expect(isoText(253_402_300_799_999)).toBe("9999-12-31T23:59:59.999Z");
    expect(isoText(253_402_300_800_000)).toBe("+010000-01-01T00:00:00.000Z");
    expect(isoText(-1)).toBe("1969-12-31T23:59:59.999Z");
  });

  it("agrees with toISOString on every instant of the Date range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 })), (ms) => {
        expect(isoText(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});
