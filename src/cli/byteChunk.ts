import { writeDigits } from "../core/asciiBytes";
import { writeIsoText } from "../core/isoText";
import { writeMeanUnitsText, writeUnitsText } from "../core/unitsText";

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
