const isSpace = (ch: number): boolean => ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === 0xfeff;

/**
 * Splits a JSON array arriving in text chunks into its elements, without holding the whole
 * file: it tracks nesting depth and strings, and hands each complete top-level element (with
 * the line it starts on) to `onElement` as text.
 */
export class JsonArraySplitter {
  private started = false;
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private elementLine = 0;
  private parts: string[] = [];

  constructor(
    private readonly onElement: (text: string, line: number) => void,
    private readonly fail: (line: number | undefined, message: string) => never,
  ) {}

  push(chunk: string): void {
    let segmentStart = this.depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) this.inString = false;
      } else if (!this.started || this.ended) {
        if (isSpace(ch)) continue;
        if (!this.started && ch === 91) this.started = true;
        else this.fail(this.line, this.ended ? "unexpected text after the JSON array" : "expected a JSON array ([...]) or NDJSON");
      } else if (this.depth === 0) {
        if (isSpace(ch) || ch === 44) continue;
        if (ch === 93) this.ended = true;
        else if (ch === 123 || ch === 91) {
          this.depth = 1;
          this.elementLine = this.line;
          segmentStart = i;
        } else this.fail(this.line, "expected a JSON object per record");
      } else if (ch === 34) this.inString = true;
      else if (ch === 123 || ch === 91) this.depth++;
      else if (ch === 125 || ch === 93) {
        if (--this.depth === 0) {
          this.parts.push(chunk.slice(segmentStart, i + 1));
          this.onElement(this.parts.join(""), this.elementLine);
          this.parts = [];
          segmentStart = -1;
        }
      }
    }
    if (this.depth > 0 && segmentStart >= 0) this.parts.push(chunk.slice(segmentStart));
  }

  end(): void {
    if (!this.started) this.fail(undefined, "the file is empty");
    if (!this.ended) this.fail(this.line, "the JSON array is not closed");
  }
}
