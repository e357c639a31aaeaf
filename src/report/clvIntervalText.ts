import type { Decimal } from "../core/money";
import type { ReportClvInterval } from "./insightTypes";

/**
 * The report's words for the total CLV's interval, the same in Markdown and HTML:
 * "90% interval $a – $b (parameter uncertainty); prediction interval $c – $d", or why there is none.
 *
 * @example
 * clvIntervalText({ level: 0.9, low, high, predictionLow, predictionHigh, reason: null, … }, money)
 * //=> "90% interval $66,280.66 – $78,905.38 (parameter uncertainty); prediction interval $66,078.26 – $79,881.97"
 */
export function clvIntervalText(interval: ReportClvInterval, money: (value: Decimal) => string): string {
  const percent = `${Number((interval.level * 100).toPrecision(6))}%`;
  const { low, high, predictionLow, predictionHigh, reason } = interval;
  if (low === null || high === null) return `${percent} interval not available: ${reason ?? "no covariance"}`;
  const prediction = predictionLow === null || predictionHigh === null ? "" : `; prediction interval ${money(predictionLow)} – ${money(predictionHigh)}`;
  return `${percent} interval ${money(low)} – ${money(high)} (parameter uncertainty)${prediction}`;
}
