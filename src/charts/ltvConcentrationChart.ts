import type { LtvTier } from "../segments/ltvTierSummary";
import type { ValueConcentration } from "../segments/concentration";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { formatPercent } from "../report/format";
import { describeValue } from "../input/describeValue";
import { chartInput, charting, finiteOrNull, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

/** What the concentration chart reads: an `ltvSegments` result, or the report's `segments.ltvTiers` (available or not). */
export type LtvConcentrationInput =
  | { readonly tiers: readonly LtvTier[]; readonly concentration: ValueConcentration }
  | { readonly available: false; readonly reason: string };

/** A point of the concentration curve: the top `customers` share of customers hold `value` of the value. */
export interface ConcentrationPoint {
  readonly customers: number;
  readonly value: number;
  readonly label: string;
}

const EXPECTED = "an ltvSegments result or a report's segments.ltvTiers (an object with tiers and concentration)";

/**
 * The concentration (Lorenz/Pareto) curve: the cumulative share of value held by the top
 * share of customers, through each tier's boundary (tiers in order, highest value first) and
 * at the top 1%, 10% and 20%, starting at (0, 0); `noun` names the value in the labels.
 *
 * @example
 * concentrationCurve({ tiers: [], concentration: { top1PctShare: null, top10PctShare: 0.5, top20PctShare: null, gini: null } })
 * //=> [{ customers: 0, value: 0, … }, { customers: 0.1, value: 0.5, … }]
 */
export function concentrationCurve(segments: { readonly tiers: readonly LtvTier[]; readonly concentration: ValueConcentration }, noun = "value"): ConcentrationPoint[] {
  const points: ConcentrationPoint[] = [{ customers: 0, value: 0, label: `no customers: 0% of ${noun}` }];
  let customers = 0;
  let value = 0;
  for (const tier of segments.tiers) {
    if (typeof tier.name !== "string") throw new TypeError(`a tier's name is ${describeValue(tier.name)}, not a string`);
    customers += finiteOrNull(tier.shareOfCustomers) ?? 0;
    value += finiteOrNull(tier.shareOfValue) ?? 0;
    points.push({ customers, value, label: `through tier "${tier.name}": ${formatPercent(customers)} of customers hold ${formatPercent(value)} of ${noun}` });
  }
  const c = segments.concentration;
  for (const [x, share] of [[0.01, c.top1PctShare], [0.1, c.top10PctShare], [0.2, c.top20PctShare]] as const) {
    const y = finiteOrNull(share);
    if (y !== null) points.push({ customers: x, value: y, label: `top ${x * 100}% of customers hold ${formatPercent(y)} of ${noun}` });
  }
  return points.sort((p, q) => p.customers - q.customers);
}

/**
 * LTV concentration: the curve of `concentrationCurve` (share of customers, best first,
 * across; share of value up) against the dashed line of equal shares. The further the curve
 * bows above the diagonal, the more the value rests on few customers (Pareto: 20% holding
 * 80%). The title names the value the tiers rank by (revenue, margin or CLV). Reads an `ltvSegments` result or the report's `segments.ltvTiers`; an unavailable
 * section, or value that is not positive, is a chart that says why.
 *
 * @param segments - an `ltvSegments` result, or `report.segments.ltvTiers`
 * @returns a Vega-Lite v5 line chart with the equality diagonal
 * @throws {RetentionInputError} when `segments` is neither
 * @example
 * ltvConcentrationChart(ltvSegments(purchases, { method: "pareto" })).layer.length //=> 2
 */
export function ltvConcentrationChart(segments: LtvConcentrationInput): VegaLiteSpec {
  const fn = "ltvConcentrationChart";
  const input = chartInput<LtvConcentrationInput>(fn, segments, EXPECTED, (s) => s.available === false ? typeof s.reason === "string" : isList(s.tiers) && typeof s.concentration === "object" && s.concentration !== null);
  return charting(fn, EXPECTED, () => {
    const by = (input as { by?: unknown }).by;
    const title = `${by === "revenue" ? "Revenue" : by === "margin" ? "Margin" : by === "clv" ? "CLV" : "Value"} concentration curve`;
    if ("available" in input && input.available === false) return unavailableChart(title, input.reason);
    const ok = input as Exclude<LtvConcentrationInput, { available: false }>;
    if (ok.tiers.length === 0 || !ok.tiers.some((t) => t.shareOfValue !== null)) return unavailableChart(title, "no customer value to share out (no customers, or a total that is not positive)");
    const gini = finiteOrNull(ok.concentration.gini);
    return chartSpec({
      title,
      description: `Cumulative share of value held by the top share of customers (by LTV tier and at the top 1%, 10%, 20%); the dashed line is equal shares.${gini === null ? "" : ` Gini ${gini.toFixed(3)}.`}`,
      values: concentrationCurve(ok, by === "revenue" || by === "margin" ? by : "value").map((p) => ({ customers: p.customers, value: p.value, point: p.label })),
      layer: [
        {
          data: { values: [{ customers: 0, value: 0 }, { customers: 1, value: 1 }] },
          mark: { type: "line", strokeDash: [4, 4], color: "#999999" },
          encoding: { x: { field: "customers", type: "quantitative" }, y: { field: "value", type: "quantitative" } },
        },
        {
          mark: { type: "line", point: true, color: "#08458f" },
          encoding: {
            x: { field: "customers", type: "quantitative", title: "Top customers (share of all customers)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
            y: { field: "value", type: "quantitative", title: "Share of value", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
            tooltip: [
              { field: "customers", type: "quantitative", title: "Top customers", format: CHART_FORMATS.percent },
              { field: "value", type: "quantitative", title: "Share of value", format: CHART_FORMATS.percent },
              { field: "point", type: "nominal", title: "Point" },
            ],
          },
        },
      ],
    });
  });
}
