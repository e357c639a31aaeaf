import { RetentionInputError, RetentionOptionsError, type InputIssue } from "../input/errors";
import type { Ledger } from "../input/ledger";
import { createBuilderCore, type BuilderCore, type LedgerBuilder } from "../input/ledgerBuilder";
import { readOptions } from "../input/readOptions";
import { suggestName } from "../core/suggest";
import { escapeControlCharacters } from "./escapeControl";
import type { RecordKind } from "./fields";
import type { ResolvedReadOptions } from "./readOptions";
import { RecordBuilder } from "./recordBuilder";
import { SourceReader } from "./sourceReader";
import type { PurchaseUnitsSink } from "./fastPurchaseRows";

/**
 * The one reader behind `parseLedgerText`, `readLedger` and the command-line tool: sources
 * (one per collection) are read into a single streaming `LedgerBuilder`; when the ledger finds
 * invalid records, each issue is placed back in its source (`source`, `line`, `column`), its
 * message with control characters escaped (a message quotes the cell it refuses).
 */
export class LedgerReader {
  private readonly core: BuilderCore;
  private readonly ledger: LedgerBuilder;
  private readonly builders = new Map<RecordKind, RecordBuilder>();

  constructor(private readonly options: ResolvedReadOptions) {
    this.core = createBuilderCore(readOptions(options.currency === undefined ? {} : { currency: options.currency }, "createLedgerBuilder"), {});
    this.ledger = this.core.builder;
  }

  /** A reader for the `kind` records of the source called `name`; push its text, then `end()` it. */
  source(kind: RecordKind, name: string, noun: "file" | "text"): SourceReader {
    return new SourceReader(this.recordBuilder(kind, name), this.options, noun);
  }

  /**
   * The parts a byte-level reader is built from (see `CsvByteSource`, in the Node entry): the
   * text reader of the source called `name` (as `source` gives), its record builder, and the
   * ledger's hook for purchases already read to integer money.
   */
  sourceParts(kind: RecordKind, name: string): { readonly source: SourceReader; readonly builder: RecordBuilder; readonly purchases: PurchaseUnitsSink } {
    const builder = this.recordBuilder(kind, name);
    return { source: new SourceReader(builder, this.options, "file"), builder, purchases: this.core };
  }

  private recordBuilder(kind: RecordKind, name: string): RecordBuilder {
    const builder = new RecordBuilder(kind, name, this.options, sinkFor(this.ledger, kind));
    this.builders.set(kind, builder);
    return builder;
  }

  /**
   * The ledger; throws `RetentionInputError` whose issues name source, line and field, and
   * `RetentionOptionsError` (`columns`) when a mapped column is in no source (see `checkMapping`).
   */
  finish(): Ledger {
    this.checkMapping();
    try {
      return this.ledger.finish();
    } catch (error) {
      if (error instanceof RetentionInputError) throw new RetentionInputError(error.issues.map((issue) => this.place(issue)), error.totalIssues);
      throw error;
    }
  }

  /**
   * A mapped column missing from one source falls back to the field's own name there, so one
   * mapping serves several files; but a mapped column that no source holding the field has
   * (`amount: "totl"`, a typo) is an error naming it and listing each source's columns, instead
   * of a silent fallback to a column `amount`. Fields of collections not read are not checked.
   */
  private checkMapping(): void {
    for (const [field, column] of this.options.mapping) {
      const holders = [...this.builders.values()].filter((builder) => builder.reads(field));
      if (holders.length === 0 || holders.some((builder) => builder.mappedFound.has(field))) continue;
      const listed = holders.map((builder) => `${builder.source} has ${builder.columns.length === 0 ? "no columns" : builder.columns.map((name) => JSON.stringify(name)).join(", ")}`).join("; ");
      const near = suggestName(column, holders.flatMap((builder) => builder.columns));
      const guess = near === null ? "" : `; did you mean ${JSON.stringify(near)}?`;
      throw new RetentionOptionsError("columns", escapeControlCharacters(`no input has the column ${JSON.stringify(column)} mapped to ${field} (${listed})${guess}`));
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
    case "costs":
      return (record) => ledger.addCost(record);
  }
}
