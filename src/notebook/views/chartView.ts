import { describeValue } from "../../input/describeValue";
import { formatInt } from "../../report/format";
import { field, numberCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type ViewSettings } from "../resultView";

/** A data value's cell: numbers with up to 4 decimals, text as is, "n/a" for null. */
function valueCell(value: unknown, at: FieldPath): string {
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "number") return numberCell(value, at, Number.isInteger(value) ? 0 : 4);
  if (typeof value === "string") return value;
  return describeValue(value);
}

/**
 * A Vega-Lite spec (a chart function's result): the chart's title and description, and its
 * inline data as a table (the first rows; a column per field), for front ends that draw no
 * Vega-Lite.
 *
 * @example
 * chartView(toVegaLite(report, "retentionCurve"), settings).tables[0].header //=> ["offset", "rate"]
 */
export function chartView(spec: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["chart"];
  const title = field(spec, "title", path);
  const description = field(spec, "description", path);
  const data = field(spec, "data", path);
  const values = typeof data === "object" && data !== null && Array.isArray((data as { values?: unknown }).values) ? (data as { values: readonly unknown[] }).values : [];
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of values.slice(0, settings.rows)) {
    for (const key of Object.keys(typeof row === "object" && row !== null ? row : {})) if (!seen.has(key)) (seen.add(key), columns.push(key));
  }
  const table = firstRows("The chart's data", columns, values, settings, (row, i) => columns.map((key) => valueCell(field(row, key, [...path, "data", "values", i]), [...path, "data", "values", i, key])));
  return {
    title: typeof title === "string" ? title : "Chart",
    lines: [...(typeof description === "string" ? [text(description, [...path, "description"])] : []), `${formatInt(values.length)} data rows.`],
    tables: values.length === 0 ? [] : [table],
  };
}
