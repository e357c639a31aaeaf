import { CliError } from "../errors";

/** The part of `@duckdb/node-api` the engine uses. */
export type DuckDbModule = typeof import("@duckdb/node-api");

/** What `--engine duckdb` says when `@duckdb/node-api` is not installed. */
export const DUCKDB_MISSING =
  "--engine duckdb needs the optional package @duckdb/node-api, which is not installed; install it next to retention-metrics (npm install @duckdb/node-api) or drop --engine to read the file in memory";

/**
 * Loads `@duckdb/node-api`, an optional peer dependency (its native binaries are about 60 MB),
 * only when `--engine duckdb` asks for it; the core entry and every other command never import it.
 *
 * @param load - the import to try (tests pass one that fails)
 * @returns the module
 * @throws {CliError} saying how to install it when it cannot be loaded
 * @example
 * const { DuckDBInstance } = await loadDuckDb();
 */
export async function loadDuckDb(load: () => Promise<DuckDbModule> = () => import("@duckdb/node-api")): Promise<DuckDbModule> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const detail = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" ? "" : ` (${error instanceof Error ? error.message : String(error)})`;
    throw new CliError(`${DUCKDB_MISSING}${detail}`);
  }
}
