import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, compareRates, wilsonInterval } from "retention-metrics";

/** A proportion's counts: 0 ≤ successes ≤ trials ≤ 5,000. */
const counts = fc.integer({ min: 0, max: 5000 }).chain((trials) => fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) }));
const confidence = fc.double({ min: 0.5, max: 0.999999, noNaN: true });
const npsCounts = fc.record({ promoters: fc.nat(2000), passives: fc.nat(2000), detractors: fc.nat(2000) });

describe("wilsonInterval, properties", () => {
  it("lies in [0, 1] and holds the rate", () => {
    fc.assert(fc.property(counts, confidence, (proportion, level) => {
      const { rate, interval } = wilsonInterval(Object.freeze(proportion), { confidence: level });
      if (proportion.trials === 0) {
        expect(interval).toBeNull();
        return;
      }
      const [lower, upper] = interval!;
      expect(0 <= lower && lower <= rate! && rate! <= upper && upper <= 1).toBe(true);
    }));
  });
});

describe("compareRates, properties", () => {
  it("gives an interval in [−1, 1] holding the difference, and p in [0, 1]", () => {
    fc.assert(fc.property(counts, counts, confidence, (a, b, level) => {
      const result = compareRates(a, b, { confidence: level });
      if (a.trials === 0 || b.trials === 0) {
        expect(result.reason).toMatch(/no trials/);
        return;
      }
      const [lower, upper] = result.interval!;
      expect(-1 <= lower && lower <= result.difference! && result.difference! <= upper && upper <= 1).toBe(true);
      expect(result.pValue! >= 0 && result.pValue! <= 1).toBe(true);
      expect(Number.isFinite(result.z!)).toBe(true);
      if (result.significant !== null) expect(result.significant).toBe(result.pValue! < 1 - level);
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    }));
  });

  it("is symmetric: swapping a and b negates the difference and the interval, and keeps p", () => {
    fc.assert(fc.property(counts, counts, (a, b) => {
      const ab = compareRates(a, b);
      const ba = compareRates(b, a);
      expect(ba.pValue).toBe(ab.pValue);
      expect(ba.significant).toBe(ab.significant);
      if (ab.difference === null) {
        expect(ba.difference).toBeNull();
        return;
      }
      // Sums, not toBe(−x): a zero difference is 0 one way and −0 the other.
      expect(ba.difference! + ab.difference).toBe(0);
      expect([ba.interval![0] + ab.interval![1], ba.interval![1] + ab.interval![0]]).toEqual([0, 0]);
    }), { examples: [[{ successes: 2, trials: 4 }, { successes: 1, trials: 2 }]] });
  });

  it("does not mutate its inputs", () => {
    fc.assert(fc.property(counts, counts, (a, b) => {
      const before = JSON.stringify([a, b]);
      compareRates(Object.freeze(a), Object.freeze(b));
      expect(JSON.stringify([a, b])).toBe(before);
    }));
  });
});

describe("compareNps, properties", () => {
  it("gives an interval in [−200, 200] holding the difference, p in [0, 1], and is antisymmetric", () => {
    fc.assert(fc.property(npsCounts, npsCounts, confidence, (a, b, level) => {
      const result = compareNps(Object.freeze(a), Object.freeze(b), { confidence: level });
      const swapped = compareNps(b, a, { confidence: level });
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
      expect(swapped.pValue).toBe(result.pValue);
      if (result.difference === null) {
        expect(result.reason).toMatch(/no responses/);
        return;
      }
      const [lower, upper] = result.interval!;
      expect(-200 <= lower && lower <= result.difference && result.difference <= upper && upper <= 200).toBe(true);
      expect(result.pValue! >= 0 && result.pValue! <= 1).toBe(true);
      expect(swapped.difference! + result.difference).toBe(0);
    }));
  });
});
