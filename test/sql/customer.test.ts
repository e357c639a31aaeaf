import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classifyDefectionsFromInputs,
  customerSummaryFromRows,
  customerSummarySql,
  defectionInputsSql,
  loyalCustomersFromInputs,
  ltvSegmentsFromInputs,
  quoteIdentifier,
  rfmInputsSql,
  rfmScoresFromInputs,
  SQL_DIALECTS,
  type CustomerSummarySqlOptions,
  type SqlDialect,
} from "retention-metrics/sql";
import { classifyDefections, customerSummary, loyalCustomers, ltvSegments, rfmScores, RetentionInputError, RetentionOptionsError, type Purchase } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { AS_OF, AS_OF_MIDDAY, EDGE_PURCHASES, purchasesArbitrary } from "./customerLedgers";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

const RUNS = 20;

type TimeOptions = Pick<CustomerSummarySqlOptions, "timeUnit" | "calendar" | "granularity" | "weekStartsOn">;

/** Every time axis of customerSummary: elapsed days and weeks, calendar buckets (weeks from three start days), the discrete-time summary. */
const TIME_OPTIONS: readonly TimeOptions[] = [
  {},
  { timeUnit: "week" },
  { calendar: "day" },
  { calendar: "week" },
  { calendar: "week", weekStartsOn: 0 },
  { calendar: "week", weekStartsOn: 3, timeUnit: "week" },
  { calendar: "month" },
  { calendar: "quarter" },
  { calendar: "year" },
  { timeUnit: "period", granularity: "month" },
  { timeUnit: "period", granularity: "week", weekStartsOn: 6 },
];

/** The rows reversed and frozen: a finisher must not depend on the engine's row order, nor write to the rows. */
async function frozenReversed(rows: Promise<Record<string, unknown>[]>): Promise<readonly Record<string, unknown>[]> {
  return Object.freeze((await rows).map((row) => Object.freeze({ ...row })).reverse());
}

