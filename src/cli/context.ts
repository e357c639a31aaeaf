import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { Ledger } from "../input/ledger";
import { choice, type ParsedArgs } from "./args";
import { useColor } from "./color";
import { CliError } from "./errors";
import { parseColumns } from "./input/columns";
import { loadLedger } from "./input/loadLedger";
import { Progress } from "./progress";

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

  /** A line on stderr (never stdout: stdout carries only the requested output). */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  /** Rejects flags the subcommand does not use. */
  allow(command: string, flags: readonly string[]): void {
    for (const [flag, value] of Object.entries(this.args)) {
      if (value !== undefined && !flags.includes(flag)) throw new CliError(`${command}: --${flag} does not apply to this command (see retention-metrics ${command} --help)`);
    }
  }

  /** Reads the input flags into a ledger; at least one of `required` must be given. */
  async ledger(required: readonly ("purchases" | "events" | "surveys")[]): Promise<Ledger> {
    const { purchases, events, surveys } = this.args;
    if (!required.some((kind) => this.args[kind] !== undefined)) {
      throw new CliError(`needs ${required.map((kind) => `--${kind} FILE`).join(" or ")} (- reads stdin)`);
    }
    const files = { ...(purchases === undefined ? {} : { purchases }), ...(events === undefined ? {} : { events }), ...(surveys === undefined ? {} : { surveys }) };
    return loadLedger(
      {
        files,
        columns: parseColumns(this.args.columns ?? []),
        dateFormat: this.args["date-format"],
        inputFormat: this.args["input-format"] === undefined ? undefined : choice<"csv" | "json" | "ndjson">("input-format", this.args["input-format"], ["csv", "json", "ndjson"], "csv"),
        currency: this.args.currency,
      },
      this.io.stdin,
      this.progress,
    );
  }

  /** Writes the output to `--out FILE` (saying so on stderr) or to stdout. */
  emit(text: string): void {
    const out = this.args.out;
    if (out === undefined || out === "-") this.io.stdout.write(text);
    else this.writeFile(out, text);
  }

  /** Writes a file and says where (its absolute path) on stderr. */
  writeFile(path: string, text: string): void {
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new CliError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    this.note(`wrote ${resolve(path)}`);
  }
}
