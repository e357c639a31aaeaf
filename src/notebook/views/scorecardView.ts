import { Decimal } from "../../core/money";
import { isPlainObject } from "../../input/describeValue";
import { countCell, field, list, moneyCell, numberCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type TableView, type ViewSettings } from "../resultView";

/** A figure's cell: a number with 4 decimals (a whole number without), money at its places, text as is, "n/a" for null; null for what is not a figure. */
function figureCell(value: unknown, at: FieldPath, settings: ViewSettings): string | null {
  if (value === null) return "n/a";
  if (typeof value === "number") return numberCell(value, at, Number.isInteger(value) ? 0 : 4);
  if (Decimal.isDecimal(value)) return moneyCell(value, at, settings.moneyPlaces);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  return null;
}

/**
 * The scorecard's figures: every number, amount, text or null at its top level and one level
 * down (`perCustomer.mae`), in the scorecard's own order, beside the calibration tables.
 */
function figuresTable(scorecard: unknown, path: FieldPath, settings: ViewSettings): TableView {
  const rows: (readonly string[])[] = [];
  for (const [key, value] of Object.entries(scorecard as object)) {
    if (key === "calibration") continue;
    const own = figureCell(value, [...path, key], settings);
    if (own !== null) rows.push([key, own]);
    else if (isPlainObject(value)) {
      for (const [inner, figure] of Object.entries(value)) {
        const cell = figureCell(figure, [...path, key, inner], settings);
        if (cell !== null) rows.push([`${key}.${inner}`, cell]);
      }
    }
  }
  return firstRows("Figures", ["Figure", "Value"], rows, { ...settings, rows: rows.length }, (row) => row);
}

/** A calibration table (`CalibrationBin`s): customers, mean actual and mean predicted holdout transactions per group. */
function binsTable(caption: string, first: string, bins: unknown, at: FieldPath, settings: ViewSettings): TableView {
  const rows = list(bins, at);
  return firstRows(caption, [first, "Customers", "Mean actual", "Mean predicted"], rows, { ...settings, rows: Math.max(settings.rows, rows.length) }, (bin, i) => {
    const cell = (key: string): unknown => field(bin, key, [...at, i]);
    return [text(cell("label"), [...at, i, "label"]), countCell(cell("customers"), [...at, i, "customers"]), numberCell(cell("meanActual"), [...at, i, "meanActual"], 3),
      numberCell(cell("meanPredicted"), [...at, i, "meanPredicted"], 3)];
  });
}

/**
 * A holdout scorecard (`evaluateHoldout`): its figures, then the calibration tables by
 * calibration frequency and by decile of predictions.
 *
 * @example
 * scorecardView(evaluateHoldout(fit, holdout), settings).tables[1].caption //=> "Calibration by frequency in the calibration period"
 */
export function scorecardView(scorecard: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["scorecard"];
  const calibration = field(scorecard, "calibration", path);
  const tables = [figuresTable(scorecard, path, settings), binsTable("Calibration by frequency in the calibration period", "Frequency", field(calibration, "byFrequency", [...path, "calibration"]), [...path, "calibration", "byFrequency"], settings)];
  const deciles = field(calibration, "byDecile", [...path, "calibration"]);
  if (deciles !== undefined) tables.push(binsTable("Calibration by decile of predicted transactions (1 = highest)", "Decile", deciles, [...path, "calibration", "byDecile"], settings));
  const model = field(scorecard, "model", path);
  return { title: `Holdout scorecard${typeof model === "string" ? `: ${model}` : ""}`, lines: [], tables };
}
