import { CsvTokenizer } from "./csvTokenizer";
import { sniffDelimiter } from "./delimiter";
import { JsonArraySplitter } from "./jsonSplitter";
import type { LedgerTextFormat, ResolvedReadOptions } from "./readOptions";
import type { RecordBuilder } from "./recordBuilder";
import { sourceError } from "./sourceError";

/** Picks the format from the first non-blank character: `[` JSON array, `{` NDJSON, else CSV. */
export function sniffFormat(text: string): LedgerTextFormat {
  const first = text.replace(/^[\s\uFEFF]+/, "").charAt(0);
  return first === "[" ? "json" : first === "{" ? "ndjson" : "csv";
}

interface Consumer {
  push(chunk: string): void;
  end(): void;
}

/**
 * Reads one source's text, pushed in chunks of any size, into its `RecordBuilder`: it waits
 * for the first non-blank character to pick the format (unless one is given) and, for CSV,
 * for the header line to pick the delimiter; after that each chunk is parsed as it comes and
 * only the record being read is held. A leading byte-order mark is dropped.
 */
export class SourceReader {
  /** Text come before the format is known, in pieces (joined once, when it is). */
  private readonly pending: string[] = [];
  /** Whether a non-blank character has come (the format can be sniffed). */
  private seenText = false;
  private consumer: Consumer | null = null;
  /** The CSV tokenizer and its delimiter, once the format is known to be CSV. */
  private tokenizer: CsvTokenizer | null = null;
  private delimiter = ",";
  /** Whether the CSV header has been read. */
  private headerRead = false;

  /** `noun` names the source in messages ("the file is empty", "the text is empty"). */
  constructor(
    private readonly builder: RecordBuilder,
    private readonly options: ResolvedReadOptions,
    private readonly noun: "file" | "text",
  ) {}

  /** Records read so far. */
  records(): number {
    return this.builder.count;
  }

  /**
   * Where CSV records may be read elsewhere (see `CsvByteSource`): once the source is known to
   * be CSV, its header is read and no record is open, the line the next record starts on and
   * the delimiter; otherwise `null`.
   */
  csvBoundary(): { readonly line: number; readonly delimiter: string } | null {
    const tokenizer = this.tokenizer;
    return tokenizer !== null && this.headerRead && tokenizer.idle ? { line: tokenizer.nextLine, delimiter: this.delimiter } : null;
  }

  /** Goes on at `line` after CSV records read elsewhere (at a boundary, see `csvBoundary`). */
  resumeCsvAt(line: number): void {
    this.tokenizer?.resumeAt(line);
  }

  push(chunk: string): void {
    if (this.consumer !== null) {
      this.consumer.push(chunk);
      return;
    }
    const piece = this.pending.length === 0 && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    this.pending.push(piece);
    // Only a chunk that brings the first non-blank character, or (for CSV) a line break after
    // it, can let the format and delimiter be picked: the others wait, unjoined.
    const firstText = !this.seenText && /[^\s\uFEFF]/.test(piece);
    if (firstText) this.seenText = true;
    if (firstText || (this.seenText && piece.includes("\n"))) this.start(false);
  }

  end(): void {
    if (this.consumer === null) this.start(true);
    if (this.consumer === null) this.fail(undefined, "empty", `the ${this.noun} is empty`);
    this.consumer.end();
    if (this.builder.count === 0) this.fail(undefined, "empty", `the ${this.noun} holds no records`);
  }

  /** Picks the format (and delimiter) once enough text has come, then feeds what is pending. */
  private start(final: boolean): void {
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join("");
    this.pending.length = 0;
    this.pending.push(text);
    const first = text.search(/[^\s\uFEFF]/);
    if (first < 0) return;
    const format = this.options.format ?? sniffFormat(text.slice(first));
    if (format === "csv") {
      const lineStart = text.lastIndexOf("\n", first) + 1;
      const newline = text.indexOf("\n", first);
      if (newline < 0 && !final) return;
      const headerLine = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, "");
      this.consumer = this.csv(this.options.delimiter ?? sniffDelimiter(headerLine), headerLine);
    } else this.consumer = format === "json" ? this.json() : this.ndjson();
    this.pending.length = 0;
    this.consumer.push(text);
  }

  private csv(delimiter: string, headerLine: string): Consumer {
    const builder = this.builder;
    this.delimiter = delimiter;
    this.tokenizer = new CsvTokenizer(
      delimiter,
      (cells, line) => {
        if (this.headerRead) builder.csvRow(cells, line);
        else {
          builder.header(cells, line, headerLine, delimiter);
          this.headerRead = true;
        }
      },
      (line, message) => this.fail(line, "invalid_csv", `invalid CSV: ${message}`),
    );
    return this.tokenizer;
  }

  private json(): Consumer {
    return new JsonArraySplitter(
      (element, line) => this.builder.object(this.parse(element, line), line),
      (line, message) => this.fail(line, "invalid_json", message),
    );
  }

  /**
   * NDJSON: one object per line. The start of a line that spans chunks is kept as a list of
   * pieces and joined once its line break comes, so a line of any length costs linear time
   * (re-joining the pending text for every 64 KiB chunk made a 50 MB line quadratic).
   */
  private ndjson(): Consumer {
    const pending: string[] = [];
    let line = 0;
    const take = (row: string): void => {
      line++;
      if (row.trim() !== "") this.builder.object(this.parse(row, line), line);
    };
    return {
      push: (chunk) => {
        let start = 0;
        for (let newline = chunk.indexOf("\n"); newline >= 0; newline = chunk.indexOf("\n", start)) {
          const piece = chunk.slice(start, newline);
          if (pending.length === 0) take(piece);
          else {
            pending.push(piece);
            take(pending.join(""));
            pending.length = 0;
          }
          start = newline + 1;
        }
        if (start < chunk.length) pending.push(chunk.slice(start));
      },
      end: () => take(pending.join("")),
    };
  }

  private parse(text: string, line: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      return this.fail(line, "invalid_json", `invalid JSON (${(error as Error).message})`);
    }
  }

  private fail(line: number | undefined, code: string, message: string): never {
    throw sourceError({ kind: this.builder.kind, source: this.builder.source, index: this.builder.count, line }, code, message);
  }
}
