/**
 * Generated purchase files for bench/scale.ts, written by DuckDB from a generator query (no
 * row passes through JavaScript): `rows` purchases of `rows / 10` customers over three years,
 * amounts 0.01–200.00 with one refund in 50, as Parquet (typed: VARCHAR, TIMESTAMP,
 * DECIMAL(18, 2)) and, for the in-memory path, the same rows as CSV (ISO instants).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

/** The generator query: row i's customer, instant and amount come from hashes of i, so every run writes the same file. */
export function generatorSql(rows: number): string {
  const customers = Math.max(1, Math.floor(rows / 10));
  return `SELECT 'c' || CAST(hash(i) % ${customers} AS VARCHAR) AS "customerId",
       TIMESTAMP '2021-01-01' + to_seconds(CAST(hash(i * 7 + 1) % ${3 * 365 * 86_400} AS BIGINT)) AS "at",
       CAST((CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END) * (1 + hash(i * 13 + 2) % 20000) / 100 AS DECIMAL(18, 2)) AS amount
FROM range(${rows}) AS t(i)`;
}

/** The Parquet file and the CSV file of `rows` purchases in `dir` (written by DuckDB, with at most `memoryLimit` of memory). */
export async function scaleFiles(dir: string, rows: number, options: { readonly csv: boolean; readonly memoryLimit?: string }): Promise<{ parquet: string; csv: string | null }> {
  mkdirSync(dir, { recursive: true });
  const parquet = join(dir, `purchases-${rows}.parquet`);
  const csv = options.csv ? join(dir, `purchases-${rows}.csv`) : null;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const literal = (text: string): string => `'${text.split("'").join("''")}'`;
  await connection.run(`SET memory_limit = ${literal(options.memoryLimit ?? "4GB")}`);
  await connection.run(`SET temp_directory = ${literal(join(dir, "spill"))}`);
  await connection.run(`COPY (${generatorSql(rows)}) TO ${literal(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
  if (csv !== null) {
    await connection.run(`COPY (SELECT "customerId", strftime("at", '%Y-%m-%dT%H:%M:%SZ') AS "at", amount FROM read_parquet(${literal(parquet)})) TO ${literal(csv)} (FORMAT csv, HEADER)`);
  }
  connection.closeSync();
  instance.closeSync();
  return { parquet, csv };
}
