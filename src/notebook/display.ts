import { describeValue } from "../input/describeValue";
import { RetentionOptionsError, shapeError } from "../input/errors";
import { renderHtml } from "../report/renderHtml";
import type { VegaLiteSpec } from "../report/toVegaLite";
import { chartFor } from "./chartFor";
import { DISPLAY_KINDS, recognise, type DisplayKind } from "./recognise";
import type { ResultView, ViewSettings } from "./resultView";
import { viewHtml, viewText } from "./viewHtml";
import { calibrationHoldoutView, customerSummaryView, predictionsView } from "./views/clvViews";
import { cohortView, retentionSeriesView } from "./views/cohortViews";
import { chartView } from "./views/chartView";
import { scorecardView } from "./views/scorecardView";
import { defectionView, ltvView, rfmView } from "./views/segmentViews";
import { npsByView, npsTrendView, npsView } from "./views/surveyViews";

/** The symbol of Deno's Jupyter kernel (`Deno.jupyter.$display`): a value with a method under it displays as the MIME bundle it returns. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** The Vega-Lite v5 MIME type of Jupyter front ends. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A Jupyter MIME bundle: the same output in several forms; a front end shows the richest it can. */
export interface MimeBundle {
  readonly "text/plain": string;
  readonly "text/html"?: string;
  readonly "application/vnd.vegalite.v5+json"?: VegaLiteSpec;
}

/** A value Deno's Jupyter kernel displays: its `[Symbol.for("Jupyter.display")]()` returns the bundle. */
export interface JupyterDisplayable {
  [JUPYTER_DISPLAY](): MimeBundle;
}

/** What `display` returns. */
export interface ResultDisplay extends JupyterDisplayable {
  /** The kind of result recognised. */
  readonly kind: DisplayKind;
  /** The whole bundle: text, the HTML table and, where the kind has one, the chart. */
  readonly bundle: MimeBundle;
  /** The table alone (text and HTML). */
  readonly table: JupyterDisplayable;
  /** The chart alone (text and Vega-Lite), or null where the kind has no chart. */
  readonly chart: JupyterDisplayable | null;
}

/** Options of `display`. */
export interface DisplayOptions {
  /** The most rows a table shows (the first ones; the count of all is stated): a whole number in [1, 10000], default 20. */
  readonly rows?: number | undefined;
  /** Decimals of money in the tables, rounded half-even: a whole number in [0, 10], default 2 (cents). */
  readonly moneyPlaces?: number | undefined;
}

function readOptions(options: unknown): ViewSettings {
  if (options === undefined) return { rows: 20, moneyPlaces: 2 };
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new RetentionOptionsError("options", `display expects an object, found ${describeValue(options)}`);
  const { rows = 20, moneyPlaces = 2 } = options as DisplayOptions;
  if (!Number.isInteger(rows) || rows < 1 || rows > 10_000) throw new RetentionOptionsError("rows", `display expects a whole number in [1, 10000], found ${describeValue(rows)}`);
  if (!Number.isInteger(moneyPlaces) || moneyPlaces < 0 || moneyPlaces > 10) throw new RetentionOptionsError("moneyPlaces", `display expects a whole number in [0, 10], found ${describeValue(moneyPlaces)}`);
  return { rows, moneyPlaces };
}

const VIEWS: Readonly<Record<Exclude<DisplayKind, "kpiReport">, (result: unknown, settings: ViewSettings) => ResultView>> = {
  cohortRetention: cohortView,
  retentionSeries: retentionSeriesView,
  customerSummary: customerSummaryView,
  calibrationHoldoutSummary: calibrationHoldoutView,
  predictClv: predictionsView,
  scorecard: scorecardView,
  nps: npsView,
  npsTrend: npsTrendView,
  npsBy: npsByView,
  defectionReport: defectionView,
  rfmScores: rfmView,
  ltvSegments: ltvView,
  chart: chartView,
  empty: () => ({ title: "Empty result", lines: ["No rows."], tables: [] }),
};

/** A frozen value that displays as `bundle`. */
function displayable(bundle: MimeBundle): JupyterDisplayable {
  return Object.freeze({ [JUPYTER_DISPLAY]: () => bundle });
}

/**
 * Shows a result of the library in a Jupyter notebook (Deno's kernel): the returned value,
 * as the last expression of a cell, renders as a table of the result and, where its kind has
 * one, its chart (`application/vnd.vegalite.v5+json`). Long tables show their first `rows`
 * rows and say how many there are; money is rounded to `moneyPlaces`; every text is escaped.
 * A KPI report shows as `renderHtml(report, { fragment: true })` with its four charts.
 *
 * The kind is recognised by the result's brand (customer summaries) or its shape; see
 * `DisplayKind`. A front end shows one form of a bundle (the richest it prefers); `.table` and
 * `.chart` show one form each.
 *
 * @param result - a result of cohortRetention, retentionSeries, customerSummary,
 *   calibrationHoldoutSummary, predictClv, evaluateHoldout, nps, npsTrend, npsBy,
 *   defectionReport, rfmScores or ltvSegments (or its JSON copy), kpiReport (as it returns
 *   it: the renderers read Decimals and Dates), or a chart function's Vega-Lite spec
 * @param options - `rows` (default 20) and `moneyPlaces` (default 2)
 * @returns a frozen displayable with its `kind`, `bundle`, `table` and `chart`
 * @throws RetentionInputError for a value that is no result the display knows, or a result
 *   with a field of the wrong type (named); RetentionOptionsError for bad options
 * @example
 * display(nps([{ at: "2024-01-01", score: 9 }])).kind //=> "nps"
 * display(cohortRetention(ledger, { granularity: "month", asOf }))[Symbol.for("Jupyter.display")]()["text/html"].startsWith("<div") //=> true
 */
export function display(result: unknown, options?: DisplayOptions): ResultDisplay {
  const settings = readOptions(options);
  const kind = recognise(result);
  if (kind === null) {
    throw shapeError([], "unknown_result", `display expects a result of retention-metrics (${DISPLAY_KINDS.filter((k) => k !== "empty").join(", ")}), found ${describeValue(result)}`);
  }
  const view = kind === "kpiReport" ? null : showing(kind, () => VIEWS[kind](result, settings));
  const html = view === null ? renderHtml(result as never, { fragment: true }) : viewHtml(view);
  const text = view === null ? "KPI report (HTML)" : viewText(view);
  const chart = chartFor(kind, result);
  const bundle: MimeBundle = Object.freeze(chart === null ? { "text/plain": text, "text/html": html } : { "text/plain": text, "text/html": html, [VEGA_LITE_MIME]: chart });
  return Object.freeze({
    kind,
    bundle,
    table: displayable(Object.freeze({ "text/plain": text, "text/html": html })),
    chart: chart === null ? null : displayable(Object.freeze({ "text/plain": `${chart.title} (Vega-Lite chart)`, [VEGA_LITE_MIME]: chart })),
    [JUPYTER_DISPLAY]: () => bundle,
  });
}

/** Runs a view; a field it could not read (a hand-altered result) is a `RetentionInputError` naming the kind. */
function showing(kind: DisplayKind, view: () => ResultView): ResultView {
  try {
    return view();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw shapeError([kind], "invalid_result", `display could not read the ${kind} result, which is not as the library returns it (${error.message})`);
  }
}
