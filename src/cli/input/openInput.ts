import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CliError } from "../errors";

/** An input ready to read: decoded bytes, its display name, and its size when known (for progress). */
export interface OpenedInput {
  readonly name: string;
  readonly stream: Readable;
  readonly size: number | null;
  /** Raw bytes read so far (before gunzip). */
  readonly bytesRead: () => number;
}

/**
 * Opens `file` (`-` = stdin). Gzip is recognised by its magic bytes (1f 8b), so `.gz` files
 * and gzipped stdin both work. Nothing is read into memory whole: chunks flow on demand.
 */
export async function openInput(file: string, stdin: Readable): Promise<OpenedInput> {
  const name = file === "-" ? "<stdin>" : file;
  let size: number | null = null;
  let source: Readable;
  if (file === "-") source = stdin;
  else {
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new CliError(`${file}: not a file`);
      size = stat.size;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    // 64 KiB chunks (Node's default): a chunk's text stays a young-generation string that the
    // next scavenge frees. With 1 MiB chunks each one outlived a scavenge and went to the old
    // generation, which then held ~60 MiB of spent chunks on a 1M-row file before a full GC.
    source = createReadStream(file, { highWaterMark: 1 << 16 });
  }
  let read = 0;
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head: Buffer | undefined = first.done ? undefined : first.value;
  async function* all(): AsyncGenerator<Buffer> {
    if (head === undefined) return;
    read += head.length;
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      read += next.value.length;
      yield next.value;
    }
  }
  const joined = Readable.from(all(), { objectMode: false });
  const gzipped = head !== undefined && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (!gzipped) return { name, stream: joined, size, bytesRead: () => read };
  const gunzip = createGunzip();
  joined.on("error", (error) => gunzip.destroy(error));
  return { name, stream: joined.pipe(gunzip), size, bytesRead: () => read };
}
