import type { SurvivalCurve, SurvivalUnit } from "../metrics/survivalCurve";

const SURVIVAL_UNITS: readonly SurvivalUnit[] = ["day", "week", "month"];
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartInput, charting, finiteOrNull, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

const EXPECTED = "a survivalCurve result (an object with points, spells and unit)";

/**
 * The Kaplan–Meier survival curve of a `survivalCurve` result: Ŝ(t), the share of contracts
 * still running t units after they began, as a step line from Ŝ(0) = 1, with its 95%
 * log-log band (Greenwood variance) shaded and censored spells marked as ticks. Where Ŝ
 * reaches 0 the band has no bounds and stops. No spells: a chart that says so.
 *
 * @param curve - a `survivalCurve` result
 * @returns a Vega-Lite v5 step chart with its confidence band
 * @throws {RetentionInputError} when `curve` is not a `survivalCurve` result
 * @example
 * survivalChart(survivalCurve(events, { asOf: "2024-12-31", unit: "month" })).layer.length //=> 3
 */
export function survivalChart(curve: SurvivalCurve): VegaLiteSpec {
  const checked = chartInput<SurvivalCurve>("survivalChart", curve, EXPECTED, (c) => isList(c.points) && SURVIVAL_UNITS.includes(c.unit as SurvivalUnit) && [c.spells, c.cancelled, c.censored].every((n) => Number.isSafeInteger(n) && (n as number) >= 0));
  return charting("survivalChart", EXPECTED, () => {
    const title = "Kaplan–Meier survival curve";
    if (checked.points.length === 0) return unavailableChart(title, "no contract spells to follow");
    const start = checked.points[0]!.t > 0 ? [{ t: 0, survival: 1, lower: 1, upper: 1, atRisk: checked.spells, events: 0, censored: 0 }] : [];
    const values = [...start, ...checked.points.map((p) => ({ t: p.t, survival: p.survival, lower: p.lower, upper: p.upper, atRisk: p.atRisk, events: p.events, censored: p.censored }))];
    const x = { field: "t", type: "quantitative", title: `Time since the contract began (${checked.unit}s)` };
    const median = finiteOrNull(checked.medianLifetime) === null ? "survival never falls to 50%" : `the median lifetime is ${checked.medianLifetime} ${checked.unit}s`;
    return chartSpec({
      title,
      description: `Share of ${checked.spells} contracts (${checked.cancelled} cancelled, ${checked.censored} still running) that last longer than t; the band is the 95% interval, the ticks are censored spells; ${median}.`,
      values,
      layer: [
        { mark: { type: "area", interpolate: "step-after", opacity: 0.25, color: "#08458f" }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
        {
          mark: { type: "line", interpolate: "step-after", color: "#08458f" },
          encoding: {
            x,
            y: { field: "survival", type: "quantitative", title: "Share still running", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
            tooltip: [
              { field: "t", type: "quantitative", title: `Time (${checked.unit}s)`, format: ",.2f" },
              { field: "survival", type: "quantitative", title: "Survival", format: CHART_FORMATS.percent },
              { field: "lower", type: "quantitative", title: "Lower 95%", format: CHART_FORMATS.percent },
              { field: "upper", type: "quantitative", title: "Upper 95%", format: CHART_FORMATS.percent },
              { field: "atRisk", type: "quantitative", title: "At risk", format: CHART_FORMATS.count },
              { field: "events", type: "quantitative", title: "Cancelled", format: CHART_FORMATS.count },
            ],
          },
        },
        { transform: [{ filter: "datum.censored > 0" }], mark: { type: "tick", color: "#555", thickness: 1, size: 8 }, encoding: { x, y: { field: "survival", type: "quantitative" } } },
      ],
    });
  });
}
