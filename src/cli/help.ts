/** Usage text per subcommand. */
const INPUT = `Input:
  --purchases FILE       purchases (customerId, at, amount[, orderId, cost, quantity, currency]); - = stdin
  --events FILE          customer events (customerId, at, type)
  --surveys FILE         survey answers (at, score[, customerId, segment, kind: nps|csat|ces])
  --costs FILE           retention costs (at, amount[, customerId, program, channel, currency]); report and spend
  --columns MAP          field=column pairs, e.g. customerId=cust_id,at=order_date,amount=total
  --date-format FMT      date-fns format of non-ISO dates, read as UTC (e.g. yyyyMMdd)
  --input-format F       csv | json | ndjson (default: sniffed from the first character); parquet with --engine duckdb
  --currency CODE        the currency every purchase must be in
  --delimiter D          CSV separator: , | ; | tab (default: sniffed from the header)
  --decimal-separator S  . | , for amounts such as 12,50 or 1.234,56 (default .)
Files may be CSV with a header, a JSON array or NDJSON, optionally gzipped.`;

/** The engine flags of the commands that run on DuckDB. */
const ENGINE = `Engine:
  --engine E             in-memory (default) | duckdb: DuckDB reads --purchases (CSV, gzip CSV, JSON,
                         NDJSON or Parquet; a file or a glob such as "orders/*.parquet"); summary,
                         cohorts, fit, predict and segments aggregate in DuckDB where they can.
                         Needs the optional package @duckdb/node-api (npm install @duckdb/node-api)
  --memory-limit SIZE    with --engine duckdb: DuckDB's memory_limit (e.g. 2GB); it spills to a
                         temporary directory past it, so files larger than memory can be read`;

/** The commands that take `--engine duckdb`. */
const ENGINE_COMMANDS: ReadonlySet<string> = new Set(["report", "summary", "cohorts", "fit", "predict", "segments"]);