describe.each(["duckdb", "postgres"] as const)("customer-level SQL on %s equals the in-memory functions", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  });
  afterAll(async () => {
    await closeEngine(engine);
  });

  /** Loads `purchases` into table `t` of the engine (skipping the test when there is no engine). */
  async function load(purchases: readonly Purchase[], context: { skip: (note: string) => void }): Promise<SqlEngine | null> {
    if (typeof engine === "string") {
      context.skip(engine);
      return null;
    }
    await engine.loadPurchases("t", purchases);
    return engine;
  }

  async function summaryOnSql(db: SqlEngine, asOf: string, time: TimeOptions) {
    const options = { dialect: db.dialect, table: "t", asOf, ...time } as const;
    return customerSummaryFromRows(await frozenReversed(db.rows(customerSummarySql(options))), options);
  }

  /** RFM, LTV tiers, defections and loyal customers on SQL, each next to the in-memory result. */
  async function segmentsOnSql(db: SqlEngine, purchases: readonly Purchase[], asOf: string) {
    const source = { dialect: db.dialect, table: "t" } as const;
    const rfmRows = await frozenReversed(db.rows(rfmInputsSql({ ...source, asOf })));
    const allRows = await frozenReversed(db.rows(rfmInputsSql({ ...source, asOf: "9999-12-31" })));
    const defectionRows = await frozenReversed(db.rows(defectionInputsSql({ ...source, asOf })));
    const thresholds = { minGapDays: 2.5, atRiskAfter: 1, defectedAfter: 1.75 };
    return [
      [rfmScoresFromInputs(rfmRows, { ...source, asOf }), rfmScores(purchases, { asOf })],
      [rfmScoresFromInputs(rfmRows, { asOf, bins: 3, otherSegment: "x" }), rfmScores(purchases, { asOf, bins: 3, otherSegment: "x" })],
      [ltvSegmentsFromInputs(allRows, { by: "revenue", method: "pareto", share: 0.8 }), ltvSegments(purchases, { by: "revenue", method: "pareto", share: 0.8 })],
      [ltvSegmentsFromInputs(allRows, { method: "quantile", tiers: 3 }), ltvSegments(purchases, { method: "quantile", tiers: 3 })],
      [classifyDefectionsFromInputs(defectionRows, { ...source, asOf }), classifyDefections(purchases, { asOf })],
      [classifyDefectionsFromInputs(defectionRows, { asOf, thresholds }), classifyDefections(purchases, { asOf, thresholds })],
      [loyalCustomersFromInputs(defectionRows, { ...source, asOf }), loyalCustomers(purchases, { asOf })],
      [loyalCustomersFromInputs(defectionRows, { asOf, minOrders: 1, valueShare: 0.5, thresholds }), loyalCustomers(purchases, { asOf, minOrders: 1, valueShare: 0.5, thresholds })],
    ] as const;
  }

  it("RFM, LTV tiers, defections and loyal customers on CDNOW and the edge cases", async (context) => {
    const purchases = [...cdnowPurchases(), ...EDGE_PURCHASES];
    const db = await load(purchases, context);
    if (db === null) return;
    for (const asOf of ["1997-09-30", "1997-04-15T12:00:00Z", AS_OF_MIDDAY]) {
      for (const [onSql, inMemory] of await segmentsOnSql(db, purchases, asOf)) expect(onSql).toEqual(inMemory);
    }
    // By hand: gappy's gaps 1, 3, 10, 20 days raised to minGapDays 7 give a median of (7 + 10) / 2; to 2.5, (3 + 10) / 2.
    const rows = await db.rows(defectionInputsSql({ dialect: db.dialect, table: "t", asOf: AS_OF }));
    const gappy = (minGapDays: number) => classifyDefectionsFromInputs(rows, { asOf: AS_OF, thresholds: { minGapDays } }).find((c) => c.customerId === "gappy")!;
    expect([gappy(7).expectedGapDays, gappy(2.5).expectedGapDays]).toEqual([8.5, 6.5]);
    // Last order 02-04, asOf 03-10: 35 days > 3 × 8.5 → defected 25.5 days after 02-04; value 6 orders × 3.10.
    expect(gappy(7)).toMatchObject({ status: "defected", reason: "no_repurchase", daysSinceLastActivity: 35, since: new Date("2024-02-29T12:00:00Z") });
    expect(gappy(7).annualValue.toString()).toBe("18.6");
  });

  it("RFM, LTV tiers, defections and loyal customers on generated ledgers", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    await fc.assert(
      fc.asyncProperty(purchasesArbitrary(60), fc.constantFrom(AS_OF, AS_OF_MIDDAY), async (purchases, asOf) => {
        const db = (await load(purchases, context))!;
        for (const [onSql, inMemory] of await segmentsOnSql(db, purchases, asOf)) expect(onSql).toEqual(inMemory);
      }),
      { numRuns: RUNS },
    );
  });

  it("customerSummary on CDNOW and the edge cases, on every time axis", async (context) => {
    const purchases = [...cdnowPurchases(), ...EDGE_PURCHASES];
    const db = await load(purchases, context);
    if (db === null) return;
    for (const asOf of ["1997-09-30", "1997-06-15T12:00:00Z", AS_OF]) {
      for (const time of TIME_OPTIONS) expect(await summaryOnSql(db, asOf, time), JSON.stringify(time)).toEqual(customerSummary(purchases, { asOf, ...time } as never));
    }
  });

  it("customerSummary on generated ledgers", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    await fc.assert(
      fc.asyncProperty(purchasesArbitrary(), fc.constantFrom(AS_OF, AS_OF_MIDDAY), fc.subarray([...TIME_OPTIONS], { minLength: 1, maxLength: 3 }), async (purchases, asOf, times) => {
        const db = (await load(purchases, context))!;
        for (const time of times) expect(await summaryOnSql(db, asOf, time)).toEqual(customerSummary(purchases, { asOf, ...time } as never));
      }),
      { numRuns: RUNS },
    );
  });

  it("reads hostile table and column names as names", async (context) => {
    const db = await load(EDGE_PURCHASES, context);
    if (db === null) return;
    const q = (name: string) => quoteIdentifier(db.dialect, name, "name");
    const table = 'x"; DROP TABLE t; --';
    const columns = { customerId: "it's", date: 'we"ird;', amount: "semi;colon" };
    await db.run(`DROP TABLE IF EXISTS ${q(table)}`);
    await db.run(`CREATE TABLE ${q(table)} AS SELECT customer_id AS ${q(columns.customerId)}, purchased_at AS ${q(columns.date)}, amount AS ${q(columns.amount)} FROM t`);
    const options = { dialect: db.dialect, table, columns, asOf: AS_OF } as const;
    expect(customerSummaryFromRows(await db.rows(customerSummarySql(options)), options)).toEqual(customerSummary(EDGE_PURCHASES, { asOf: AS_OF }));
    expect(rfmScoresFromInputs(await db.rows(rfmInputsSql(options)), options)).toEqual(rfmScores(EDGE_PURCHASES, { asOf: AS_OF }));
    expect(classifyDefectionsFromInputs(await db.rows(defectionInputsSql(options)), options)).toEqual(classifyDefections(EDGE_PURCHASES, { asOf: AS_OF }));
    expect(await db.rows("SELECT COUNT(*) AS n FROM t")).toEqual([{ n: String(EDGE_PURCHASES.length) }]);
  });
});

