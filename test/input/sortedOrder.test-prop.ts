import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reorderColumns, reorderValues } from "../../src/input/permute";
import { sortedOrder } from "../../src/input/sortedOrder";

/** Keys with many ties and a wide range, so both the bucket pass and the tie rules are exercised. */
const keys = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -1e13, max: 1e13 })), { maxLength: 200 });

describe("sortedOrder and reorderColumns", () => {
  it("order rows by key, then tie rank, then index, as a plain sort does", () => {
    fc.assert(
      fc.property(keys, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 200, maxLength: 200 }), (values, ranks) => {
        const key = Float64Array.from(values);
        const tieRank = Uint8Array.from(ranks.slice(0, values.length));
        const expected = values.map((_, i) => i).sort((a, b) => key[a]! - key[b]! || tieRank[a]! - tieRank[b]! || a - b);
        expect([...sortedOrder(key, tieRank)]).toEqual(expected);
        expect([...sortedOrder(key)]).toEqual(values.map((_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("order thousands of clustered rows (nested bucket passes) as a plain sort does", () => {
    /** Thousands of keys: clusters of near-equal keys within a wide range, so buckets hold hundreds of rows and nest further passes. */
    const clustered = fc.array(fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1e6 })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(clustered, fc.integer({ min: 4_100, max: 20_000 }), fc.integer(), (clusters, n, seed) => {
        let state = seed >>> 0;
        const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
        const key = new Float64Array(n);
        const tieRank = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const [center, rows, spread] = clusters[next() % clusters.length]!;
          key[i] = next() % rows === 0 ? next() * 1e3 : center + (next() % (spread + 1));
          tieRank[i] = next() % 3;
        }
        const byKey = (a: number, b: number) => key[a]! - key[b]! || a - b;
        const indexes = Array.from({ length: n }, (_, i) => i);
        expect([...sortedOrder(key)]).toEqual(indexes.slice().sort(byKey));
        expect([...sortedOrder(key, tieRank)]).toEqual(indexes.slice().sort((a, b) => key[a]! - key[b]! || tieRank[a]! - tieRank[b]! || a - b));
      }),
      { numRuns: 25 },
    );
  });

  it("reorder columns (sharing buffers) and plain arrays exactly as gathering through the order would", () => {
    fc.assert(
      fc.property(keys, fc.nat({ max: 5 }), (values, slack) => {
        const key = Float64Array.from(values);
        const order = sortedOrder(key);
        const amounts = Float64Array.from([...values.map((v) => v / 2), ...Array.from({ length: slack }, () => 99)]);
        const labels = values.map((_, i) => (i % 3 === 0 ? undefined : `row${i}`));
        const expected = { key: [...order].map((i) => key[i]), amounts: [...order].map((i) => amounts[i]), labels: [...order].map((i) => labels[i]) };
        const [sortedKey, missing, sortedAmounts] = reorderColumns(order, [key, null, amounts]);
        expect(missing).toBeNull();
        expect({ key: [...sortedKey!], amounts: [...sortedAmounts!], labels: reorderValues(order, labels) }).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
