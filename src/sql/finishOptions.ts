import { readOptions } from "../input/readOptions";
import { checkKeys } from "./source";

/** The source options a finisher accepts (and ignores), so the query's options object can be passed as is. */
const SOURCE_KEYS = ["dialect", "table", "columns"] as const;

/**
 * Reads the options object of a finishing function (`…FromRows`, `…FromInputs`): a plain
 * object holding only the query's source keys (ignored here) and the finisher's own `keys`.
 *
 * @example
 * readFinishOptions({ dialect: "duckdb", table: "t", asOf: "1997-09-30" }, "customerSummaryFromRows", ["asOf"]).asOf //=> "1997-09-30"
 * readFinishOptions({ asof: "1997-09-30" }, "customerSummaryFromRows", ["asOf"]) // throws RetentionOptionsError: … did you mean "asOf"?
 */
export function readFinishOptions(options: unknown, functionName: string, keys: readonly string[]): Readonly<Record<string, unknown>> {
  const read = readOptions(options as object, functionName) as Record<string, unknown>;
  checkKeys("option", read, [...SOURCE_KEYS, ...keys], "options");
  return read;
}
