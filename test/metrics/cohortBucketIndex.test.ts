import { describe, expect, it } from "vitest";
import { addBuckets, bucketKey, bucketStart, GRANULARITIES, type WeekStartsOn } from "../../src/core/calendar";
import { bucketIndex, bucketIndexStart } from "../../src/core/bucketIndex";

const at = (iso: string): number => Date.parse(iso);

describe("bucketIndex (arithmetic calendar buckets)", () => {
  it("counts months and quarters across year ends", () => {
    // 2023-12 → 2024-02 is 2 months; 2023-Q4 → 2024-Q1 is 1 quarter; 2023 → 2024 is 1 year.
    expect(bucketIndex(at("2024-02-29T23:59:59Z"), "month") - bucketIndex(at("2023-12-01"), "month")).toBe(2);
    expect(bucketIndex(at("2024-01-01"), "quarter") - bucketIndex(at("2023-12-31T23:59:59.999Z"), "quarter")).toBe(1);
    expect(bucketIndex(at("2024-01-01"), "year") - bucketIndex(at("2023-12-31T23:59:59.999Z"), "year")).toBe(1);
    expect(bucketIndex(at("2024-05-09"), "month")).toBe(2024 * 12 + 4);
  });

  it("maps an index back to date-fns' bucket start, before and after 1970", () => {
    for (const iso of ["1969-12-31T23:00:00Z", "1900-02-28T12:00:00Z", "2000-02-29T00:00:00Z", "2024-12-31T23:59:59.999Z"]) {
      for (const granularity of GRANULARITIES) {
        const ms = at(iso);
        expect(bucketIndexStart(bucketIndex(ms, granularity), granularity)).toBe(bucketStart(ms, granularity));
      }
    }
  });

  it("gives ISO week keys across a year boundary (weeks start Monday)", () => {
    // 2024-12-29 is a Sunday (ISO 2024-W52); 2024-12-30, a Monday, starts ISO week 2025-W01;
    // 2021-01-03 (Sunday) still belongs to 2020-W53.
    const key = (iso: string): string => bucketKey(bucketIndexStart(bucketIndex(at(iso), "week"), "week"), "week");
    expect(key("2024-12-29T12:00:00Z")).toBe("2024-W52");
    expect(key("2024-12-30T00:00:00Z")).toBe("2025-W01");
    expect(key("2025-01-05T23:59:59Z")).toBe("2025-W01");
    expect(key("2021-01-03T10:00:00Z")).toBe("2020-W53");
    expect(bucketIndex(at("2024-12-30"), "week") - bucketIndex(at("2024-12-29"), "week")).toBe(1);
  });

  it("honours weekStartsOn other than Monday", () => {
    // Weeks starting Sunday: 2024-12-29 (Sunday) starts a week; the Saturday before ends the previous one.
    const sunday = at("2024-12-29T00:00:00Z");
    expect(bucketIndexStart(bucketIndex(at("2025-01-04T23:59:59Z"), "week", 0), "week", 0)).toBe(sunday);
    expect(bucketIndex(at("2024-12-28T23:59:59Z"), "week", 0)).toBe(bucketIndex(sunday, "week", 0) - 1);
    for (let weekStartsOn = 0; weekStartsOn <= 6; weekStartsOn++) {
      const w = weekStartsOn as WeekStartsOn;
      for (let day = 0; day < 14; day++) {
        const ms = at("2024-12-25T06:00:00Z") + day * 86_400_000;
        const start = bucketIndexStart(bucketIndex(ms, "week", w), "week", w);
        expect(start).toBe(bucketStart(ms, "week", w));
        expect(bucketKey(start, "week", w)).toBe(bucketKey(bucketStart(ms, "week", w), "week", w));
      }
    }
  });

  it("has consecutive indices for consecutive buckets", () => {
    for (const granularity of GRANULARITIES) {
      let start = bucketStart(at("1999-11-20"), granularity);
      const first = bucketIndex(start, granularity);
      for (let i = 0; i < 30; i++) {
        expect(bucketIndex(start, granularity)).toBe(first + i);
        expect(bucketIndexStart(first + i + 1, granularity)).toBe(addBuckets(start, granularity, 1));
        start = addBuckets(start, granularity, 1);
      }
    }
  });
});
