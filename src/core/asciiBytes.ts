/*
 * ASCII text written straight into a byte buffer: the writers of large outputs (the CLI's
 * `summary`) put each number and date there without making a string per value. Each writer
 * takes the buffer and the position to write at, and returns the position after what it wrote;
 * the caller makes sure there is room.
 */

/** Writes `text`, which must be ASCII (every code unit below 0x80). */
export function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  return at;
}

/**
 * Writes a non-negative safe integer in decimal digits, as `String(n)` does.
 *
 * @example writeDigits(bytes, 0, 2024) //=> 4, with "2024" in bytes[0..4]
 */
export function writeDigits(bytes: Uint8Array, at: number, n: number): number {
  let width = 1;
  for (let power = 10; power <= n; power *= 10) width++;
  return writePaddedDigits(bytes, at, n, width);
}

/**
 * Writes a non-negative safe integer in exactly `width` decimal digits, with leading zeros
 * (`n` must have at most `width` digits).
 *
 * @example writePaddedDigits(bytes, 0, 7, 3) //=> 3, with "007" in bytes[0..3]
 */
export function writePaddedDigits(bytes: Uint8Array, at: number, n: number, width: number): number {
  const end = at + width;
  for (let i = end - 1; i >= at; i--) {
    const digit = n % 10;
    bytes[i] = 48 + digit;
    n = (n - digit) / 10;
  }
  return end;
}
