import { describe, expect, it } from "vitest";
import { createLedger, RetentionOptionsError, survivalCurve, type CustomerEvent } from "retention-metrics";

const DAY = 86_400_000;
const day = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * DAY).toISOString();
const Z = 1.959963984540054;
const logLog = (s: number, v: number): [number, number] => {
  const spread = (Z * Math.sqrt(v)) / Math.log(s);
  return [s ** Math.exp(-spread), s ** Math.exp(spread)];
};

/*
 * Hand-worked spells, asOf 2024-03-01 (day 60 after 2024-01-01):
 *  a          signup d0, cancel d10 → 10 (event); reactivate d31, open → censored at 60 − 31 = 29
 *  b          signup d0, cancel d20 → 20 (event)
 *  c          signup d5, cancel d15 → 10 (event)
 *  d          signup d41, open → censored at 19
 *  e          signup d0, cancel d64 (after asOf, not read) → censored at 60
 *  __proto__  signup d10, signup d14 (ignored: a spell is open), cancel d30 → 20 (event)
 *  f          cancel d4 with no spell (ignored)
 * Sorted: 10E 10E 19C 20E 20E 29C 60C, n = 7.
 *  t=10: n=7, d=2 → S = 5/7,            V = 2/(7·5) = 2/35
 *  t=19: n=5, c=1 → S = 5/7
 *  t=20: n=4, d=2 → S = 5/7 · 2/4 = 5/14, V = 2/35 + 2/(4·2) = 2/35 + 1/4
 *  t=29: n=2, c=1;  t=60: n=1, c=1
 * median: first S ≤ 0.5 → 20.
 * Bounds S^exp(∓z√V/ln S): t=10 → [0.258154, 0.919797]; t=20 → [0.051977, 0.698713].
 */
const events: CustomerEvent[] = [
  { customerId: "a", at: day(0), type: "signup" },
  { customerId: "a", at: day(10), type: "cancel" },
  { customerId: "a", at: day(31), type: "reactivate" },
  { customerId: "b", at: day(0), type: "signup" },
  { customerId: "b", at: day(20), type: "cancel" },
  { customerId: "c", at: day(5), type: "signup" },
  { customerId: "c", at: day(15), type: "cancel" },
  { customerId: "d", at: day(41), type: "signup" },
  { customerId: "e", at: day(0), type: "signup" },
  { customerId: "e", at: day(64), type: "cancel" },
  { customerId: "__proto__", at: day(10), type: "signup" },
  { customerId: "__proto__", at: day(14), type: "signup" },
  { customerId: "__proto__", at: day(30), type: "cancel" },
  { customerId: "f", at: day(4), type: "cancel" },
];
const input = Object.freeze({ events: Object.freeze(events.map((row) => Object.freeze({ ...row }))) });
const asOf = "2024-03-01";

