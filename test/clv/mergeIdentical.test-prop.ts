import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeIdenticalRows } from "../../src/clv/models/mergeIdentical";

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
