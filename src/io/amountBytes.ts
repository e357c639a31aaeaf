import { MAX_MONEY_SCALE } from "../core/plainDecimal";

const MINUS = 45;
const DOT = 46;
/** Longer amounts are left to the text path (which refuses money text over 100 characters). */
const MAX_LENGTH = 40;

/**
 * Reads an amount written plainly in ASCII, `-?D+(.D+)?`, to an integer count of units of
 * `10^-places`, trailing fraction zeros dropped (`"19.90"` → 199 at 1 place, as
 * `decimalPlaces` counts them), so the ledger's scale is the one the text path gives. `read`
 * stops at the first byte that cannot continue the amount and sets `end` there; the caller
 * checks that the cell ends there. Amounts it does not take return NaN and are read as text:
 * other shapes (`+5`, `.5`, `5.`, `1e3`), more than `MAX_MONEY_SCALE` places, or more units than
 * `Number.MAX_SAFE_INTEGER` (which the text path reports). `-0` reads as 0.
 *
 * @example
 * const amount = new AmountBytes();
 * amount.read(new TextEncoder().encode("-12.50,"), 0, 7) //=> -125
 * [amount.places, amount.end]                            //=> [1, 6]
 */
export class AmountBytes {
  /** Decimal places of the last amount read. */
  places = 0;
  /** Where the last amount read stopped: the first byte after it. */
  end = 0;

  /** The amount that starts at `start` (read no further than `limit`), or NaN. */
  read(bytes: Uint8Array, start: number, limit: number): number {
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    const wholeStart = i;
    let units = 0;
    for (; i < limit; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      units = units * 10 + d;
    }
    if (i === wholeStart) return NaN;
    let places = 0;
    if (i < limit && bytes[i] === DOT) {
      let zeros = 0;
      const fractionStart = ++i;
      for (; i < limit; i++) {
        const d = bytes[i]! - 48;
        if (d < 0 || d > 9) break;
        if (d === 0) zeros++;
        else {
          // No zeros before this digit is the common case, spared the power of ten.
          units = (zeros === 0 ? units * 10 : units * 10 ** (zeros + 1)) + d;
          places += zeros + 1;
          zeros = 0;
        }
      }
      if (i === fractionStart) return NaN;
    }
    if (i - start > MAX_LENGTH || places > MAX_MONEY_SCALE || units > Number.MAX_SAFE_INTEGER) return NaN;
    this.places = places;
    this.end = i;
    return negative && units !== 0 ? -units : units;
  }
}
