import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lifecycle, type LifecycleOptions, type Purchase } from "retention-metrics";
import { allNumbersFinite, frozen, instant, purchase, shuffledWith } from "../arbitraries/records";

const options: fc.Arbitrary<LifecycleOptions> = fc.record({
  granularity: fc.constantFrom("day", "week", "month", "quarter"),
  start: instant.map((ms) => new Date(ms)),
  length: fc.integer({ min: 1, max: 200 * 86_400_000 }),
  weekStartsOn: fc.constantFrom(undefined, 0, 1, 3),
  activeWindow: fc.option(fc.oneof(fc.integer({ min: 1, max: 90 * 86_400_000 }), fc.record({ months: fc.integer({ min: 1, max: 3 }) }), fc.record({ days: fc.integer({ min: 1, max: 40 }) })), { nil: undefined }),
}).map(({ length, start, ...rest }) => ({ ...rest, start, end: new Date(start.getTime() + length) }));

/** Subtracts a window the way date-fns does for the few shapes generated above (UTC). */
function minus(at: number, window: NonNullable<LifecycleOptions["activeWindow"]>): number {
  if (typeof window === "number") return at - window;
  const date = new Date(at);
  if (window.days !== undefined) return at - window.days * 86_400_000;
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - (window.months ?? 0));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.getTime();
}

/** The lifecycle by its definition, with sets: active in [min(start, end − window), end). */
function bruteForce(rows: readonly Purchase[], bounds: readonly number[], window: LifecycleOptions["activeWindow"]) {
  const orders = rows.filter((r) => !r.amount.toString().startsWith("-")).map((r) => ({ id: r.customerId, at: Date.parse(r.at as string) }));
  const first = new Map<string, number>();
  for (const o of orders) first.set(o.id, Math.min(first.get(o.id) ?? Infinity, o.at));
  const activeIn = (p: number): Set<string> => {
    const from = window === undefined ? bounds[p]! : Math.min(bounds[p]!, minus(bounds[p + 1]!, window));
    return new Set(orders.filter((o) => o.at >= from && o.at < bounds[p + 1]!).map((o) => o.id));
  };
  const out = [];
  for (let p = 1; p + 1 < bounds.length; p++) {
    const now = activeIn(p);
    const before = activeIn(p - 1);
    const isNew = (id: string): boolean => first.get(id)! >= bounds[p]! && first.get(id)! < bounds[p + 1]!;
    const fresh = [...now].filter(isNew).length;
    const returning = [...now].filter((id) => !isNew(id) && before.has(id)).length;
    out.push({ active: now.size, previousActive: before.size, new: fresh, returning, resurrected: now.size - fresh - returning, dormant: [...before].filter((id) => !now.has(id)).length });
  }
  return out;
}

describe("lifecycle (properties)", () => {
  it("matches the definition by sets, keeps both identities, counts ≥ 0, quick ratio ≥ 0 or null, and ignores row order", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), options, fc.array(fc.integer(), { minLength: 1 }), (rows, opts, keys) => {
        const input = frozen(rows);
        const result = lifecycle(input, opts);
        const bounds = [result.previousPeriod.start.getTime(), result.previousPeriod.end.getTime(), ...result.periods.map((p) => p.end.getTime())];
        if (result.periods.length > 0) expect(result.periods[0]!.start.getTime()).toBe(result.previousPeriod.end.getTime());
        expect(result.periods.map(({ active, previousActive, new: fresh, returning, resurrected, dormant }) => ({ active, previousActive, new: fresh, returning, resurrected, dormant })))
          .toEqual(bruteForce(rows, bounds, opts.activeWindow));
        result.periods.forEach((p, i) => {
          expect(p.active).toBe(p.new + p.returning + p.resurrected);
          expect(p.previousActive).toBe(p.returning + p.dormant);
          if (i > 0) expect(p.previousActive).toBe(result.periods[i - 1]!.active);
          for (const count of [p.active, p.previousActive, p.new, p.returning, p.resurrected, p.dormant]) expect(count).toBeGreaterThanOrEqual(0);
          expect(p.dormantBar).toBe(0 - p.dormant);
          if (p.dormant === 0) {
            expect(p.quickRatio).toBeNull();
            expect(typeof p.quickRatioReason).toBe("string");
          } else {
            expect(p.quickRatio).toBe((p.new + p.resurrected) / p.dormant);
            expect(p.quickRatio).toBeGreaterThanOrEqual(0);
            expect(p.quickRatioReason).toBeNull();
          }
        });
        expect(allNumbersFinite(result)).toBe(true);
        expect(JSON.stringify(lifecycle(frozen(shuffledWith(rows, keys)), opts))).toBe(JSON.stringify(result));
      }),
      { numRuns: 300 },
    );
  });
});
