import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartSpec, CHART_FORMATS } from "./chartSpec";

/** One cell of a cohort heatmap: a cohort at an offset, its rate and the value it comes from. */
export interface CohortHeatmapCell {
  readonly cohort: string;
  readonly offset: number;
  readonly rate: number;
  /** Customers (a count) or revenue (money) in the cell. */
  readonly value: number;
  readonly size: number;
}

/** What a cohort heatmap says about its cells. */
export interface CohortHeatmapText {
  readonly title: string;
  readonly description: string;
  /** `month`, `week`… for the axis titles. */
  readonly unit: string;
  readonly measure: "customers" | "revenue";
  readonly currency?: string | null | undefined;
}

/**
 * The cohort heatmap `cohortRetentionChart` and the report's `toVegaLite` share: one rect per
 * (cohort, offset) coloured by its rate on a scale from 0 to the largest rate of every cell,
 * offset 0 included (so offset 0 is on the same scale as the rest, not left out of it), each
 * cell carrying its rate as text (white on the darker half of the scale), and a tooltip with
 * the rate as a percentage and the value as a count or money.
 */
export function cohortHeatmapSpec(cells: readonly CohortHeatmapCell[], text: CohortHeatmapText): VegaLiteSpec {
  let max = 0;
  for (const c of cells) if (c.rate > max) max = c.rate;
  const values = cells.map((c) => ({ ...c, shade: max === 0 ? 0 : c.rate / max }));
  const cohorts = new Set(cells.map((c) => c.cohort)).size;
  const offsets = cells.reduce((m, c) => Math.max(m, c.offset + 1), 1);
  const money = text.measure === "revenue";
  const valueTitle = money ? `Revenue${text.currency === null || text.currency === undefined ? "" : ` (${text.currency})`}` : "Customers ordering";
  const x = { field: "offset", type: "ordinal", title: `${capitalize(text.unit)}s since first activity`, axis: { labelAngle: 0 } };
  const y = { field: "cohort", type: "ordinal", title: `Cohort (first ${text.unit})`, sort: null };
  return chartSpec({
    title: text.title,
    description: text.description,
    values,
    width: Math.max(240, Math.min(960, 44 * offsets)),
    height: Math.max(120, Math.min(960, 22 * cohorts)),
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            field: "rate",
            type: "quantitative",
            title: money ? "Revenue vs month 0" : "Share ordering",
            scale: { scheme: "blues", domain: [0, max === 0 ? 1 : max] },
            legend: { format: ".0%" },
          },
          tooltip: [
            { field: "cohort", type: "ordinal", title: "Cohort" },
            { field: "offset", type: "ordinal", title: `${capitalize(text.unit)}s since first activity` },
            { field: "rate", type: "quantitative", title: money ? "Revenue vs offset 0" : "Share ordering", format: CHART_FORMATS.percent },
            { field: "value", type: "quantitative", title: valueTitle, format: money ? CHART_FORMATS.money : CHART_FORMATS.count },
            { field: "size", type: "quantitative", title: "Cohort size", format: CHART_FORMATS.count },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 10 },
        encoding: {
          text: { field: "rate", type: "quantitative", format: ".0%" },
          color: { condition: { test: "datum.shade > 0.55", value: "#ffffff" }, value: "#111111" },
        },
      },
    ],
  });
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
