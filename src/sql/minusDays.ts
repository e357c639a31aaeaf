import type { SqlDialect } from "./dialect";
import { integerLiteral } from "./literals";

/**
 * A timestamp expression moved back by a whole number of days (24 h each: the column holds
 * zone-less UTC, which has no daylight saving), per dialect.
 *
 * @example
 * minusDays("duckdb", "t.at", 365)    //=> "(t.at - INTERVAL '365' DAY)"
 * minusDays("bigquery", "t.at", 365)  //=> "TIMESTAMP_SUB(t.at, INTERVAL 365 DAY)"
 * minusDays("snowflake", "t.at", 365) //=> "DATEADD('day', -365, t.at)"
 */
export function minusDays(dialect: SqlDialect, timestamp: string, days: number): string {
  const n = integerLiteral(days, "days");
  switch (dialect) {
    case "duckdb":
    case "postgres":
    case "spark":
      return `(${timestamp} - INTERVAL '${n}' DAY)`;
    case "bigquery":
      return `TIMESTAMP_SUB(${timestamp}, INTERVAL ${n} DAY)`;
    case "snowflake":
      return `DATEADD('day', -${n}, ${timestamp})`;
  }
}
