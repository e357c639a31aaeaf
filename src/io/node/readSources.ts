import * as nodeBuffer from "node:buffer";
import { RetentionInputError, RetentionOptionsError } from "../../input/errors";
import type { Ledger } from "../../input/ledger";
import type { RecordKind } from "../fields";
import { CsvByteSource, mayReadBytes, type Utf8Bytes } from "../csvByteSource";
import { LedgerReader } from "../ledgerReader";
import type { ResolvedReadOptions } from "../readOptions";
import { sourceError } from "../sourceError";
import type { SourceReader } from "../sourceReader";
import { notUtf8, utf8Decoder } from "../utf8";
import { openSource, TEXT_CHUNK, UnreadableSource, type LedgerSource } from "./openSource";

/**
 * Chunks of 256 KiB for the byte-level reader, which makes no text of them: a quarter of the
 * calls and checks per byte of 64 KiB chunks, and a chunk still fits in a core's cache between
 * its UTF-8 check and its rows.
 */
const BYTE_CHUNK = 1 << 18;

/** A source with the collection it holds and the name errors give it. */
export interface NamedSource {
  readonly kind: RecordKind;
  readonly name: string;
  readonly input: LedgerSource;
}

/** Told after every chunk read (raw bytes so far, the size when known, records so far) and after each source. */
export interface SourceProgress {
  chunk(name: string, bytesRead: number, size: number | null, records: number): void;
  done(): void;
}

/**
 * Streams each source in turn through the shared reader (`LedgerReader`) into one ledger:
 * memory holds the ledger's columns and the record being read, never a file's text.
 */
export async function readSources(sources: readonly NamedSource[], options: ResolvedReadOptions, progress?: SourceProgress): Promise<Ledger> {
  const reader = new LedgerReader(options);
  for (const { kind, name, input } of sources) {
    const failUtf8 = (offset: number): never => {
      throw sourceError({ kind, source: name, index: source.records() }, "invalid_utf8", notUtf8(offset));
    };
    let size: number | null = null;
    const bytes = NODE_UTF8 !== null && mayReadBytes(kind, options);
    const source: ChunkReader = bytes ? byteSource(reader, kind, name, NODE_UTF8, failUtf8, () => size) : textSource(reader.source(kind, name, "file"), failUtf8);
    const unreadable = (error: unknown): Error => {
      if (error instanceof RetentionInputError || error instanceof RetentionOptionsError) return error;
      const reason = error instanceof UnreadableSource ? error.message : `cannot read (${describeError(error)})`;
      return sourceError({ kind, source: name, index: source.records() }, "unreadable", reason);
    };
    const opened = await openSource(input, name, bytes ? BYTE_CHUNK : TEXT_CHUNK).catch((error: unknown) => {
      throw unreadable(error);
    });
    size = opened.size;
    const chunks = opened.chunks[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const next = await chunks.next().catch((error: unknown) => {
          throw unreadable(error);
        });
        if (next.done === true) break;
        source.push(next.value);
        progress?.chunk(name, opened.bytesRead(), opened.size, source.records());
      }
      done = true;
    } finally {
      if (!done) await chunks.return?.();
    }
    source.end();
    progress?.done();
  }
  return reader.finish();
}

/** A source's reader fed chunks as they come: bytes or text. */
interface ChunkReader {
  push(chunk: Uint8Array | string): void;
  end(): void;
  records(): number;
}

/** The byte-level path (see `CsvByteSource`). */
function byteSource(reader: LedgerReader, kind: RecordKind, name: string, bytes: Utf8Bytes, fail: (offset: number) => never, size: () => number | null): ChunkReader {
  const { source, builder, purchases } = reader.sourceParts(kind, name);
  return new CsvByteSource(source, builder, purchases, bytes, fail, size);
}

/** The text path: bytes decoded (refusing what is not UTF-8), text as it comes. */
function textSource(source: SourceReader, fail: (offset: number) => never): ChunkReader {
  const decode = utf8Decoder(fail);
  return {
    push: (chunk) => source.push(typeof chunk === "string" ? chunk : decode(chunk, false)),
    end() {
      source.push(decode(new Uint8Array(0), true));
      source.end();
    },
    records: () => source.records(),
  };
}

/**
 * Node's UTF-8 check (simdutf, Node ≥ 18.14) and decoder, for the byte-level CSV reader;
 * `null` on older Node, where every source takes the text path.
 */
const isUtf8 = (nodeBuffer as { isUtf8?: (bytes: Uint8Array) => boolean }).isUtf8;
const NODE_UTF8: Utf8Bytes | null = typeof isUtf8 === "function" ? { isUtf8, text: bufferText() } : null;

/** Decodes valid UTF-8 with `Buffer#toString`; the `Buffer` view of the last chunk asked about is kept, not made per call. */
function bufferText(): (bytes: Uint8Array, start: number, end: number) => string {
  let viewed: Uint8Array | null = null;
  let view: nodeBuffer.Buffer = nodeBuffer.Buffer.alloc(0);
  return (bytes, start, end) => {
    if (bytes !== viewed) {
      view = nodeBuffer.Buffer.isBuffer(bytes) ? bytes : nodeBuffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      viewed = bytes;
    }
    return view.toString("utf8", start, end);
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error.message : code.startsWith("Z_") ? `invalid gzip data: ${error.message}` : code;
}
