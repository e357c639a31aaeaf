import { closeSync, openSync, writeSync } from "node:fs";
import type { Writable } from "node:stream";

/**
 * Writes chunks of bytes to a file as they come (synchronously, so only one chunk is ever held).
 * Errors are the caller's to word (see `CommandContext.emitChunks`).
 */
export function writeChunksToFile(path: string, chunks: Iterable<Uint8Array>): void {
  const fd = openSync(path, "w");
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
    }
  } finally {
    closeSync(fd);
  }
}

/** `writeChunksToFile` for chunks that come asynchronously (rows streamed from a database). */
export async function writeAsyncChunksToFile(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const fd = openSync(path, "w");
  try {
    for await (const chunk of chunks) {
      for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes chunks of bytes to a stream, waiting for it to drain when its buffer is full, so a large
 * output is never queued whole. A stream that closes or fails (a closed pipe: `… | head`)
 * ends the writing: the reader has what it wanted (see `quietOnClosedPipe`).
 */
export async function writeChunksToStream(stream: Writable, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of chunks) {
    if (stream.destroyed || stream.writableEnded) return;
    if (stream.write(chunk)) continue;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off("drain", done);
        stream.off("close", done);
        stream.off("error", done);
        resolve();
      };
      stream.on("drain", done);
      stream.on("close", done);
      stream.on("error", done);
    });
  }
}
