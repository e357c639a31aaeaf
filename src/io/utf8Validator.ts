/** A whole-buffer UTF-8 check, such as Node's `buffer.isUtf8` (simdutf). */
export type IsUtf8 = (bytes: Uint8Array) => boolean;

/**
 * Checks a byte stream, chunk by chunk, for what a fatal streaming `TextDecoder` refuses,
 * without decoding it: `push` is false as soon as the bytes so far can no longer be UTF-8 (so
 * the chunk where the decoder would throw is the chunk where `push` says no), and `end` is
 * false when the stream stops inside a character. Whole characters are checked by `isUtf8`; a
 * character cut by a chunk boundary is checked here with the WHATWG Encoding Standard's
 * bounds for its second byte (E0 → A0..BF, ED → 80..9F, F0 → 90..BF, F4 → 80..8F), which
 * make a decoder throw before the character is complete.
 *
 * @example
 * const check = new Utf8Validator(isUtf8);
 * check.push(Uint8Array.of(0x61, 0xc3)) //=> true (a character cut in two)
 * check.push(Uint8Array.of(0xa9))       //=> true ("é" completed)
 * check.end()                           //=> true
 */
export class Utf8Validator {
  /** The bytes of a character cut by the last chunk's end (the lead byte first). */
  private readonly pending = new Uint8Array(4);
  private pendingLength = 0;
  /** Bytes that character has in all. */
  private pendingNeed = 0;

  constructor(private readonly isUtf8: IsUtf8) {}

  /** False when the stream can no longer be UTF-8 after `bytes`. */
  push(bytes: Uint8Array): boolean {
    let start = 0;
    if (this.pendingLength > 0) {
      while (this.pendingLength < this.pendingNeed && start < bytes.length) {
        if (!continues(this.pending[0]!, this.pendingLength, bytes[start]!)) return false;
        this.pending[this.pendingLength++] = bytes[start++]!;
      }
      if (this.pendingLength < this.pendingNeed) return true;
      this.pendingLength = 0;
    }
    const tail = cutCharacterStart(bytes, start);
    if (tail < 0) return false;
    if (!this.isUtf8(tail === bytes.length && start === 0 ? bytes : bytes.subarray(start, tail))) return false;
    if (tail < bytes.length) {
      this.pendingNeed = sequenceLength(bytes[tail]!);
      this.pendingLength = bytes.length - tail;
      this.pending.set(bytes.subarray(tail), 0);
    }
    return true;
  }

  /** False when the stream ended inside a character. */
  end(): boolean {
    return this.pendingLength === 0;
  }
}

/** Bytes in a sequence led by `lead` (C2..DF → 2, E0..EF → 3, F0..F4 → 4), 0 when `lead` cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** True when `byte` may stand at `position` (1, 2 or 3) of a sequence led by `lead`. */
function continues(lead: number, position: number, byte: number): boolean {
  if (position > 1) return byte >= 0x80 && byte <= 0xbf;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  return byte >= low && byte <= high;
}

/**
 * Where a character cut by the end of `bytes` starts (its bytes so far being a valid start),
 * `bytes.length` when the end cuts none (or the bytes are invalid there, which `isUtf8` then
 * finds), or -1 when the cut character can never be completed.
 */
function cutCharacterStart(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  for (let lead = end - 1; lead >= from && lead >= end - 3; lead--) {
    const byte = bytes[lead]!;
    if ((byte & 0xc0) === 0x80) continue;
    const need = sequenceLength(byte);
    if (need === 0 || end - lead >= need) return end;
    for (let k = lead + 1; k < end; k++) if (!continues(byte, k - lead, bytes[k]!)) return -1;
    return lead;
  }
  return end;
}
