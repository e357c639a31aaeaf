import { transactionModelLabel } from "../clv/models/modelLabel";
import { DISAGREEMENT_MARK, DISAGREEMENT_NOTE, otherView, viewsDisagree } from "./crossReference";
import { clvIntervalText } from "./clvIntervalText";
import { KPI_DEFINITIONS } from "./definitions";
import { formatCountChange, formatDate, formatInt, formatMoney, formatMoneyChange, formatNumber, formatPercent, formatPeriod, formatPointChange, humanize } from "./format";
import type { KpiReport } from "./kpiReport";
import { defectionTallyMarkdown, markdownTable as table } from "./markdownTable";
import { outcomeLabel, outcomeValue, readRenderOptions, thresholdSummary, type RenderOptions, type ThresholdOutcome } from "./renderOptions";
import type { KpiChange, KpiSignificance, ReportSection } from "./types";
import { readReport, rendering } from "./readReport";
import { escapeMarkdown } from "./markdownEscape";
import { significanceLabel } from "./significanceLabel";
import { followUpTable, satisfactionTable } from "./surveyTables";
import { spendTables } from "./spendSection";
import { pointsTable } from "./pointsTable";
import { breadthTables } from "./breadthSection";
import type { Decimal } from "../core/money";
import { benchmarkTable, readRenderBenchmarks } from "./benchmarkTable";
import { equityTable } from "./equityTable";
import { modelFitTables } from "./modelFitTables";
import { saveBudgetCells, saveBudgetHeader, saveBudgetSentence } from "./saveBudgetCells";
import type { BenchmarkComparison } from "./compareToBenchmarks";

/** A change cell with the verdict on it, when the figure was tested: "+12.0 pts · significant, p = 0.003". */
function tested(text: string, change: KpiChange, significance: KpiSignificance): string {
  const label = significanceLabel(significance, change.absolute);
  return label === null ? text : `${text} · ${label}`;
}

function unavailable<T>(section: ReportSection<T>, body: (value: T) => string): string {
  return section.available ? body(section) : `_Not available: ${escapeMarkdown(section.reason)}._`;
}

/**
 * The report as Markdown for pull requests and terminals: one table per section, with the
 * previous period and the change beside each KPI; the change of a rate or NPS says whether it
 * is significant at 95% ("+12.0 pts · significant, p = 0.003"). Unavailable sections say why. Every value
 * taken from the data (ids, segments, reasons, the currency code, threshold text) is escaped
 * with `escapeMarkdown`, so the page is safe to append to a CI step summary.
 *
 * @param report - a `kpiReport` result
 * @returns GitHub-flavoured Markdown
 * @example
 * renderMarkdown(kpiReport(purchases, { asOf: "2024-07-01" }))
 * //=> "# KPI report: 2024-06-01 – 2024-06-30\n..."
 */
export function renderMarkdown(report: KpiReport, options?: RenderOptions): string {
  const checked = readReport(report, "renderMarkdown");
  const thresholds = readRenderOptions(options, "renderMarkdown");
  const benchmarks = readRenderBenchmarks(options, "renderMarkdown");
  return rendering("renderMarkdown", () => markdownOf(checked, thresholds, benchmarks));
}

