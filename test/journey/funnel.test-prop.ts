import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { funnel, repeatConversion, type CustomerEvent, type Purchase } from "retention-metrics";
import { customerId, frozen, shuffledWith } from "../arbitraries/records";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
/** Whole days 0..8, so many rows share an instant. */
const at = fc.integer({ min: 0, max: 8 }).map((n) => T0 + n * DAY);
const event: fc.Arbitrary<CustomerEvent> = fc.record({ customerId, at, type: fc.constantFrom("view", "cart") });
const purchase: fc.Arbitrary<Purchase> = fc.record({ customerId, at, amount: fc.constantFrom("5", "12.50") });
const step = fc.constantFrom("view", "cart", "order", "order:1", "order:2");
const options = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
  within: fc.option(fc.integer({ min: 1, max: 5 }).map((n) => n * DAY), { nil: undefined }),
  start: fc.option(fc.integer({ min: 0, max: 4 }).map((n) => T0 + n * DAY), { nil: undefined }),
});

/** Brute force: the most steps any assignment of distinct rows reaches, entering at the first step-1 instant in range. */
function referenceReached(events: readonly CustomerEvent[], purchases: readonly Purchase[], o: { steps: string[]; within?: number | undefined; start?: number | undefined }): Map<string, number> {
  const rows = new Map<string, { t: number; type: string; n: number }[]>();
  const add = (id: string, row: { t: number; type: string; n: number }) => (rows.get(id) ?? rows.set(id, []).get(id)!).push(row);
  for (const e of events) add(e.customerId, { t: e.at as number, type: e.type, n: 0 });
  const orders = purchases.map((p, i) => ({ p, i })).sort((x, y) => (x.p.at as number) - (y.p.at as number) || x.i - y.i);
  const counts = new Map<string, number>();
  for (const { p } of orders) {
    const n = (counts.get(p.customerId) ?? 0) + 1;
    counts.set(p.customerId, n);
    add(p.customerId, { t: p.at as number, type: "order", n });
  }
  const matches = (s: string, r: { type: string; n: number }) => (s === "order" ? r.type === "order" : s.startsWith("order:") ? r.type === "order" && r.n === Number(s.slice(6)) : r.type === s);
  const reached = new Map<string, number>();
  for (const [id, list] of rows) {
    const starts = list.filter((r) => matches(o.steps[0]!, r) && r.t >= (o.start ?? -Infinity));
    if (starts.length === 0) continue;
    const entry = Math.min(...starts.map((r) => r.t));
    const deadline = entry + (o.within ?? Infinity);
    const dfs = (s: number, last: number, used: Set<number>): number => {
      if (s === o.steps.length) return 0;
      let best = 0;
      list.forEach((r, i) => {
        if (used.has(i) || !matches(o.steps[s]!, r) || r.t < last || r.t >= deadline) return;
        best = Math.max(best, 1 + dfs(s + 1, r.t, new Set([...used, i])));
      });
      return best;
    };
    let best = 0;
    list.forEach((r, i) => {
      if (r.t === entry && matches(o.steps[0]!, r)) best = Math.max(best, 1 + dfs(1, entry, new Set([i])));
    });
    reached.set(id, best);
  }
  return reached;
}

describe("funnel (properties)", () => {
  it("matches a brute-force search, keeps rates in [0, 1] and counts non-increasing, and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 14 }), fc.array(purchase, { maxLength: 8 }), options, fc.array(fc.integer(), { minLength: 1 }), (events, purchases, o, keys) => {
        const result = funnel({ events: frozen(events), purchases: frozen(purchases) }, o);
        const reference = [...referenceReached(events, purchases, o).values()];
        expect(result.steps.map((s) => s.customers)).toEqual(o.steps.map((_, k) => reference.filter((r) => r > k).length));
        let previous = result.entered;
        for (const s of result.steps) {
          expect(s.customers).toBeLessThanOrEqual(previous);
          expect(s.dropped).toBe(previous - s.customers);
          for (const rate of [s.conversionFromPrevious, s.conversionFromStart]) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
          if (s.medianTimeFromPrevious !== null) expect(s.medianTimeFromPrevious).toBeGreaterThanOrEqual(0);
          previous = s.customers;
        }
        const shuffled = funnel({ events: frozen(shuffledWith(events, keys)), purchases: frozen(shuffledWith(purchases, keys)) }, o);
        expect(JSON.stringify(shuffled)).toBe(JSON.stringify(result));
      }),
      { numRuns: 300 },
    );
  });

  it("segments add up to the whole funnel", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 14 }), fc.array(purchase, { maxLength: 8 }), options, (events, purchases, o) => {
        const result = funnel({ events, purchases }, { ...o, by: "customerId" });
        for (let k = 0; k < o.steps.length; k++) {
          expect(result.bySegment!.reduce((sum, s) => sum + s.steps[k]!.customers, 0)).toBe(result.steps[k]!.customers);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("repeatConversion (properties)", () => {
  it("keeps every rate in [0, 1], splits buyers into observed and censored, and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 20 }), fc.integer({ min: 0, max: 12 }), fc.array(fc.integer(), { minLength: 1 }), (purchases, asOfDay, keys) => {
        const options = { within: [DAY, { days: 3 }, { weeks: 1 }], asOf: T0 + asOfDay * DAY };
        const result = repeatConversion(frozen(purchases), options);
        for (const w of result.windows) {
          expect(w.observed + w.censored).toBe(result.firstTimeBuyers);
          expect(w.converted).toBeLessThanOrEqual(w.observed);
          if (w.rate !== null) expect(w.rate >= 0 && w.rate <= 1).toBe(true);
          else expect(w.observed).toBe(0);
        }
        expect(result.secondOrders).toBeLessThanOrEqual(result.firstTimeBuyers);
        expect(JSON.stringify(repeatConversion(frozen(shuffledWith(purchases, keys)), options))).toBe(JSON.stringify(result));
      }),
      { numRuns: 200 },
    );
  });
});
