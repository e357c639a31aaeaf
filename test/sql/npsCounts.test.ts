import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { npsByFromCounts, npsCountsSql, npsTrendFromCounts, quoteIdentifier, type NpsCountsSqlOptions } from "retention-metrics/sql";
import { npsBy, npsTrend, RetentionInputError, RetentionOptionsError, type SurveyResponse } from "../../src/index";
import { stringLiteral } from "../../src/sql/literals";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, HOSTILE_NAMES, PARSED_DIALECTS } from "./parseDialect";
import { sqlAsOf, sqlCustomerId, sqlInstant } from "./periodLedgers";

const columns = { kind: "kind", segment: "segment" } as const;

/** Creates `surveys(customer_id, answered_at, score, kind, segment)` on `engine` (replacing it) with the answers. */
async function loadSurveys(engine: SqlEngine, answers: readonly SurveyResponse[]): Promise<void> {
  const text = (value: string | undefined): string => (value === undefined ? "NULL" : stringLiteral(engine.dialect, value));
  await engine.run("DROP TABLE IF EXISTS surveys");
  await engine.run("CREATE TABLE surveys (customer_id VARCHAR, answered_at TIMESTAMP, score INTEGER, kind VARCHAR, segment VARCHAR)");
  const values = answers.map((a) => `(${text(a.customerId)}, TIMESTAMP '${new Date(a.at as string | number).toISOString().replace("T", " ").replace("Z", "")}', ${a.score}, ${text(a.kind)}, ${text(a.segment)})`);
  for (let i = 0; i < values.length; i += 2000) await engine.run(`INSERT INTO surveys VALUES ${values.slice(i, i + 2000).join(",")}`);
}

type Split = Pick<NpsCountsSqlOptions, "granularity" | "weekStartsOn" | "start" | "end"> & { readonly confidence?: number };

/** Runs the query split by bucket and by each key, and checks both finishers against npsTrend and npsBy. */
async function expectSameNps(engine: SqlEngine, answers: readonly SurveyResponse[], split: Split & { readonly granularity: "week" | "month" | "quarter" | "year" }): Promise<void> {
  const { confidence, ...query } = split;
  const trendRows = await engine.rows(npsCountsSql({ dialect: engine.dialect, table: "surveys", columns, ...query }));
  expect(npsTrendFromCounts(trendRows as never, split)).toEqual(npsTrend(answers, split));
  for (const by of ["segment", "customerId"] as const) {
    const rows = await engine.rows(npsCountsSql({ dialect: engine.dialect, table: "surveys", columns, ...query, by }));
    const range = { start: split.start, end: split.end, confidence };
    expect(npsByFromCounts(rows as never, range)).toEqual(npsBy(answers, by, range));
    expect(npsTrendFromCounts(rows as never, split)).toEqual(npsTrend(answers, split));
    expect(npsByFromCounts([...rows].reverse() as never, range)).toEqual(npsBy(answers, by, range)); // row order does not matter
  }
}

/** Survey answers made from the CDNOW purchases: one per purchase row, its score, kind and segment drawn from the row by a fixed rule. */
function cdnowAnswers(): SurveyResponse[] {
  return cdnowPurchases().map((p, i) => {
    const kind = i % 7 === 0 ? "csat" : i % 11 === 0 ? "ces" : i % 3 === 0 ? undefined : "nps";
    const cents = Math.round(Number(p.amount) * 100);
    const score = kind === "csat" ? 1 + (cents % 5) : kind === "ces" ? 1 + (cents % 7) : cents % 11;
    return { customerId: p.customerId, at: `${p.at as string}T${String(i % 24).padStart(2, "0")}:00:00Z`, score, ...(kind === undefined ? {} : { kind }), ...(i % 5 === 0 ? {} : { segment: ["web", "store", "it's", "__proto__"][i % 4]! }) };
  });
}

