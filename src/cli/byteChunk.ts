import { writeDigits } from "../core/asciiBytes";
import { writeIsoText } from "../core/isoText";
import { writeMeanUnitsText, writeUnitsText } from "../core/unitsText";

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const TAB = 9;

/** Whether a cell may start with `code` without the formula guard (see `csvCell`: `=`, `+`, `-`, `@`, a tab or a CR start a formula). */
const safeFirst = (code: number): boolean => code !== 61 && code !== 43 && code !== 45 && code !== 64 && code !== TAB && code !== CR;

/**
 * A chunk of UTF-8 being written: ASCII text, numbers, dates and money go in byte by byte,
 * other text through `Buffer.write`. `take` hands the bytes written on and starts a new chunk.
 * The caller checks `room` before a line.
 */
export class ByteChunk {
  private bytes: Buffer;
  private at = 0;

  constructor(private readonly size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  room(): number {
    return this.bytes.length - this.at;
  }

  take(): Uint8Array {
    const written = this.bytes.subarray(0, this.at);
    this.bytes = Buffer.allocUnsafe(this.size);
    this.at = 0;
    return written;
  }

  byte(value: number): void {
    this.bytes[this.at++] = value;
  }

  text(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.at += this.bytes.write(text.slice(i), this.at, "utf8");
        return;
      }
      this.bytes[this.at++] = code;
    }
  }

  /**
   * Writes `cell` as it is when `csvCell` would leave it so (ASCII, no quote, comma or line
   * break, and not starting as a formula) and returns true; otherwise writes nothing and
   * returns false, for the caller to write `csvCell`'s text.
   */
  plainCell(cell: string): boolean {
    const start = this.at;
    if (cell.length > 0 && !safeFirst(cell.charCodeAt(0))) return false;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code >= 0x80 || code === QUOTE || code === COMMA || code === CR || code === LF) {
        this.at = start;
        return false;
      }
      this.bytes[this.at++] = code;
    }
    return true;
  }

  /** A non-negative safe integer in decimal digits. */
  integer(value: number): void {
    this.at = writeDigits(this.bytes, this.at, value);
  }

  /** An instant as `toISOString` writes it (`writeIsoText`). */
  iso(ms: number): void {
    this.at = writeIsoText(this.bytes, this.at, ms);
  }

  /** Money units at a scale as plain decimal text (`writeUnitsText`). */
  units(units: number, scale: number): void {
    this.at = writeUnitsText(this.bytes, this.at, units, scale);
  }

  /** A mean of money units, half to even at `scale + extraPlaces` places (`writeMeanUnitsText`). */
  meanUnits(units: number, count: number, scale: number, extraPlaces: number): void {
    this.at = writeMeanUnitsText(this.bytes, this.at, units, count, scale, extraPlaces);
  }
}
