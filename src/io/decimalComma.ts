const COMMA_DECIMAL = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * Rewrites an amount written with a decimal comma (`12,50`, `-0,5`, `1.234,56`) as a plain
 * decimal string (`12.50`, `-0.5`, `1234.56`), exactly: the digits are kept, only the
 * separators change. A dot is read as a thousands separator, and only in groups of three
 * (`1.234.567,8`); anything else with a dot (`12.50`, `1.23,4`) gives `null`, because it
 * cannot be read safely. Text without a dot or comma (`12`, `1e3`) is returned unchanged.
 *
 * @example
 * fromDecimalComma("1.234,56") //=> "1234.56"
 * fromDecimalComma("12.50")    //=> null
 */
export function fromDecimalComma(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.includes(",") && !trimmed.includes(".")) return text;
  const m = COMMA_DECIMAL.exec(trimmed);
  if (m === null) return null;
  const integer = m[2]!.replaceAll(".", "");
  return `${m[1]!}${integer}${m[3] === undefined ? "" : `.${m[3]}`}`;
}
