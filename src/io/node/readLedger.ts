import { Readable } from "node:stream";
import { RetentionOptionsError } from "../../input/errors";
import type { Ledger } from "../../input/ledger";
import { sourcesOf } from "../collections";
import type { RecordKind } from "../fields";
import { describeValue } from "../../input/describeValue";
import { resolveReadOptions, type ParseLedgerOptions } from "../readOptions";
import { fileSize, type LedgerSource } from "./openSource";
import { readSources } from "./readSources";

/** One source per collection: each a file path, a `Readable`, or bytes (`Buffer`/`Uint8Array`). */
export interface LedgerSources {
  readonly purchases?: LedgerSource;
  readonly events?: LedgerSource;
  readonly surveys?: LedgerSource;
  readonly costs?: LedgerSource;
}

/** Options of `readLedger`: those of `parseLedgerText`, plus progress. */
export interface ReadLedgerOptions extends ParseLedgerOptions {
  /**
   * Called after every chunk with the raw bytes read so far over all sources (before gunzip)
   * and their total, when every source's size is known (paths, buffers, file streams).
   */
  readonly onProgress?: (bytesRead: number, totalBytes?: number) => void;
}

/**
 * Reads purchase, event and survey files (CSV with a header, a JSON array or NDJSON, optionally
 * gzipped) into a `Ledger`, streaming: a file's text is never held whole, so a 1M-row CSV costs
 * the ledger's columns and little more. It is the reader of the `retention-metrics` command-line
 * tool. The format and the CSV delimiter are sniffed unless given; `columns` maps fields to
 * column names; `dateFormat` reads non-ISO dates in UTC; `decimalSeparator: ","` reads
 * `12,50` and `1.234,56` exactly. Plain rows of a purchase CSV go from the file's bytes straight
 * into the ledger's columns; any other row takes the text path, with the same result (see
 * docs/io.md, "The byte-level fast path"). Errors name the source (the path, a file stream's path, or the
 * collection for other streams and buffers), the line and the field.
 *
 * @param sources - `{ purchases?, events?, surveys?, costs? }`, each a path, a `Readable` or bytes; one source alone is purchases
 * @param options - `columns`, `dateFormat`, `format`, `currency`, `delimiter`, `decimalSeparator`, `onProgress`
 * @returns the validated ledger
 * @throws {RetentionInputError} when a source cannot be read, is empty or malformed, or holds an invalid record (issues carry `source`, `line`, `column`)
 * @throws {RetentionOptionsError} when an option is unknown or invalid
 * @example
 * import { readLedger } from "retention-metrics/node";
 * const ledger = await readLedger({ purchases: "orders.csv.gz" }, {
 *   columns: { customerId: "client", at: "order_date", amount: "total" },
 *   delimiter: ";", decimalSeparator: ",", dateFormat: "dd.MM.yyyy",
 * });
 * retentionRate(ledger, { start: "2024-02-01", end: "2024-03-01" });
 */
export async function readLedger(sources: LedgerSource | LedgerSources, options?: ReadLedgerOptions): Promise<Ledger> {
  const resolved = resolveReadOptions(options, ["onProgress"]);
  const onProgress = (options as { onProgress?: unknown } | undefined)?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new RetentionOptionsError("onProgress", `expected a function, found ${describeValue(onProgress)}`);
  const named = sourcesOf(sources, isSource, "a file path, a Readable or a Buffer/Uint8Array").map(([kind, input]) => ({ kind, name: nameOf(kind, input), input }));
  if (onProgress === undefined) return readSources(named, resolved);
  const sizes = await Promise.all(named.map(({ input }) => knownSize(input)));
  const total = sizes.every((size) => size !== null) ? sizes.reduce((a, b) => a + b, 0) : undefined;
  let before = 0;
  let current = 0;
  const report = onProgress as (bytesRead: number, totalBytes?: number) => void;
  return readSources(named, resolved, {
    chunk(_name, bytesRead) {
      current = bytesRead;
      if (total === undefined) report(before + current);
      else report(before + current, total);
    },
    done() {
      before += current;
      current = 0;
    },
  });
}

const isSource = (value: unknown): value is LedgerSource => (typeof value === "string" && value !== "") || value instanceof Uint8Array || value instanceof Readable;

const streamPath = (stream: Readable): string | undefined => {
  const path = (stream as { path?: unknown }).path;
  return typeof path === "string" ? path : undefined;
};

/** A path names itself, a file stream its path, other streams and buffers their collection. */
const nameOf = (kind: RecordKind, input: LedgerSource): string => (typeof input === "string" ? input : input instanceof Readable ? (streamPath(input) ?? kind) : kind);

async function knownSize(input: LedgerSource): Promise<number | null> {
  if (input instanceof Uint8Array) return input.length;
  const path = typeof input === "string" ? input : streamPath(input);
  return path === undefined ? null : fileSize(path).catch(() => null);
}
