import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortRetention, createLedger, type Granularity } from "retention-metrics";
import { bucketStart } from "../../src/core/calendar";
import { allNumbersFinite, event, frozen, purchase, shuffledWith } from "../arbitraries/records";

const granularity = fc.constantFrom<Granularity>("day", "week", "month", "quarter", "year");
const asOf = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 3, 1) });
const data = fc.record({ purchases: fc.array(purchase, { maxLength: 40 }), events: fc.array(event, { maxLength: 10 }) });

describe("cohortRetention (properties)", () => {
  it("customer rates lie in [0, 1], and return-on-or-after ≥ return-on cell by cell", () => {
    fc.assert(
      fc.property(data, granularity, asOf, (input, g, at) => {
        const ledger = createLedger(input);
        const on = cohortRetention(ledger, { granularity: g, asOf: at });
        const after = cohortRetention(ledger, { granularity: g, asOf: at, mode: "return-on-or-after" });
        expect(after.cohorts.map((row) => row.key)).toEqual(on.cohorts.map((row) => row.key));
        on.cohorts.forEach((row, r) => {
          expect(row.values.length).toBeGreaterThan(0);
          row.values.forEach((cell, k) => {
            expect(cell).toBeLessThanOrEqual(row.size);
            expect(after.cohorts[r]!.values[k]!).toBeGreaterThanOrEqual(cell);
            expect(after.cohorts[r]!.values[k]!).toBeLessThanOrEqual(row.size);
          });
        });
        for (const result of [on, after]) {
          for (const rate of [...result.cohorts.flatMap((row) => row.rates), ...result.curve.map((point) => point.rate)]) {
            expect(rate).not.toBeNull();
            expect(rate!).toBeGreaterThanOrEqual(0);
            expect(rate!).toBeLessThanOrEqual(1);
          }
          expect(allNumbersFinite(result)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a window [from, to) keeps exactly the cohorts of the whole table that start in it, cell for cell", () => {
    fc.assert(
      fc.property(data, granularity, asOf, asOf, asOf, (input, g, at, a, b) => {
        fc.pre(a !== b);
        const ledger = createLedger(input);
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        for (const options of [{}, { mode: "return-on-or-after" }, { measure: "revenue" }] as const) {
          const all = cohortRetention(ledger, { granularity: g, asOf: at, ...options });
          const window = cohortRetention(ledger, { granularity: g, asOf: at, from, to, ...options });
          const inWindow = all.cohorts.filter((row) => row.start.getTime() >= from && row.start.getTime() < to);
          expect(JSON.stringify(window.cohorts)).toBe(JSON.stringify(inWindow));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("does not depend on row order", () => {
    fc.assert(
      fc.property(data, granularity, asOf, fc.array(fc.integer(), { minLength: 1 }), (input, g, at, keys) => {
        const shuffled = { purchases: frozen(shuffledWith(input.purchases, keys)), events: frozen(shuffledWith(input.events, keys)) };
        for (const measure of ["customers", "revenue"] as const) {
          const a = cohortRetention(input, { granularity: g, asOf: at, measure });
          const b = cohortRetention(shuffled, { granularity: g, asOf: at, measure });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("revenue cells add up to the cohort members' net revenue before the last ended bucket's end", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), granularity, asOf, (rows, g, at) => {
        const result = cohortRetention(rows, { granularity: g, asOf: at, measure: "revenue" });
        const cutoff = bucketStart(at, g);
        const firstOrder = new Map<string, number>();
        for (const row of rows) {
          const ms = Date.parse(row.at as string);
          if (Number(row.amount) >= 0) firstOrder.set(row.customerId, Math.min(firstOrder.get(row.customerId) ?? Infinity, ms));
        }
        const cohortStart = new Map<string, number>();
        for (const [id, first] of firstOrder) {
          const start = bucketStart(first, g);
          if (start < cutoff) cohortStart.set(id, start);
        }
        const expected = rows
          .filter((row) => {
            const ms = Date.parse(row.at as string);
            const start = cohortStart.get(row.customerId);
            return start !== undefined && ms >= start && ms < cutoff;
          })
          .reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0);
        const total = result.cohorts.reduce((sum, row) => sum + row.values.reduce((s, v) => s + Math.round(v.toNumber() * 100), 0), 0);
        expect(total).toBe(expected);
        expect(result.cohorts.reduce((n, row) => n + row.size, 0)).toBe(cohortStart.size);
      }),
      { numRuns: 100 },
    );
  });
});
