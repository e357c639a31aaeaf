import type { Decimal } from "../core/money";
import { describeValue } from "../input/describeValue";
import { RetentionInputError } from "../input/errors";
import type { RfmScore } from "../segments/rfmScores";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartInput, charting, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

/** The highest R or F score the grid draws (rfmScores' `bins` is at most this). */
const MAX_RFM_SCORE = 100;

const EXPECTED = "an rfmScores result (an array of customers with r, f, m and segment)";

/**
 * The RFM grid of an `rfmScores` result: recency score across (1 = longest since the last
 * order, the highest = most recent), frequency score up (the highest at the top), each cell
 * coloured by how many customers it holds and labelled with that count. The tooltip gives
 * the cell's share of customers, their mean monetary value (mean of `monetary`, the
 * customers' total spend) and the segment most of them are in (ties: the first by name).
 * The best customers are at the top right. No customers: a chart that says so.
 *
 * @param scores - an `rfmScores` result
 * @returns a Vega-Lite v5 heatmap of customers per (R, F) score
 * @throws {RetentionInputError} when `scores` is not an `rfmScores` result
 * @example
 * rfmGridChart(rfmScores(purchases, { asOf: "2024-07-01" })).layer.length //=> 2
 */
export function rfmGridChart(scores: readonly RfmScore[]): VegaLiteSpec {
  const rows = chartInput<readonly RfmScore[]>("rfmGridChart", scores, EXPECTED, isList);
  return charting("rfmGridChart", EXPECTED, () => {
    const title = "RFM grid: customers by recency and frequency score";
    if (rows.length === 0) return unavailableChart(title, "no customers were scored");
    rows.forEach((s, index) => {
      for (const field of ["r", "f"] as const) {
        if (!(Number.isSafeInteger(s[field]) && s[field] >= 1 && s[field] <= MAX_RFM_SCORE)) {
          throw new RetentionInputError([{ index, path: ["scores", field], code: "invalid_score", message: `rfmGridChart expects a whole score from 1 to ${MAX_RFM_SCORE}, found ${describeValue(s[field])}` }]);
        }
      }
    });
    const cells = new Map<string, { r: number; f: number; customers: number; monetary: number; segments: Map<string, number> }>();
    for (const s of rows) {
      const key = `${s.r}|${s.f}`;
      let cell = cells.get(key);
      if (cell === undefined) cells.set(key, (cell = { r: s.r, f: s.f, customers: 0, monetary: 0, segments: new Map() }));
      cell.customers++;
      cell.monetary += (s.monetary as Decimal).toNumber();
      cell.segments.set(s.segment, (cell.segments.get(s.segment) ?? 0) + 1);
    }
    let maxScore = 1;
    for (const s of rows) maxScore = Math.max(maxScore, s.r, s.f);
    const scoreDomain = Array.from({ length: maxScore }, (_, i) => i + 1);
    let most = 0;
    for (const c of cells.values()) most = Math.max(most, c.customers);
    const values = [...cells.values()].map((c) => ({
      r: c.r,
      f: c.f,
      customers: c.customers,
      share: c.customers / rows.length,
      meanMonetary: c.monetary / c.customers,
      segment: [...c.segments].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      shade: c.customers / most,
    }));
    return chartSpec({
      title,
      description: `${rows.length} customers by recency score (across: higher = ordered more recently) and frequency score (up: higher = more orders). Top right are the best customers; top left are frequent buyers who have gone quiet.`,
      values,
      width: Math.max(200, 56 * maxScore),
      height: Math.max(200, 56 * maxScore),
      encoding: {
        x: { field: "r", type: "ordinal", title: "Recency score (higher = more recent)", scale: { domain: scoreDomain }, axis: { labelAngle: 0 } },
        y: { field: "f", type: "ordinal", title: "Frequency score (higher = more orders)", scale: { domain: [...scoreDomain].reverse() } },
      },
      layer: [
        {
          mark: { type: "rect" },
          encoding: {
            color: { field: "customers", type: "quantitative", title: "Customers", scale: { scheme: "greens", domainMin: 0 }, legend: { format: CHART_FORMATS.count } },
            tooltip: [
              { field: "r", type: "ordinal", title: "R score" },
              { field: "f", type: "ordinal", title: "F score" },
              { field: "customers", type: "quantitative", title: "Customers", format: CHART_FORMATS.count },
              { field: "share", type: "quantitative", title: "Share of customers", format: CHART_FORMATS.percent },
              { field: "meanMonetary", type: "quantitative", title: "Mean monetary value", format: CHART_FORMATS.money },
              { field: "segment", type: "nominal", title: "Main segment" },
            ],
          },
        },
        {
          mark: { type: "text", fontSize: 11 },
          encoding: {
            text: { field: "customers", type: "quantitative", format: CHART_FORMATS.count },
            color: { condition: { test: "datum.shade > 0.55", value: "#ffffff" }, value: "#111111" },
          },
        },
      ],
    });
  });
}
