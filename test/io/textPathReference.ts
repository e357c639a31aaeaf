import type { Ledger } from "../../src/input/ledger";
import { LedgerReader } from "../../src/io/ledgerReader";
import { resolveReadOptions, type ParseLedgerOptions } from "../../src/io/readOptions";
import { readSources } from "../../src/io/node/readSources";
import { sourceError } from "../../src/io/sourceError";
import { notUtf8, utf8Decoder } from "../../src/io/utf8";

/**
 * The general (text) path as `readSources` ran it before the byte-level fast path: every chunk
 * decoded to text (refusing what is not UTF-8) and pushed to the text reader. The oracle the
 * fast path is compared with.
 */
export function readPurchasesAsText(chunks: readonly (Uint8Array | string)[], options?: ParseLedgerOptions, name = "p.csv"): Ledger {
  const reader = new LedgerReader(resolveReadOptions(options));
  const source = reader.source("purchases", name, "file");
  const decode = utf8Decoder((offset) => {
    throw sourceError({ kind: "purchases", source: name, index: source.records() }, "invalid_utf8", notUtf8(offset));
  });
  for (const chunk of chunks) source.push(typeof chunk === "string" ? chunk : decode(chunk, false));
  source.push(decode(new Uint8Array(0), true));
  source.end();
  return reader.finish();
}

/** The same chunks through `readSources`, the reader of `readLedger` and the CLI (the fast path when it applies). */
export async function readPurchasesFast(chunks: readonly (Uint8Array | string)[], options?: ParseLedgerOptions, name = "p.csv"): Promise<Ledger> {
  async function* stream(): AsyncGenerator<Uint8Array | string> {
    for (const chunk of chunks) yield chunk;
  }
  return readSources([{ kind: "purchases", name, input: { [Symbol.asyncIterator]: stream } as never }], resolveReadOptions(options));
}

/** What a read gives: the ledger, or the error's class, message, issues and count. */
export type Outcome = { ledger: Ledger } | { error: { name: string; message: string; issues?: unknown; totalIssues?: unknown } };

export async function outcomeOf(read: () => Ledger | Promise<Ledger>): Promise<Outcome> {
  try {
    return { ledger: await read() };
  } catch (error) {
    const e = error as { name: string; message: string; issues?: unknown; totalIssues?: unknown };
    return { error: { name: e.name, message: e.message, issues: e.issues, totalIssues: e.totalIssues } };
  }
}

/** `bytes` cut at `cuts` (positions, any order, repeats allowed). */
export function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set([0, ...cuts.map((c) => Math.min(Math.max(0, c), bytes.length)), bytes.length])].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  for (let i = 1; i < points.length; i++) pieces.push(Buffer.from(bytes.subarray(points[i - 1], points[i])));
  return pieces.length === 0 ? [Buffer.alloc(0)] : pieces;
}
