/**
 * The all-in-one KPI report of the bundled CDNOW sample, as a typed object and as Markdown:
 * what `retention-metrics report --format md` prints, from code.
 */
import { createLedger, kpiReport, renderMarkdown, toVegaLite } from "retention-metrics";
import { KpiReportJsonSchema } from "retention-metrics/schemas";
import { loadCdnowSample } from "./data/cdnow";

const ledger = createLedger({ purchases: loadCdnowSample() }, { currency: "USD" });
const report = kpiReport(ledger, { period: "quarter" });

console.log(`Retention ${report.period.current.start.toISOString().slice(0, 10)}: ${report.retention.rate?.toFixed(3) ?? "n/a"}`);
if (report.revenueRetention.available) console.log(`NRR: ${report.revenueRetention.netRevenueRetention?.toFixed(3) ?? "n/a"}`);
console.log(report.nps.available ? `NPS ${report.nps.score}` : `NPS: ${report.nps.reason}`);

// The JSON form validates against the published schema.
KpiReportJsonSchema.parse(JSON.parse(JSON.stringify(report)));
console.log(`Vega-Lite retention curve: ${toVegaLite(report, "retentionCurve").data.values.length} points`);
console.log(renderMarkdown(report));
