import type { NpsTrendPoint } from "../nps/npsTrend";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartInput, charting, finiteOrNull, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

const EXPECTED = "an npsTrend result (an array of periods with key, score and confidenceInterval)";

/**
 * NPS by period with its confidence band: the score (−100 … 100) of each period of an
 * `npsTrend` result as a line, and its confidence interval (score ± z · standard error, as
 * `npsTrend` computed it) as a shaded band. Periods without responses have no score and
 * are gaps; a trend with no scored period is a chart that says so.
 *
 * @param trend - an `npsTrend` result
 * @returns a Vega-Lite v5 line-and-band chart, one x position per period, in order
 * @throws {RetentionInputError} when `trend` is not an `npsTrend` result
 * @example
 * npsTrendChart(npsTrend(responses, { granularity: "month" })).layer.length //=> 2
 */
export function npsTrendChart(trend: readonly NpsTrendPoint[]): VegaLiteSpec {
  const points = chartInput<readonly NpsTrendPoint[]>("npsTrendChart", trend, EXPECTED, isList);
  return charting("npsTrendChart", EXPECTED, () => {
    const values = points.map((p) => ({
      period: p.key,
      score: p.score,
      lower: p.confidenceInterval === null ? null : p.confidenceInterval[0],
      upper: p.confidenceInterval === null ? null : p.confidenceInterval[1],
      responses: p.responses,
    }));
    const title = "Net Promoter Score by period";
    if (!values.some((v) => v.score !== null)) return unavailableChart(title, points.length === 0 ? "the trend has no periods" : "no period has a response");
    const level = finiteOrNull(points.find((p) => p.score !== null)!.confidence);
    const confidence = level !== null && level > 0 && level < 1 ? level : null;
    const band = confidence === null ? "confidence interval" : `${Math.round(confidence * 1000) / 10}% confidence interval`;
    const x = { field: "period", type: "ordinal", title: "Period", sort: null, axis: { labelAngle: -45 } };
    return chartSpec({
      title,
      description: `NPS (promoters − detractors, % of responses) per period; the band is its ${band}. A band that is wide or crosses the previous period's score means the change may be noise.`,
      values,
      layer: [
        {
          mark: { type: "area", opacity: 0.25, color: "#08458f" },
          encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } },
        },
        {
          mark: { type: "line", point: true, color: "#08458f" },
          encoding: {
            x,
            y: { field: "score", type: "quantitative", title: "NPS", scale: { domain: [-100, 100] } },
            tooltip: [
              { field: "period", type: "ordinal", title: "Period" },
              { field: "score", type: "quantitative", title: "NPS", format: ".1f" },
              { field: "lower", type: "quantitative", title: "Lower bound", format: ".1f" },
              { field: "upper", type: "quantitative", title: "Upper bound", format: ".1f" },
              { field: "responses", type: "quantitative", title: "Responses", format: CHART_FORMATS.count },
            ],
          },
        },
      ],
    });
  });
}
