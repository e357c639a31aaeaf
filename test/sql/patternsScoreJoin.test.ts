import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternTableFromRows, patternTableSql, scoreJoin } from "retention-metrics/sql";
import { customerSummary, fitBgNbd, fitGammaGamma, predictClv, RetentionOptionsError, scorePatterns, type Purchase, type ScorePatternsResult } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { type Row, type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";
import { ASOF, edgePurchases, propertyLedger } from "./patternFixtures";

const cdnow = cdnowPurchases();
const summary = customerSummary(cdnow, { asOf: ASOF, timeUnit: "week" });
const bgNbd = fitBgNbd(summary);
const gammaGamma = fitGammaGamma(summary);
const options = { horizon: 52, discountRate: 0.0018 };
/** The loaded scores' table: a hostile name, which must stay a name. */
const SCORES = 'pattern "scores"; DROP TABLE purchases; --';
/** And a hostile name for its t_days column. */
const T_DAYS = 't "days"; --';

/** Loads `scorePatterns`' rows as the table `name` (the default snake_case columns). */
async function loadScores(engine: SqlEngine, name: string, scored: ScorePatternsResult): Promise<void> {
  const q = (n: string): string => `"${n.split('"').join('""')}"`;
  // Through text: DuckDB reads a bare 0.924… as a DECIMAL first, which can move the double's last bit.
  const number = (value: number | null): string => (value === null ? "NULL" : `CAST('${value}' AS DOUBLE PRECISION)`);
  await engine.run(`DROP TABLE IF EXISTS ${q(name)}`);
  await engine.run(
    `CREATE TABLE ${q(name)} (frequency BIGINT, recency_days BIGINT, ${q(T_DAYS)} BIGINT, probability_alive DOUBLE PRECISION, expected_purchases DOUBLE PRECISION, discounted_purchases DOUBLE PRECISION, spend_base DOUBLE PRECISION, spend_per_repeat_value DOUBLE PRECISION)`,
  );
  const values = scored.patterns.map((s) =>
    `(${[s.frequency, s.recencyDays, s.tDays, s.probabilityAlive, s.expectedPurchases, s.discountedPurchases, s.spendBase, s.spendPerRepeatValue].map(number).join(", ")})`,
  );
  for (let i = 0; i < values.length; i += 1000) await engine.run(`INSERT INTO ${q(name)} VALUES ${values.slice(i, i + 1000).join(", ")}`);
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/**
 * The round trip: patterns out of the warehouse, scored here, loaded back and joined; each
 * customer's join row against `predictClv` on that customer's own summary row. Repeat customers
 * whose repeat value is ≤ 0 (refunds), which predictClv refuses, must come back NULL.
 */
async function expectRoundTrip(engine: SqlEngine, purchases: readonly Purchase[]): Promise<number> {
  await engine.loadPurchases("purchases", purchases);
  const table = patternTableFromRows(await engine.rows(patternTableSql({ dialect: engine.dialect, table: "purchases", asOf: ASOF })), { timeUnit: "week" });
  const scorable = { customers: table.customers.filter((p) => p.frequency === 0 || p.sumMonetary.gt(0)), timeUnit: table.timeUnit };
  await loadScores(engine, SCORES, scorePatterns(bgNbd, gammaGamma, scorable, options));
  const joined = new Map<string, Row>();
  for (const row of await engine.rows(scoreJoin({ dialect: engine.dialect, table: "purchases", asOf: ASOF, scores: { table: SCORES, columns: { tDays: T_DAYS } } }))) joined.set(String(row.customer_id), row);
  const rows = customerSummary(purchases, { asOf: ASOF, timeUnit: "week" }).customers;
  expect(joined.size).toBe(rows.length);
  const valid = rows.filter((c) => c.frequency === 0 || c.monetaryValue.gt(0));
  for (const c of rows) if (!valid.includes(c)) expect(joined.get(c.customerId)!.clv).toBeNull();
  const predicted = predictClv(bgNbd, gammaGamma, valid, options).customers;
  valid.forEach((c, i) => {
    const row = joined.get(c.customerId)!;
    const want = predicted[i]!;
    expect(Number(row.probability_alive)).toBe(want.probabilityAlive);
    expect(relative(Number(row.expected_purchases), want.expectedPurchases)).toBeLessThan(1e-10);
    expect(relative(Number(row.expected_average_spend), want.expectedAverageSpend!)).toBeLessThan(1e-13);
    expect(relative(Number(row.clv), want.clv!.toNumber())).toBeLessThan(1e-10);
  });
  return valid.length;
}

describe.each(["duckdb", "postgres"] as const)("scoreJoin on %s gives every customer predictClv's scores", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  });
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("on CDNOW plus edge cases", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    expect(await expectRoundTrip(engine, [...cdnow, ...edgePurchases])).toBe(2357 + 3);
  });

  it("on generated ledgers (refunds, same-day orders, ties at asOf, quoted ids)", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const live = engine;
    await fc.assert(
      fc.asyncProperty(propertyLedger, async (purchases) => {
        await expectRoundTrip(live, purchases);
      }),
      { numRuns: 15 },
    );
  });
});

describe("scoreJoin's text", () => {
  // node-sql-parser cannot read a doubled quote inside a qualified or aliased name, so the parsed names
  // hold none; names with doubled quotes run for real on DuckDB and PostgreSQL above.
  it("parses in BigQuery, Snowflake and Spark, with hostile names", () => {
    for (const dialect of PARSED_DIALECTS) {
      expectParses(dialect, scoreJoin({ dialect, table: ["shop", "orders"], asOf: ASOF, scores: { table: ["shop", "scores"] } }));
      expectParses(dialect, scoreJoin({ dialect, table: "semi;colon", asOf: ASOF, scores: { table: "semi;colon scores", columns: { spendBase: "it's", tDays: "a;b --" } } }));
    }
  });

  it("refuses bad scores options", () => {
    const base = { dialect: "duckdb", table: "purchases", asOf: ASOF } as const;
    expect(() => scoreJoin(base as never)).toThrow(RetentionOptionsError);
    expect(() => scoreJoin({ ...base, scores: "t" } as never)).toThrow(/scores/);
    expect(() => scoreJoin({ ...base, scores: { table: "t", colums: {} } } as never)).toThrow(/did you mean "columns"/);
    expect(() => scoreJoin({ ...base, scores: { table: "t", columns: { spendbase: "x" } } } as never)).toThrow(/did you mean "spendBase"/);
    expect(() => scoreJoin({ ...base, scores: { table: "" } })).toThrow(/scores\.table/);
  });
});
