import { FastPurchaseRows, type BytesToText, type PurchaseUnitsSink } from "./fastPurchaseRows";
import type { RecordKind } from "./fields";
import type { ResolvedReadOptions } from "./readOptions";
import type { RecordBuilder } from "./recordBuilder";
import type { SourceReader } from "./sourceReader";
import { utf8Decoder } from "./utf8";
import { Utf8Validator, type IsUtf8 } from "./utf8Validator";

const LF = 10;
const CR = 13;
const SPACE = 32;
const BRACKET = 91;
const BRACE = 123;

/** What the byte reader needs of the platform: a UTF-8 check and a decoder of valid UTF-8 (Node: `buffer.isUtf8`, `Buffer#toString`). */
export interface Utf8Bytes {
  readonly isUtf8: IsUtf8;
  readonly text: BytesToText;
}

/**
 * True when a source may take the byte-level path: purchases, read as CSV (or sniffed), with
 * ISO dates and "." amounts. Whether its header suits is known only once it is read.
 */
export function mayReadBytes(kind: RecordKind, options: ResolvedReadOptions): boolean {
  return kind === "purchases" && (options.format === undefined || options.format === "csv") && options.parseDate === null && options.decimalSeparator === ".";
}

/** Where the byte reader stands. */
const enum Mode {
  /** Before the header has been read: bytes gather until the header line is complete. */
  Head,
  /** Rows go through `FastPurchaseRows`, or line by line through the text reader when it refuses them. */
  Rows,
  /** Everything goes through the text reader, as `readSources` feeds it. */
  Text,
}

/**
 * Reads one purchase CSV's bytes into the ledger with the same result as decoding them to text
 * and pushing it to the `SourceReader` (same ledger, same errors, line for line), but most
 * rows never become text: after the header (read by the text reader), each whole line is
 * offered to `FastPurchaseRows`; a line it refuses goes to the text reader, and so do the lines
 * after it while a quoted field stays open. A line cut by a chunk boundary is joined from its
 * pieces first. Nothing is read before its chunk has been checked to be UTF-8 (as the text path
 * decodes a chunk before reading it); when a check fails, or a chunk is a string, or the header
 * or format is not one the fast path reads, the reader hands the rest of the source, from the
 * start of the line being read, to a decoder and the text reader, which then throw (or read)
 * exactly as they would have. Memory: the line being read, never the file.
 */
export class CsvByteSource {
  private mode = Mode.Head;
  private readonly validator: Utf8Validator;
  /** Bytes of the stream given so far (the current chunk included once it is being read). */
  private streamed = 0;
  /** The bytes of a line not yet read whole (checked UTF-8), the last `carryLength` bytes streamed. */
  private carry = new Uint8Array(1 << 12);
  private carryLength = 0;
  private decode: ((bytes: Uint8Array, final: boolean) => string) | null = null;
  private rows: FastPurchaseRows | null = null;
  /** The line the next line read starts (1-based). */
  private line = 0;
  /** True while the text reader holds an open record (a quoted field across lines). */
  private textOpen = false;
  /** The line of the first row, and whether the ledger was told how many rows to expect. */
  private firstRowLine = 0;
  private expected = false;

  constructor(
    private readonly source: SourceReader,
    private readonly builder: RecordBuilder,
    private readonly sink: PurchaseUnitsSink,
    private readonly bytes: Utf8Bytes,
    private readonly fail: (offset: number) => never,
    private readonly sizeOf: () => number | null = () => null,
  ) {
    this.validator = new Utf8Validator(bytes.isUtf8);
  }

  /** Records read so far. */
  records(): number {
    return this.source.records();
  }

  /** Reads a chunk of the source. */
  push(chunk: Uint8Array | string): void {
    if (this.mode !== Mode.Text && (typeof chunk === "string" || !this.validator.push(chunk))) this.toText();
    if (this.mode === Mode.Text) {
      this.source.push(typeof chunk === "string" ? chunk : this.decode!(chunk, false));
      return;
    }
    const bytes = plainBytes(chunk as Uint8Array);
    this.streamed += bytes.length;
    if (this.mode === Mode.Head) this.head(bytes);
    else this.rowsOf(bytes);
  }

  /** Reads the last line and ends the source. */
  end(): void {
    if (this.mode === Mode.Head || (this.mode === Mode.Rows && !this.validator.end())) this.toText();
    if (this.mode === Mode.Text) this.source.push(this.decode!(new Uint8Array(0), true));
    else if (this.carryLength > 0) this.lastLine(this.carry.subarray(0, this.carryLength));
    this.source.end();
  }

  /**
   * Hands the rest of the source to the text reader: a decoder takes over at the first byte
   * not yet read (the carried line's), so its offsets and its byte-order-mark rule (dropped only
   * at offset 0) are those of a decoder that read the stream from the start.
   */
  private toText(): void {
    if (this.mode === Mode.Rows && !this.textOpen) this.source.resumeCsvAt(this.line);
    this.mode = Mode.Text;
    this.decode = utf8Decoder(this.fail, { offset: this.streamed - this.carryLength });
    if (this.carryLength > 0) this.source.push(this.decode(this.carry.subarray(0, this.carryLength), false));
    this.carryLength = 0;
  }

