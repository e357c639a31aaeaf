import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeIdenticalRows } from "../../src/clv/models/mergeIdentical";
import { distinctValues, rankedColumn } from "../../src/clv/models/distinctColumn";

describe("mergeIdenticalRows", () => {
  it("merges exactly the rows a string key per row would, summing weights, in ascending value order", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, -0, 0.5, 1 / 3, 7), fc.constantFrom(1, 2.25, 10), fc.constantFrom(1, 2, 0.5));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (rows, keepFlags) => {
        const columns = [0, 1, 2].map((c) => Float64Array.from(rows, (r) => r[c]!)) as [Float64Array, Float64Array, Float64Array];
        const weight = Float64Array.from(rows, (r) => r[3]);
        const kept = Uint32Array.from(rows.keys()).filter((i) => keepFlags[i]!);
        const expected = new Map<string, { first: number; weight: number }>();
        for (const i of kept) {
          const key = `${columns[0][i]}|${columns[1][i]}|${columns[2][i]}`;
          const group = expected.get(key);
          if (group === undefined) expected.set(key, { first: i, weight: weight[i]! });
          else group.weight += weight[i]!;
        }
        const byValue = [...expected.values()].sort((a, b) => columns[0][a.first]! - columns[0][b.first]! || columns[1][a.first]! - columns[1][b.first]! || columns[2][a.first]! - columns[2][b.first]!);
        const merged = mergeIdenticalRows(kept, columns, weight);
        expect([...merged.first]).toEqual(byValue.map((g) => g.first));
        expect([...merged.weight]).toEqual(byValue.map((g) => g.weight));
      }),
      { numRuns: 200 },
    );
  });
});

describe("rankedColumn", () => {
  it("gives the distinct values and ranks a sort gives, on columns with few distinct values (the table) and with many (the sort)", () => {
    const value = fc.oneof(fc.constantFrom(0, 1, 2, 0.5, 1 / 3, -1, 1e-300, 5e-324, 1e300, 2 ** 52 + 1), fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), fc.integer({ min: 0, max: 400 }), fc.nat(), (pool, length, seed) => {
        const values = pool.length === 0 ? [0] : pool;
        const column = Float64Array.from({ length }, (_, i) => values[(i * 7919 + seed) % values.length]!);
        const distinct = [...new Set(column)].sort((a, b) => a - b);
        const ranked = rankedColumn(column);
        expect([...ranked.values]).toEqual(distinct);
        expect([...ranked.index].map((k) => ranked.values[k])).toEqual([...column]);
      }),
      { numRuns: 300 },
    );
  });

  it("takes the same answer through both paths on 10⁵ whole-day times and on 10⁵ distinct amounts", () => {
    const days = Float64Array.from({ length: 100_000 }, (_, i) => ((i * 104729) % 730) / 7);
    const amounts = Float64Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 99_991) / 100);
    for (const column of [days, amounts]) {
      const ranked = rankedColumn(column);
      const sorted = [...new Set(column)].sort((a, b) => a - b);
      expect([...ranked.values]).toEqual(sorted);
      for (let p = 0; p < column.length; p += 97) expect(ranked.values[ranked.index[p]!]).toBe(column[p]);
    }
  });
});

describe("distinctValues", () => {
  it("gives the distinct values in order of first appearance and each element's index among them, or null past an eighth of the length (at least 16)", () => {
    const value = fc.oneof(fc.constantFrom(0, 1, 2, 0.5, 1 / 3, -1, 1e300, 5e-324), fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 400 }), fc.nat(), (pool, length, seed) => {
        const column = Float64Array.from({ length }, (_, i) => pool[(i * 7919 + seed) % pool.length]!);
        const firstSeen = [...new Set(column)];
        const seen = distinctValues(column);
        if (firstSeen.length > Math.max(16, Math.floor(length / 8))) {
          expect(seen).toBeNull();
          return;
        }
        expect([...seen!.values]).toEqual(firstSeen);
        expect([...seen!.index].map((k) => seen!.values[k])).toEqual([...column]);
      }),
      { numRuns: 300 },
    );
  });

  it("counts each NaN as a value of its own (the kernel's rows left out may hold NaN)", () => {
    const seen = distinctValues(Float64Array.of(1, Number.NaN, 1, Number.NaN));
    expect(seen!.values.length).toBe(3);
    expect([...seen!.index]).toEqual([0, 1, 0, 2]);
  });
});
