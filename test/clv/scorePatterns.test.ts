import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSummary, Decimal, fitBgNbd, fitGammaGamma, fitParetoNbd, predictClv, RetentionInputError, RetentionOptionsError, scorePatterns } from "../../src/index";
import { allNumbersFinite, shuffledWith } from "../arbitraries/records";
import { cdnowPurchases } from "./cdnowFixtures";

const summary = customerSummary(cdnowPurchases(), { asOf: "1997-09-30", timeUnit: "week" });
const bgNbd = fitBgNbd(summary);
const gammaGamma = fitGammaGamma(summary);
const options = { horizon: 52, discountRate: 0.0018 };

/** CDNOW's customers merged by (x, tₓ, T), in memory, with each pattern's mean spend and customer ids. */
function cdnowPatterns(): { rows: { frequency: number; recency: number; T: number; weight: number; monetaryValue: Decimal }[]; ids: string[][] } {
  const byKey = new Map<string, { frequency: number; recency: number; T: number; weight: number; spend: Decimal; ids: string[] }>();
  for (const c of summary.customers) {
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const entry = byKey.get(key) ?? { frequency: c.frequency, recency: c.recency, T: c.T, weight: 0, spend: new Decimal(0), ids: [] };
    entry.weight++;
    entry.spend = entry.spend.plus(c.monetaryValue);
    entry.ids.push(c.customerId);
    byKey.set(key, entry);
  }
  const entries = [...byKey.values()];
  return { rows: entries.map((e) => ({ frequency: e.frequency, recency: e.recency, T: e.T, weight: e.weight, monetaryValue: e.spend.div(e.weight) })), ids: entries.map((e) => e.ids) };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("scorePatterns", () => {
  const { rows, ids } = cdnowPatterns();
  const perCustomer = new Map(predictClv(bgNbd, gammaGamma, summary, options).customers.map((c) => [c.customerId!, c]));

  it("scores each CDNOW pattern as predictClv scores its customers (mean and total CLV)", () => {
    const scored = scorePatterns(bgNbd, gammaGamma, { customers: rows, timeUnit: "week" }, options);
    expect([scored.patternCount, scored.customerCount, scored.timeUnit, scored.horizon, scored.step]).toEqual([rows.length, 2357, "week", 52, 1]);
    scored.patterns.forEach((pattern, i) => {
      const customers = ids[i]!.map((id) => perCustomer.get(id)!);
      expect(pattern.customers).toBe(customers.length);
      expect([pattern.recencyDays, pattern.tDays]).toEqual([null, null]);
      expect(pattern.probabilityAlive).toBe(customers[0]!.probabilityAlive);
      expect(relative(pattern.expectedPurchases, customers[0]!.expectedPurchases)).toBeLessThan(1e-10);
      const total = customers.reduce((sum, c) => sum.plus(c.clv!), new Decimal(0));
      expect(relative(pattern.totalClv!.toNumber(), total.toNumber())).toBeLessThan(1e-10);
      expect(relative(pattern.clv!.toNumber(), total.div(customers.length).toNumber())).toBeLessThan(1e-10);
      // Each customer's own spend from the pattern's coefficients (what scoreJoin computes).
      const c = summary.customers.find((s) => s.customerId === ids[i]![0])!;
      const spend = pattern.spendBase! + pattern.spendPerRepeatValue! * c.monetaryValue.times(c.frequency).toNumber();
      expect(relative(spend, customers[0]!.expectedAverageSpend!)).toBeLessThan(1e-13);
      expect(relative(pattern.discountedPurchases * spend, customers[0]!.clv!.toNumber())).toBeLessThan(1e-10);
    });
    const total = [...perCustomer.values()].reduce((sum, c) => sum.plus(c.clv!), new Decimal(0));
    expect(relative(scored.totalClv!.toNumber(), total.toNumber())).toBeLessThan(1e-10);
    expect(total.toNumber()).toBeCloseTo(72488.43, 1); // docs/clv.md: CDNOW's 52-week total
  });

  it("takes Pareto/NBD too", () => {
    const pareto = fitParetoNbd(summary);
    const scored = scorePatterns(pareto, gammaGamma, { customers: rows, timeUnit: "week" }, options);
    const total = predictClv(pareto, gammaGamma, summary, options).customers.reduce((sum, c) => sum + c.clv!.toNumber(), 0);
    expect(relative(scored.totalClv!.toNumber(), total)).toBeLessThan(1e-10);
  });

  it("refuses intervals, bad options, other time units and repeat patterns without spend", () => {
    const table = { customers: rows, timeUnit: "week" as const };
    expect(() => scorePatterns(bgNbd, gammaGamma, table, { ...options, interval: 0.9 } as never)).toThrow(RetentionOptionsError);
    expect(() => scorePatterns(bgNbd, gammaGamma, table, { discountRate: 0.01 } as never)).toThrow(/horizon/);
    expect(() => scorePatterns(bgNbd, gammaGamma, table, null as never)).toThrow(RetentionOptionsError);
    expect(() => scorePatterns(gammaGamma as never, gammaGamma, table, options)).toThrow(RetentionOptionsError);
    expect(() => scorePatterns(bgNbd, gammaGamma, { customers: rows, timeUnit: "day" }, options)).toThrow(/weeks/);
    expect(() => scorePatterns(bgNbd, gammaGamma, [{ frequency: 2, recency: 3, T: 5, weight: 4 }], options)).toThrow(RetentionInputError);
    expect(() => scorePatterns(bgNbd, gammaGamma, [{ frequency: 2, recency: 3, T: 5, weight: 0 }], options)).toThrow(/summaries\[0\]\.weight/);
  });

  it("gives each pattern the same scores whatever the order, leaves frozen input alone, and has no NaN", () => {
    const row = fc.record({ frequency: fc.integer({ min: 0, max: 6 }), recency: fc.integer({ min: 0, max: 30 }), extra: fc.integer({ min: 0, max: 30 }), weight: fc.integer({ min: 1, max: 500 }), spend: fc.integer({ min: 1, max: 9_999 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.array(fc.integer(), { minLength: 1 }), (drawn, keys) => {
        const patterns = drawn.map((r) => Object.freeze({ frequency: r.frequency, recency: r.frequency === 0 ? 0 : r.recency, T: (r.frequency === 0 ? 0 : r.recency) + r.extra, weight: r.weight, monetaryValue: (r.spend / 100).toFixed(2) }));
        const key = (p: { frequency: number; recency: number; T: number; customers: number }): string => `${p.frequency}|${p.recency}|${p.T}|${p.customers}`;
        const score = (input: readonly (typeof patterns)[number][]): Map<string, unknown> =>
          new Map(scorePatterns(bgNbd, gammaGamma, Object.freeze(input), options).patterns.map((p) => [key(p), [p.probabilityAlive, p.expectedPurchases.toPrecision(11), p.clv!.toPrecision(11)]]));
        const scored = scorePatterns(bgNbd, gammaGamma, Object.freeze(patterns), options);
        expect(allNumbersFinite(scored)).toBe(true);
        for (const p of scored.patterns) expect(p.probabilityAlive >= 0 && p.probabilityAlive <= 1).toBe(true);
        expect(score(shuffledWith(patterns, keys))).toEqual(score(patterns));
      }),
      { numRuns: 25 },
    );
  });
});
