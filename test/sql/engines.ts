/**
 * The two engines the SQL tests run every query on: DuckDB in process (`@duckdb/node-api`) and
 * a real PostgreSQL server (`pg`). Rows come back in each driver's JSON-safe form (BIGINT and
 * DECIMAL/NUMERIC as strings, DATE as `YYYY-MM-DD`, TIMESTAMP as `YYYY-MM-DD HH:MM:SS`), which
 * is what the finishing functions of `retention-metrics/sql` must accept.
 *
 * PostgreSQL: `RETENTION_METRICS_PG_URL` when set (`.ci/run` starts a server and sets it);
 * otherwise a throwaway server from scripts/postgres-server.sh when Debian's binaries are here;
 * otherwise `openPostgres` returns the reason, and tests skip with it, unless
 * `RETENTION_METRICS_REQUIRE_PG=1` (set by `.ci/run`), where it throws.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import type { SqlDialect } from "../../src/sql/dialect";
import type { Purchase } from "../../src/index";

export type Row = Record<string, unknown>;

export interface SqlEngine {
  readonly name: "duckdb" | "postgres";
  readonly dialect: SqlDialect;
  /** Runs statements that return nothing. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its rows. */
  rows(sql: string): Promise<Row[]>;
  /** Creates `table(customer_id VARCHAR, purchased_at TIMESTAMP, amount DECIMAL(18, 2))` (replacing it) and inserts the purchases (UTC wall time). */
  loadPurchases(table: string, purchases: readonly Purchase[]): Promise<void>;
  close(): Promise<void>;
}

/** SQL text of one purchase row, for both engines. */
function purchaseValues(p: Purchase): string {
  const at = new Date(p.at as string | number | Date).toISOString().replace("T", " ").replace("Z", "");
  return `('${String(p.customerId).split("'").join("''")}', TIMESTAMP '${at}', ${String(p.amount)})`;
}

async function loadInto(engine: Pick<SqlEngine, "run">, table: string, purchases: readonly Purchase[]): Promise<void> {
  const name = `"${table.split('"').join('""')}"`;
  await engine.run(`DROP TABLE IF EXISTS ${name}`);
  await engine.run(`CREATE TABLE ${name} (customer_id VARCHAR, purchased_at TIMESTAMP, amount DECIMAL(18, 2))`);
  for (let i = 0; i < purchases.length; i += 2000) {
    await engine.run(`INSERT INTO ${name} VALUES ${purchases.slice(i, i + 2000).map(purchaseValues).join(",")}`);
  }
}

/** A fresh in-memory DuckDB database. */
export async function openDuckDb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const engine: SqlEngine = {
    name: "duckdb",
    dialect: "duckdb",
    run: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[],
    loadPurchases: (table, purchases) => loadInto(engine, table, purchases),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return engine;
}

// Raw text for the types whose JS conversion would lose or shift them: NUMERIC, INT8, DATE, TIMESTAMP, TIMESTAMPTZ.
for (const oid of [1700, 20, 1082, 1114, 1184]) pg.types.setTypeParser(oid, (text: string) => text);

/** Where PostgreSQL is, or why it is not: a URL, plus the server this process started (to stop). */
function postgresServer(): { url: string; dir: string | null } | string {
  const fromEnv = process.env.RETENTION_METRICS_PG_URL;
  if (fromEnv !== undefined && fromEnv !== "") return { url: fromEnv, dir: null };
  const dir = mkdtempSync(join(tmpdir(), "retention-metrics-pg-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  try {
    const url = execFileSync("scripts/postgres-server.sh", ["start", dir, String(port)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    return { url, dir };
  } catch (error) {
    execFileSync("scripts/postgres-server.sh", ["stop", dir]);
    return `PostgreSQL could not start here (${(error as Error).message.split("\n")[0]}); .ci/run installs and starts it`;
  }
}

/** A connection to a PostgreSQL server in a fresh schema, or the reason there is none. */
export async function openPostgres(): Promise<SqlEngine | string> {
  const server = postgresServer();
  if (typeof server === "string") {
    if (process.env.RETENTION_METRICS_REQUIRE_PG === "1") throw new Error(server);
    return server;
  }
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const schema = `t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET TIME ZONE 'UTC'`);
  const engine: SqlEngine = {
    name: "postgres",
    dialect: "postgres",
    run: async (sql) => {
      await client.query(sql);
    },
    rows: async (sql) => (await client.query(sql)).rows as Row[],
    loadPurchases: (table, purchases) => loadInto(engine, table, purchases),
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
      if (server.dir !== null) execFileSync("scripts/postgres-server.sh", ["stop", server.dir]);
    },
  };
  return engine;
}

/** The engine a `describe.each(["duckdb", "postgres"])` block runs on, or why PostgreSQL is not here. */
export async function openEngine(which: "duckdb" | "postgres"): Promise<SqlEngine | string> {
  return which === "duckdb" ? openDuckDb() : openPostgres();
}

/** Closes what `openEngine` opened; nothing when it gave a reason instead, or never finished. */
export async function closeEngine(engine: SqlEngine | string | undefined): Promise<void> {
  if (typeof engine === "object") await engine.close();
}
