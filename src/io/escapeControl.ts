/**
 * C0 controls, DEL, C1 controls, the line and paragraph separators and the bidirectional
 * overrides and isolates (which reorder what a terminal or editor shows, "Trojan Source").
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: ReadonlyMap<string, string> = new Map([["\t", "\\t"], ["\n", "\\n"], ["\r", "\\r"]]);

const hex = (code: number, width: number): string => code.toString(16).padStart(width, "0");

/**
 * Makes text safe to print in a terminal or a log: each control character becomes a visible
 * escape, so a value read from a file cannot retitle, clear or recolour the terminal
 * (`ESC]0;…`), forge a new line of output, or reorder the text around it. Tab, LF and CR read
 * `\t` `\n` `\r`; other C0 controls and DEL `\x1b`; C1 controls `\u009b`; U+2028, U+2029 and
 * the bidirectional controls `\u202e`. Every other character, backslashes included, is kept.
 *
 * @example
 * escapeControlCharacters("bad\x1b]0;owned\x07") //=> "bad\\x1b]0;owned\\x07"
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const named = NAMED.get(ch);
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

