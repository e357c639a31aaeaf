import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareIds } from "../../src/core/compareIds";
import { indexOfSortedId } from "../../src/core/search";

describe("indexOfSortedId", () => {
  it("finds ids in a sorted id list, and -1 for any other", () => {
    const ids = ["__proto__", "a", "b", "constructor", "é"];
    expect(ids.map((id) => indexOfSortedId(ids, id))).toEqual([0, 1, 2, 3, 4]);
    expect(indexOfSortedId(ids, "c")).toBe(-1);
    expect(indexOfSortedId(ids, "")).toBe(-1);
    expect(indexOfSortedId([], "a")).toBe(-1);
  });

  it("agrees with indexOf on any sorted distinct ids", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 50 }), fc.string({ maxLength: 4 }), (raw, probe) => {
        const ids = [...raw].sort(compareIds);
        for (const id of [...ids, probe]) expect(indexOfSortedId(ids, id)).toBe(ids.indexOf(id));
      }),
      { numRuns: 300 },
    );
  });
});
