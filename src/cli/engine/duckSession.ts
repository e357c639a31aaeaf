import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { stringLiteral } from "../../sql/literals";
import { CliError } from "../errors";
import { loadDuckDb, type DuckDbModule } from "./loadDuckDb";

/** A row as DuckDB's JSON conversion gives it (BIGINT and DECIMAL as strings, TIMESTAMP as text). */
export type DuckRow = Record<string, unknown>;

/** `--memory-limit`: a size DuckDB reads, such as `2GB`, `512MiB` or `1.5GB`. */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Reads `--memory-limit SIZE`; undefined when not given. */
export function readMemoryLimit(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!SIZE.test(value.trim())) throw new CliError(`--memory-limit: expected a size such as 2GB or 512MiB, found "${value}"`);
  return value.trim();
}

/**
 * One in-process DuckDB database for a run of `--engine duckdb`: UTC as its time zone, and
 * with `--memory-limit` its `memory_limit` plus a fresh `temp_directory` to spill to (removed
 * by `close`), so that sorts and aggregations larger than the limit go to disk instead of failing.
 */
export class DuckSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly spill: string | null,
  ) {}

  /** Opens the database; `module` is `@duckdb/node-api` (loaded by `loadDuckDb` when not given). */
  static async open(memoryLimit: string | undefined, module?: DuckDbModule): Promise<DuckSession> {
    const duckdb = module ?? (await loadDuckDb());
    const spill = memoryLimit === undefined ? null : mkdtempSync(join(tmpdir(), "retention-metrics-duckdb-"));
    let instance: DuckDBInstance | undefined;
    try {
      instance = await duckdb.DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      const session = new DuckSession(instance, connection, spill);
      await session.run("SET TimeZone = 'UTC'");
      if (memoryLimit !== undefined) {
        await session.run(`SET memory_limit = ${stringLiteral("duckdb", memoryLimit)}`);
        await session.run(`SET temp_directory = ${stringLiteral("duckdb", spill!)}`);
      }
      return session;
    } catch (error) {
      instance?.closeSync();
      if (spill !== null) rmSync(spill, { recursive: true, force: true });
      if (error instanceof CliError) throw error;
      throw new CliError(`--engine duckdb: cannot start DuckDB (${(error as Error).message})`);
    }
  }

  /** Runs statements that return nothing. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and returns its (small) result as rows. */
  async rows(sql: string): Promise<DuckRow[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson() as DuckRow[];
  }

  /** Closes the database and removes the spill directory. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.spill !== null) rmSync(this.spill, { recursive: true, force: true });
  }
}