describe("survivalCurve", () => {
  it("estimates Kaplan–Meier survival with Greenwood log-log bounds (hand-worked)", () => {
    const result = survivalCurve(input, { asOf, unit: "day" });
    expect(result.points.map(({ t, atRisk, events: d, censored }) => [t, atRisk, d, censored])).toEqual([
      [10, 7, 2, 0],
      [19, 5, 0, 1],
      [20, 4, 2, 0],
      [29, 2, 0, 1],
      [60, 1, 0, 1],
    ]);
    expect(result.points.map((point) => point.survival)).toEqual([5 / 7, 5 / 7, 5 / 14, 5 / 14, 5 / 14]);
    const [first, , third] = result.points;
    expect(first!.lower).toBeCloseTo(0.258154, 6);
    expect(first!.upper).toBeCloseTo(0.919797, 6);
    expect([third!.lower, third!.upper]).toEqual(logLog(5 / 14, 2 / 35 + 1 / 4));
    expect(third!.lower).toBeCloseTo(0.051977, 6);
    expect(result.points[1]!.lower).toBe(first!.lower);
    expect(result).toMatchObject({ medianLifetime: 20, spells: 7, cancelled: 4, censored: 3, ignoredEvents: 2, unit: "day" });
    expect(result.asOf).toEqual(new Date("2024-03-01T00:00:00Z"));
  });

  it("matches Stata's published sts list for the first control-group times of webuse cancer", () => {
    // Stata survival example session (www.stata.com/features/overview/survival-example-session/),
    // `sts list, by(dose)`, Control: time 1: 20 at risk, 2 fail, S 0.9000 [0.6560, 0.9740];
    // 2: 18, 1, 0.8500 [0.6038, 0.9490]; 3: 17, 1, 0.8000 [0.5511, 0.9198]; 4: 16, 2, 0.7000 [0.4505, 0.8525].
    // Stata's bounds are on the log(−log) scale; later times depend only on later spells, so
    // the remaining 14 spells here are censored at 30.
    const rows: CustomerEvent[] = [];
    const ends = [1, 1, 2, 3, 4, 4];
    for (let i = 0; i < 20; i++) {
      rows.push({ customerId: `p${i}`, at: day(0), type: "signup" });
      if (i < ends.length) rows.push({ customerId: `p${i}`, at: day(ends[i]!), type: "cancel" });
    }
    const points = survivalCurve({ events: rows }, { asOf: day(30), unit: "day" }).points;
    const published = [
      [1, 20, 2, 0.9, 0.656, 0.974],
      [2, 18, 1, 0.85, 0.6038, 0.949],
      [3, 17, 1, 0.8, 0.5511, 0.9198],
      [4, 16, 2, 0.7, 0.4505, 0.8525],
    ] as const;
    published.forEach(([t, atRisk, d, s, lower, upper], i) => {
      const point = points[i]!;
      expect([point.t, point.atRisk, point.events]).toEqual([t, atRisk, d]);
      expect(point.survival).toBeCloseTo(s, 4);
      expect(Math.abs(point.lower! - lower)).toBeLessThan(5e-5);
      expect(Math.abs(point.upper! - upper)).toBeLessThan(5e-5);
    });
  });

  it("reports t in weeks and average months (30.436875 days)", () => {
    const rows: CustomerEvent[] = [
      { customerId: "m", at: "2024-01-01T00:00:00Z", type: "signup" },
      { customerId: "m", at: new Date(Date.UTC(2024, 0, 1) + 2 * 30.436875 * DAY).toISOString(), type: "cancel" },
    ];
    expect(survivalCurve({ events: rows }, { asOf: "2024-06-01", unit: "month" }).points[0]!.t).toBeCloseTo(2, 12);
    expect(survivalCurve(input, { asOf, unit: "week" }).points[0]!.t).toBe(10 / 7);
    expect(survivalCurve(input, { asOf, unit: "week" }).medianLifetime).toBe(20 / 7);
  });

  it("gives null bounds once survival reaches 0, a zero-length spell, and a null median when S stays above 0.5", () => {
    const rows: CustomerEvent[] = [
      { customerId: "x", at: day(0), type: "signup" },
      { customerId: "x", at: day(0), type: "cancel" },
      { customerId: "y", at: day(0), type: "signup" },
      { customerId: "y", at: day(3), type: "cancel" },
    ];
    const all = survivalCurve({ events: rows }, { asOf, unit: "day" });
    expect(all.points.map((point) => [point.t, point.survival, point.lower, point.upper])).toEqual([
      [0, 0.5, ...logLog(0.5, 1 / 2)],
      [3, 0, null, null],
    ]);
    const mostlyOpen = survivalCurve({ events: [...rows.slice(2), { customerId: "z", at: day(1), type: "signup" }, { customerId: "w", at: day(1), type: "signup" }] }, { asOf, unit: "day" });
    expect(mostlyOpen.points[0]!.survival).toBeCloseTo(2 / 3, 15);
    expect(mostlyOpen.medianLifetime).toBeNull();
  });

  it("is empty for input without contract events, and reads a ledger the same way", () => {
    expect(survivalCurve([], { asOf, unit: "day" })).toMatchObject({ points: [], medianLifetime: null, spells: 0, cancelled: 0, censored: 0 });
    expect(survivalCurve(createLedger({ events }), { asOf, unit: "day" })).toEqual(survivalCurve(input, { asOf, unit: "day" }));
  });

  it("rejects bad options with RetentionOptionsError naming them", () => {
    expect(() => survivalCurve(input, { asOf, unit: "year" as "day" })).toThrow(/unit/);
    expect(() => survivalCurve(input, { unit: "day" } as never)).toThrow(RetentionOptionsError);
    expect(() => survivalCurve(input, { asOf: "soon", unit: "day" })).toThrow(/asOf/);
  });
});
