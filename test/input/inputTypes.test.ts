import { tableFromArrays } from "apache-arrow";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createLedger, nps, type ArrowTableLike, type LedgerInput, type MetricInput, type NpsInput, type PurchaseColumnInput } from "retention-metrics";

describe("input types", () => {
  it("accept rows, columns, typed arrays and Arrow tables without casts", () => {
    const table = tableFromArrays({ customerId: ["a"], at: new Float64Array([0]), amount: new Float64Array([1]) });
    expectTypeOf(table).toMatchTypeOf<ArrowTableLike>();
    expectTypeOf(table).toMatchTypeOf<MetricInput>();
    const columns: PurchaseColumnInput = { customerId: ["a"], at: Float64Array.of(0), amount: ["1.50"], quantity: Int32Array.of(2) };
    const input: LedgerInput = { purchases: columns, surveys: { at: ["2024-01-01"], score: Uint8Array.of(9) }, events: table };
    expectTypeOf(input).toMatchTypeOf<NpsInput>();
    expect(createLedger({ purchases: columns }).purchases.count).toBe(1);
    expect(nps({ surveys: { at: ["2024-01-01"], score: [9] } }).responses).toBe(1);
  });

  it("refuse a text column given as a typed array", () => {
    // @ts-expect-error customer ids are strings, not numbers
    const columns: PurchaseColumnInput = { customerId: Float64Array.of(1), at: [0], amount: [1] };
    expect(columns.amount).toEqual([1]);
  });
});
