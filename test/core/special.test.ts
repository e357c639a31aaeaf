import stdlibBetaln from "@stdlib/math-base-special-betaln";
import stdlibDigamma from "@stdlib/math-base-special-digamma";
import stdlibGammaln from "@stdlib/math-base-special-gammaln";
import stdlibQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { describe, expect, it } from "vitest";
import { betaln } from "../../src/core/special/logBeta";
import { digamma } from "../../src/core/special/digamma";
import { gammaln } from "../../src/core/special/logGamma";
import { normalQuantile } from "../../src/core/special/normalQuantile";

/*
 * The ported special functions are pinned to @stdlib's (kept as dev dependencies for this)
 * over the ranges the models use. Tolerance: 1e-13 relative where the value is at least 1
 * in size, 1e-13 absolute where it is smaller (near the zeros of ln Γ, ψ and ln B relative
 * error is meaningless: both sides carry ~1e-16 absolute error there).
 */
const TOLERANCE = 1e-13;

function logspace(fromExp: number, toExp: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => 10 ** (fromExp + ((toExp - fromExp) * i) / (count - 1)));
}

function expectClose(actual: number, expected: number, tolerance = TOLERANCE): void {
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance * scale)) {
    expect.fail(`expected ${actual} within ${tolerance} (scaled by ${scale}) of ${expected}`);
  }
}

/** Negative non-integers from −1e-3 to −1e3, kept off the poles. */
const NEGATIVES = logspace(-3, 3, 4001)
  .map((x) => -(x + Math.PI * 1e-4))
  .filter((x) => !Number.isInteger(x));

describe("gammaln (ln |Γ(x)|)", () => {
  it("matches stdlib on 1e-8 … 1e8", () => {
    for (const x of logspace(-8, 8, 8001)) expectClose(gammaln(x), stdlibGammaln(x));
  });

  it("matches stdlib on negative non-integers (reflection)", () => {
    for (const x of NEGATIVES) expectClose(gammaln(x), stdlibGammaln(x));
  });

  it("gives exact factorials, Γ(½) = √π, and the poles", () => {
    expect(gammaln(1)).toBe(0);
    expect(gammaln(2)).toBe(0);
    expectClose(gammaln(11), Math.log(3_628_800));
    expectClose(gammaln(0.5), Math.log(Math.sqrt(Math.PI)));
    expectClose(gammaln(-0.5), Math.log(2 * Math.sqrt(Math.PI)));
    for (const pole of [0, -1, -2, -100]) expect(gammaln(pole)).toBe(Number.POSITIVE_INFINITY);
    expect(gammaln(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(gammaln(Number.NaN)).toBeNaN();
  });
});

describe("betaln (ln B(a, b))", () => {
  it("matches stdlib on a grid of 1e-6 … 1e8 in both arguments", () => {
    const grid = logspace(-6, 8, 141);
    for (const a of grid) for (const b of grid) expectClose(betaln(a, b), stdlibBetaln(a, b));
  });

  it("is symmetric, gives B(2, 3) = 1/12, and follows stdlib at the edges", () => {
    expectClose(betaln(2, 3), Math.log(1 / 12));
    expect(betaln(3.7, 0.2)).toBe(betaln(0.2, 3.7));
    expect(betaln(0, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(betaln(2, Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(betaln(-1, 2)).toBeNaN();
    expect(betaln(Number.NaN, 2)).toBeNaN();
  });
});

describe("digamma (ψ(x))", () => {
  it("matches stdlib on 1e-6 … 1e6", () => {
    for (const x of logspace(-6, 6, 8001)) expectClose(digamma(x), stdlibDigamma(x));
  });

  it("matches stdlib on negative non-integers to 1e-11 (stdlib's reflection rounds 1 − x first)", () => {
    for (const x of NEGATIVES) expectClose(digamma(x), stdlibDigamma(x), 1e-11);
  });

  it("gives ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, and NaN at the poles", () => {
    const eulerGamma = 0.5772156649015329;
    expectClose(digamma(1), -eulerGamma);
    expectClose(digamma(0.5), -eulerGamma - 2 * Math.LN2);
    for (const pole of [0, -1, -7]) expect(digamma(pole)).toBeNaN();
  });
});

describe("normalQuantile (Φ⁻¹, AS 241)", () => {
  const density = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const probabilities = logspace(-12, Math.log10(0.5), 4001);

  it("matches stdlib to 1e-13 relative on the upper half, 0.5 … 1 − 1e-12", () => {
    for (const p of probabilities) expectClose(normalQuantile(1 - p), stdlibQuantile(1 - p, 0, 1));
  });

  it("matches stdlib on the lower half within stdlib's rounding of 2p − 1 (≤ 2⁻⁵⁴ in p, so 2⁻⁵⁴/φ(z) in z)", () => {
    for (const p of probabilities) {
      const z = normalQuantile(p);
      const allowed = TOLERANCE * Math.max(1, Math.abs(z)) + 2 ** -54 / density(z);
      expect(Math.abs(z - stdlibQuantile(p, 0, 1))).toBeLessThanOrEqual(allowed);
    }
  });

  it("gives the published z values and the edges", () => {
    expectClose(normalQuantile(0.975), 1.959963984540054);
    expectClose(normalQuantile(0.995), 2.5758293035489004);
    expectClose(normalQuantile(1e-12), -7.034483825301131); // R: qnorm(1e-12), also AS 241
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it("is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) where 1 − p is exact", () => {
    for (const p of [0.01, 0.1, 0.25, 0.4]) expectClose(normalQuantile(1 - p), -normalQuantile(p));
  });
});