/** The body of `renderMarkdown`, on a report that passed `readReport`. */
function markdownOf(report: KpiReport, thresholds: ReturnType<typeof readRenderOptions>, benchmarks: BenchmarkComparison | null): string {
  const cur = report.currency;
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, cur);
  const a = report.activity;
  const p = a.previous;
  const r = report.retention;
  const rp = r.previous;
  const parts: string[] = [
    `# KPI report: ${formatPeriod(report.period.current)}`,
    `As of ${formatDate(report.asOf)} · ${formatInt(report.data.customers)} customers · ${formatInt(report.data.purchases)} purchases · ${formatInt(report.data.events)} events · ${formatInt(report.data.surveys)} survey responses${cur === null ? "" : ` · ${escapeMarkdown(cur)}`}. ` +
      `Compared with ${formatPeriod(report.period.previous)}${report.period.previousHasData ? "" : " (no data that early)"}.`,
    ...thresholdSection(thresholds),
    ...benchmarkSection(benchmarks, cur),
    "## Activity",
    table(["KPI", "This period", "Previous", "Change"], [
      ["Customers", formatInt(a.customers), formatInt(p?.customers ?? null), formatCountChange(a.change.customers)],
      ["New customers", formatInt(a.newCustomers), formatInt(p?.newCustomers ?? null), formatCountChange(a.change.newCustomers)],
      ["Orders", formatInt(a.orders), formatInt(p?.orders ?? null), formatCountChange(a.change.orders)],
      ["Revenue", money(a.revenue), money(p?.revenue ?? null), formatMoneyChange(a.change.revenue, cur)],
      ["Average order value", money(a.averageOrderValue), money(p?.averageOrderValue ?? null), formatMoneyChange(a.change.averageOrderValue, cur)],
      ["Purchase frequency", formatNumber(a.purchaseFrequency), formatNumber(p?.purchaseFrequency ?? null), formatCountChange(a.change.purchaseFrequency, 2)],
      ["Repeat purchase rate", formatPercent(a.repeatPurchaseRate), formatPercent(p?.repeatPurchaseRate ?? null), tested(formatPointChange(a.change.repeatPurchaseRate), a.change.repeatPurchaseRate, a.significance.repeatPurchaseRate)],
    ]),
    "## Retention",
    table(["KPI", "This period", "Previous", "Change"], [
      ["Retention rate", formatPercent(r.rate), formatPercent(rp?.rate ?? null), tested(formatPointChange(r.change.rate), r.change.rate, r.significance.rate)],
      ["Churn rate", formatPercent(r.churnRate), formatPercent(rp?.churnRate ?? null), tested(formatPointChange(r.change.churnRate), r.change.churnRate, r.significance.churnRate)],
      ["Customer retention rate (CRR)", formatPercent(r.crr), formatPercent(rp?.crr ?? null), formatPointChange(r.change.crr)],
      ["Active at start", formatInt(r.startCount), formatInt(rp?.startCount ?? null), ""],
      ["Retained / lost", `${formatInt(r.retainedCount)} / ${formatInt(r.lostCount)}`, rp === null ? "n/a" : `${formatInt(rp.retainedCount)} / ${formatInt(rp.lostCount)}`, ""],
      ["Came back", formatInt(r.reactivatedCount), formatInt(rp?.reactivatedCount ?? null), ""],
    ]),
    "## Revenue retention",
    unavailable(report.revenueRetention, (s) =>
      table(["KPI", "This period", "Previous", "Change"], [
        ["Net revenue retention (NRR)", formatPercent(s.netRevenueRetention), formatPercent(s.previous?.netRevenueRetention ?? null), formatPointChange(s.change.netRevenueRetention)],
        ["Gross revenue retention (GRR)", formatPercent(s.grossRevenueRetention), formatPercent(s.previous?.grossRevenueRetention ?? null), formatPointChange(s.change.grossRevenueRetention)],
        ["Base revenue", money(s.baseRevenue), money(s.previous?.baseRevenue ?? null), ""],
        ["Expansion / contraction / churned", `${money(s.expansion)} / ${money(s.contraction)} / ${money(s.churnedRevenue)}`, "", ""],
        ["New customers' revenue (not in NRR)", money(s.newCustomerRevenue), money(s.previous?.newCustomerRevenue ?? null), ""],
        ["Reactivated customers' revenue (not in NRR)", money(s.reactivation), money(s.previous?.reactivation ?? null), ""],
      ]),
    ),
    "## Net Promoter Score",
    unavailable(report.nps, (s) =>
      table(["KPI", "This period", "Previous", "Change"], [
        ["NPS", formatNumber(s.score, 1), formatNumber(s.previous?.score ?? null, 1), tested(formatCountChange(s.change.score, 1), s.change.score, s.significance.score)],
        ["Responses", formatInt(s.responses), formatInt(s.previous?.responses ?? null), ""],
        ["Promoters / passives / detractors", `${s.promoters} / ${s.passives} / ${s.detractors}`, "", ""],
        ["Margin of error (95%)", formatNumber(s.marginOfError, 1), formatNumber(s.previous?.marginOfError ?? null, 1), ""],
      ]),
    ),
    ...surveyParts(report, money),
    ...pointsParts(report, money),
    "## Monthly cohorts (share of each cohort ordering in month k)",
    unavailable(report.cohorts, (s) => {
      const width = Math.max(0, ...s.curve.map((point) => point.offset + 1));
      const offsets = Array.from({ length: width }, (_, k) => `M${k}`);
      const rows = s.cohorts.map((c) => [c.key, formatInt(c.size), ...offsets.map((_, k) => (k < c.rates.length ? formatPercent(c.rates[k] ?? null) : ""))]);
      rows.push(["Average", "", ...s.curve.map((point) => formatPercent(point.rate))]);
      const note = s.totalCohorts > s.cohorts.length ? `\n\nThe latest ${s.cohorts.length} of ${s.totalCohorts} cohorts are shown.` : "";
      return table(["Cohort", "Customers", ...offsets], rows) + note;
    }),
    "## Customer lifetime value",
    "### Historical",
    unavailable(report.clv.historical, (s) =>
      table(["KPI", "Value"], [
        ["Customers", formatInt(s.customers)],
        ["Total revenue", money(s.totalRevenue)],
        ["Average revenue per customer", money(s.averageRevenue)],
        ["Average margin per customer", money(s.averageMargin)],
        ["Average orders per customer", formatNumber(s.averageOrders)],
      ]),
    ),
    `### Predicted (${transactionModelLabel(report.clv.predicted.available ? report.clv.predicted.modelChoice?.chosen : undefined)} + Gamma-Gamma)`,
    unavailable(report.clv.predicted, (s) =>
      [
        table(["KPI", "Value"], [
          [`Total CLV, next ${formatNumber(s.horizon, 0)} ${s.timeUnit}s`, money(s.totalClv)],
          ...(s.totalClvInterval === undefined ? [] : [["Total CLV, interval", clvIntervalText(s.totalClvInterval, money)]]),
          ["Average CLV per customer", money(s.averageClv)],
          ["Average P(alive)", formatPercent(s.averageProbabilityAlive)],
          ["Expected purchases", formatNumber(s.expectedPurchases, 1)],
          ["BG/NBD fit", `${Object.entries(s.bgNbd.params).map(([k, v]) => `${k} = ${formatNumber(v, 3)}`).join(", ")}; LL ${formatNumber(s.bgNbd.logLikelihood, 1)}`],
          ["Gamma-Gamma fit", `${Object.entries(s.gammaGamma.params).map(([k, v]) => `${k} = ${formatNumber(v, 3)}`).join(", ")}; LL ${formatNumber(s.gammaGamma.logLikelihood, 1)}`],
          ...(s.modelChoice === undefined ? [] : [["Model used (auto)", `${s.modelChoice.reason}`]]),
          ...(s.penalizer > 0 ? [["Fit penalty (L2)", String(s.penalizer)]] : []),
        ]),
        "",
        table(otherView(["Top customer", "CLV", "P(alive)", "Expected purchases", "Defection status"], report.defections.available), s.topCustomers.map((c) => otherView([
          c.customerId, money(c.clv), formatPercent(c.probabilityAlive), formatNumber(c.expectedPurchases),
          `${c.defectionStatus === null ? "n/a" : humanize(c.defectionStatus)}${viewsDisagree(c.defectionStatus, c.probabilityAlive) ? ` ${DISAGREEMENT_MARK}` : ""}`,
        ], report.defections.available))),
        ...(s.topCustomers.some((c) => viewsDisagree(c.defectionStatus, c.probabilityAlive)) ? ["", DISAGREEMENT_NOTE] : []),
      ].join("\n"),
    ),
    ...equityParts(report, money),
    ...modelFitParts(report),
    "## Defections",
    unavailable(report.defections, (s) =>
      [
        defectionTallyMarkdown(s, cur),
        "",
        ...(saveBudgetSentence(s, cur) === null ? [] : [escapeMarkdown(saveBudgetSentence(s, cur)!), ""]),
        table(otherView(["At-risk customer", "Reason", "Value at risk", "Days since last activity", ...saveBudgetHeader(s), "P(alive)"], report.clv.predicted.available), s.topAtRisk.map((c) => otherView([
          c.customerId, humanize(c.reason), money(c.valueAtRisk), formatNumber(c.daysSinceLastActivity, 0), ...saveBudgetCells(s, c, cur),
          `${formatPercent(c.probabilityAlive)}${viewsDisagree("at_risk", c.probabilityAlive) ? ` ${DISAGREEMENT_MARK}` : ""}`,
        ], report.clv.predicted.available))),
        ...(s.topAtRisk.some((c) => viewsDisagree("at_risk", c.probabilityAlive)) ? ["", DISAGREEMENT_NOTE] : []),
      ].join("\n"),
    ),
    "## Segments",
    "### Lifetime-value tiers (Pareto 80% of revenue)",
    unavailable(report.segments.ltvTiers, (s) =>
      [
        table(["Tier", "Customers", "Share of customers", "Revenue", "Share of revenue"], s.tiers.map((t) => [humanize(t.name), formatInt(t.customers), formatPercent(t.shareOfCustomers), money(t.value), formatPercent(t.shareOfValue)])),
        "",
        `Concentration: top 1% of customers hold ${formatPercent(s.concentration.top1PctShare)} of revenue, top 10% ${formatPercent(s.concentration.top10PctShare)}, top 20% ${formatPercent(s.concentration.top20PctShare)}; Gini ${formatNumber(s.concentration.gini, 3)}.`,
      ].join("\n"),
    ),
    "### Most lucrative loyal customers",
    unavailable(report.segments.loyalCustomers, (s) =>
      [
        `${formatInt(s.count)} customers (${formatPercent(s.shareOfCustomers)} of all) hold ${formatPercent(s.shareOfRevenue)} of revenue.`,
        "",
        table(["Customer", "Revenue", "Orders", "Share of revenue"], s.top.map((c) => [c.customerId, money(c.value), formatInt(c.orders), formatPercent(c.shareOfRevenue)])),
      ].join("\n"),
    ),
    "## Definitions",
    KPI_DEFINITIONS.map((d) => `- **${d.name}**: ${d.formula}`).join("\n"),
  ];
  return `${parts.join("\n\n")}\n`;
}

