import { parseIsoToEpochMs } from "../core/time";
import { fromDecimalComma } from "./decimalComma";
import { otherDelimiter } from "./delimiter";
import { RECORD_FIELDS, type RecordKind } from "./fields";
import { LineIndex } from "./lineIndex";
import type { ResolvedReadOptions } from "./readOptions";
import { sourceError } from "./sourceError";

/** A score: an optional minus sign and decimal digits (`-1` reaches the library, which says it is out of range). */
const PLAIN_INTEGER = /^-?\d+$/;
/** A quantity: decimal digits with an optional fraction (`-2`, `1.5` reach the library, which says what a quantity must be). */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Turns raw rows (CSV cells after a header, or JSON objects) into the library's records and
 * hands each to `sink` (a `LedgerBuilder` method), so records are not kept; it remembers each
 * record's line in the source (compactly, see `LineIndex`) so that a validation error, which
 * names a record index, can be reported as `source:line`.
 */
export class RecordBuilder {
  count = 0;
  readonly lines = new LineIndex();
  private readonly fields: readonly string[];
  private readonly required: readonly string[];
  private plan: { readonly field: string; readonly index: number }[] = [];
  private width = 0;
  private readonly headerColumns = new Map<string, string>();
  /** Fields whose mapped column (`columns` option) this source has. */
  readonly mappedFound = new Set<string>();
  /** The source's columns, for messages: its CSV header, or the keys of its first JSON record. */
  columns: readonly string[] = [];

  constructor(
    readonly kind: RecordKind,
    readonly source: string,
    private readonly options: ResolvedReadOptions,
    private readonly sink: (record: Record<string, unknown>) => void,
  ) {
    this.required = RECORD_FIELDS[kind].required;
    this.fields = [...this.required, ...RECORD_FIELDS[kind].optional];
  }

  /**
   * The columns of a purchase CSV that the byte-level reader can take (see `FastPurchaseRows`):
   * after the header, when the only fields read are `customerId`, `at` and `amount`, dates are
   * ISO-8601 (no `dateFormat`) and amounts use "." (other columns are allowed and ignored, as
   * here); otherwise `null`.
   */
  fastColumns(): { readonly width: number; readonly customerId: number; readonly at: number; readonly amount: number } | null {
    if (this.kind !== "purchases" || this.options.parseDate !== null || this.options.decimalSeparator !== "." || this.plan.length !== 3) return null;
    const column = (field: string): number => this.plan.find((entry) => entry.field === field)?.index ?? -1;
    const [customerId, at, amount] = [column("customerId"), column("at"), column("amount")];
    return customerId < 0 || at < 0 || amount < 0 ? null : { width: this.width, customerId, at, amount };
  }

  /** Counts `count` records read elsewhere (by the byte-level reader), on consecutive lines from `line`. */
  addRecords(line: number, count: number): void {
    this.lines.addRun(line, count);
    this.count += count;
  }

  /** True when this kind of record has `field`. */
  reads(field: string): boolean {
    return this.fields.includes(field);
  }

  /** The column a field is read from: the one its CSV header gave, else its mapped name, else its own. */
  columnOf(field: string): string {
    return this.headerColumns.get(field) ?? this.options.mapping.get(field) ?? field;
  }

  /** Reads a CSV header (its cells and raw line); throws naming the missing required column. */
  header(columns: readonly string[], line: number, headerLine: string, delimiter: string): void {
    const names = columns.map((name) => name.trim());
    this.columns = names;
    const index = new Map<string, number>();
    const twice = new Map<string, number>();
    names.forEach((name, i) => {
      if (index.has(name)) twice.set(name, index.get(name)!);
      else index.set(name, i);
    });
    this.plan = [];
    this.width = columns.length;
    for (const field of this.fields) {
      const column = this.pick(field, (name) => index.has(name));
      const k = index.get(column);
      if (k !== undefined) {
        const first = twice.get(column);
        if (first !== undefined) {
          const second = names.indexOf(column, first + 1);
          throw sourceError({ kind: this.kind, source: this.source, index: 0, line, field }, "duplicate_column", `the header has the column "${column}" twice (columns ${first + 1} and ${second + 1}): rename or remove one, or map the field to another column`);
        }
        if (column === this.options.mapping.get(field)) this.mappedFound.add(field);
        this.plan.push({ field, index: k });
        this.headerColumns.set(field, column);
      } else if (this.required.includes(field)) {
        const mapped = this.options.mapping.get(field);
        const hint = otherDelimiter(headerLine, delimiter, (cells) => this.required.every((f) => cells.includes(this.pick(f, (name) => cells.includes(name)))));
        const flag = this.options.optionName("delimiter");
        const pass = hint === null ? "" : `${flag}${flag.startsWith("--") ? " " : ": "}${JSON.stringify(hint.delimiter)}`;
        const split = hint === null ? "" : `; the header splits on ${JSON.stringify(hint.delimiter)} into ${hint.columns.join(", ")}; pass ${pass}`;
        const message = `missing column "${mapped ?? field}"${mapped === undefined ? "" : ` (or "${field}")`}; the header has: ${columns.join(", ")}${split}`;
        throw sourceError({ kind: this.kind, source: this.source, index: 0, line, field }, "missing_column", message);
      }
    }
  }

