import { describeValue } from "../input/describeValue";
import { shapeError } from "../input/errors";
import type { KpiReport } from "./kpiReport";
import { KPI_REPORT_SCHEMA_VERSION } from "./types";

/**
 * `report` itself when it is a `kpiReport` result (an object with this library's
 * `schemaVersion`); a `RetentionInputError` naming the renderer otherwise.
 *
 * @example
 * readReport(null, "renderHtml") // throws RetentionInputError "input: renderHtml expects a kpiReport result, found null"
 */
export function readReport(report: unknown, renderer: string): KpiReport {
  const version = typeof report === "object" && report !== null ? (report as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== KPI_REPORT_SCHEMA_VERSION) {
    throw shapeError([], "invalid_report", `${renderer} expects a kpiReport result (schemaVersion ${JSON.stringify(KPI_REPORT_SCHEMA_VERSION)}), found ${describeValue(report)}`);
  }
  return report as KpiReport;
}

/**
 * Runs a renderer on a report that passed `readReport`. The renderers read the report as
 * `kpiReport` builds it; a report altered by hand (a section removed, a `Decimal` replaced by a
 * string, a list by `null`) makes them fail on a field they read, with a `TypeError`. That is
 * answered as what it is, a report of the wrong shape: a `RetentionInputError` naming the
 * renderer and what could not be read.
 *
 * @example
 * rendering("renderMarkdown", () => { throw new TypeError("value.toFixed is not a function"); })
 * // throws RetentionInputError "input: renderMarkdown could not read the report, which is not as kpiReport returns it (value.toFixed is not a function)"
 */
export function rendering<T>(renderer: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw shapeError([], "invalid_report", `${renderer} could not read the report, which is not as kpiReport returns it (${error.message})`);
  }
}
