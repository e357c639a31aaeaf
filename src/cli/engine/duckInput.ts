import { closeSync, openSync, readSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { DuckDBConnection } from "@duckdb/node-api";
import { stringLiteral } from "../../sql/literals";
import { CliError } from "../errors";

/** The formats DuckDB reads for `--engine duckdb`. */
export type DuckFormat = "csv" | "json" | "ndjson" | "parquet";

/** The column DuckDB adds with each row's file (a name no export is likely to use). */
export const FILE_COLUMN = "__retention_metrics_file";

/** A purchases input as DuckDB reads it: its files (a glob expanded), format and compression. */
export interface DuckInput {
  /** The `--purchases` value as given (a path or a glob), for messages. */
  readonly name: string;
  readonly files: readonly string[];
  readonly format: DuckFormat;
  readonly gzip: boolean;
}

const GLOB = /[*?[{]/;

/**
 * Finds the files of `--purchases PATH` (a path, or a glob such as `orders/*.parquet`, expanded
 * by DuckDB's `glob`) and their format: `--input-format` when given, else the first file's
 * first bytes (`PAR1` Parquet, `[` a JSON array, `{` NDJSON, anything else CSV; gzip
 * is looked through), as the in-memory reader sniffs text.
 *
 * @throws {CliError} when nothing matches or the first file cannot be read
 */
export async function findInput(connection: DuckDBConnection, name: string, format: DuckFormat | undefined): Promise<DuckInput> {
  let files: string[];
  if (GLOB.test(name)) {
    const rows = (await connection.runAndReadAll(`SELECT file FROM glob(${stringLiteral("duckdb", name)}) ORDER BY file`)).getRowObjectsJson();
    files = rows.map((row) => String(row.file));
    if (files.length === 0) throw new CliError(`${name}: no file matches`);
  } else files = [name];
  const head = firstBytes(files[0]!);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const text = gzip ? gunzipHead(files[0]!) : head;
  return { name, files, format: format ?? sniff(text), gzip };
}

function sniff(bytes: Uint8Array): DuckFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return "parquet";
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x5b ? "json" : bytes[i] === 0x7b ? "ndjson" : "csv";
}

/** The first 64 KiB of a file (less when shorter). */
function firstBytes(path: string): Uint8Array {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path}: is a directory (for several files pass a glob such as ${path}/*.parquet)`);
    fd = openSync(path, "r");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const buffer = Buffer.alloc(1 << 16);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The start of a gzip file, unzipped as far as its first 64 KiB go. */
function gunzipHead(path: string): Uint8Array {
  try {
    return gunzipSync(firstBytes(path), { finishFlush: 2 });
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * The table function that reads the input, every column as DuckDB types it (`types` forces
 * some: the text formats are read as VARCHAR so that the library's rules, not DuckDB's guesses,
 * type them), plus `FILE_COLUMN`.
 */
export function readerSql(input: DuckInput, options: { readonly delimiter?: string | undefined; readonly types?: ReadonlyMap<string, string> | undefined }): string {
  const files = `[${input.files.map((file) => stringLiteral("duckdb", file)).join(", ")}]`;
  const common = `filename = ${stringLiteral("duckdb", FILE_COLUMN)}${input.gzip ? ", compression = 'gzip'" : ""}`;
  switch (input.format) {
    case "parquet":
      return `read_parquet(${files}, filename = ${stringLiteral("duckdb", FILE_COLUMN)})`;
    case "csv": {
      const delimiter = options.delimiter === undefined ? "" : `, delim = ${stringLiteral("duckdb", options.delimiter)}`;
      return `read_csv(${files}, header = true, all_varchar = true, quote = '"', escape = '"', ${common}${delimiter})`;
    }
    default: {
      const types = options.types === undefined ? "" : `, columns = {${[...options.types].map(([column, type]) => `${stringLiteral("duckdb", column)}: ${stringLiteral("duckdb", type)}`).join(", ")}}`;
      return `read_json(${files}, format = '${input.format === "json" ? "array" : "newline_delimited"}', records = true, ${common}${types})`;
    }
  }
}
