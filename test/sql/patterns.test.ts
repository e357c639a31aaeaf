import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternTableFromRows, patternTableSql, spendPatternSql, spendPatternsFromRows } from "retention-metrics/sql";
import { customerSummary, type Purchase } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { ASOF, edgePurchases, inMemoryPatterns, propertyLedger } from "./patternFixtures";

/** The pattern table through `engine`, against the in-memory one: same keys (exact doubles), counts and spend. */
async function expectPatternsEqual(engine: SqlEngine, purchases: readonly Purchase[], timeUnit: "day" | "week"): Promise<number> {
  await engine.loadPurchases("purchases", purchases);
  const table = patternTableFromRows(await engine.rows(patternTableSql({ dialect: engine.dialect, table: "purchases", asOf: ASOF })), { timeUnit });
  const expected = inMemoryPatterns(purchases, ASOF, timeUnit);
  expect(table.patternCount).toBe(expected.size);
  for (const row of table.customers) {
    const want = expected.get(`${row.frequency}|${row.recency}|${row.T}`);
    expect(want, `pattern ${row.frequency}|${row.recency}|${row.T}`).toBeDefined();
    expect(row.customers).toBe(want!.customers);
    expect(row.weight).toBe(row.customers);
    // Σ of the customers' mean spends × x is the pattern's repeat total (to the 40-digit means' rounding).
    expect(want!.meanSpends.times(row.frequency).toDecimalPlaces(20).toString()).toBe(row.sumMonetary.toString());
    if (row.customers === 1) expect(row.monetaryValue.toString()).toBe(want!.meanSpends.toString());
  }
  return table.customerCount;
}

/** The spend patterns through `engine`, against the repeat customers' (x, z̄) counted in memory: the same Decimals. */
async function expectSpendPatternsEqual(engine: SqlEngine, purchases: readonly Purchase[]): Promise<void> {
  await engine.loadPurchases("purchases", purchases);
  const table = spendPatternsFromRows(await engine.rows(spendPatternSql({ dialect: engine.dialect, table: "purchases", asOf: ASOF })));
  const expected = new Map<string, number>();
  for (const c of customerSummary(purchases, { asOf: ASOF }).customers) {
    if (c.frequency === 0) continue;
    const key = `${c.frequency}|${c.monetaryValue.toString()}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const found = new Map(table.customers.map((row) => [`${row.frequency}|${row.monetaryValue.toString()}`, row.customers]));
  expect(found).toEqual(expected);
}

describe.each(["duckdb", "postgres"] as const)("patternTableSql on %s equals customerSummary grouped", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  });
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("on CDNOW plus edge cases, in weeks and days", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const purchases = [...cdnowPurchases(), ...edgePurchases];
    expect(await expectPatternsEqual(engine, purchases, "week")).toBe(2357 + 3); // the refund-only customer is none
    await expectPatternsEqual(engine, purchases, "day");
    await expectSpendPatternsEqual(engine, purchases);
  });

  it("on generated ledgers (refunds, same-day orders, ties at asOf, quoted ids)", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const live = engine;
    await fc.assert(
      fc.asyncProperty(propertyLedger, async (purchases) => {
        await expectPatternsEqual(live, purchases, "week");
        await expectSpendPatternsEqual(live, purchases);
      }),
      { numRuns: 20 },
    );
  });
});
