/**
 * Input files for the `--engine duckdb` tests: the CDNOW sample and a generated ledger, each
 * rewritten by DuckDB as gzip CSV, a JSON array, NDJSON, Parquet and a folder of Parquet parts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { generatePurchases } from "../../../bench/generate";

/** The sample, as shipped. */
export const SAMPLE = "examples/data/cdnow-sample.csv";

/** One data set in every format DuckDB reads; `csv` is what the in-memory path reads. */
export interface FormatFiles {
  readonly csv: string;
  readonly others: readonly (readonly [format: string, path: string])[];
}

/**
 * A generated ledger as CSV: 3,000 rows of 400 customers over two years (bench/generate.ts,
 * seed 18), with a refund every 50 rows and ids that need quoting.
 */
export function generatedCsv(dir: string): string {
  const rows = generatePurchases({ purchases: 3_000, customers: 400, seed: 18, start: "2022-01-01", days: 730 });
  const id = (value: string, i: number): string => (i % 7 === 0 ? `"c ${value}, ""x"""` : value);
  const lines = rows.map((p, i) => `${id(String(p.customerId), i)},${new Date(p.at as string).toISOString()},${i % 50 === 0 ? `-${String(p.amount)}` : String(p.amount)}`);
  const path = join(dir, "generated.csv");
  writeFileSync(path, `customerId,at,amount\n${lines.join("\n")}\n`);
  return path;
}

/** `csv` rewritten by DuckDB in the other formats (typed columns for Parquet, text for JSON). */
export async function everyFormat(csv: string, dir: string): Promise<FormatFiles> {
  mkdirSync(dir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const q = (path: string): string => `'${path.split("'").join("''")}'`;
  const source = `read_csv(${q(csv)}, all_varchar = true, header = true)`;
  const names = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJson().map((row) => String(row.column_name));
  const typed = names.map((name) => (name === "at" ? `CAST(strptime("at", ['%Y-%m-%d', '%Y-%m-%dT%H:%M:%S.%gZ']) AS TIMESTAMP) AS "at"` : name === "amount" ? `CAST(amount AS DECIMAL(18, 2)) AS amount` : `"${name}"`)).join(", ");
  const base = join(dir, "data");
  await connection.run(`COPY (SELECT * FROM ${source}) TO ${q(`${base}.csv.gz`)} (FORMAT csv, HEADER, COMPRESSION gzip)`);
  await connection.run(`COPY (SELECT * FROM ${source}) TO ${q(`${base}.json`)} (FORMAT json, ARRAY true)`);
  await connection.run(`COPY (SELECT * FROM ${source}) TO ${q(`${base}.ndjson`)} (FORMAT json)`);
  await connection.run(`COPY (SELECT ${typed} FROM ${source}) TO ${q(`${base}.parquet`)} (FORMAT parquet)`);
  await connection.run(`COPY (SELECT ${typed}, hash(customerId) % 3 AS part FROM ${source}) TO ${q(join(dir, "parts"))} (FORMAT parquet, PARTITION_BY (part))`);
  connection.closeSync();
  instance.closeSync();
  return { csv, others: [["gzip csv", `${base}.csv.gz`], ["json", `${base}.json`], ["ndjson", `${base}.ndjson`], ["parquet", `${base}.parquet`], ["parquet glob", join(dir, "parts", "*", "*.parquet")]] };
}

/** A fresh temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), "retention-metrics-engine-"));