const COMMANDS: Readonly<Record<string, string>> = {
  report: `retention-metrics report --purchases FILE [options]
The whole KPI report: activity, retention, revenue retention, NPS, cohorts, CLV, defections, segments.
  --as-of DATE           end of observation (default: end of the latest day in the data)
  --period P             month | quarter | year (last complete one) | START..END (default month)
  --format F             json | md | html | csv (default json)
  --out FILE             write the output to FILE instead of stdout
  --html FILE            also write the HTML report to FILE
  --time-unit U          day | week: time unit of the CLV models (default week)
  --horizon N            predicted-CLV horizon in time units (default one year)
  --discount-rate R      yearly discount rate of predicted CLV (default 0.1)
  --penalizer X          L2 penalty of the BG/NBD and Gamma-Gamma fits (default 0; try 0.001
                         when predicted CLV is unavailable because a fit ran off to infinity)
  --model M              bg-nbd (default) | auto: fit BG/NBD, MBG/NBD and Pareto/NBD and predict
                         CLV with the one of lowest holdout MAE (data spanning 26+ weeks), else
                         lowest BIC; the report says which and why
  --top N                length of the top-customer lists (default 10)
  --skip LIST            sections not to compute: cohorts, historicalClv, predictedClv,
                         defections, segments, modelFit (comma-separated; they say "skipped")
  --point-value AMOUNT   value of one loyalty point, for the points section's liability
  --expiry D             how long points live (e.g. 12mo), for the points section's expiring figures
  --fail-if "PATH OP N"  exit 1 when the KPI at PATH (in the JSON report) satisfies OP N;
                         OP is < <= > >= == !=; repeatable; a null or absent KPI fails (exit 1),
                         a PATH that names no KPI is a usage error (exit 2)
  --thresholds-out FILE  write each threshold, its value and outcome (pass | fail | null | unknown) as JSON
  --benchmarks FILE      compare KPIs with your benchmarks (JSON or CSV: path,value,betterWhen[,source]);
                         md and html gain a Benchmarks table, json a "benchmarks" field
  --save-rate R          share of at-risk customers a save attempt keeps, in [0, 1]: the defection
                         section then shows the budget per attempt (docs/programs.md, Save budget)
  --retention-rate R     yearly retention assumption in [0, 1) for customer equity: values the base
                         when predicted CLV is unavailable, and future cohorts (docs/clv.md)
  --future-cohorts K     add K yearly cohorts of new customers to customer equity (needs --retention-rate)
  --threads N            1: compute everything in one thread; 2 or more (the default where the machine
                         has 2+ cores): predicted CLV's fits and predictions run on a second thread
                         from 20,000 customers, beside the other sections (the same report)
Under GitHub Actions (GITHUB_ACTIONS=true) failed thresholds also print ::error annotations.`,
  summary: `retention-metrics summary --purchases FILE [--as-of DATE] [--time-unit day|week] [--format csv|json] [--out FILE]
Per customer: frequency, recency (BTYD: last − first), T, monetary value (CSV by default).`,
  fit: `retention-metrics fit --purchases FILE [--as-of DATE] [--time-unit day|week] [--penalizer X] [--out FILE]
Fits BG/NBD and Gamma-Gamma; writes the two models as JSON.`,
  predict: `retention-metrics predict --model MODEL.json --purchases FILE [--as-of DATE] [--horizon N] [--discount-rate R] [--interval L [--draws N] [--seed S]] [--format csv|json] [--out FILE]
Per customer: P(alive), expected purchases over the horizon and CLV (CSV by default).
--interval 0.9 adds low and high bounds from the models' parameter uncertainty (200 draws by
default, --seed 1 by default: the same seed gives the same bounds) and says the total with its
interval and prediction interval on stderr (docs/clv.md, Intervals on CLV).`,
  cohorts: `retention-metrics cohorts --purchases FILE [--as-of DATE] [--period day|week|month|quarter|year] [--format csv|json|md] [--out FILE]
The cohort table (customers ordering per bucket since first activity) and its curve.`,
  defections: `retention-metrics defections --purchases FILE [--events FILE] [--as-of DATE] [--format json|csv|md] [--top N] [--out FILE]
The defection report (json, md) or every customer's classification (csv).`,
  segments: `retention-metrics segments --purchases FILE [--as-of DATE] [--format json|csv] [--top N] [--out FILE]
LTV tiers (Pareto 80% of revenue) with concentration and loyal customers (json), or tier per customer (csv).`,
  validate: `retention-metrics validate --purchases FILE --calibration-end DATE [--observation-end DATE] [--time-unit day|week] [--penalizer X] [--format json|md] [--out FILE]
Fits BG/NBD, Pareto/NBD and Gamma-Gamma on the purchases up to --calibration-end and scores each
transaction model on the holdout that follows: MAE, RMSE, bias, correlation, totals, calibration by
frequency and decile, normalized Gini, top-decile share, P(alive) AUC and Brier, spend error,
log-likelihood, AIC and BIC (docs/diagnostics.md, Holdout scorecard).
  --calibration-end DATE end of the calibration period (required)
  --observation-end DATE end of the holdout (default: the last purchase)
  --time-unit U          day | week (default week)
  --penalizer X          L2 penalty of the three fits (default 0)
  --format F             json | md (default json)
  --fail-if "PATH OP N"  exit 1 when a figure of the JSON satisfies OP N, e.g. "bgNbd.mae > 1.2" or
                         "paretoNbd.ranking.gini < 0.5"; repeatable; a null figure or a model that did
                         not fit fails (exit 1), a PATH that names no figure is a usage error (exit 2)
  --thresholds-out FILE  write each threshold, its value and outcome as JSON`,
  demo: `retention-metrics demo [--html FILE] [--out FILE]
The KPI report of the bundled CDNOW sample (2,357 customers, 1997–1998): Markdown on stdout,
HTML written to report.html (or --html FILE). Source and licence: examples/data/README.md.`,
  lifecycle: `retention-metrics lifecycle --purchases FILE [--period day|week|month|quarter|year] [--from DATE] [--as-of DATE] [--format json|csv|md] [--out FILE]
New, returning, resurrected and dormant customers per period, with the quick ratio (docs/journey.md).
  --period P             day | week | month | quarter | year (default month)
  --from DATE            first period: the one holding DATE (default: the first order's)
  --as-of DATE           end: the periods that end by DATE (default: end of the latest day in the data)
  --fail-if "PATH OP N"  exit 1 when the figure at PATH of the JSON satisfies OP N, e.g.
                         "latest.quickRatio < 1" or "periods[0].dormant > 100"; as in report
  --thresholds-out FILE  write each threshold, its value and outcome as JSON`,
  nps: `retention-metrics nps --surveys FILE [--period START..END] [--format json|csv|md] [--out FILE]
Net Promoter Score with its margin of error, overall and by segment.`,
  funnel: `retention-metrics funnel --events FILE [--purchases FILE] --steps LIST [options]
An ordered, first-touch conversion funnel (docs/journey.md): customers per step, conversions, median times.
  --steps LIST           comma-separated steps: event types, order (any order), order:N (the Nth order),
                         e.g. signup,view,order,order:2
  --within W             conversion window from entering: a whole number and ms | s | min | h | d | w,
                         or mo | y (calendar months, years), e.g. 30d (default: no limit)
  --period START..END    customers enter at their first step-1 row in [START, END) (default: any time)
  --format F             json | csv | md (default json)
  --out FILE             write the output to FILE instead of stdout
  --fail-if "PATH OP N"  exit 1 when the figure at PATH satisfies OP N: entered, converted,
                         overallConversion, steps[i].customers | conversionFromPrevious |
                         conversionFromStart | medianTimeFromPrevious | dropped (i from 0); repeatable
  --thresholds-out FILE  write each threshold, its value and outcome as JSON`,
  breadth: `retention-metrics breadth --purchases FILE [--period START..END] [--format json|csv|md] [--out FILE]
Cross-sell breadth of purchases with a category column (docs/segments.md): categories per customer,
cross-sell rate, penetration per category, first category → next new category.
  --period START..END    purchases in [START, END) only (default: all)
  --format F             json | csv (one row per category) | md (default json)
  --fail-if "PATH OP N"  exit 1 when the figure at PATH satisfies OP N, e.g. "crossSellRate < 0.2" or
                         "categories[0].penetration < 0.1"; repeatable
  --thresholds-out FILE  write each threshold, its value and outcome as JSON`,
  "follow-ups": `retention-metrics follow-ups --surveys FILE [--purchases FILE] [--events FILE] [--as-of DATE] [--within 90d] [--min-value AMOUNT] [--top N] [--format csv|json] [--out FILE]
Customers whose latest survey answer in [as-of − DAYS, as-of) (default 90 days) is unhappy (NPS 0–6,
CSAT 1–2, CES 1–3), highest value at stake (trailing 12-month revenue) first (CSV by default).`,
  spend: `retention-metrics spend --costs FILE --purchases FILE [--events FILE] [--period month|quarter|year|START..END] [--by program|channel] [--margin RATE] [--program NAME [--baseline matched|all]] [--format json|csv|md] [--out FILE]
Retention spend of the period: total, per active and retained customer, share of revenue and margin,
by program or channel; with --program, that program's ROI against a matched baseline (docs/programs.md).
  --period P             month | quarter | year (the last complete one before --as-of) or START..END (default month)
  --by K                 program | channel: one row per value
  --margin RATE          gross-margin fraction for purchases without a cost (needed with --program)
  --program NAME         the costs' program whose ROI to measure; members have a program_join event
  --baseline B           matched (same first-order month and spend decile, default) | all
  --fail-if "PATH OP N"  exit 1 when the figure at PATH satisfies OP N, e.g. "shareOfRevenue > 0.05",
                         "groups[0].spend > 1000" or "roi.roi < 0"; repeatable`,
  points: `retention-metrics points --events FILE --point-value AMOUNT [--expiry 12mo] [--cohort month|quarter|year] [--as-of DATE] [--format json|csv|md] [--out FILE]
Points outstanding per customer and in total, the liability at --point-value, points by age and
expiring within 30/60/90 days, and breakage by earning cohort (docs/programs.md). Events are
points_earned, points_redeemed and points_expired rows with a points column.
  --point-value AMOUNT   the money one point is worth (required), e.g. 0.01
  --expiry D             how long points live after they are earned: a whole number and d | w | mo | y,
                         e.g. 12mo (default: none, so no expiring figures)
  --cohort P             earning cohorts: month | quarter | year (default month)
  --as-of DATE           the balance before DATE (default: end of the latest day in the data)
  --format F             json ({ ledger, breakage }) | csv (one row per cohort) | md (default json)
  --fail-if "PATH OP N"  exit 1 when the figure at PATH satisfies OP N, e.g. "ledger.liability > 50000"
                         or "breakage.estimatedBreakage < 0.1"; repeatable
  --thresholds-out FILE  write each threshold, its value and outcome as JSON`,
};

