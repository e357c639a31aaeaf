import { MAX_MONEY_SCALE } from "../core/plainDecimal";

const MINUS = 45;
const DOT = 46;
/** Longer cells are left to the text path (which refuses money text over 100 characters). */
const MAX_CELL = 40;

/**
 * Reads an amount written plainly in ASCII, `-?D+(.D+)?`, to an integer count of units of
 * `10^-places`, trailing fraction zeros dropped (`"19.90"` → 199 at 1 place, as
 * `decimalPlaces` counts them), so the ledger's scale is the one the text path gives. Cells it
 * does not take return NaN and are read as text: other shapes (`+5`, `.5`, `1e3`, spaces),
 * more than `MAX_MONEY_SCALE` places, or more units than `Number.MAX_SAFE_INTEGER` (which the
 * text path reports). `-0` reads as 0.
 *
 * @example
 * const amount = new AmountBytes();
 * amount.read(new TextEncoder().encode("-12.50"), 0, 6) //=> -125
 * amount.places                                         //=> 1
 */
export class AmountBytes {
  /** Decimal places of the last amount read. */
  places = 0;

  read(bytes: Uint8Array, start: number, end: number): number {
    if (end - start > MAX_CELL) return NaN;
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    const wholeStart = i;
    let units = 0;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      units = units * 10 + d;
    }
    if (i === wholeStart) return NaN;
    let places = 0;
    if (i < end) {
      if (bytes[i] !== DOT || i + 1 === end) return NaN;
      let zeros = 0;
      for (i++; i < end; i++) {
        const d = bytes[i]! - 48;
        if (d < 0 || d > 9) return NaN;
        if (d === 0) zeros++;
        else {
          units = units * 10 ** (zeros + 1) + d;
          places += zeros + 1;
          zeros = 0;
        }
      }
    }
    if (places > MAX_MONEY_SCALE || units > Number.MAX_SAFE_INTEGER) return NaN;
    this.places = places;
    return negative && units !== 0 ? -units : units;
  }
}
