import { formatInt } from "../../report/format";
import { countCell, dateCell, field, list, moneyCell, rateCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type ViewSettings } from "../resultView";

/** Offsets a cohort table shows at most (its columns); the chart shows them all. */
export const MAX_OFFSET_COLUMNS = 24;

/**
 * A `cohortRetention` result: one row per cohort (its key, start and size), one column per
 * offset with the rate and, in brackets, the customers (or revenue) behind it.
 *
 * @example
 * cohortView(cohortRetention(purchases, { granularity: "month", asOf }), { rows: 20, moneyPlaces: 2 }).tables[0].header
 * //=> ["Cohort", "Start", "Size", "0", "1", "2"]
 */
export function cohortView(result: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["cohortRetention"];
  const measure = text(field(result, "measure", path), [...path, "measure"]);
  const granularity = text(field(result, "granularity", path), [...path, "granularity"]);
  const mode = text(field(result, "mode", path), [...path, "mode"]);
  const cohorts = list(field(result, "cohorts", path), [...path, "cohorts"]);
  let offsets = 0;
  for (const [i, cohort] of cohorts.entries()) offsets = Math.max(offsets, list(field(cohort, "rates", [...path, "cohorts", i]), [...path, "cohorts", i, "rates"]).length);
  const columns = Math.min(offsets, MAX_OFFSET_COLUMNS);
  const header = ["Cohort", "Start", "Size", ...Array.from({ length: columns }, (_, k) => String(k))];
  const table = firstRows(`Share of each ${granularity} cohort active ${mode === "return-on" ? "in" : "in or after"} its ${granularity} k (${measure === "revenue" ? "revenue" : "customers"} in brackets)`, header, cohorts, settings, (cohort, i) => {
    const at: FieldPath = [...path, "cohorts", i];
    const rates = list(field(cohort, "rates", at), [...at, "rates"]);
    const values = list(field(cohort, "values", at), [...at, "values"]);
    const cells: string[] = [text(field(cohort, "key", at), [...at, "key"]), dateCell(field(cohort, "start", at), [...at, "start"]), countCell(field(cohort, "size", at), [...at, "size"])];
    for (let k = 0; k < columns; k++) {
      if (k >= rates.length) cells.push("");
      else {
        const value = measure === "revenue" ? moneyCell(values[k], [...at, "values", k], settings.moneyPlaces) : countCell(values[k], [...at, "values", k]);
        cells.push(`${rateCell(rates[k], [...at, "rates", k])} (${value})`);
      }
    }
    return cells;
  });
  const lines = [`${formatInt(cohorts.length)} ${granularity} cohort${cohorts.length === 1 ? "" : "s"}, measured by ${measure} (${mode}), as of ${dateCell(field(result, "asOf", path), [...path, "asOf"])}.`];
  if (offsets > columns) lines.push(`Offsets 0–${columns - 1} of 0–${offsets - 1} shown.`);
  return { title: "Cohort retention", lines, tables: [table] };
}

/**
 * A `retentionSeries` result: one row per period with its customers at the start, retained,
 * lost, new, reactivated and at the end, and the retention, churn and customer retention rates.
 *
 * @example
 * retentionSeriesView(retentionSeries(purchases, { granularity: "month", from, to }), settings).tables[0].header[0] //=> "Period"
 */
export function retentionSeriesView(series: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["retentionSeries"];
  const points = list(series, path);
  const header = ["Period", "Start", "At start", "Retained", "Lost", "New", "Reactivated", "At end", "Retention rate", "Churn rate", "CRR"];
  const table = firstRows("Retention per period", header, points, settings, (point, i) => {
    const at: FieldPath = [...path, i];
    const cell = (key: string): string => countCell(field(point, key, at), [...at, key]);
    const rate = (key: string): string => rateCell(field(point, key, at), [...at, key]);
    return [text(field(point, "key", at), [...at, "key"]), dateCell(field(field(point, "period", at), "start", [...at, "period"]), [...at, "period", "start"]),
      cell("startCount"), cell("retainedCount"), cell("lostCount"), cell("newCount"), cell("reactivatedCount"), cell("endCount"), rate("rate"), rate("churnRate"), rate("crr")];
  });
  return { title: "Retention series", lines: [`${formatInt(points.length)} period${points.length === 1 ? "" : "s"}.`], tables: [table] };
}