/** The general help. */
export function generalHelp(version: string): string {
  return `retention-metrics ${version}: retention, churn, cohorts, CLV, NPS, defections and segments from your data.

Usage: retention-metrics <command> [options]

Commands:
  report       the whole KPI report (json, md, html, csv), with --fail-if thresholds for CI
  summary      per-customer frequency / recency / T / monetary value (CSV)
  fit          fit BG/NBD + Gamma-Gamma, write model JSON
  predict      P(alive), expected purchases and CLV per customer from model JSON
  cohorts      cohort retention table
  defections   defection report by reason
  segments     lifetime-value tiers and loyal customers
  nps          Net Promoter Score
  funnel       conversion funnel over events and orders
  lifecycle    new / returning / resurrected / dormant customers per period, quick ratio
  follow-ups   unhappy survey answers to call back, by value at stake
  spend        retention spend per customer, by program or channel, and a program's ROI
  points       points outstanding, liability, expiring soon and breakage by cohort
  breadth      cross-sell breadth: categories per customer, penetration, next category
  validate     holdout scorecard of BG/NBD and Pareto/NBD (MAE, Gini, AUC…), with --fail-if
  demo         the report of the bundled CDNOW sample (Markdown; writes report.html)

${INPUT}

Exit codes: 0 ok, 1 a --fail-if threshold was crossed, 2 bad usage or bad input (file:line: field).
Output goes to stdout (or --out); messages and progress go to stderr, with control characters shown as \\x1b, \\n….
CSV cells a spreadsheet would run as a formula (starting =, +, -, @, tab, CR; numbers aside) get a leading ' (--csv-raw: as they are). NO_COLOR and FORCE_COLOR are honoured (NO_COLOR wins).
Run "retention-metrics <command> --help" for a command's options.
`;
}

/** Help of one subcommand, or `null` when it does not exist. */
export function commandHelp(command: string): string | null {
  if (!Object.hasOwn(COMMANDS, command)) return null;
  const text = COMMANDS[command]!;
  if (command === "demo") return `${text}\n`;
  return ENGINE_COMMANDS.has(command) ? `${text}\n\n${INPUT}\n\n${ENGINE}\n` : `${text}\n\n${INPUT}\n`;
}

/** The subcommand names. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);
