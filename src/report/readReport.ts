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
