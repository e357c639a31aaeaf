import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBuckets, bucketKey, bucketStart, GRANULARITIES, type WeekStartsOn } from "../../src/core/calendar";
import { bucketIndex, bucketIndexStart } from "../../src/core/bucketIndex";

const instant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2300, 0, 1) });
const granularity = fc.constantFrom(...GRANULARITIES);
const weekStartsOn = fc.integer({ min: 0, max: 6 }).map((d) => d as WeekStartsOn);

describe("bucketIndex agrees with date-fns (property)", () => {
  it("start, next start and key match bucketStart, addBuckets and bucketKey", () => {
    fc.assert(
      fc.property(instant, granularity, weekStartsOn, (ms, g, w) => {
        const index = bucketIndex(ms, g, w);
        const start = bucketIndexStart(index, g, w);
        expect(start).toBe(bucketStart(ms, g, w));
        expect(bucketIndexStart(index + 1, g, w)).toBe(addBuckets(start, g, 1));
        expect(bucketKey(start, g, w)).toBe(bucketKey(bucketStart(ms, g, w), g, w));
      }),
      { numRuns: 200 },
    );
  });
});