/**
 * Reads one quoted name at the start of `text` as the dialect's lexer does (BigQuery: backslash
 * escapes; the others: the quote doubled) and returns its value and where the quote closed.
 */
function lexQuotedName(dialect: SqlDialect, text: string): { value: string; end: number } {
  const quote = text[0]!;
  let value = "";
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (dialect === "bigquery" && c === "\\") value += text[++i];
    else if (c !== quote) value += c;
    else if (dialect !== "bigquery" && text[i + 1] === quote) value += text[++i];
    else return { value, end: i };
  }
  return { value, end: -1 };
}

describe("a hostile name stays one quoted name in every dialect", () => {
  it("is lexed back whole, to the last character, for any name", () => {
    const tricky = fc.constantFrom("`", '"', "\\", "'", ";", " ", "-", "x");
    fc.assert(
      fc.property(fc.constantFrom(...SQL_DIALECTS), fc.array(fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 12 }), (dialect, parts) => {
        const name = parts.join("").replace(/\u0000/g, "").slice(0, 128) || "x";
        const quoted = quoteIdentifier(dialect, name, "columns.amount");
        expect(lexQuotedName(dialect, quoted)).toEqual({ value: name, end: quoted.length - 1 });
      }),
      { numRuns: 300 },
    );
    expect(quoteIdentifier("bigquery", "a\\` FROM secret --", "c")).toBe("`a\\\\\\` FROM secret --`");
  });
});

