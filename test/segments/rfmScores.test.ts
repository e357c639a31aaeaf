import { describe, expect, it } from "vitest";
import { DEFAULT_RFM_SEGMENTS, RetentionOptionsError, rfmScores, type Purchase } from "retention-metrics";
import { rankScores } from "../../src/segments/rankScores";
import { segmentTable } from "../../src/segments/rfmSegmentMap";

const buy = (customerId: string, at: string, amount = "10"): Purchase => ({ customerId, at, amount });

describe("rankScores (min-rank rule: score = floor(bins × below / n) + 1)", () => {
  it("splits distinct values into equal groups", () => {
    // n = 10, bins = 5: below = 0..9 → 1,1,2,2,3,3,4,4,5,5.
    expect([...rankScores(Float64Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]), 5)]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // n = 7, bins = 3: below = 0..6 → floor(0, 3/7, 6/7, 9/7, 12/7, 15/7, 18/7) + 1 = 1,1,1,2,2,3,3.
    expect([...rankScores(Float64Array.from([0, 1, 2, 3, 4, 5, 6]), 3)]).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });

  it("gives ties one score: the score of the first of them", () => {
    // Values 1, 2, 2, 2, 3 (n = 5, bins = 5): below = 0, 1, 1, 1, 4 → 1, 2, 2, 2, 5.
    expect([...rankScores(Float64Array.from([2, 1, 2, 3, 2]), 5)]).toEqual([2, 1, 2, 5, 2]);
    // All equal: everybody below = 0 → 1.
    expect([...rankScores(Float64Array.from([7, 7, 7]), 5)]).toEqual([1, 1, 1]);
  });
});

describe("rfmScores", () => {
  // asOf 2024-04-01. recencyDays: a 91 (01-01), b 60 (02-01), c 31 (03-01), d 31 (03-01).
  const purchases = [
    buy("a", "2024-01-01", "100"),
    buy("b", "2024-01-15", "5"),
    buy("b", "2024-02-01", "5"),
    buy("c", "2024-03-01", "20"),
    buy("d", "2024-02-01", "20"),
    buy("d", "2024-03-01", "20"),
    buy("d", "2024-03-02", "-5"),
  ];
  it("scores recency reversed, frequency and monetary by rank, ties equal", () => {
    const rows = rfmScores(purchases, { asOf: "2024-04-01", bins: 4 });
    // r: recency 91, 60, 31, 31 → worse-than counts 0, 1, 2, 2 → floor(4·k/4)+1 = 1, 2, 3, 3.
    // f: orders 1, 2, 1, 2 → below 0, 2, 0, 2 → 1, 3, 1, 3.
    // m: 100, 10, 20, 35 → below 3, 0, 1, 2 → 4, 1, 2, 3.
    expect(rows.map((r) => [r.customerId, r.recencyDays, r.frequency, r.monetary.toString(), r.score])).toEqual([
      ["a", 91, 1, "100", "114"],
      ["b", 60, 2, "10", "231"],
      ["c", 31, 1, "20", "312"],
      ["d", 31, 2, "35", "333"],
    ]);
  });

  it("uses the default segment map (on the 1–5 scale)", () => {
    const rows = rfmScores(purchases, { asOf: "2024-04-01" });
    // bins 5, n 4: r = floor(5·[0,1,2,2]/4)+1 = 1, 2, 3, 3; f = 1, 3, 1, 3; m = floor(5·[3,0,1,2]/4)+1 = 4, 1, 2, 3.
    expect(rows.map((r) => [r.score, r.segment])).toEqual([
      ["114", "Lost"],
      ["231", "At Risk"],
      ["312", "About to Sleep"],
      ["333", "Need Attention"],
    ]);
  });

  it("accepts a custom map on the raw scores, with a catch-all", () => {
    const rows = rfmScores(purchases, { asOf: "2024-04-01", bins: 2, segments: [{ name: "recent", r: [2, 2] }], otherSegment: "rest" });
    expect(rows.map((r) => r.segment)).toEqual(["rest", "rest", "recent", "recent"]);
  });

  it("maps every score of every bin count to a named default segment", () => {
    for (let bins = 2; bins <= 9; bins++) expect(segmentTable(bins, undefined, "Other")).not.toContain("Other");
    expect(DEFAULT_RFM_SEGMENTS.map((s) => s.name)).toHaveLength(11);
  });

  it("counts orders, not visits; recency runs from the last order; leaves out customers without an order by asOf", () => {
    const rows = rfmScores([buy("a", "2024-01-01T08:00:00Z"), buy("a", "2024-01-01T09:00:00Z"), buy("b", "2024-05-01")], { asOf: "2024-04-01" });
    expect(rows.map((r) => [r.customerId, r.frequency, r.recencyDays])).toEqual([["a", 2, 90 + 15 / 24]]);
  });

  it("handles empty input, __proto__, frozen rows and any row order", () => {
    expect(rfmScores([], { asOf: "2024-01-01" })).toEqual([]);
    const rows = [...purchases, buy("__proto__", "2024-03-15", "1")];
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    const a = rfmScores(frozen, { asOf: "2024-04-01" });
    expect(a.map((r) => r.customerId)).toContain("__proto__");
    expect(rfmScores([...rows].reverse(), { asOf: "2024-04-01" })).toEqual(a);
  });

  it("rejects bad options", () => {
    expect(() => rfmScores(purchases, {} as never)).toThrow(/asOf/);
    for (const bins of [1, 10, 2.5, Number.NaN]) expect(() => rfmScores(purchases, { asOf: "2024-04-01", bins })).toThrow(RetentionOptionsError);
    expect(() => rfmScores(purchases, { asOf: "2024-04-01", segments: [{ name: "x", r: [0, 2] }] })).toThrow(/segments\[0\]\.r/);
    expect(() => rfmScores(purchases, { asOf: "2024-04-01", segments: [{ name: "" }] })).toThrow(/segments\[0\]\.name/);
    expect(() => rfmScores(purchases, { asOf: "2024-04-01", segments: [{ name: "x", f: [3, 2] }] })).toThrow(/segments\[0\]\.f/);
  });
});
