/** True when `bytes` start with the gzip magic number (1f 8b). */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Where a streaming decoder takes over a stream: the stream offset of the first byte it is given. */
export interface DecoderStart {
  readonly offset: number;
}

/**
 * A streaming UTF-8 decoder that refuses invalid bytes (rather than turning them into U+FFFD)
 * and drops a leading byte-order mark. `fail` is called with the byte offset of the chunk
 * holding the bad bytes, and must throw. `start.offset` (default 0) is the stream offset of
 * the first byte given, for a decoder taking over mid-stream; a byte-order mark is dropped only
 * at offset 0, the start of the stream.
 */
export function utf8Decoder(fail: (offset: number) => never, start?: DecoderStart): (bytes: Uint8Array, final: boolean) => string {
  let offset = start?.offset ?? 0;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: offset > 0 });
  return (bytes, final) => {
    try {
      const text = decoder.decode(bytes, { stream: !final });
      offset += bytes.length;
      return text;
    } catch {
      return fail(offset);
    }
  };
}

/** The message of a source that is not UTF-8. */
export const notUtf8 = (offset: number): string =>
  `the data is not valid UTF-8 (in the bytes after offset ${offset}); save it as UTF-8 (Excel: "CSV UTF-8")`;
