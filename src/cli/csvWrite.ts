/** How `toCsv` writes cells. */
export interface CsvWriteOptions {
  /** Write text cells as they are, without the formula guard (`--csv-raw`). Default false. */
  readonly raw?: boolean;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, which a spreadsheet reads as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What makes `csvCell` quote a cell (RFC 4180): a quote, a comma or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Whether `csvCell` writes `text` as it is, whatever its options: no quote, comma or line break,
 * and no formula start. A writer of many cells can then skip `csvCell` for such text.
 *
 * @example leftAsIs("c0001") //=> true
 * @example leftAsIs("=cmd()") //=> false
 */
export function leftAsIs(text: string): boolean {
  return !FORMULA_START.test(text) && !NEEDS_QUOTES.test(text);
}

/**
 * One CSV cell: quoted when it holds a comma, quote, or line break (RFC 4180). Unless `raw`,
 * a text that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab
 * or a CR, such as `=HYPERLINK(…)`) gets a leading `'` and is quoted, as OWASP recommends; a
 * number (`-12.50`, a refund) is a number, and stays as it is.
 *
 * @example csvCell('=HYPERLINK("http://x","y")') //=> `"'=HYPERLINK(""http://x"",""y"")"`
 * @example csvCell("-12.50") //=> "-12.50"
 */
export function csvCell(value: unknown, options: CsvWriteOptions = {}): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (options.raw !== true && typeof value !== "number" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from a header and rows (cells written by `csvCell`). */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, options: CsvWriteOptions = {}): string {
  const line = (cells: readonly unknown[]): string => cells.map((cell) => csvCell(cell, options)).join(",");
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return `${lines.join("\n")}\n`;
}
