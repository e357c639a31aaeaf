import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { formatIssue, RetentionInputError, RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { RECORD_KINDS } from "../io/fields";
import { readSources, type NamedSource } from "../io/node/readSources";
import { resolveReadOptions } from "../io/readOptions";
import { choice, type ParsedArgs } from "./args";
import { useColor } from "./color";
import { parseColumns } from "./columnsFlag";
import { escapeControlCharacters } from "../io/escapeControl";
import { writeAsyncChunksToFile, writeChunksToFile, writeChunksToStream } from "./chunkedOutput";
import { toCsv } from "./csvWrite";
import { CliError } from "./errors";
import { Progress } from "./progress";
import type { EngineInput } from "./engine/engineInput";

/** The flag of each reader option, for messages. */
const READER_FLAGS: ReadonlyMap<string, string> = new Map([
  ["columns", "--columns"],
  ["dateFormat", "--date-format"],
  ["format", "--input-format"],
  ["currency", "--currency"],
  ["delimiter", "--delimiter"],
  ["decimalSeparator", "--decimal-separator"],
]);
/** `--delimiter` values: `,` `;` and a tab, written `tab`, a literal tab or `\t`. */
const DELIMITERS: ReadonlyMap<string, "," | ";" | "\t"> = new Map([[",", ","], [";", ";"], ["tab", "\t"], ["\t", "\t"], ["\\t", "\t"]]);

/** The process as the CLI sees it; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A subcommand's view of the run: flags, I/O and helpers. */
export class CommandContext {
  /** The progress bar of this run: reading, then the report's slow phases. */
  readonly progress: Progress;

  constructor(readonly args: ParsedArgs["values"], readonly io: CliIo) {
    this.progress = new Progress(io.stderr, io.stderr.isTTY === true, () => performance.now());
  }

  /** True when stderr may use colour (see `useColor`: NO_COLOR, then FORCE_COLOR, then a terminal). */
  get color(): boolean {
    return useColor(this.io);
  }

  /** A line on stderr (never stdout: stdout carries only the requested output), control characters escaped. */
  note(text: string): void {
    this.io.stderr.write(`${escapeControlCharacters(text)}\n`);
  }

  /** Rejects flags the subcommand does not use. */
  allow(command: string, flags: readonly string[]): void {
    for (const [flag, value] of Object.entries(this.args)) {
      if (value !== undefined && !flags.includes(flag)) throw new CliError(`${command}: --${flag} does not apply to this command (see retention-metrics ${command} --help)`);
    }
  }

  /**
   * Reads the input flags into a ledger with the library's reader (`src/io`); at least one of
   * `required` must be given. Invalid records are listed as `file:line: field "x": message`.
   */
  async ledger(required: readonly ("purchases" | "events" | "surveys" | "costs")[]): Promise<Ledger> {
    if (this.engine === "duckdb") return this.withEngine((input) => input.ledger());
    if (this.args["memory-limit"] !== undefined) throw new CliError("--memory-limit applies to --engine duckdb only");
    if (!required.some((kind) => this.args[kind] !== undefined)) {
      throw new CliError(`needs ${required.map((kind) => `--${kind} FILE`).join(" or ")} (- reads stdin)`);
    }
    const kinds = RECORD_KINDS.filter((kind) => this.args[kind] !== undefined);
    if (kinds.filter((kind) => this.args[kind] === "-").length > 1) throw new CliError("only one input can be read from stdin (-)");
    const sources: NamedSource[] = kinds.map((kind) => {
      const file = this.args[kind]!;
      return file === "-" ? { kind, name: "<stdin>", input: this.io.stdin } : { kind, name: file, input: file };
    });
    const progress = this.progress;
    try {
      const options = resolveReadOptions(this.readerOptions(), [], (option) => READER_FLAGS.get(option)!);
      return await readSources(sources, options, { chunk: (name, bytes, size, records) => progress.update(name, bytes, size, records), done: () => progress.done() });
    } catch (error) {
      if (error instanceof RetentionInputError) throw new CliError(listIssues(error));
      if (error instanceof RetentionOptionsError && READER_FLAGS.has(error.option)) {
        throw new CliError(`${READER_FLAGS.get(error.option)!}${error.message.slice(error.option.length)}`);
      }
      throw error;
    }
  }

  /** `--engine in-memory|duckdb` (default in-memory). */
  get engine(): "in-memory" | "duckdb" {
    return choice<"in-memory" | "duckdb">("engine", this.args.engine, ["in-memory", "duckdb"], "in-memory");
  }

  /**
   * Runs `work` on `--purchases` read and checked by DuckDB (`--engine duckdb`, see
   * src/cli/engine/), which is loaded only here. Only purchases are read this way; invalid
   * records are listed as the in-memory reader lists them.
   */
  async withEngine<T>(work: (input: EngineInput) => Promise<T>): Promise<T> {
    const purchases = this.args.purchases;
    if (purchases === undefined) throw new CliError("--engine duckdb needs --purchases FILE (a file or a glob such as orders/*.parquet)");
    if (purchases === "-") throw new CliError("--engine duckdb reads files, not stdin: pass --purchases FILE");
    const other = (["events", "surveys", "costs"] as const).find((kind) => this.args[kind] !== undefined);
    if (other !== undefined) throw new CliError(`--engine duckdb reads --purchases only; drop --${other} or the engine flag`);
    const delimiter = this.args.delimiter;
    if (delimiter !== undefined && !DELIMITERS.has(delimiter)) throw new CliError(`--delimiter: expected , | ; | tab, found "${delimiter}"`);
    const engine = await import("./engine/engineInput");
    const { readMemoryLimit } = await import("./engine/duckSession");
    try {
      return await engine.withEngine({
        purchases,
        format: this.args["input-format"] === undefined ? undefined : choice<"csv" | "json" | "ndjson" | "parquet">("input-format", this.args["input-format"], ["csv", "json", "ndjson", "parquet"], "csv"),
        mapping: parseColumns(this.args.columns ?? []),
        dateFormat: this.args["date-format"],
        delimiter: delimiter === undefined ? undefined : DELIMITERS.get(delimiter),
        decimalSeparator: choice<"." | ",">("decimal-separator", this.args["decimal-separator"], [".", ","], "."),
        currency: this.args.currency,
        memoryLimit: readMemoryLimit(this.args["memory-limit"]),
      }, work);
    } catch (error) {
      if (error instanceof RetentionInputError) throw new CliError(listIssues(error));
      if (error instanceof RetentionOptionsError && READER_FLAGS.has(error.option)) {
        throw new CliError(`${READER_FLAGS.get(error.option)!}${error.message.slice(error.option.length)}`);
      }
      throw error;
    }
  }

  /** The reader options the input flags give. */
  private readerOptions(): Record<string, unknown> {
    const delimiter = this.args.delimiter;
    if (delimiter !== undefined && !DELIMITERS.has(delimiter)) throw new CliError(`--delimiter: expected , | ; | tab, found "${delimiter}"`);
    return {
      columns: parseColumns(this.args.columns ?? []),
      dateFormat: this.args["date-format"],
      format: this.args["input-format"] === undefined ? undefined : choice<"csv" | "json" | "ndjson">("input-format", this.args["input-format"], ["csv", "json", "ndjson"], "csv"),
      currency: this.args.currency,
      delimiter: delimiter === undefined ? undefined : DELIMITERS.get(delimiter),
      decimalSeparator: choice<"." | ",">("decimal-separator", this.args["decimal-separator"], [".", ","], "."),
    };
  }

  /**
   * Checks `--csv-raw` against the output format: it only applies to `--format csv`.
   */
  csvFormat(format: string): void {
    if (this.args["csv-raw"] === true && format !== "csv") throw new CliError(`--csv-raw applies to --format csv only (the format is ${format})`);
  }

  /** A CSV document with the formula guard of `csvCell` (off with `--csv-raw`). */
  csv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
    return toCsv(header, rows, { raw: this.args["csv-raw"] === true });
  }

  /** Writes the output to `--out FILE` (saying so on stderr) or to stdout. */
  emit(text: string): void {
    const out = this.args.out;
    if (out === undefined || out === "-") this.io.stdout.write(text);
    else this.writeFile(out, text);
  }

  /**
   * `emit` for large outputs: writes the chunks as they are made, to `--out FILE` or stdout,
   * so the whole output is never held at once.
   */
  async emitChunks(chunks: Iterable<Uint8Array>): Promise<void> {
    const out = this.args.out;
    if (out === undefined || out === "-") return writeChunksToStream(this.io.stdout, chunks);
    this.writeTo(out, () => writeChunksToFile(out, chunks));
  }

  /** `emitChunks` for chunks that come asynchronously (rows streamed from `--engine duckdb`). */
  async emitAsyncChunks(chunks: AsyncIterable<Uint8Array>): Promise<void> {
    const out = this.args.out;
    if (out === undefined || out === "-") return writeChunksToStream(this.io.stdout, chunks);
    try {
      await writeAsyncChunksToFile(out, chunks);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== "string" || !("syscall" in (error as object))) throw error;
      throw new CliError(`cannot write ${out} (${code})`);
    }
    this.note(`wrote ${resolve(out)}`);
  }

  /** Writes a file and says where (its absolute path) on stderr. */
  writeFile(path: string, text: string): void {
    this.writeTo(path, () => writeFileSync(path, text));
  }

  /**
   * Runs `write` and says where it wrote. A failure of the file system becomes `cannot write
   * PATH (CODE)`; anything else (an error of the output being made) is thrown as it is.
   */
  private writeTo(path: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== "string" || !("syscall" in (error as object))) throw error;
      throw new CliError(`cannot write ${path} (${code})`);
    }
    this.note(`wrote ${resolve(path)}`);
  }
}

/** An input error as the CLI prints it: up to five `file:line: field "x": message` lines, then a count of the rest. */
function listIssues(error: RetentionInputError, shown = 5): string {
  const lines = error.issues.slice(0, shown).map((issue) => escapeControlCharacters(formatIssue(issue)));
  const more = error.totalIssues - lines.length;
  return `${lines.join("\n")}${more > 0 ? `\n(and ${more} more invalid record${more > 1 ? "s" : ""})` : ""}`;
}
