import { parseIsoToEpochMs } from "../../core/time";
import { CliInputError } from "../errors";
import { RECORD_FIELDS, type RecordKind } from "./columns";
import { LineIndex } from "./lineIndex";

/**
 * Turns raw rows (CSV cells after a header, or JSON objects) into the library's records and
 * hands each to `sink` (a `LedgerBuilder` method), so records are not kept; it remembers each
 * record's line in the file (compactly, see `LineIndex`) so that a validation error, which
 * names a record index, can be reported as `file:line`.
 */
export class RecordBuilder {
  count = 0;
  readonly lines = new LineIndex();
  private readonly fields: readonly string[];
  private readonly required: readonly string[];
  private plan: { readonly field: string; readonly index: number }[] = [];

  constructor(
    readonly kind: RecordKind,
    readonly file: string,
    private readonly mapping: ReadonlyMap<string, string>,
    private readonly parseDate: ((text: string) => number | null) | null,
    private readonly dateFormat: string | null,
    private readonly sink: (record: Record<string, unknown>) => void,
  ) {
    this.required = RECORD_FIELDS[kind].required;
    this.fields = [...this.required, ...RECORD_FIELDS[kind].optional];
  }

  /** The column a field is read from in a file whose columns are `available`. */
  columnOf(field: string, available: (name: string) => boolean): string {
    const mapped = this.mapping.get(field);
    return mapped !== undefined && available(mapped) ? mapped : field;
  }

  /** Reads a CSV header; throws naming the missing required column. */
  header(columns: readonly string[], line: number): void {
    const index = new Map<string, number>();
    columns.forEach((name, i) => index.set(name.trim(), i));
    this.plan = [];
    for (const field of this.fields) {
      const k = index.get(this.columnOf(field, (name) => index.has(name)));
      if (k !== undefined) this.plan.push({ field, index: k });
      else if (this.required.includes(field)) {
        const column = this.columnOf(field, () => false);
        const mapped = this.mapping.has(field) ? ` (mapped to "${this.mapping.get(field)!}")` : "";
        throw new CliInputError(this.file, line, field, `missing column "${column}"${mapped}; the header has: ${columns.join(", ")}`);
      }
    }
  }

  /** Adds one CSV row. */
  csvRow(cells: readonly string[], line: number): void {
    const record: Record<string, unknown> = {};
    for (const { field, index } of this.plan) {
      const value = this.convert(field, cells[index], line);
      if (value !== undefined) record[field] = value;
    }
    this.lines.add(line);
    this.count++;
    this.sink(record);
  }

  /** Adds one JSON record (an object from a JSON array or an NDJSON line). */
  object(value: unknown, line: number): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new CliInputError(this.file, line, null, `expected a JSON object per record, found ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`);
    }
    const source = value as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    for (const field of this.fields) {
      const key = this.columnOf(field, (name) => Object.hasOwn(source, name));
      const converted = Object.hasOwn(source, key) ? this.convert(field, source[key], line) : undefined;
      if (converted !== undefined) record[field] = converted;
    }
    this.lines.add(line);
    this.count++;
    this.sink(record);
  }

  private convert(field: string, value: unknown, line: number): unknown {
    if (value === undefined || value === null || value === "") return undefined;
    switch (field) {
      case "amount":
      case "cost":
        return value;
      case "at":
        return typeof value === "string" ? this.date(value, line) : value;
      case "quantity":
      case "score":
        return typeof value === "string" ? Number(value.trim()) : value;
      default:
        return typeof value === "number" ? String(value) : value;
    }
  }

  /** Text dates become epoch ms here, read as ISO-8601 or with `--date-format`. */
  private date(text: string, line: number): number {
    const ms = this.parseDate === null ? parseIsoToEpochMs(text.trim()) : this.parseDate(text.trim());
    if (ms === null) {
      const expected = this.dateFormat === null ? "an ISO-8601 date (or pass --date-format)" : `a date in the format "${this.dateFormat}"`;
      throw new CliInputError(this.file, line, "at", `expected ${expected}, found "${text}"`);
    }
    return ms;
  }
}
