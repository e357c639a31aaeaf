import { DISAGREEMENT_MARK, DISAGREEMENT_NOTE, otherView, viewsDisagree } from "./crossReference";
import { clvIntervalText } from "./clvIntervalText";
import { KPI_DEFINITIONS } from "./definitions";
import { followUpTable, satisfactionTable } from "./surveyTables";
import { spendTables } from "./spendSection";
import { pointsTable } from "./pointsTable";
import { breadthTables } from "./breadthSection";
import { concentrationPoints, defectionBars, heatmapCells, retentionCurvePoints } from "./chartData";
import { barChartSvg, heatmapSvg, lineChartSvg, unavailableSvg } from "./chartSvg";
import { formatCountChange, formatDate, formatInt, formatMoney, formatMoneyChange, formatNumber, formatPercent, formatPeriod, formatPointChange, humanize } from "./format";
import type { KpiReport } from "./kpiReport";
import { benchmarkTable, readRenderBenchmarks } from "./benchmarkTable";
import { equityTable } from "./equityTable";
import { modelFitTables } from "./modelFitTables";
import { calibrationHoldoutSvg, trackingSvg } from "./modelFitSvg";
import { saveBudgetCells, saveBudgetHeader, saveBudgetSentence } from "./saveBudgetCells";
import type { BenchmarkComparison } from "./compareToBenchmarks";
import { outcomeLabel, outcomeValue, readFragmentOption, readRenderOptions, thresholdSummary, type RenderOptions, type ThresholdOutcome } from "./renderOptions";
import { scopeCss } from "./scopeCss";
import { escapeXml } from "./svgCommon";
import type { KpiChange, KpiMoneyChange, KpiSignificance } from "./types";
import { significanceLabel } from "./significanceLabel";
import { readReport, rendering } from "./readReport";

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#111;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555}.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin-top:16px}
.tile{border:1px solid #ddd;border-radius:8px;padding:12px}.tile .label{color:#555;font-size:12px}.tile .value{font-size:22px;font-weight:600}
.up{color:#15803d}.down{color:#b91c1c}.flat{color:#555}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:6px}.na{color:#555;font-style:italic}
svg.chart{max-width:100%;height:auto;font-family:inherit}details{margin-top:6px}.tile .detail{color:#555;font-size:12px}
.note{color:#333;max-width:80ch}td.fail{color:#b91c1c;font-weight:600}td.pass{color:#15803d}dl.defs dt{font-weight:600;margin-top:6px}dl.defs dd{margin:0 0 0 16px}
.tile .sig{color:#555;font-size:12px}`;

/** The class of the fragment's wrapper: every rule of its style is scoped under it. */
export const FRAGMENT_CLASS = "retention-metrics-report";

function table(header: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const head = `<tr>${header.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`).join("");
  return `<table>${caption === undefined ? "" : `<caption>${escapeXml(caption)}</caption>`}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/**
 * A KPI tile. A tested figure (`significance` given) gets its coloured arrow only when the change
 * is significant, and a line with the verdict: no green arrow on noise. A figure that is not a
 * proportion (counts, money) keeps the arrow of its direction.
 */
function tile(label: string, value: string, change: string, direction: number | null, goodWhenUp = true, detail?: string, significance?: KpiSignificance): string {
  const shown = significance !== undefined && significance.significant !== true ? null : direction;
  const cls = shown === null || shown === 0 ? "flat" : (shown > 0) === goodWhenUp ? "up" : "down";
  const arrow = shown === null || shown === 0 ? "" : shown > 0 ? "▲ " : "▼ ";
  const extra = detail === undefined ? "" : `<div class="detail">${escapeXml(detail)}</div>`;
  const verdictText = significance === undefined ? null : significanceLabel(significance, direction);
  const level = significance?.significant === null ? "" : " (95%)";
  const verdict = verdictText === null ? "" : `<div class="sig">${escapeXml(verdictText)}${level}</div>`;
  return `<div class="tile"><div class="label">${escapeXml(label)}</div><div class="value">${escapeXml(value)}</div><div class="${cls}" title="change against the previous period">${arrow}${escapeXml(change)}</div>${extra}${verdict}</div>`;
}

function benchmarkSection(benchmarks: BenchmarkComparison | null, currency: string | null): string {
  if (benchmarks === null) return "";
  const t = benchmarkTable(benchmarks, currency);
  return `<section id="benchmarks"><h2>Benchmarks</h2><p>${escapeXml(t.caption)}</p>${table(t.header, t.rows)}</section>`;
}

function thresholdSection(thresholds: readonly ThresholdOutcome[]): string {
  if (thresholds.length === 0) return "";
  const rows = thresholds.map((t) => `<tr><td>${escapeXml(t.threshold)}</td><td>${escapeXml(outcomeValue(t.value))}</td><td class="${t.outcome === "pass" ? "pass" : "fail"}">${escapeXml(outcomeLabel(t.outcome))}</td></tr>`);
  return `<section id="thresholds"><h2>Thresholds</h2><p>${escapeXml(thresholdSummary(thresholds))}</p><table><thead><tr><th scope="col">Threshold (fails when it holds)</th><th scope="col">Value</th><th scope="col">Outcome</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

const marked = (text: string, disagree: boolean): string => (disagree ? `${text} ${DISAGREEMENT_MARK}` : text);
const note = (show: boolean): string => (show ? `<p class="note">${escapeXml(DISAGREEMENT_NOTE)}</p>` : "");

const dir = (c: KpiChange): number | null => c.absolute;
const moneyDir = (c: KpiMoneyChange): number | null => (c.absolute === null ? null : c.absolute.toNumber());

function figure(id: string, caption: string, svg: string | null, reason: string, data: string): string {
  if (svg === null) return `<figure id="${id}-figure"><figcaption>${escapeXml(caption)}</figcaption>${unavailableSvg(id, caption, reason)}</figure>`;
  return `<figure id="${id}-figure"><figcaption>${escapeXml(caption)}</figcaption>${svg}<details><summary>Data table</summary>${data}</details></figure>`;
}

/**
 * The report as one self-contained HTML page: KPI tiles with changes, an inline-SVG cohort
 * heatmap, retention curve, revenue-concentration curve by LTV tier and unrealized value by
 * defection reason, each with a title, axis labels, hover values and a data table. No script,
 * no network: it can be mailed or stored as a CI artifact.
 *
 * The NPS tile shows its responses and margin of error; a "Thresholds" section follows the
 * tiles when `options.thresholds` is given, and a "Definitions" section ends the page.
 *
 * With `fragment: true` the same content comes without `<html>`, `<head>` and `<body>`, in one
 * `<div class="retention-metrics-report">` whose `<style>` has every selector scoped under that
 * class, so a host page (a notebook) keeps its own styles.
 *
 * @param report - a `kpiReport` result
 * @param options - `thresholds`: CI threshold outcomes to show (see `ThresholdOutcome`);
 *   `fragment`: a fragment to embed in a page instead of a whole document
 * @returns the HTML document (or fragment)
 * @example
 * renderHtml(kpiReport(purchases, { asOf: "2024-07-01" })).startsWith("<!doctype html>") //=> true
 * renderHtml(kpiReport(purchases, { asOf: "2024-07-01" }), { fragment: true }).startsWith('<div class="retention-metrics-report"') //=> true
 */
export function renderHtml(report: KpiReport, options?: RenderOptions): string {
  const checked = readReport(report, "renderHtml");
  const thresholds = readRenderOptions(options, "renderHtml");
  const benchmarks = readRenderBenchmarks(options, "renderHtml");
  const fragment = readFragmentOption(options, "renderHtml");
  return rendering("renderHtml", () => htmlOf(checked, thresholds, benchmarks, fragment));
}

/** The body of `renderHtml`, on a report that passed `readReport`. */
function htmlOf(report: KpiReport, thresholds: ReturnType<typeof readRenderOptions>, benchmarks: BenchmarkComparison | null, fragment: boolean): string {
  const cur = report.currency;
  const money = (v: Parameters<typeof formatMoney>[0]) => formatMoney(v, cur);
  const a = report.activity;
  const r = report.retention;
  const rr = report.revenueRetention;
  const n = report.nps;
  const tiles = [
    tile("Customers", formatInt(a.customers), formatCountChange(a.change.customers), dir(a.change.customers)),
    tile("Revenue", money(a.revenue), formatMoneyChange(a.change.revenue, cur), moneyDir(a.change.revenue)),
    tile("Average order value", money(a.averageOrderValue), formatMoneyChange(a.change.averageOrderValue, cur), moneyDir(a.change.averageOrderValue)),
    tile("Retention rate", formatPercent(r.rate), formatPointChange(r.change.rate), dir(r.change.rate), true, undefined, r.significance.rate),
    tile("Churn rate", formatPercent(r.churnRate), formatPointChange(r.change.churnRate), dir(r.change.churnRate), false, undefined, r.significance.churnRate),
    tile("Repeat purchase rate", formatPercent(a.repeatPurchaseRate), formatPointChange(a.change.repeatPurchaseRate), dir(a.change.repeatPurchaseRate), true, undefined, a.significance.repeatPurchaseRate),
    rr.available ? tile("Net revenue retention", formatPercent(rr.netRevenueRetention), formatPointChange(rr.change.netRevenueRetention), dir(rr.change.netRevenueRetention)) : tile("Net revenue retention", "n/a", rr.reason, null),
    n.available
      ? tile("NPS", formatNumber(n.score, 1), formatCountChange(n.change.score, 1), dir(n.change.score), true,
        `${formatInt(n.responses)} response${n.responses === 1 ? "" : "s"} · margin of error ±${formatNumber(n.marginOfError, 1)} (95%)`, n.significance.score)
      : tile("NPS", "n/a", n.reason, null),
  ];
  const cells = heatmapCells(report);
  const curve = retentionCurvePoints(report);
  const concentration = concentrationPoints(report);
  const bars = defectionBars(report);
  const cohortReason = report.cohorts.available ? "no observed cohort cells" : report.cohorts.reason;
  const tierReason = report.segments.ltvTiers.available ? "no tiers" : report.segments.ltvTiers.reason;
  const defectionReason = report.defections.available ? "no defected customers" : report.defections.reason;
  const figures = [
    figure("cohort-heatmap", "Monthly cohorts: share ordering k months after their first month", cells.length === 0 ? null : heatmapSvg("cohort-heatmap", cells), cohortReason,
      table(["Cohort", "Month", "Customers", "Cohort size", "Rate"], cells.map((c) => [c.cohort, String(c.offset), formatInt(c.customers), formatInt(c.size), formatPercent(c.rate)]))),
    figure("retention-curve", "Average retention curve (customer-weighted over the cohorts observed)", curve.length === 0 ? null : lineChartSvg("retention-curve", curve, {
      title: "Average cohort retention curve", desc: "Customer-weighted share of a cohort ordering in each month after acquisition.", xLabel: "Months since first activity", yLabel: "Customers ordering", xPercent: false, diagonal: false,
    }), cohortReason, table(["Month", "Rate"], curve.map((p) => [String(p.x), formatPercent(p.y)]))),
    figure("revenue-concentration", "Revenue concentration by lifetime-value tier (Pareto 80%)", concentration.length === 0 ? null : lineChartSvg("revenue-concentration", concentration, {
      title: "Revenue concentration curve", desc: "Cumulative share of revenue held by the top share of customers; the dashed line is equal shares.", xLabel: "Top customers (share of all customers)", yLabel: "Share of revenue", xPercent: true, diagonal: true,
    }), tierReason, table(["Top customers", "Share of revenue", "Point"], concentration.map((p) => [formatPercent(p.x), formatPercent(p.y), p.label]))),
    figure("defection-value", "Unrealized yearly value by defection reason", bars.length === 0 ? null : barChartSvg("defection-value", bars, "Unrealized value by defection reason", "Yearly revenue of defected customers, by the reason they defected.", `Unrealized value a year${cur === null ? "" : ` (${cur})`}`, (v) => formatNumber(v, 0)),
      defectionReason, table(["Reason", "Unrealized value", "Detail"], bars.map((b) => [b.label, formatNumber(b.value, 2), b.detail]))),
  ];
  const sections: string[] = [];
  const d = report.defections;
  if (d.available) {
    const disagree = d.topAtRisk.some((c) => viewsDisagree("at_risk", c.probabilityAlive));
    sections.push(`<h2>Defections</h2><p>${formatInt(d.customers)} customers: ${formatInt(d.active)} active, ${formatInt(d.atRisk)} at risk (${escapeXml(money(d.atRiskValue))} a year), ${formatInt(d.defected)} defected (rate ${formatPercent(d.defectionRate)}).</p>` +
      (saveBudgetSentence(d, cur) === null ? "" : `<p>${escapeXml(saveBudgetSentence(d, cur)!)}</p>`) +
      table(otherView(["At-risk customer", "Reason", "Value at risk", "Days since last activity", ...saveBudgetHeader(d), "P(alive)"], report.clv.predicted.available), d.topAtRisk.map((c) => otherView([
        c.customerId, humanize(c.reason), money(c.valueAtRisk), formatNumber(c.daysSinceLastActivity, 0), ...saveBudgetCells(d, c, cur), marked(formatPercent(c.probabilityAlive), viewsDisagree("at_risk", c.probabilityAlive)),
      ], report.clv.predicted.available)), "Customers most worth saving") + note(disagree));
  }
  if (report.satisfaction?.available === true) {
    const t = satisfactionTable(report.satisfaction);
    sections.push(`<h2>Customer satisfaction (CSAT) and effort (CES)</h2>${table(t.header, t.rows)}`);
  }
  const f = report.followUps;
  if (f?.available === true) {
    const t = followUpTable(f, money);
    sections.push(`<h2>Follow up first</h2>${t.rows.length === 0 ? `<p>Nobody to call back: no unhappy answers in the last ${f.windowDays} days.</p>` : `<p>${escapeXml(t.caption)}</p>${table(t.header, t.rows)}`}`);
  }
  if (report.spend?.available === true) sections.push(`<h2>Retention spend</h2>${spendTables(report.spend, money).map((t) => table(t.header, t.rows)).join("")}`);
  if (report.points?.available === true) {
    const t = pointsTable(report.points, money);
    sections.push(`<h2>Points: liability and breakage</h2><p>${escapeXml(t.summary)}</p>${table(t.header, t.rows)}`);
  }
  const b = report.breadth;
  if (b?.available === true) {
    const t = breadthTables(b, money);
    sections.push(`<h2>Cross-sell breadth</h2><p>${escapeXml(t.sentence)}</p>${table(t.categories.header, t.categories.rows)}${table(t.next.header, t.next.rows, "First category → next new category")}`);
  } else if (b !== undefined) sections.push(`<h2>Cross-sell breadth</h2><p class="na">Not available: ${escapeXml(b.reason)}.</p>`);
  const lt = report.segments.ltvTiers;
  if (lt.available) sections.push(`<h2>Lifetime-value tiers</h2>${table(["Tier", "Customers", "Share of customers", "Revenue", "Share of revenue"], lt.tiers.map((t) => [humanize(t.name), formatInt(t.customers), formatPercent(t.shareOfCustomers), money(t.value), formatPercent(t.shareOfValue)]))}`);
  const loyal = report.segments.loyalCustomers;
  if (loyal.available) sections.push(`<h2>Most lucrative loyal customers</h2>${table(["Customer", "Revenue", "Orders", "Share of revenue"], loyal.top.map((c) => [c.customerId, money(c.value), formatInt(c.orders), formatPercent(c.shareOfRevenue)]))}`);
  const hist = report.clv.historical;
  const historical = hist.available
    ? table(["KPI", "Value"], [
      ["Customers", formatInt(hist.customers)],
      ["Total revenue", money(hist.totalRevenue)],
      ["Average revenue per customer", money(hist.averageRevenue)],
      ["Average margin per customer", money(hist.averageMargin)],
      ["Average orders per customer", formatNumber(hist.averageOrders)],
    ], "Historical CLV: what customers have been worth up to the as-of date")
    : `<p class="na">Historical CLV not available: ${escapeXml(hist.reason)}.</p>`;
  const pred = report.clv.predicted;
  const predictedTable = pred.available
    ? table(otherView(["Top customer", "Predicted CLV", "P(alive)", "Expected purchases", "Defection status"], d.available), pred.topCustomers.map((c) => otherView([
      c.customerId, money(c.clv), formatPercent(c.probabilityAlive), formatNumber(c.expectedPurchases),
      marked(c.defectionStatus === null ? "n/a" : humanize(c.defectionStatus), viewsDisagree(c.defectionStatus, c.probabilityAlive)),
    ], d.available)), `Predicted CLV over ${formatNumber(pred.horizon, 0)} ${pred.timeUnit}s: total ${money(pred.totalClv)}${pred.totalClvInterval === undefined ? "" : ` (${clvIntervalText(pred.totalClvInterval, money)})`}, average ${money(pred.averageClv)}`) +
      note(pred.topCustomers.some((c) => viewsDisagree(c.defectionStatus, c.probabilityAlive))) +
      (pred.modelChoice === undefined ? "" : `<p>Model used (auto): ${escapeXml(pred.modelChoice.reason)}.</p>`)
    : `<p class="na">Predicted CLV not available: ${escapeXml(pred.reason)}.</p>`;
  const eq = report.clv.equity;
  const equity = eq === undefined ? "" : eq.available ? (() => {
    const t = equityTable(eq, money);
    return table(t.header, t.rows, t.caption);
  })() : `<p class="na">Customer equity not available: ${escapeXml(eq.reason)}.</p>`;
  sections.push(`<h2>Customer lifetime value</h2>${historical}${predictedTable}${equity}`);
  const fit = report.modelFit;
  if (fit?.available === true) {
    const t = modelFitTables(fit);
    sections.push(`<h2>Model fit</h2><p>${escapeXml(t.sentence)}</p>${table(t.totals.header, t.totals.rows)}` +
      figure("model-tracking", "Tracking: cumulative repeat transactions, actual and BG/NBD", trackingSvg("model-tracking", fit.tracking.periods), "",
        table(["Week", "Phase", "Actual", "Model"], fit.tracking.periods.map((p) => [String(p.index), p.phase, formatInt(p.actualCumulative), formatNumber(p.expectedCumulative, 1)]))) +
      figure("calibration-holdout", "Calibration vs holdout: mean holdout transactions by calibration frequency", fit.byFrequency.length === 0 ? null : calibrationHoldoutSvg("calibration-holdout", fit.byFrequency), "no customers in the holdout table",
        table(t.byFrequency.header, t.byFrequency.rows)));
  } else if (fit !== undefined) sections.push(`<h2>Model fit</h2><p class="na">Not available: ${escapeXml(fit.reason)}.</p>`);
  sections.push(`<h2>Definitions</h2><dl class="defs">${KPI_DEFINITIONS.map((k) => `<dt>${escapeXml(k.name)}</dt><dd>${escapeXml(k.formula)}</dd>`).join("")}</dl>`);
  const title = `KPI report: ${formatPeriod(report.period.current)}`;
  const content = `<h1>${escapeXml(title)}</h1>
<p class="meta">As of ${formatDate(report.asOf)} · ${formatInt(report.data.customers)} customers · ${formatInt(report.data.purchases)} purchases${cur === null ? "" : ` · ${escapeXml(cur)}`} · compared with ${formatPeriod(report.period.previous)}</p>
<section aria-label="Key figures"><div class="tiles">${tiles.join("")}</div></section>
${thresholdSection(thresholds)}
${benchmarkSection(benchmarks, cur)}
<h2>Charts</h2>${figures.join("\n")}
${sections.join("\n")}
<p class="meta">retention-metrics report, schema version ${report.schemaVersion}.</p>`;
  if (fragment) return `<div class="${FRAGMENT_CLASS}" lang="en"><style>${scopeCss(STYLE, `.${FRAGMENT_CLASS}`)}</style><article>${content}</article></div>\n`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeXml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body></html>
`;
}
