import type { Ledger } from "../input/ledger";
import { sourcesOf } from "./collections";
import { LedgerReader } from "./ledgerReader";
import { resolveReadOptions, type ParseLedgerOptions } from "./readOptions";
import { sourceError } from "./sourceError";
import { isGzip, notUtf8, utf8Decoder } from "./utf8";

/** Text already in memory: a string, or UTF-8 bytes (`Uint8Array`, which includes a Node `Buffer`). */
export type LedgerText = string | Uint8Array;

/** One text per collection. */
export interface LedgerTexts {
  readonly purchases?: LedgerText;
  readonly events?: LedgerText;
  readonly surveys?: LedgerText;
}

/** Bytes are decoded this many at a time, so the whole text never exists as one string. */
const DECODE_CHUNK = 1 << 20;

/**
 * Reads CSV, JSON-array or NDJSON text already in memory into a `Ledger`: the reader of
 * `readLedger` (from `retention-metrics/node`) for browsers, Deno, Bun and workers, with the
 * same options, records and errors. A string or `Uint8Array` alone is purchases; pass
 * `{ purchases, events, surveys }` for the others. Each source is named in errors by its
 * collection (`purchases:3: field "amount": …`). Gzip is not read here (it would need the
 * asynchronous `DecompressionStream`): decompress first, or use `readLedger`.
 *
 * @param input - purchases text, or `{ purchases?, events?, surveys? }` of texts
 * @param options - `columns`, `dateFormat`, `format`, `currency`, `delimiter`, `decimalSeparator`
 * @returns the validated ledger
 * @throws {RetentionInputError} when a source is empty, not UTF-8, gzipped, malformed, or holds an invalid record (issues carry `source`, `line`, `column`)
 * @throws {RetentionOptionsError} when an option is unknown or invalid
 * @example
 * const ledger = parseLedgerText("client;order_date;total\nann;05.01.2024;12,50\n", {
 *   columns: { customerId: "client", at: "order_date", amount: "total" },
 *   dateFormat: "dd.MM.yyyy",
 *   decimalSeparator: ",",
 * });
 * averageOrderValue(ledger).value?.toString() //=> "12.5"
 */
export function parseLedgerText(input: LedgerText | LedgerTexts, options?: ParseLedgerOptions): Ledger {
  const reader = new LedgerReader(resolveReadOptions(options));
  for (const [kind, text] of sourcesOf(input, isText, "text (a string or Uint8Array)")) {
    const source = reader.source(kind, kind, "text");
    if (typeof text === "string") source.push(text);
    else {
      if (isGzip(text)) {
        throw sourceError({ kind, source: kind, index: 0 }, "gzip", "the data is gzip-compressed: decompress it first (DecompressionStream(\"gzip\")), or use readLedger from retention-metrics/node");
      }
      const decode = utf8Decoder((offset) => {
        throw sourceError({ kind, source: kind, index: source.records() }, "invalid_utf8", notUtf8(offset));
      });
      for (let start = 0; start < text.length; start += DECODE_CHUNK) source.push(decode(text.subarray(start, start + DECODE_CHUNK), false));
      source.push(decode(new Uint8Array(0), true));
    }
    source.end();
  }
  return reader.finish();
}

const isText = (value: unknown): value is LedgerText => typeof value === "string" || value instanceof Uint8Array;
