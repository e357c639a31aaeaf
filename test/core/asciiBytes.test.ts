import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeAscii, writeDigits, writePaddedDigits } from "../../src/core/asciiBytes";

/** What `write` writes into a buffer at position 1, as a string; checks it ends where it says. */
function written(write: (bytes: Uint8Array, at: number) => number): string {
  const bytes = new Uint8Array(40).fill(0xff);
  const end = write(bytes, 1);
  expect(bytes[end]).toBe(0xff);
  expect(bytes[0]).toBe(0xff);
  return Buffer.from(bytes.subarray(1, end)).toString("latin1");
}

describe("ASCII byte writers", () => {
  it("write digits as String does, padded where asked", () => {
    expect(written((b, at) => writeDigits(b, at, 0))).toBe("0");
    expect(written((b, at) => writeDigits(b, at, 10))).toBe("10");
    expect(written((b, at) => writeDigits(b, at, Number.MAX_SAFE_INTEGER))).toBe("9007199254740991");
    expect(written((b, at) => writePaddedDigits(b, at, 7, 3))).toBe("007");
    expect(written((b, at) => writePaddedDigits(b, at, 0, 2))).toBe("00");
    expect(written((b, at) => writeAscii(b, at, "+010000-01-01"))).toBe("+010000-01-01");
  });

  it("agree with String on every safe integer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constantFrom(9, 99, 999, 1e15, 1e15 - 1)), (n) => {
        expect(written((b, at) => writeDigits(b, at, n))).toBe(String(n));
        expect(written((b, at) => writePaddedDigits(b, at, n, 17))).toBe(String(n).padStart(17, "0"));
      }),
      { numRuns: 5000 },
    );
  });
});