describe("customer-level SQL text", () => {
  it("parses in BigQuery, Snowflake and Spark, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      // A backtick inside a name is left out: BigQuery escapes it with a backslash, not by doubling (see the report).
      const columns = { customerId: "it's", date: 'we"ird;', amount: "x; DROP TABLE t; --" };
      const options = { dialect, table: ["shop", "or'ders"], columns, asOf: AS_OF_MIDDAY } as const;
      for (const time of TIME_OPTIONS) expectParses(dialect, customerSummarySql({ ...options, ...time }));
      expectParses(dialect, rfmInputsSql(options));
      expectParses(dialect, defectionInputsSql(options));
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    const base = { dialect: "duckdb" as SqlDialect, table: "t", asOf: AS_OF };
    const badForBoth: unknown[] = [
      null,
      new Map(),
      "options",
      { ...base, asOf: "not a date" },
      { ...base, asOf: undefined },
      { ...base, timeUnit: "month" },
      { ...base, timeUnit: "period" },
      { ...base, timeUnit: "period", granularity: "year", calendar: "year" },
      { ...base, granularity: "year" },
      { ...base, calendar: "decade" },
      { ...base, calendar: "week", weekStartsOn: 7 },
      { ...base, calendar: "month", timeUnit: "week" },
      { ...base, asof: AS_OF },
    ];
    const badSources: unknown[] = [{ ...base, dialect: "mysql" }, { ...base, table: "" }, { ...base, columns: { amont: "a" } }, { ...base, table: ["a", 5] }];
    for (const options of [...badForBoth, ...badSources]) expect(() => customerSummarySql(options as never)).toThrow(RetentionOptionsError);
    for (const query of [rfmInputsSql, defectionInputsSql]) {
      for (const options of [null, new Map(), { ...base, asOf: "soon" }, { ...base, timeUnit: "day" }, ...badSources]) expect(() => query(options as never)).toThrow(RetentionOptionsError);
    }
    const finishers: [(rows: unknown, options: never) => unknown, unknown[]][] = [
      [rfmScoresFromInputs, [{ asOf: AS_OF, bins: 10 }, { asOf: AS_OF, bins: 2.5 }, { asOf: AS_OF, otherSegment: "" }, { bins: 3 }]],
      [ltvSegmentsFromInputs, [{ method: "pareto", by: "margin" }, { method: "pareto", by: "clv" }, { method: "pareto", share: 0 }, { method: "median" }, {}]],
      [classifyDefectionsFromInputs, [{ asOf: AS_OF, rules: [() => null] }, { asOf: AS_OF, thresholds: { minGapDays: -1 } }, { asOf: AS_OF, thresholds: { atRiskAfter: 3, defectedAfter: 2 } }, {}]],
      [loyalCustomersFromInputs, [{ asOf: AS_OF, valueShare: 1.5 }, { asOf: AS_OF, minOrders: 0 }, { asOf: AS_OF, rules: [() => null] }, { asOf: AS_OF, classifications: new Map() }]],
    ];
    for (const [finish, bad] of finishers) {
      for (const options of [null, new Map(), 7, { asOf: AS_OF, method: "pareto", colums: {} }, ...bad]) expect(() => finish([], options as never), JSON.stringify(options)).toThrow(RetentionOptionsError);
    }
    for (const options of badForBoth) expect(() => customerSummaryFromRows([], options as never)).toThrow(RetentionOptionsError);
    for (const dialect of SQL_DIALECTS) expect(customerSummarySql({ dialect, table: "t", asOf: AS_OF })).toContain("2024-03-10 00:00:00.000");
  });

  it("refuses bad rows with RetentionInputError naming rows[i].field", () => {
    const good = { customer_id: "a", transactions: "2", first_day: "2024-01-01", last_day: "2024-01-15", first_at: "2024-01-01 00:00:00", last_at: "2024-01-15 09:00:00", repeat_value: "30.00", orders: 2n, revenue: "40.00" };
    const options = { asOf: "2024-01-29", timeUnit: "week" } as const;
    expect(customerSummaryFromRows([good], options).customers[0]).toMatchObject({ frequency: 1, recency: 2, T: 4, orders: 2 });
    const cases: [unknown, RegExp][] = [
      [null, /rows/],
      [[{ ...good, transactions: -1 }], /rows\[0\]\.transactions/],
      [[good, { ...good, revenue: "ten" }], /rows\[1\]\.revenue/],
      [[{ ...good, first_day: null }], /rows\[0\]\.first_day/],
      [[{ ...good, customer_id: "" }], /rows\[0\]\.customer_id/],
      [[good, good], /rows\[1\]\.customer_id/],
      [[{ ...good, last_at: "yesterday" }], /rows\[0\]\.last_at/],
      [[{ ...good, last_at: "2024-01-29 00:00:00.001" }], /rows\[0\]\.last_at: a purchase after asOf/],
    ];
    for (const [rows, message] of cases) {
      expect(() => customerSummaryFromRows(rows, options)).toThrow(RetentionInputError);
      expect(() => customerSummaryFromRows(rows, options)).toThrow(message);
    }
  });

  it("refuses bad RFM and defection rows with RetentionInputError naming rows[i].field", () => {
    const rfm = { customer_id: "__proto__", orders: 2, last_order_at: "2024-01-15 09:00:00", revenue: "30.00" };
    const defection = { ...rfm, visits: 2, gap_low: 14, gap_high: "14", annual_value: "30.00" };
    const asOf = "2024-02-01";
    expect(rfmScoresFromInputs([rfm], { asOf })[0]).toMatchObject({ customerId: "__proto__", frequency: 2, recencyDays: 16.625 });
    expect(classifyDefectionsFromInputs([defection], { asOf })[0]).toMatchObject({ customerId: "__proto__", expectedGapDays: 14, status: "active" });
    const rfmCases: [unknown, RegExp][] = [
      [{ rows: [] }, /rows/],
      [[rfm, { ...rfm, customer_id: 5, orders: 1.5 }], /rows\[1\]\.orders/],
      [[{ ...rfm, last_order_at: null }], /rows\[0\]\.last_order_at/],
      [[{ ...rfm, revenue: "1e400" }], /rows\[0\]\.revenue/],
      [[{ ...rfm, revenue: "99999999999999999" }], /rows\[0\]\.revenue/],
      [[rfm, rfm], /rows\[1\]\.customer_id/],
      [[{ ...rfm, last_order_at: "2024-02-01 00:00:00.001" }], /rows\[0\]\.last_order_at: an order after asOf/],
    ];
    for (const [rows, message] of rfmCases) {
      expect(() => rfmScoresFromInputs(rows, { asOf })).toThrow(RetentionInputError);
      expect(() => rfmScoresFromInputs(rows, { asOf })).toThrow(message);
      if (!String(message).includes("after asOf")) expect(() => ltvSegmentsFromInputs(rows, { method: "pareto" })).toThrow(message);
    }
    const defectionCases: [unknown, RegExp][] = [
      [[{ ...defection, visits: 3 }], /rows\[0\]\.visits/],
      [[{ ...defection, gap_low: null }], /rows\[0\]\.gap_low/],
      [[{ ...defection, gap_high: -2 }], /rows\[0\]\.gap_high/],
      [[defection, { ...defection, customer_id: "b", annual_value: "a lot" }], /rows\[1\]\.annual_value/],
      [[{ ...defection, last_order_at: null }], /rows\[0\]\.last_order_at/],
      [[{ ...defection, last_order_at: "2024-03-01" }], /rows\[0\]\.last_order_at: an order after asOf/],
    ];
    for (const [rows, message] of defectionCases) {
      expect(() => classifyDefectionsFromInputs(rows, { asOf })).toThrow(RetentionInputError);
      expect(() => classifyDefectionsFromInputs(rows, { asOf })).toThrow(message);
      expect(() => loyalCustomersFromInputs(rows, { asOf })).toThrow(message);
    }
  });
});
