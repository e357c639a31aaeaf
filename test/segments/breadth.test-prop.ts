import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categoryBreadth, shareOfWallet, type Purchase } from "retention-metrics";
import { allNumbersFinite, customerId, frozen, purchase, shuffledWith } from "../arbitraries/records";

/** Purchases on few instants (so ties are common), some refunds, some without a category. */
const categorised: fc.Arbitrary<Purchase> = fc
  .tuple(purchase, fc.constantFrom(undefined, "shoes", "socks", "hats", "__proto__", "constructor"), fc.integer({ min: 0, max: 5 }), fc.boolean())
  .map(([row, category, day, refund]) => ({
    ...row,
    at: Date.UTC(2024, 0, 1 + day),
    amount: refund ? `-${String(row.amount).replace(/^-/, "")}` : row.amount,
    ...(category === undefined ? {} : { category }),
  }));
const rowsOf = fc.array(categorised, { maxLength: 40 });
const range = fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 })), { nil: undefined });
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const inUnit = (value: number | null): boolean => value === null || (value >= 0 && value <= 1);

describe("categoryBreadth: properties", () => {
  it("rates lie in [0, 1], counts add up, no NaN; row order does not matter; input is not mutated", () => {
    fc.assert(
      fc.property(rowsOf, range, fc.array(fc.integer(), { maxLength: 40 }), (rows, window, keys) => {
        const options = window === undefined ? {} : { start: Date.UTC(2024, 0, 1 + window[0]), end: Date.UTC(2024, 0, 1 + window[0] + window[1]) };
        const input = frozen(rows.map((row) => Object.freeze({ ...row })));
        const before = JSON.stringify(input);
        const result = categoryBreadth(input, options);
        expect(JSON.stringify(input)).toBe(before);
        expect(allNumbersFinite(result)).toBe(true);
        expect(inUnit(result.crossSellRate)).toBe(true);
        expect(result.meanCategories === null ? result.customers === 0 : result.meanCategories >= 1).toBe(true);
        expect(result.distribution.reduce((sum, row) => sum + row.customers, 0)).toBe(result.customers);
        expect(result.crossSellCustomers).toBe(result.distribution.filter((row) => row.categories >= 2).reduce((sum, row) => sum + row.customers, 0));
        for (const row of result.categories) {
          expect(inUnit(row.penetration) && row.movedOn <= row.firstCustomers && row.firstCustomers <= row.customers).toBe(true);
        }
        for (const cell of result.nextCategory) expect(inUnit(cell.share) && cell.from !== cell.to).toBe(true);
        expect(result.categories.reduce((sum, row) => sum + row.firstCustomers, 0)).toBeGreaterThanOrEqual(result.customers);
        expect(plain(categoryBreadth(shuffledWith(rows, keys), options))).toEqual(plain(result));
      }),
      { numRuns: 200 },
    );
  });
});

describe("shareOfWallet: properties", () => {
  const wallets = fc.array(fc.tuple(customerId, fc.integer({ min: 0, max: 10_000 }).map((c) => (c / 100).toFixed(2))), { maxLength: 8 });
  it("shares lie in [0, 1], captured + gap = wallet, no NaN; row order and Map vs object do not matter", () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), wallets, fc.array(fc.integer(), { maxLength: 40 }), (rows, pairs, keys) => {
        const wallet = new Map(pairs);
        const input = frozen(rows);
        const result = shareOfWallet(input, { wallet });
        expect(allNumbersFinite(result)).toBe(true);
        expect(inUnit(result.aggregate.share)).toBe(true);
        for (const row of result.customers) {
          expect(inUnit(row.share)).toBe(true);
          if (row.wallet === null) continue;
          const captured = row.wallet.minus(row.gap!);
          expect(captured.gte(0) && captured.lte(row.wallet)).toBe(true);
          expect(captured.plus(row.aboveWallet!).gte(row.spend)).toBe(true);
        }
        expect(result.aggregate.capturedSpend.plus(result.aggregate.gap).eq(result.aggregate.wallet)).toBe(true);
        expect(result.aggregate.customers + result.missing.customers).toBe(result.customers.length);
        const record: Record<string, string> = {};
        for (const [id, value] of wallet) Object.defineProperty(record, id, { value, enumerable: true, writable: true, configurable: true });
        expect(plain(shareOfWallet(shuffledWith(rows, keys), { wallet: record }))).toEqual(plain(result));
      }),
      { numRuns: 200 },
    );
  });
});