/** The customer-equity part of the CLV section, when the report has it (reports from before issue 15 do not). */
function equityParts(report: KpiReport, money: (value: Decimal) => string): string[] {
  const e = report.clv.equity;
  if (e === undefined) return [];
  return ["### Customer equity", unavailable(e, (s) => {
    const t = equityTable(s, money);
    return `${escapeMarkdown(t.caption)}.\n\n${table(t.header, t.rows)}`;
  })];
}

/** The "Model fit" section, when the report has one (reports from before issue 16 do not). */
function modelFitParts(report: KpiReport): string[] {
  const m = report.modelFit;
  if (m === undefined) return [];
  return ["## Model fit (BG/NBD on a holdout)", unavailable(m, (s) => {
    const t = modelFitTables(s);
    return [escapeMarkdown(t.sentence), "", table(t.totals.header, t.totals.rows), "", table(t.byFrequency.header, t.byFrequency.rows)].join("\n");
  })];
}

/** The CSAT/CES and "Follow up first" sections, when the report has them (reports from before issue 14 do not). */
function surveyParts(report: KpiReport, money: (value: Decimal) => string): string[] {
  const parts: string[] = [];
  if (report.satisfaction?.available === true) {
    const t = satisfactionTable(report.satisfaction);
    parts.push("## Customer satisfaction (CSAT) and effort (CES)", table(t.header, t.rows));
  }
  const f = report.followUps;
  if (f?.available === true) {
    const t = followUpTable(f, money);
    parts.push("## Follow up first", t.rows.length === 0 ? `_Nobody to call back: no unhappy answers in the last ${f.windowDays} days._` : `${t.caption}\n\n${table(t.header, t.rows)}`);
  }
  if (report.spend?.available === true) parts.push("## Retention spend", spendTables(report.spend, money).map((t) => table(t.header, t.rows)).join("\n\n"));
  const b = report.breadth;
  if (b !== undefined) {
    const t = b.available ? breadthTables(b, money) : null;
    parts.push("## Cross-sell breadth", t === null ? `_Not available: ${escapeMarkdown(b.available ? "" : b.reason)}._` : [t.sentence, "", table(t.categories.header, t.categories.rows), "", table(t.next.header, t.next.rows)].join("\n"));
  }
  return parts;
}

/** The points section, when the report has one (reports from before issue 15 do not). */
function pointsParts(report: KpiReport, money: (value: Decimal) => string): string[] {
  if (report.points?.available !== true) return [];
  const t = pointsTable(report.points, money);
  return ["## Points: liability and breakage", `${t.summary}\n\n${table(t.header, t.rows)}`];
}

function benchmarkSection(benchmarks: BenchmarkComparison | null, currency: string | null): string[] {
  if (benchmarks === null) return [];
  const t = benchmarkTable(benchmarks, currency);
  return ["## Benchmarks", `${t.caption}\n\n${table(t.header, t.rows)}`];
}

function thresholdSection(thresholds: readonly ThresholdOutcome[]): string[] {
  if (thresholds.length === 0) return [];
  return [
    "## Thresholds",
    `${thresholdSummary(thresholds)}\n\n` +
      table(["Threshold (fails when it holds)", "Value", "Outcome"], thresholds.map((t) => [t.threshold, outcomeValue(t.value), outcomeLabel(t.outcome)])),
  ];
}
