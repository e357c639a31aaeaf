import { splitCsvLine } from "./csvTokenizer";

/** A CSV field separator: comma, semicolon (European Excel) or tab. */
export type CsvDelimiter = "," | ";" | "\t";

/** The delimiters read, in the order ties are broken. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/**
 * The delimiter a CSV file uses, from its header line: the candidate (`,` `;` tab) that occurs
 * most often outside quotes; `,` when none occurs or on a tie with `,`.
 *
 * @example
 * sniffDelimiter("client;order_date;total") //=> ";"
 */
export function sniffDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ",";
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * When a header read with `used` lacks columns but splits on another delimiter into cells
 * that `fits` accepts, that delimiter and those cells; otherwise `null`.
 */
export function otherDelimiter(headerLine: string, used: string, fits: (columns: readonly string[]) => boolean): { delimiter: CsvDelimiter; columns: string[] } | null {
  for (const delimiter of CSV_DELIMITERS) {
    if (delimiter === used) continue;
    const columns = splitCsvLine(headerLine, delimiter)?.map((name) => name.trim());
    if (columns !== undefined && columns.length > 1 && fits(columns)) return { delimiter, columns };
  }
  return null;
}
