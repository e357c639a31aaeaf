import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgNbdExpectedIfAlive } from "../../src/clv/models/bgNbdPredictions";
import { bgNbdIfAliveForX } from "../../src/clv/models/bgNbdStepSeries";

/** Log-uniform on [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

describe("bgNbdIfAliveForX (properties)", () => {
  it("gives the bits of bgNbdExpectedIfAlive on both sides of z = 0.75, the 1 − z transformation included", () => {
    let transformed = 0;
    fc.assert(
      fc.property(
        fc.record({ r: logUniform(-2, 1.5), alpha: logUniform(-2, 2.5), a: logUniform(-2, 1.5), b: logUniform(-2, 2) }),
        fc.constantFrom(0, 1, 2, 5, 30, 400),
        fc.array(fc.tuple(logUniform(-3, 4), fc.integer({ min: 1, max: 9_999 }).map((k) => k / 10_000)), { minLength: 1, maxLength: 30 }),
        (params, x, points) => {
          const ifAlive = bgNbdIfAliveForX(params, x);
          for (const [T, zTarget] of points) {
            // t for a z spread over (0, 1), most of it beyond the plain series' 0.75
            const t = (zTarget * (params.alpha + T)) / (1 - zTarget);
            if (t / (params.alpha + T + t) > 0.75) transformed++;
            expect(ifAlive(T, t)).toBe(bgNbdExpectedIfAlive(params, x, T, t));
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(transformed).toBeGreaterThan(200);
  });
});
