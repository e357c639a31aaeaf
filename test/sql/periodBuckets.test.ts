import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketIndex } from "../../src/core/bucketIndex";
import { bucketStart, type Granularity, type WeekStartsOn } from "../../src/core/calendar";
import { timestampLiteral } from "../../src/sql/literals";
import { bucketStartSql, bucketsBetweenSql } from "../../src/sql/periodBuckets";
import { type SqlEngine, openEngine, closeEngine } from "./engines";
import { expectParses, PARSED_DIALECTS } from "./parseDialect";

const granularities: Granularity[] = ["day", "week", "month", "quarter", "year"];
const weekStarts: WeekStartsOn[] = [0, 1, 2, 3, 4, 5, 6];

describe.each(["duckdb", "postgres"] as const)("period buckets on %s equal bucketStart and bucketIndex", (which) => {
  let engine: SqlEngine | string;
  beforeAll(async () => {
    engine = await openEngine(which);
  }, 120_000);
  afterAll(async () => {
    await closeEngine(engine);
  });

  it("for instants from 1900 to 2100 (before 1970 too), every granularity and week start", async (context) => {
    if (typeof engine === "string") return context.skip(engine);
    const running = engine;
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -1)).map(([days, ms]) => days * 86_400_000 + ms), // around 1970-01-01
    );
    await fc.assert(
      fc.asyncProperty(fc.array(instant, { minLength: 2, maxLength: 12 }), async (instants) => {
        for (const g of granularities) {
          for (const ws of g === "week" ? weekStarts : [1 as const]) {
            const starts = instants.map((ms) => bucketStartSql(running.dialect, g, ws, timestampLiteral(running.dialect, new Date(ms), "t")));
            const [row] = await running.rows(`SELECT ${starts.map((sql, i) => `${sql} AS s${i}`).join(", ")}, ${bucketsBetweenSql(running.dialect, g, starts[0]!, starts[1]!)} AS n`);
            instants.forEach((ms, i) => expect([g, ws, row![`s${i}`]]).toEqual([g, ws, new Date(bucketStart(ms, g, ws)).toISOString().slice(0, 10)]));
            expect(Number(row!.n)).toBe(bucketIndex(instants[1]!, g, ws) - bucketIndex(instants[0]!, g, ws));
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe("period bucket SQL text", () => {
  it("parses in BigQuery, Snowflake and Spark", () => {
    for (const dialect of PARSED_DIALECTS) {
      for (const g of granularities) {
        const a = bucketStartSql(dialect, g, 3, "t.a");
        expectParses(dialect, `SELECT ${a} AS s, ${bucketsBetweenSql(dialect, g, a, bucketStartSql(dialect, g, 3, "t.b"))} AS n FROM x AS t`);
      }
    }
  });
});
