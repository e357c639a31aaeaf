import type { Decimal } from "../core/money";
import type { DefectionReasonRow } from "../defection/reasonTally";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { humanize } from "../report/format";
import { readOptions } from "../input/readOptions";
import { chartInput, charting, isList } from "./chartInput";
import { chartSpec, CHART_FORMATS, unavailableChart } from "./chartSpec";

/** What the defection chart reads: a `defectionReport` result, or the report's `defections` section (available or not). */
export type DefectionValueInput =
  | { readonly byReason: readonly Pick<DefectionReasonRow, "reason" | "customers" | "unrealizedValue" | "shareOfUnrealized">[] }
  | { readonly available: false; readonly reason: string };

/** Options of `defectionValueChart`. */
export interface DefectionValueChartOptions {
  /** Currency of the values, for the axis title. */
  readonly currency?: string | null | undefined;
}

const EXPECTED = "a defectionReport result or a report's defections section (an object with byReason)";

/**
 * Unrealized value by defection reason: for each reason of a `defectionReport` (or the
 * report's `defections` section), the yearly revenue of the customers who defected for it,
 * as horizontal bars, largest first, each labelled with its value; the tooltip adds the
 * customers and the share of all unrealized value. The longest bar is the reason most worth
 * fixing. No defected customer, or an unavailable section: a chart that says why.
 *
 * @param report - a `defectionReport` result, or `report.defections`
 * @param options - `currency`, for the axis title
 * @returns a Vega-Lite v5 bar chart
 * @throws {RetentionInputError} when `report` is neither
 * @example
 * defectionValueChart(defectionReport(purchases, { asOf: "2024-07-01" }), { currency: "USD" }).layer.length //=> 2
 */
export function defectionValueChart(report: DefectionValueInput, options: DefectionValueChartOptions = {}): VegaLiteSpec {
  const fn = "defectionValueChart";
  const input = chartInput<DefectionValueInput>(fn, report, EXPECTED, (r) => (r.available === false ? typeof r.reason === "string" : isList(r.byReason)));
  const o = readOptions(options, fn);
  return charting(fn, EXPECTED, () => {
    const title = "Unrealized value by defection reason";
    if ("available" in input && input.available === false) return unavailableChart(title, input.reason);
    const rows = (input as Exclude<DefectionValueInput, { available: false }>).byReason.filter((r) => r.customers > 0);
    if (rows.length === 0) return unavailableChart(title, "no customer has defected");
    const currency = typeof o.currency === "string" ? ` (${o.currency})` : "";
    return chartSpec({
      title,
      description: "Yearly revenue of defected customers, by the reason they defected; the longest bar is the reason most worth fixing.",
      values: rows
        .map((r) => ({ reason: humanize(r.reason), unrealizedValue: (r.unrealizedValue as Decimal).toNumber(), customers: r.customers, share: r.shareOfUnrealized }))
        .sort((a, b) => b.unrealizedValue - a.unrealizedValue),
      height: Math.max(120, 28 * rows.length),
      encoding: {
        y: { field: "reason", type: "nominal", title: "Reason", sort: null },
        x: { field: "unrealizedValue", type: "quantitative", title: `Unrealized value a year${currency}`, axis: { format: "~s" } },
      },
      layer: [
        {
          mark: { type: "bar", color: "#c2410c" },
          encoding: {
            tooltip: [
              { field: "reason", type: "nominal", title: "Reason" },
              { field: "unrealizedValue", type: "quantitative", title: `Unrealized value a year${currency}`, format: CHART_FORMATS.money },
              { field: "customers", type: "quantitative", title: "Defected customers", format: CHART_FORMATS.count },
              { field: "share", type: "quantitative", title: "Share of unrealized value", format: CHART_FORMATS.percent },
            ],
          },
        },
        { mark: { type: "text", align: "left", dx: 4 }, encoding: { text: { field: "unrealizedValue", type: "quantitative", format: CHART_FORMATS.money } } },
      ],
    });
  });
}
