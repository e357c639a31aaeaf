import { formatInt, formatNumber, formatPercent, formatPeriod } from "./format";
import type { ModelFitSection } from "./modelFitSection";

/** A table as header and rows of display strings. */
interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The "Model fit" section as a sentence and two tables, shared by the Markdown and HTML renderers. */
export interface ModelFitTables {
  readonly sentence: string;
  /** Actual against expected repeat transactions, calibration and holdout. */
  readonly totals: Table;
  /** Mean holdout transactions by calibration frequency. */
  readonly byFrequency: Table;
}

/** Signed relative error as text: "+4.2%", or "n/a" when undefined. */
function signedPercent(value: number | null): string {
  return value === null ? "n/a" : `${value > 0 ? "+" : ""}${formatPercent(value)}`;
}

/** The section's sentence and tables, in display strings. */
export function modelFitTables(section: ModelFitSection): ModelFitTables {
  const params = Object.entries(section.model.params).map(([name, value]) => `${name} = ${formatNumber(value, 3)}`).join(", ");
  const unit = section.timeUnit === "week" ? "weeks" : "days";
  const { calibration, holdout } = section.tracking;
  return {
    sentence:
      `BG/NBD fitted on ${formatInt(section.customers)} customers' purchases of ${formatPeriod(section.calibration)} ` +
      `(${calibration.periods} weeks; ${params}; LL ${formatNumber(section.model.logLikelihood, 1)}, times in ${unit}), then checked on the ${holdout.periods} weeks of ${formatPeriod(section.holdout)}.`,
    totals: {
      header: ["Repeat transactions", "Actual", "Model", "Model error"],
      rows: [
        ["Calibration", formatInt(calibration.actual), formatNumber(calibration.expected, 1), signedPercent(calibration.percentageError)],
        ["Holdout", formatInt(holdout.actual), formatNumber(holdout.expected, 1), signedPercent(holdout.percentageError)],
      ],
    },
    byFrequency: {
      header: ["Calibration repeat transactions", "Customers", "Mean actual in holdout", "Mean predicted"],
      rows: section.byFrequency.map((bin) => [bin.label, formatInt(bin.customers), formatNumber(bin.meanActual, 3), formatNumber(bin.meanPredicted, 3)]),
    },
  };
}
