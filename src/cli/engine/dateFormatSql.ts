import { CliError } from "../errors";

/** date-fns tokens of `--date-format` and the DuckDB `strptime` specifier each becomes. */
const SPECIFIERS: ReadonlyMap<string, string> = new Map([
  ["y", "%Y"], ["yyyy", "%Y"],
  ["M", "%m"], ["MM", "%m"], ["MMM", "%b"], ["MMMM", "%B"],
  ["d", "%d"], ["dd", "%d"],
  ["H", "%H"], ["HH", "%H"], ["h", "%I"], ["hh", "%I"], ["a", "%p"], ["aa", "%p"],
  ["m", "%M"], ["mm", "%M"], ["s", "%S"], ["ss", "%S"], ["SSS", "%g"],
  ["X", "%z"], ["XX", "%z"], ["XXX", "%z"], ["x", "%z"], ["xx", "%z"], ["xxx", "%z"],
]);

/**
 * The DuckDB `strptime` format of a `--date-format` (date-fns tokens, as the in-memory reader
 * reads them: `dd.MM.yyyy` → `%d.%m.%Y`). Literal text is kept (`%` doubled; quoted letters
 * such as `'T'` unquoted). The format is checked by the in-memory reader's rules first
 * (`dateParser`), so only tokens that both read are translated; `S`/`SS` (tenths, hundredths)
 * have no `strptime` specifier and are refused here.
 *
 * @example
 * strptimeFormat("dd.MM.yyyy") //=> "%d.%m.%Y"
 * strptimeFormat("yyyy-MM-dd'T'HH:mm:ss") //=> "%Y-%m-%dT%H:%M:%S"
 */
export function strptimeFormat(format: string): string {
  const parts = format.match(/([A-Za-z])\1*|'(?:[^']|'')*'?|[^A-Za-z']+/g) ?? [];
  let out = "";
  for (const part of parts) {
    if (/^[A-Za-z]/.test(part)) {
      const specifier = SPECIFIERS.get(part);
      if (specifier === undefined) throw new CliError(`--date-format: "${format}" uses ${part}, which --engine duckdb cannot read (tokens: ${[...SPECIFIERS.keys()].join(", ")})`);
      out += specifier;
    } else {
      const text = part === "''" ? "'" : part.startsWith("'") ? part.slice(1, part.endsWith("'") && part.length > 1 ? -1 : undefined).replaceAll("''", "'") : part;
      out += text.replaceAll("%", "%%");
    }
  }
  return out;
}
