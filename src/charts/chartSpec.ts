import type { VegaLiteSpec } from "../report/toVegaLite";

/** The Vega-Lite version every chart of the library is written for. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** d3-format strings the charts share, so tooltips and axes read the same everywhere. */
export const CHART_FORMATS = Object.freeze({ percent: ".1%", count: ",d", number: ",.2f", money: ",.2f" });

/** What every chart states, and its drawing (mark, encoding, layers…). */
export interface ChartParts {
  readonly title: string;
  readonly description: string;
  readonly values: readonly Readonly<Record<string, string | number | null>>[];
  readonly width?: number;
  readonly height?: number;
  readonly [drawing: string]: unknown;
}

/**
 * A Vega-Lite v5 spec with the library's common frame: the schema, a title, a description,
 * the data inline, a default size, and labels that are never cut off (`labelLimit: 0`).
 * A value in the data that is not a string, a finite number or `null` becomes `null` (a gap),
 * so a spec never holds NaN, Infinity or an Invalid Date.
 *
 * @example
 * chartSpec({ title: "T", description: "D", values: [{ x: 1 }], mark: "point" }).$schema
 * //=> "https://vega.github.io/schema/vega-lite/v5.json"
 */
export function chartSpec(parts: ChartParts): VegaLiteSpec {
  const { title, description, values, width = 480, height = 280, ...drawing } = parts;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description,
    width,
    height,
    config: { axis: { labelLimit: 0, titleLimit: 0 }, legend: { labelLimit: 0 } },
    data: { values: values.map(finiteValues) },
    ...drawing,
  };
}

/**
 * A chart with nothing to draw that says why, in place of an empty frame: one text mark
 * carrying `reason`.
 *
 * @example
 * unavailableChart("Tracking", "no purchases before calibrationEnd").mark //=> { type: "text", … }
 */
export function unavailableChart(title: string, reason: string): VegaLiteSpec {
  return chartSpec({
    title,
    description: `Unavailable: ${reason}`,
    values: [{ reason }],
    height: 60,
    mark: { type: "text", fontSize: 14, align: "center" },
    encoding: { text: { field: "reason", type: "nominal" } },
  });
}

/** A data row with every value that is not a string, a finite number or `null` (NaN, a Date, an object) replaced by `null`. */
function finiteValues(row: Readonly<Record<string, unknown>>): Readonly<Record<string, string | number | null>> {
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(row)) {
    const value = row[key];
    const plain = value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
    if (!plain) (copy ??= { ...row })[key] = null;
  }
  return (copy ?? row) as Readonly<Record<string, string | number | null>>;
}
