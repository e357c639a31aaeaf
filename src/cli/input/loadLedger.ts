import type { Readable } from "node:stream";
import type { Ledger } from "../../input/ledger";
import { createLedgerBuilder, type LedgerBuilder } from "../../input/ledgerBuilder";
import { RetentionInputError } from "../../input/errors";
import { CliError } from "../errors";
import type { Progress } from "../progress";
import type { RecordKind } from "./columns";
import { dateParser } from "./dateFormat";
import { openInput } from "./openInput";
import { readRecords, type InputFormat } from "./readRecords";
import { RecordBuilder } from "./recordBuilder";

/** What to read and how. */
export interface LoadOptions {
  readonly files: Partial<Record<RecordKind, string>>;
  readonly columns: ReadonlyMap<string, string>;
  readonly dateFormat: string | undefined;
  readonly inputFormat: InputFormat | undefined;
  readonly currency: string | undefined;
}

const SHOWN_ISSUES = 5;

/**
 * Reads the input files (streaming; `-` is stdin), builds the ledger, and reports any invalid
 * record as `file:line: field "x" (column "y"): message`.
 */
export async function loadLedger(options: LoadOptions, stdin: Readable, progress: Progress): Promise<Ledger> {
  const kinds = (Object.keys(options.files) as RecordKind[]).filter((kind) => options.files[kind] !== undefined);
  if (kinds.filter((kind) => options.files[kind] === "-").length > 1) throw new CliError("only one input can be read from stdin (-)");
  const parse = options.dateFormat === undefined ? null : dateParser(options.dateFormat);
  const ledger = createLedgerBuilder(options.currency === undefined ? {} : { currency: options.currency });
  const builders = new Map<RecordKind, RecordBuilder>();
  for (const kind of kinds) {
    const opened = await openInput(options.files[kind]!, stdin);
    const builder = new RecordBuilder(kind, opened.name, options.columns, parse, options.dateFormat ?? null, sinkFor(ledger, kind));
    await readRecords(opened, builder, options.inputFormat, () => progress.update(opened.name, opened.bytesRead(), opened.size, builder.count));
    progress.done();
    builders.set(kind, builder);
  }
  try {
    return ledger.finish();
  } catch (error) {
    if (error instanceof RetentionInputError) throw inputError(error, builders);
    throw error;
  }
}

function sinkFor(ledger: LedgerBuilder, kind: RecordKind): (record: Record<string, unknown>) => void {
  switch (kind) {
    case "purchases":
      return (record) => ledger.addPurchase(record);
    case "events":
      return (record) => ledger.addEvent(record);
    case "surveys":
      return (record) => ledger.addSurvey(record);
  }
}

function inputError(error: RetentionInputError, builders: ReadonlyMap<RecordKind, RecordBuilder>): CliError {
  const lines = error.issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const [collection, field] = issue.path;
    const builder = builders.get(collection as RecordKind);
    if (builder === undefined) return issue.message;
    const line = builder.lines.lineOf(issue.index);
    const name = typeof field === "string" ? field : null;
    const column = name === null ? null : builder.columnOf(name, () => true);
    const label = name === null ? "" : `field "${name}"${column !== null && column !== name ? ` (column "${column}")` : ""}: `;
    return `${builder.file}${line === undefined ? "" : `:${line}`}: ${label}${issue.message}`;
  });
  const more = error.totalIssues - lines.length;
  return new CliError(`${lines.join("\n")}${more > 0 ? `\n(and ${more} more invalid record${more > 1 ? "s" : ""})` : ""}`);
}
