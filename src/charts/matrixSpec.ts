import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartSpec, CHART_FORMATS } from "./chartSpec";
import type { ModelGrid } from "./modelGrid";

/** What a matrix chart says: its title, description, and the name and format of its value. */
export interface MatrixText {
  readonly title: string;
  readonly description: string;
  readonly valueTitle: string;
  readonly format: string;
  /** A fixed colour domain (P(alive) is [0, 1]); the data's range otherwise. */
  readonly domain?: readonly [number, number];
}

/**
 * The heatmap both model matrices share, laid out as lifetimes' plots: frequency across,
 * recency down (0 at the top, so recent customers are at the bottom), one rect per cell
 * coloured by its value, with the value in the tooltip.
 */
export function matrixSpec(grid: ModelGrid, values: readonly { frequency: number; recency: number; value: number }[], text: MatrixText): VegaLiteSpec {
  const side = (n: number): number => Math.max(240, Math.min(720, 12 * (n + 1)));
  return chartSpec({
    title: text.title,
    description: text.description,
    values,
    width: side(grid.maxFrequency),
    height: side(grid.maxRecency),
    mark: { type: "rect" },
    encoding: {
      x: { field: "frequency", type: "ordinal", title: "Customer's historical frequency (repeat purchases)", axis: { labelAngle: 0, values: tickValues(grid.maxFrequency) } },
      y: { field: "recency", type: "ordinal", title: `Customer's recency (first → last purchase; T = ${grid.T} ${grid.model.timeUnit}s)`, axis: { values: tickValues(grid.maxRecency) } },
      color: {
        field: "value",
        type: "quantitative",
        title: text.valueTitle,
        scale: { scheme: "viridis", ...(text.domain === undefined ? {} : { domain: text.domain }) },
        legend: { format: text.format },
      },
      tooltip: [
        { field: "frequency", type: "quantitative", title: "Frequency", format: CHART_FORMATS.count },
        { field: "recency", type: "quantitative", title: "Recency", format: CHART_FORMATS.count },
        { field: "value", type: "quantitative", title: text.valueTitle, format: text.format },
      ],
    },
  });
}

/** Axis labels 0 … max: every one up to 20 cells, every 5th beyond, so narrow cells' labels do not overlap. */
function tickValues(max: number): number[] {
  const step = max <= 20 ? 1 : max <= 100 ? 5 : 10;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}
