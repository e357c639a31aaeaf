import { RetentionInputError, RetentionOptionsError } from "../../input/errors";
import type { Ledger } from "../../input/ledger";
import type { RecordKind } from "../fields";
import { LedgerReader } from "../ledgerReader";
import type { ResolvedReadOptions } from "../readOptions";
import { sourceError } from "../sourceError";
import { notUtf8, utf8Decoder } from "../utf8";
import { openSource, UnreadableSource, type LedgerSource } from "./openSource";

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
    const source = reader.source(kind, name, "file");
    const unreadable = (error: unknown): Error => {
      if (error instanceof RetentionInputError || error instanceof RetentionOptionsError) return error;
      const reason = error instanceof UnreadableSource ? error.message : `cannot read (${describeError(error)})`;
      return sourceError({ kind, source: name, index: source.records() }, "unreadable", reason);
    };
    const opened = await openSource(input, name).catch((error: unknown) => {
      throw unreadable(error);
    });
    const decode = utf8Decoder((offset) => {
      throw sourceError({ kind, source: name, index: source.records() }, "invalid_utf8", notUtf8(offset));
    });
    const chunks = opened.chunks[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const next = await chunks.next().catch((error: unknown) => {
          throw unreadable(error);
        });
        if (next.done === true) break;
        source.push(typeof next.value === "string" ? next.value : decode(next.value, false));
        progress?.chunk(name, opened.bytesRead(), opened.size, source.records());
      }
      done = true;
    } finally {
      if (!done) await chunks.return?.();
    }
    source.push(decode(new Uint8Array(0), true));
    source.end();
    progress?.done();
  }
  return reader.finish();
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error.message : code.startsWith("Z_") ? `invalid gzip data: ${error.message}` : code;
}
