const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where the slow path stands inside a record that holds quotes. */
const enum At {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  AfterQuoted,
}

/** Called with each record's cells and the line it starts on (1-based). */
export type CsvRecordSink = (cells: string[], line: number) => void;

/** Called with a line and a message when the text is not valid CSV; must throw. */
export type CsvFailure = (line: number, message: string) => never;

/**
 * An RFC 4180 CSV tokenizer fed text in chunks of any size, so a file is never held whole:
 * fields are separated by a one-character `delimiter`, records by LF or CRLF; a field may be
 * quoted (`"a, b"`), holding delimiters, line breaks and doubled quotes (`"say ""hi"""`).
 * Empty lines are skipped. It is strict where RFC 4180 is: a quote inside an unquoted field,
 * text after a closing quote, and a quote left open at the end are errors.
 *
 * A record without quotes (the common case) is cut out with `indexOf` and `split`; records
 * holding quotes go through a small state machine that resumes across chunks, so even a
 * quote left open in a large file costs linear time.
 */
export class CsvTokenizer {
  /** The start of a record waiting for its line break, in pieces: joined once it comes, so a long line costs linear time. */
  private readonly rest: string[] = [];
  private line = 1;
  private cells: string[] | null = null;
  private field = "";
  private at = At.FieldStart;
  private recordLine = 0;
  private readonly delimiterCode: number;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: CsvRecordSink,
    private readonly fail: CsvFailure,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** True between records: no part of a record is held (so a reader may take over the lines that follow). */
  get idle(): boolean {
    return this.cells === null && this.rest.length === 0;
  }

  /** The line the next record starts on (1-based). */
  get nextLine(): number {
    return this.line;
  }

  /** Goes on at `line` after lines read elsewhere (call it between records). */
  resumeAt(line: number): void {
    this.line = line;
  }

  /** Reads a chunk; complete records are handed to the sink, a partial one waits for more. */
  push(chunk: string): void {
    if (this.rest.length === 0) this.run(chunk, false);
    else if (!chunk.includes("\n")) this.rest.push(chunk);
    else this.run(this.takeRest(chunk), false);
  }

  /** Reads what is left: the last record may lack its line break. */
  end(): void {
    this.run(this.takeRest(""), true);
  }

  private takeRest(chunk: string): string {
    this.rest.push(chunk);
    const text = this.rest.join("");
    this.rest.length = 0;
    return text;
  }

  private run(text: string, final: boolean): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.cells !== null) {
        i = this.quoted(text, i);
        if (this.cells !== null) break;
        continue;
      }
      let newline = text.indexOf("\n", i);
      if (newline < 0) {
        if (!final) break;
        newline = n;
      }
      const end = newline > i && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      if (end === i) {
        this.line++;
        i = newline + 1;
        continue;
      }
      const row = text.slice(i, end);
      if (!row.includes('"')) {
        this.onRecord(row.split(this.delimiter), this.line);
        this.line++;
        i = newline + 1;
        continue;
      }
      this.cells = [];
      this.field = "";
      this.at = At.FieldStart;
      this.recordLine = this.line;
      i = this.quoted(text, i);
    }
    if (i < n) this.rest.push(text.slice(i));
    if (final && this.cells !== null) this.finishQuoted();
  }

  /** The slow path: walks a record holding quotes from `i`; returns where it stopped. */
  private quoted(text: string, i: number): number {
    const n = text.length;
    const cells = this.cells!;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.at) {
        case At.FieldStart:
          if (c === QUOTE) {
            this.at = At.Quoted;
            i++;
          } else this.at = At.Unquoted;
          break;
        case At.Unquoted: {
          let j = i;
          let k = c;
          while (k !== this.delimiterCode && k !== LF && k !== QUOTE) {
            if (++j === n) break;
            k = text.charCodeAt(j);
          }
          this.field += text.slice(i, j);
          i = j;
          if (j === n) break;
          if (k === QUOTE) this.fail(this.line, `a quote inside an unquoted field (quote the whole field and double its quotes: "a ""b"" c")`);
          if (k === this.delimiterCode) {
            cells.push(this.field);
            this.field = "";
            this.at = At.FieldStart;
            i++;
          } else return this.endRecord(i, true);
          break;
        }
        case At.Quoted: {
          const q = text.indexOf('"', i);
          const stop = q < 0 ? n : q;
          for (let k = text.indexOf("\n", i); k >= 0 && k < stop; k = text.indexOf("\n", k + 1)) this.line++;
          this.field += text.slice(i, stop);
          i = stop;
          if (q >= 0) {
            this.at = At.QuoteInQuoted;
            i++;
          }
          break;
        }
        case At.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.at = At.Quoted;
            i++;
          } else this.at = At.AfterQuoted;
          break;
        case At.AfterQuoted:
          if (c === this.delimiterCode) {
            cells.push(this.field);
            this.field = "";
            this.at = At.FieldStart;
            i++;
          } else if (c === CR) i++;
          else if (c === LF) return this.endRecord(i, false);
          else this.fail(this.line, `unexpected text after a closing quote: ${JSON.stringify(lineStart(text, i, 10))} (a quoted field ends at its closing quote)`);
          break;
      }
    }
    return n;
  }

  /** Ends the record at the line break at `i`; returns the position after it. */
  private endRecord(i: number, unquoted: boolean): number {
    this.emit(unquoted && this.field.endsWith("\r") ? this.field.slice(0, -1) : this.field);
    this.line++;
    return i + 1;
  }

  /** Ends the last record at the end of the text. */
  private finishQuoted(): void {
    if (this.at === At.Quoted) this.fail(this.recordLine, `a quoted field opened on line ${this.recordLine} is never closed`);
    this.emit(this.field);
  }

  private emit(last: string): void {
    const cells = this.cells!;
    cells.push(last);
    this.cells = null;
    this.field = "";
    this.onRecord(cells, this.recordLine);
  }
}

/**
 * Splits one line of CSV text into its cells, or `null` when it is not valid CSV.
 *
 * @example
 * splitCsvLine('a;"b;c"', ";") //=> ["a", "b;c"]
 */
export function splitCsvLine(line: string, delimiter: string): string[] | null {
  let cells: string[] | null = null;
  const fail = (): never => {
    throw new SyntaxError("invalid CSV");
  };
  try {
    const tokenizer = new CsvTokenizer(delimiter, (record) => {
      cells ??= record;
    }, fail);
    tokenizer.push(line);
    tokenizer.end();
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  return cells;
}

/**
 * Up to `count` characters of `text` from `i`, stopping before a line break: an error quotes
 * the same text whether its line came alone (from the byte-level reader) or with the lines after it.
 */
function lineStart(text: string, i: number, count: number): string {
  const piece = text.slice(i, i + count);
  const lineBreak = piece.search(/[\r\n]/);
  return lineBreak < 0 ? piece : piece.slice(0, lineBreak);
}