  /** Adds one CSV row. */
  csvRow(cells: readonly string[], line: number): void {
    if (cells.length !== this.width) {
      throw sourceError({ kind: this.kind, source: this.source, index: this.count, line }, "invalid_csv", `invalid CSV: expected ${this.width} fields as in the header, found ${cells.length}`);
    }
    const record: Record<string, unknown> = {};
    for (const { field, index } of this.plan) {
      const value = this.convert(field, cells[index], line);
      if (value !== undefined) record[field] = value;
    }
    this.add(record, line);
  }

  /** Adds one JSON record (an object from a JSON array or an NDJSON line). */
  object(value: unknown, line: number): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      const found = Array.isArray(value) ? "an array" : JSON.stringify(value);
      throw sourceError({ kind: this.kind, source: this.source, index: this.count, line }, "invalid_json", `expected a JSON object per record, found ${found}`);
    }
    const source = value as Record<string, unknown>;
    if (this.count === 0) this.columns = Object.keys(source);
    const record: Record<string, unknown> = {};
    for (const field of this.fields) {
      const key = this.pick(field, (name) => Object.hasOwn(source, name));
      if (key === this.options.mapping.get(field) && Object.hasOwn(source, key)) this.mappedFound.add(field);
      const converted = Object.hasOwn(source, key) ? this.convert(field, source[key], line) : undefined;
      if (converted !== undefined) record[field] = converted;
    }
    this.add(record, line);
  }

  private add(record: Record<string, unknown>, line: number): void {
    this.lines.add(line);
    this.count++;
    this.sink(record);
  }

  /** The mapped column when `available`, else the field's own name. */
  private pick(field: string, available: (name: string) => boolean): string {
    const mapped = this.options.mapping.get(field);
    return mapped !== undefined && available(mapped) ? mapped : field;
  }

  private convert(field: string, value: unknown, line: number): unknown {
    if (value === undefined || value === null || value === "") return undefined;
    switch (field) {
      case "amount":
      case "cost":
        return typeof value === "string" ? this.decimal(field, value, line) : value;
      case "at":
        return typeof value === "string" ? this.date(value, line) : value;
      case "quantity":
      case "points":
        return typeof value === "string" ? this.plainNumber(field, this.decimal(field, value, line).trim(), PLAIN_DECIMAL, "a plain decimal number such as 2 or 1.5", line) : value;
      case "score":
        return typeof value === "string" ? this.plainNumber(field, value.trim(), PLAIN_INTEGER, "a whole number from 0 to 10", line) : value;
      default:
        return typeof value === "number" ? String(value) : value;
    }
  }

  /**
   * A number written plainly (`9`, `-1`, `1.5`), so that `0x9`, `0b1010`, `9e0`, `+9`, `Infinity`
   * or ` ` are refused rather than read by `Number()`; the range is the library's to check.
   */
  private plainNumber(field: string, text: string, pattern: RegExp, expected: string, line: number): number {
    if (!pattern.test(text)) {
      throw sourceError({ kind: this.kind, source: this.source, index: this.count, line, field }, "invalid_number", `expected ${expected}, found ${JSON.stringify(text)}`);
    }
    return Number(text);
  }

  /** An amount as a plain decimal string; with `decimalSeparator: ","`, `1.234,56` becomes `1234.56`. */
  private decimal(field: string, text: string, line: number): string {
    if (this.options.decimalSeparator === ".") return text;
    const plain = fromDecimalComma(text);
    if (plain === null) {
      const message = `expected an amount with "," as the decimal separator (such as 1234,56 or 1.234,56), found "${text}"`;
      throw sourceError({ kind: this.kind, source: this.source, index: this.count, line, field }, "invalid_amount", message);
    }
    return plain;
  }

  /** Text dates become epoch ms here, read as ISO-8601 or with the `dateFormat` option. */
  private date(text: string, line: number): number {
    const ms = this.options.parseDate === null ? parseIsoToEpochMs(text.trim()) : this.options.parseDate(text.trim());
    if (ms === null) {
      const expected = this.options.dateFormat === null ? `an ISO-8601 date (or pass ${this.options.optionName("dateFormat")})` : `a date in the format "${this.options.dateFormat}"`;
      throw sourceError({ kind: this.kind, source: this.source, index: this.count, line, field: "at" }, "invalid_date", `expected ${expected}, found "${text}"`);
    }
    return ms;
  }
}