const surveyAnswer: fc.Arbitrary<SurveyResponse> = fc
  .record({
    customerId: fc.option(sqlCustomerId, { nil: undefined }),
    at: sqlInstant.map((ms) => new Date(ms).toISOString()),
    kind: fc.constantFrom(undefined, "nps", "nps", "csat", "ces"),
    segment: fc.constantFrom(undefined, "web", "store", "", "__proto__", "it's"),
    raw: fc.nat(),
  })
  .map(({ raw, kind, customerId, segment, ...rest }) => ({
    ...rest,
    score: kind === "csat" ? 1 + (raw % 5) : kind === "ces" ? 1 + (raw % 7) : raw % 11,
    ...(kind === undefined ? {} : { kind }),
    ...(customerId === undefined ? {} : { customerId }),
    ...(segment === undefined ? {} : { segment }),
  }));

describe.each(["duckdb", "postgres"] as const)("npsCountsSql on %s equals npsTrend and npsBy", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  }, 120_000);
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("on answers made from the CDNOW sample", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const answers = cdnowAnswers();
    await loadSurveys(engine, answers);
    await expectSameNps(engine, answers, { granularity: "month" });
    await expectSameNps(engine, answers, { granularity: "week", weekStartsOn: 0, start: "1997-02-01T06:00:00Z", end: "1997-09-30", confidence: 0.9 });
    await expectSameNps(engine, answers, { granularity: "quarter", start: "1996-07-01" });
    await expectSameNps(engine, answers, { granularity: "year", end: "1998-03-01" });
  });

  it("on generated answers: every kind, missing keys, boundary ties, hostile ids", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const running = engine;
    const granularity = fc.constantFrom("week", "month", "quarter", "year") as fc.Arbitrary<"week" | "month" | "quarter" | "year">;
    await fc.assert(
      fc.asyncProperty(fc.array(surveyAnswer, { maxLength: 40 }), granularity, fc.constantFrom(0, 1, 5) as fc.Arbitrary<0 | 1 | 5>, fc.option(sqlAsOf, { nil: undefined }), fc.option(sqlAsOf, { nil: undefined }), async (answers, g, weekStartsOn, a, b) => {
        const range = a !== undefined && b !== undefined ? (a === b ? {} : { start: Math.min(a, b), end: Math.max(a, b) }) : { start: a, end: b };
        await loadSurveys(running, answers);
        await expectSameNps(running, answers, { granularity: g, weekStartsOn, ...range });
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it("reads a table and columns whose names hold quotes and semicolons", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const answers = cdnowAnswers().slice(0, 500);
    await loadSurveys(engine, answers);
    const dialect = engine.dialect;
    const q = (name: string): string => quoteIdentifier(dialect, name, "name");
    const names = { table: 'we"ird; DROP TABLE surveys; --', customerId: "it's", date: "__proto__", score: "a`b;c", kind: 'k"; --', segment: "s'; DROP" };
    await engine.run(`DROP TABLE IF EXISTS ${q(names.table)}`);
    await engine.run(`CREATE TABLE ${q(names.table)} AS SELECT customer_id AS ${q(names.customerId)}, answered_at AS ${q(names.date)}, score AS ${q(names.score)}, kind AS ${q(names.kind)}, segment AS ${q(names.segment)} FROM surveys`);
    const { table, ...hostile } = names;
    const rows = await engine.rows(npsCountsSql({ dialect, table, columns: hostile, granularity: "month", by: "segment" }));
    expect(npsByFromCounts(rows as never)).toEqual(npsBy(answers, "segment"));
    expect(npsTrendFromCounts(rows as never, { granularity: "month" })).toEqual(npsTrend(answers, { granularity: "month" }));
  });

  it("refuses a table whose NPS scores are not whole numbers 0–10", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    await loadSurveys(engine, [{ at: "2024-01-05", score: 10 }]);
    await engine.run("INSERT INTO surveys VALUES ('x', TIMESTAMP '2024-01-06 00:00:00', 11, NULL, NULL), ('y', TIMESTAMP '2024-01-07 00:00:00', 4, 'csat', NULL)");
    const rows = await engine.rows(npsCountsSql({ dialect: engine.dialect, table: "surveys", columns, granularity: "month" }));
    expect(() => npsTrendFromCounts(rows as never, { granularity: "month" })).toThrow(/rows\[0\]\.other_scores: 1 NPS answer/);
  });
});

