import { once } from "node:events";
import { parse } from "csv-parse";
import { CliInputError } from "../errors";
import { JsonArraySplitter } from "./jsonSplitter";
import type { OpenedInput } from "./openInput";
import type { RecordBuilder } from "./recordBuilder";

/** The text formats read: CSV with a header, a JSON array, or NDJSON (one object per line). */
export type InputFormat = "csv" | "json" | "ndjson";

/** Picks the format from the first non-blank character: `[` JSON array, `{` NDJSON, else CSV. */
export function sniffFormat(text: string): InputFormat {
  const first = text.replace(/^[\s\uFEFF]+/, "").charAt(0);
  return first === "[" ? "json" : first === "{" ? "ndjson" : "csv";
}

/**
 * Streams `input` into `builder` chunk by chunk: memory holds the record being built, never
 * the file's text. `format` forces a format; by default it is sniffed. `onChunk` is called
 * after every chunk (for progress).
 */
export async function readRecords(input: OpenedInput, builder: RecordBuilder, format: InputFormat | undefined, onChunk: () => void): Promise<InputFormat> {
  input.stream.setEncoding("utf8");
  const chunks = input.stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  let first = await chunks.next();
  while (!first.done && first.value.trim() === "") first = await chunks.next();
  if (first.done) throw new CliInputError(input.name, null, null, "the file is empty");
  const head = first.value;
  const kind = format ?? sniffFormat(head);
  async function* text(): AsyncGenerator<string> {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (kind === "csv") await readCsv(text(), input.name, builder, onChunk);
  else if (kind === "json") {
    const splitter = new JsonArraySplitter(input.name, (element, line) => builder.object(parseJson(element, input.name, line), line));
    for await (const chunk of text()) {
      splitter.push(chunk);
      onChunk();
    }
    splitter.end();
  } else await readNdjson(text(), input.name, builder, onChunk);
  if (builder.count === 0) throw new CliInputError(input.name, null, null, "the file holds no records");
  return kind;
}

function parseJson(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(file, line, null, `invalid JSON (${(error as Error).message})`);
  }
}

async function readNdjson(text: AsyncIterable<string>, file: string, builder: RecordBuilder, onChunk: () => void): Promise<void> {
  let rest = "";
  let line = 0;
  const take = (row: string): void => {
    line++;
    if (row.trim() !== "") builder.object(parseJson(row, file, line), line);
  };
  for await (const chunk of text) {
    const rows = (rest + chunk).split("\n");
    rest = rows.pop() ?? "";
    for (const row of rows) take(row);
    onChunk();
  }
  take(rest);
}

async function readCsv(text: AsyncIterable<string>, file: string, builder: RecordBuilder, onChunk: () => void): Promise<void> {
  // Records are consumed synchronously as they are pushed, so `parser.info.lines` is the line
  // the record ends on (csv-parse's `info: true` gives the same number but costs 3× the time).
  const parser = parse({ bom: true, skip_empty_lines: true, trim: false });
  let header = true;
  let failure: unknown = null;
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  done.catch(() => undefined);
  parser.on("data", (record: string[]) => {
    if (failure !== null) return;
    try {
      if (header) {
        builder.header(record, parser.info.lines);
        header = false;
      } else builder.csvRow(record, parser.info.lines);
    } catch (error) {
      failure = error;
      parser.destroy(error as Error);
    }
  });
  try {
    for await (const chunk of text) {
      if (failure !== null) break;
      if (!parser.write(chunk)) await Promise.race([once(parser, "drain"), done]);
      onChunk();
    }
    parser.end();
    await done;
  } catch (error) {
    throw failure ?? csvError(file, error);
  }
  if (failure !== null) throw failure;
  if (header) throw new CliInputError(file, null, null, "the file is empty");
}

function csvError(file: string, error: unknown): Error {
  if (error instanceof CliInputError) return error;
  const lines = (error as { lines?: unknown }).lines;
  const message = (error as Error).message ?? String(error);
  return new CliInputError(file, typeof lines === "number" ? lines : null, null, `invalid CSV: ${message}`);
}
