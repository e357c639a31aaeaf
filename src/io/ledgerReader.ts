import { RetentionInputError, type InputIssue } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { createLedgerBuilder, type LedgerBuilder } from "../input/ledgerBuilder";
import { escapeControlCharacters } from "./escapeControl";
import type { RecordKind } from "./fields";
import type { ResolvedReadOptions } from "./readOptions";
import { RecordBuilder } from "./recordBuilder";
import { SourceReader } from "./sourceReader";

/**
 * The one reader behind `parseLedgerText`, `readLedger` and the command-line tool: sources
 * (one per collection) are read into a single streaming `LedgerBuilder`; when the ledger finds
 * invalid records, each issue is placed back in its source (`source`, `line`, `column`), its
 * message with control characters escaped (a message quotes the cell it refuses).
 */
export class LedgerReader {
  private readonly ledger: LedgerBuilder;
  private readonly builders = new Map<RecordKind, RecordBuilder>();

  constructor(private readonly options: ResolvedReadOptions) {
    this.ledger = createLedgerBuilder(options.currency === undefined ? {} : { currency: options.currency });
  }

  /** A reader for the `kind` records of the source called `name`; push its text, then `end()` it. */
  source(kind: RecordKind, name: string, noun: "file" | "text"): SourceReader {
    const builder = new RecordBuilder(kind, name, this.options, sinkFor(this.ledger, kind));
    this.builders.set(kind, builder);
    return new SourceReader(builder, this.options, noun);
  }

  /** The ledger; throws `RetentionInputError` whose issues name source, line and field. */
  finish(): Ledger {
    try {
      return this.ledger.finish();
    } catch (error) {
      if (error instanceof RetentionInputError) throw new RetentionInputError(error.issues.map((issue) => this.place(issue)), error.totalIssues);
      throw error;
    }
  }

  private place(issue: InputIssue): InputIssue {
    const [collection, field] = issue.path;
    const builder = this.builders.get(collection as RecordKind);
    if (builder === undefined) return issue;
    const line = builder.lines.lineOf(issue.index);
    const column = typeof field === "string" ? builder.columnOf(field) : undefined;
    return {
      ...issue,
      message: escapeControlCharacters(issue.message),
      source: builder.source,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined || column === field ? {} : { column }),
    };
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