  /** Gathers bytes until the header line is whole, has the text reader read it, then reads rows (or hands over). */
  private head(chunk: Uint8Array): void {
    this.append(chunk, 0, chunk.length);
    const bytes = this.carry.subarray(0, this.carryLength);
    const bom = bytes[0] === 0xef && (bytes.length < 2 || bytes[1] === 0xbb) && (bytes.length < 3 || bytes[2] === 0xbf);
    if (bom && bytes.length < 3) return;
    const from = bom ? 3 : 0;
    let first = from;
    while (first < bytes.length && (bytes[first] === SPACE || (bytes[first]! >= 9 && bytes[first]! <= 13))) first++;
    if (first === bytes.length) return;
    const byte = bytes[first]!;
    // JSON, or text starting with a character that may be Unicode white space: the text reader decides.
    if (byte >= 0x80 || byte === BRACKET || byte === BRACE) return this.toText();
    const newline = bytes.indexOf(LF, first);
    if (newline < 0) return;
    this.source.push(this.bytes.text(bytes, from, newline + 1));
    const boundary = this.source.csvBoundary();
    const columns = this.builder.fastColumns();
    const rest = bytes.slice(newline + 1);
    this.carryLength = 0;
    if (boundary === null || columns === null || boundary.delimiter.length !== 1) {
      this.append(rest, 0, rest.length);
      return this.toText();
    }
    this.mode = Mode.Rows;
    this.line = boundary.line;
    this.firstRowLine = boundary.line;
    this.rows = new FastPurchaseRows({ ...columns, delimiter: boundary.delimiter.charCodeAt(0) }, this.sink, this.bytes.text);
    this.lines(rest, 0);
  }

  /** Reads a chunk's lines, the first joined to the carried start of its line. */
  private rowsOf(chunk: Uint8Array): void {
    let from = 0;
    if (this.carryLength > 0) {
      const newline = chunk.indexOf(LF);
      if (newline < 0) return this.append(chunk, 0, chunk.length);
      this.append(chunk, 0, newline + 1);
      const line = this.carry.subarray(0, this.carryLength);
      this.carryLength = 0;
      this.lines(line, 0);
      from = newline + 1;
    }
    this.lines(chunk, from);
    if (!this.expected) this.expectRows();
  }

  /**
   * After the first chunk of rows, tells the ledger how many purchases to expect: the rows read
   * so far scaled by the source's size over the bytes read (5% over), so its columns are
   * allocated once instead of grown by copying. Not for sources of unknown size; for a gzipped
   * one the size is the compressed size, an underestimate after which the columns grow as usual.
   */
  private expectRows(): void {
    this.expected = true;
    const size = this.sizeOf();
    const rows = this.line - this.firstRowLine;
    if (size === null || rows <= 0 || this.streamed <= 0 || size <= this.streamed) return;
    this.sink.expectPurchases(Math.min(2 ** 31, Math.ceil((rows * size * 1.05) / this.streamed)));
  }

  /**
   * Reads the whole lines of `bytes` from `from`, and carries the start of a last one: runs of
   * plain rows go to `FastPurchaseRows` (counted as records on consecutive lines), and each
   * line it refuses to the text reader, with the lines after it while a quoted field stays open.
   */
  private lines(bytes: Uint8Array, from: number): void {
    const rows = this.rows!;
    const end = bytes.length;
    let start = from;
    let runLine = this.line;
    let run = 0;
    for (;;) {
      if (!this.textOpen) {
        start = rows.run(bytes, start, end, false);
        if (rows.taken > 0) {
          if (run === 0) runLine = this.line;
          run += rows.taken;
          this.line += rows.taken;
        }
      }
      const newline = bytes.indexOf(LF, start);
      if (newline < 0) break;
      this.builder.addRecords(runLine, run);
      run = 0;
      if (!this.textOpen && isEmptyLine(bytes, start, newline)) this.line++;
      else this.toTextReader(bytes, start, newline + 1);
      start = newline + 1;
    }
    this.builder.addRecords(runLine, run);
    if (start < end) this.append(bytes, start, end);
  }

  /** The last line, which has no line break. */
  private lastLine(bytes: Uint8Array): void {
    if (this.textOpen) return this.toTextReader(bytes, 0, bytes.length);
    this.rows!.run(bytes, 0, bytes.length, true);
    if (this.rows!.taken > 0) this.builder.addRecords(this.line, 1);
    else if (!isEmptyLine(bytes, 0, bytes.length)) this.toTextReader(bytes, 0, bytes.length);
  }

  /** Has the text reader read `bytes[start, end)` (a line, or the lines of an open quoted field). */
  private toTextReader(bytes: Uint8Array, start: number, end: number): void {
    if (!this.textOpen) this.source.resumeCsvAt(this.line);
    this.source.push(this.bytes.text(bytes, start, end));
    const boundary = this.source.csvBoundary();
    this.textOpen = boundary === null;
    if (boundary !== null) this.line = boundary.line;
  }

  private append(bytes: Uint8Array, start: number, end: number): void {
    const length = this.carryLength + end - start;
    if (length > this.carry.length) {
      const grown = new Uint8Array(Math.max(length, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(start, end), this.carryLength);
    this.carryLength = length;
  }
}

/** True when `bytes[start, newline)` is empty or a lone CR: a line the CSV reader skips. */
const isEmptyLine = (bytes: Uint8Array, start: number, newline: number): boolean => newline === start || (newline === start + 1 && bytes[start] === CR);

/**
 * `bytes` as a plain `Uint8Array` (a view, not a copy, of a `Buffer`): the row reader then sees
 * one kind of array, chunks and carried lines alike, and its element reads stay monomorphic.
 */
const plainBytes = (bytes: Uint8Array): Uint8Array => (bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
