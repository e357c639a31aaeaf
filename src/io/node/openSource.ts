import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { isGzip } from "../utf8";

/** Where records come from in Node: a file path, a `Readable` (of bytes or strings), or bytes in memory. */
export type LedgerSource = string | Readable | Uint8Array;

/** A source ready to read: its chunks (gunzipped), its display name and its size when known. */
export interface OpenedSource {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array | string>;
  readonly size: number | null;
  /** Raw bytes read so far (before gunzip). */
  readonly bytesRead: () => number;
}

/**
 * 64 KiB chunks (Node's default): a chunk's text stays a young-generation string that the
 * next scavenge frees. With 1 MiB chunks each one outlived a scavenge and went to the old
 * generation, which then held ~60 MiB of spent chunks on a 1M-row file before a full GC.
 */
const CHUNK = 1 << 16;

/** Why a source cannot be read: `cannot read (ENOENT)`, `not a file`… */
export class UnreadableSource extends Error {}

/** The size of a file, or why it cannot be read. */
export async function fileSize(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UnreadableSource(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!info.isFile()) throw new UnreadableSource("not a file");
  return info.size;
}

/**
 * Opens a source named `name`. Gzip is recognised by its magic bytes (1f 8b), so `.gz` files,
 * gzipped streams and gzipped buffers all work. Nothing is read into memory whole: chunks
 * flow on demand. Throws `UnreadableSource` when a path is missing or not a file.
 */
export async function openSource(input: LedgerSource, name: string): Promise<OpenedSource> {
  let size: number | null = null;
  let raw: AsyncIterable<Uint8Array | string>;
  if (typeof input === "string") {
    size = await fileSize(input);
    raw = createReadStream(input, { highWaterMark: CHUNK });
  } else if (input instanceof Uint8Array) {
    size = input.length;
    raw = slices(input);
  } else raw = input;
  let read = 0;
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const first = await iterator.next();
  const head = first.done ? undefined : bytesOrText(first.value);
  async function* all(): AsyncGenerator<Uint8Array | string> {
    try {
      if (head === undefined) return;
      read += head.length;
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const chunk = bytesOrText(next.value);
        read += chunk.length;
        yield chunk;
      }
    } finally {
      await iterator.return?.();
    }
  }
  if (head === undefined || typeof head === "string" || !isGzip(head)) return { name, chunks: all(), size, bytesRead: () => read };
  const joined = Readable.from(all(), { objectMode: false });
  const gunzip = createGunzip();
  joined.on("error", (error) => gunzip.destroy(error));
  gunzip.on("close", () => joined.destroy());
  return { name, chunks: joined.pipe(gunzip), size, bytesRead: () => read };
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK) yield bytes.subarray(start, start + CHUNK);
}

function bytesOrText(chunk: unknown): Uint8Array | string {
  if (typeof chunk === "string" || chunk instanceof Uint8Array) return chunk;
  throw new UnreadableSource("the stream gives objects; expected bytes or text");
}
