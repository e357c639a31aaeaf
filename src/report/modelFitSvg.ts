import type { CalibrationBin } from "../diagnostics/calibrationBins";
import type { TrackingPeriod } from "../diagnostics/trackingSeries";
import { formatNumber } from "./format";
import { escapeXml, linear, svgOpen, ticks } from "./svgCommon";

const WIDTH = 560, HEIGHT = 300, LEFT = 64, RIGHT = 90, TOP = 16, BOTTOM = 48;
const ACTUAL = "#08458f", MODEL = "#c2410c";

/** Axes frame, y grid with labels, axis titles and the Actual/Model legend. */
function frame(yMax: number, y: (v: number) => number, xLabel: string, yLabel: string): string {
  const grid = ticks(yMax, 5).map((v) => `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${LEFT - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${formatNumber(v, v < 10 && !Number.isInteger(v) ? 1 : 0)}</text>`);
  const legend = [["Actual", ACTUAL, ""], ["Model", MODEL, ` stroke-dasharray="6 3"`]].map(([name, color, dash], i) =>
    `<line x1="${WIDTH - RIGHT + 10}" x2="${WIDTH - RIGHT + 34}" y1="${TOP + 10 + i * 18}" y2="${TOP + 10 + i * 18}" stroke="${color}" stroke-width="2"${dash}/><text x="${WIDTH - RIGHT + 38}" y="${TOP + 14 + i * 18}" font-size="11">${name}</text>`);
  return grid.join("") + legend.join("") +
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/><line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${y(0)}" stroke="#333"/>` +
    `<text x="${(LEFT + WIDTH - RIGHT) / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="12">${escapeXml(xLabel)}</text>` +
    `<text x="14" y="${(TOP + HEIGHT - BOTTOM) / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${(TOP + HEIGHT - BOTTOM) / 2})">${escapeXml(yLabel)}</text>`;
}

const pathOf = (points: readonly (readonly [number, number])[]): string => points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`).join("");

/** Cumulative tracking: actual (solid) and model (dashed) repeat transactions per week, a dashed rule at the end of calibration. */
export function trackingSvg(id: string, periods: readonly TrackingPeriod[]): string {
  const last = periods.length;
  const yMax = Math.max(1, ...periods.map((p) => Math.max(p.actualCumulative, p.expectedCumulative)));
  const x = linear(0, last, LEFT, WIDTH - RIGHT);
  const y = linear(0, ticks(yMax, 5).at(-1)!, HEIGHT - BOTTOM, TOP);
  const calibrationWeeks = periods.filter((p) => p.phase === "calibration").length;
  const xt = ticks(last, Math.min(10, last)).filter((v) => Number.isInteger(v));
  const xAxis = xt.map((v) => `<text x="${x(v)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11">${v}</text>`);
  const actual = pathOf([[x(0), y(0)], ...periods.map((p) => [x(p.index), y(p.actualCumulative)] as const)]);
  const model = pathOf([[x(0), y(0)], ...periods.map((p) => [x(p.index), y(p.expectedCumulative)] as const)]);
  const dots = periods.map((p) => `<circle class="mark" cx="${x(p.index).toFixed(1)}" cy="${y(p.actualCumulative).toFixed(1)}" r="2" fill="${ACTUAL}"><title>${escapeXml(`week ${p.index} (${p.phase}): ${formatNumber(p.actualCumulative, 0)} actual, ${formatNumber(p.expectedCumulative, 1)} expected`)}</title></circle>`);
  return svgOpen(id, WIDTH, HEIGHT, "Tracking cumulative repeat transactions", "Actual against BG/NBD-expected cumulative repeat transactions per week; the dashed vertical rule ends the calibration period.") +
    frame(yMax, y, "Week", "Cumulative repeat transactions") + xAxis.join("") +
    `<line x1="${x(calibrationWeeks)}" x2="${x(calibrationWeeks)}" y1="${TOP}" y2="${y(0)}" stroke="#666" stroke-dasharray="4 4"><title>end of calibration (week ${calibrationWeeks})</title></line>` +
    `<path class="mark" d="${actual}" fill="none" stroke="${ACTUAL}" stroke-width="2"/><path class="mark" d="${model}" fill="none" stroke="${MODEL}" stroke-width="2" stroke-dasharray="6 3"/>` +
    dots.join("") + "</svg>";
}

/** Calibration vs holdout: mean actual and mean predicted holdout transactions per calibration-frequency bin. */
export function calibrationHoldoutSvg(id: string, bins: readonly CalibrationBin[]): string {
  const yMax = Math.max(0.1, ...bins.map((b) => Math.max(b.meanActual, b.meanPredicted)));
  const step = (WIDTH - RIGHT - LEFT) / Math.max(1, bins.length);
  const x = (i: number): number => LEFT + step * (i + 0.5);
  const y = linear(0, ticks(yMax, 5).at(-1)!, HEIGHT - BOTTOM, TOP);
  const xAxis = bins.map((b, i) => `<text x="${x(i).toFixed(1)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11">${escapeXml(b.label)}</text>`);
  const line = (value: (b: CalibrationBin) => number, color: string, dash: string, name: string): string =>
    `<path class="mark" d="${pathOf(bins.map((b, i) => [x(i), y(value(b))] as const))}" fill="none" stroke="${color}" stroke-width="2"${dash}/>` +
    bins.map((b, i) => `<circle class="mark" cx="${x(i).toFixed(1)}" cy="${y(value(b)).toFixed(1)}" r="4" fill="${color}"><title>${escapeXml(`${b.label} in calibration (${formatNumber(b.customers, 0)} customers): ${name} ${formatNumber(value(b), 3)}`)}</title></circle>`).join("");
  return svgOpen(id, WIDTH, HEIGHT, "Holdout transactions by calibration frequency", "Mean actual against mean BG/NBD-predicted holdout transactions per customer, by repeat transactions in calibration.") +
    frame(yMax, y, "Repeat transactions in calibration", "Mean holdout transactions") + xAxis.join("") +
    line((b) => b.meanActual, ACTUAL, "", "actual") + line((b) => b.meanPredicted, MODEL, ` stroke-dasharray="6 3"`, "predicted") + "</svg>";
}
