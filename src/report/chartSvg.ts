import type { Bar, HeatmapCell, LinePoint } from "./chartData";
import { formatInt, formatNumber } from "./format";
import { escapeXml, linear, rampColor, svgOpen, textWidth, ticks } from "./svgCommon";

/** A compact chart label: whole percent, one decimal below 10%. */
const pct = (v: number): string => `${formatNumber(v * 100, v < 0.1 && v > 0 ? 1 : 0)}%`;

/**
 * Cohort heatmap: one rect per (cohort, month offset), darker = more customers returning, on
 * one colour scale from 0 to the largest rate of every cell, offset 0 included; each cell
 * carries its rate as text, and its hover title the customers, cohort size and rate.
 */
export function heatmapSvg(id: string, cells: readonly HeatmapCell[]): string {
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  const offsets = cells.reduce((m, c) => Math.max(m, c.offset + 1), 1);
  const cw = 46, ch = 24, top = 30, bottom = 40;
  const left = 30 + textWidth(cohorts.reduce((a, c) => (c.length > a.length ? c : a), ""), 11);
  const width = left + offsets * cw + 10, height = top + cohorts.length * ch + bottom;
  const row = new Map(cohorts.map((c, i) => [c, i]));
  const max = cells.reduce((m, c) => Math.max(m, c.rate), 0);
  const marks = cells.map((c) => {
    const x = left + c.offset * cw, y = top + row.get(c.cohort)! * ch;
    const t = max === 0 ? 0 : c.rate / max;
    const text = t > 0.55 ? "#fff" : "#111";
    return `<g><rect class="mark" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="${rampColor(t)}"><title>${escapeXml(`cohort ${c.cohort}, month ${c.offset}: ${formatInt(c.customers)} of ${formatInt(c.size)} customers (${pct(c.rate)})`)}</title></rect>` +
      `<text x="${x + cw / 2 - 1}" y="${y + ch / 2 + 3}" text-anchor="middle" font-size="10" fill="${text}" aria-hidden="true">${pct(c.rate)}</text></g>`;
  });
  const yLabels = cohorts.map((c, i) => `<text x="${left - 6}" y="${top + i * ch + ch / 2 + 3}" text-anchor="end" font-size="11">${escapeXml(c)}</text>`);
  const xLabels = Array.from({ length: offsets }, (_, k) => `<text x="${left + k * cw + cw / 2 - 1}" y="${top - 8}" text-anchor="middle" font-size="11">${k}</text>`);
  return svgOpen(id, width, height, "Cohort retention heatmap", "Share of each monthly acquisition cohort that ordered again k months later; month 0 is the acquisition month.") +
    xLabels.join("") + yLabels.join("") + marks.join("") +
    `<text x="${left + (offsets * cw) / 2}" y="${height - 12}" text-anchor="middle" font-size="12">Months since first activity</text>` +
    `<text x="12" y="${top + (cohorts.length * ch) / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 12 ${top + (cohorts.length * ch) / 2})">Cohort (first month)</text></svg>`;
}

/** Options of `lineChartSvg`. */
export interface LineChartOptions {
  readonly title: string;
  readonly desc: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xPercent: boolean;
  /** Draw the equality line y = x (for concentration curves). */
  readonly diagonal: boolean;
}

/**
 * A chart with nothing to draw that says why, in place of an empty frame (the SVG twin of
 * `unavailableChart`): its title and the reason as text, in a dashed frame.
 */
export function unavailableSvg(id: string, title: string, reason: string): string {
  const text = `Not available: ${reason}.`;
  const width = Math.max(320, 40 + textWidth(text, 13)), height = 70;
  return svgOpen(id, width, height, title, text) +
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" fill="none" stroke="#bbb" stroke-dasharray="4 4"/>` +
    `<text class="mark" x="${width / 2}" y="${height / 2 + 5}" text-anchor="middle" font-size="13" fill="#555">${escapeXml(text)}</text></svg>`;
}

/** A line with a circle per point (hover shows the value), axes with ticks and labels. */
export function lineChartSvg(id: string, points: readonly LinePoint[], o: LineChartOptions): string {
  const width = 560, height = 300, left = 56, right = 16, top = 16, bottom = 48;
  const xMax = o.xPercent ? 1 : Math.max(1, ...points.map((p) => p.x));
  const x = linear(0, xMax, left, width - right);
  const y = linear(0, 1, height - bottom, top);
  const xt = o.xPercent ? [0, 0.2, 0.4, 0.6, 0.8, 1] : ticks(xMax, Math.min(10, xMax)).filter((v) => Number.isInteger(v));
  const grid = ticks(1, 5).map((v) => `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${pct(v)}</text>`);
  const xAxis = xt.map((v) => `<text x="${x(v)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${o.xPercent ? pct(v) : v}</text>`);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");
  const dots = points.map((p) => `<circle class="mark" cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="4" fill="#08458f"><title>${escapeXml(p.label)}</title></circle>`);
  const diagonal = o.diagonal ? `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 4"><title>equal shares (no concentration)</title></line>` : "";
  return svgOpen(id, width, height, o.title, o.desc) + grid.join("") + xAxis.join("") + diagonal +
    `<line x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/><line x1="${left}" x2="${left}" y1="${top}" y2="${y(0)}" stroke="#333"/>` +
    `<path class="mark" d="${path}" fill="none" stroke="#08458f" stroke-width="2"/>` + dots.join("") +
    `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle" font-size="12">${escapeXml(o.xLabel)}</text>` +
    `<text x="14" y="${(top + height - bottom) / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${escapeXml(o.yLabel)}</text></svg>`;
}

/** Horizontal bars with value labels and hover details. */
export function barChartSvg(id: string, bars: readonly Bar[], title: string, desc: string, xLabel: string, format: (v: number) => string): string {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  const left = 16 + bars.reduce((m, b) => Math.max(m, textWidth(b.label, 12)), 60);
  const right = 16 + bars.reduce((m, b) => Math.max(m, textWidth(format(b.value), 11)), 40);
  const barH = 26, top = 10, bottom = 40, width = left + 360 + right;
  const height = top + bars.length * barH + bottom;
  const x = linear(0, max === 0 ? 1 : max, left, width - right);
  const marks = bars.map((b, i) => {
    const yy = top + i * barH;
    return `<text x="${left - 8}" y="${yy + barH / 2 + 3}" text-anchor="end" font-size="12">${escapeXml(b.label)}</text>` +
      `<rect class="mark" x="${left}" y="${yy + 3}" width="${Math.max(1, x(Math.max(0, b.value)) - left).toFixed(1)}" height="${barH - 6}" fill="#c2410c"><title>${escapeXml(`${b.label}: ${b.detail}`)}</title></rect>` +
      `<text x="${x(Math.max(0, b.value)) + 6}" y="${yy + barH / 2 + 3}" font-size="11">${escapeXml(format(b.value))}</text>`;
  });
  return svgOpen(id, width, height, title, desc) + marks.join("") +
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + bars.length * barH}" stroke="#333"/>` +
    `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle" font-size="12">${escapeXml(xLabel)}</text></svg>`;
}
