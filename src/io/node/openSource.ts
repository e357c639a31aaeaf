import { promises as fs } from "node:fs";
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
 * 64 KiB chunks (Node's default) unless told otherwise: a chunk's text stays a young-generation
 * string that the next scavenge frees. With 1 MiB chunks each one outlived a scavenge and went
 * to the old generation, which then held ~60 MiB of spent chunks on a 1M-row file before a full
 * GC. The byte-level reader makes no text of a chunk and asks for larger ones.
 */
export const TEXT_CHUNK = 1 << 16;

/** Why a source cannot be read: `cannot read (ENOENT)`, `not a file`… */
export class UnreadableSource extends Error {}

/** The size of a file, or why it cannot be read. */
export async function fileSize(path: string): Promise<number> {
  let info;
  try {
    info = await fs.stat(path);
  } catch (error) {
    throw new UnreadableSource(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!info.isFile()) throw new UnreadableSource("not a file");
  return info.size;
}

/**
 * Opens a source named `name`. Gzip is recognised by its magic bytes (1f 8b), so `.gz` files,
 * gzipped streams and gzipped buffers all work. Nothing is read into memory whole: chunks
 * flow on demand, `chunkBytes` at a time from a path or bytes. A file's chunks are views of two
 * buffers that take turns (see `fileChunks`), so a chunk must be done with before the next is
 * asked for. Throws `UnreadableSource` when a path is missing or not a file.
 */
export async function openSource(input: LedgerSource, name: string, chunkBytes = TEXT_CHUNK): Promise<OpenedSource> {
  let size: number | null = null;
  let raw: AsyncIterable<Uint8Array | string>;
  if (typeof input === "string") {
    size = await fileSize(input);
    raw = fileChunks(input, chunkBytes);
  } else if (input instanceof Uint8Array) {
    size = input.length;
    raw = slices(input, chunkBytes);
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
  const joined = Readable.from(copies(all()), { objectMode: false });
  const gunzip = createGunzip();
  joined.on("error", (error) => gunzip.destroy(error));
  gunzip.on("close", () => joined.destroy());
  return { name, chunks: joined.pipe(gunzip), size, bytesRead: () => read };
}

async function* slices(bytes: Uint8Array, chunkBytes: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes);
}

/**
 * A file's bytes, `chunkBytes` at a time, read into two buffers that take turns: the next chunk
 * is read (by libuv's threads) while the one yielded is being used, and a chunk's buffer is read
 * into again once the chunk after it is asked for. Against `createReadStream`, this spares a
 * fresh buffer and a stream's machinery per chunk: reading a 40 MB file took ~20 ms of CPU
 * instead of 120–230 ms (see docs/io.md).
 */
async function* fileChunks(path: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const file = await fs.open(path, "r");
  const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)] as const;
  let turn = 0;
  let next: Promise<{ bytesRead: number }> | null = file.read(buffers[0], 0, chunkBytes, null);
  try {
    for (;;) {
      const { bytesRead } = await next;
      next = null;
      if (bytesRead === 0) return;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      turn ^= 1;
      next = file.read(buffers[turn]!, 0, chunkBytes, null);
      yield chunk;
    }
  } finally {
    // A read still under way (the consumer stopped early) ends before the file is closed.
    await next?.catch(() => undefined);
    await file.close();
  }
}

/** Chunks copied, for a consumer that may hold them past the next one (the gunzip stream's buffer). */
async function* copies(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : new Uint8Array(chunk);
}

function bytesOrText(chunk: unknown): Uint8Array | string {
  if (typeof chunk === "string" || chunk instanceof Uint8Array) return chunk;
  throw new UnreadableSource("the stream gives objects; expected bytes or text");
}