describe("npsCountsSql text", () => {
  it("parses in BigQuery, Snowflake and Spark, hostile names included", () => {
    for (const dialect of PARSED_DIALECTS) {
      const { table, customerId, date, amount } = HOSTILE_NAMES[dialect];
      for (const options of [{ granularity: "week", weekStartsOn: 3, by: "segment", start: "2024-01-01" }, { by: "customerId", end: "2024-01-01" }, { granularity: "quarter" }, {}] as const) {
        expectParses(dialect, npsCountsSql({ dialect, table, columns: { customerId, date, score: amount, kind: customerId, segment: date }, ...options }));
      }
    }
  });

  it("refuses bad options with RetentionOptionsError", () => {
    const good = { dialect: "duckdb", table: "s" } as const;
    for (const bad of [undefined, null, new Map(), { ...good, granularity: "day" }, { ...good, by: "segment" }, { ...good, by: (r: unknown) => r }, { ...good, columns: { scor: "x" } }, { ...good, start: "2024-02-01", end: "2024-01-01" }, { ...good, weekStartsOn: -1 }, { ...good, groupBy: "segment" }]) {
      expect(() => npsCountsSql(bad as never)).toThrow(RetentionOptionsError);
    }
  });
});

describe("the NPS finishers", () => {
  const row = { period_start: "2024-01-01", group_key: "web", promoters: 1, passives: 0, detractors: 0, other_scores: 0 };

  it("finish the doc examples", () => {
    const trend = npsTrendFromCounts([row, { ...row, period_start: "2024-03-01", group_key: "store", promoters: "0", detractors: 1n }], { granularity: "month" });
    expect(trend.map((p) => [p.key, p.score])).toEqual([["2024-01", 100], ["2024-02", null], ["2024-03", -100]]);
    const by = npsByFromCounts([row, { ...row, group_key: "store", promoters: 0, detractors: 1 }, { ...row, group_key: null, passives: 2 }]);
    expect(by.map((g) => [g.key, g.score])).toEqual([["store", -100], ["web", 100], [null, 100 / 3]]);
    // A start 1 ms into the week of the only answer: the week still shows (found by the property test).
    const late = npsTrendFromCounts([{ ...row, period_start: "2024-11-03" }], { granularity: "week", weekStartsOn: 0, start: "2024-11-03T00:00:00.001Z" });
    expect(late.map((p) => [p.key, p.responses])).toEqual([["2024-W45", 1]]);
  });

  it("name the bad row and field", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => npsTrendFromCounts([row, { ...row, promoters: -2 }], { granularity: "month" }), /rows\[1\]\.promoters/],
      [() => npsTrendFromCounts([{ ...row, period_start: undefined }], { granularity: "month" }), /rows\[0\]\.period_start: expected the bucket's start/],
      [() => npsTrendFromCounts([{ ...row, period_start: "2024-01-02" }], { granularity: "month" }), /rows\[0\]\.period_start: expected the start of a month/],
      [() => npsTrendFromCounts([row], { granularity: "month", start: "2024-02-01" }), /rows\[0\]\.period_start: .* outside the range/],
      [() => npsByFromCounts([{ ...row, group_key: undefined }]), /rows\[0\]\.group_key/],
      [() => npsByFromCounts([{ ...row, other_scores: 3 }]), /rows\[0\]\.other_scores/],
      [() => npsByFromCounts("rows" as never), /rows/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(RetentionInputError);
      expect(call).toThrow(message);
    }
  });

  it("refuse bad options, and do not mutate their rows", () => {
    for (const bad of [null, new Map(), { granularity: "day" }, { granularity: "month", confidence: 1 }, { granularity: "month", start: "x" }]) {
      expect(() => npsTrendFromCounts([row], bad as never)).toThrow(RetentionOptionsError);
    }
    for (const bad of [null, new Map(), { confidence: 0 }, { start: "2024-02-01", end: "2024-01-01" }]) expect(() => npsByFromCounts([row], bad as never)).toThrow(RetentionOptionsError);
    const rows = Object.freeze([Object.freeze({ ...row })]);
    expect(npsByFromCounts(rows)).toHaveLength(1);
  });
});
