import { breakage, type BreakageResult } from "../../points/breakage";
import { pointsLedger, type PointsLedgerResult } from "../../points/pointsLedger";
import { RetentionOptionsError } from "../../input/errors";
import { formatInt, formatMoney, formatPercent } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { readWithinFlag } from "../withinFlag";
import { asOfFlag, INPUT_FLAGS, json } from "./common";

/** The `--fail-if` paths of `points`' JSON (docs/programs.md): the ledger's totals and the breakage figures (`#` an index from 0). */
export const POINTS_KPIS: readonly (readonly string[])[] = [
  ...["events", "customers", "earned", "redeemed", "expired", "outstanding", "liability"].map((field) => ["ledger", field]),
  ["ledger", "expiring", "#", "points"], ["ledger", "expiring", "#", "liability"], ["ledger", "pastExpiry", "points"],
  ["ledger", "byAge", "#", "points"],
  ...["earned", "redeemed", "expired", "outstanding", "redemptionRate", "observedBreakage", "estimatedBreakage", "closedCohorts", "openCohorts"].map((field) => ["breakage", field]),
  ...["earned", "redeemed", "expired", "outstanding", "redemptionRate", "observedBreakage", "estimatedBreakage"].map((field) => ["breakage", "cohorts", "#", field]),
];

/**
 * `points`: the points ledger (outstanding points, liability at `--point-value`, by age and
 * expiring soon with `--expiry`) and breakage by earning cohort (docs/programs.md), from the
 * points events of `--events`. JSON is `{ ledger, breakage }` (the two results; `ledger.byCustomer`
 * holds every customer's balance); CSV is one row per cohort; Markdown the totals and the cohorts.
 */
export async function pointsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("points", [...INPUT_FLAGS, "point-value", "expiry", "cohort", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "csv", "md"], "json");
  ctx.csvFormat(format);
  const cohort = choice("cohort", ctx.args.cohort, ["month", "quarter", "year"], "month");
  const pointValue = ctx.args["point-value"];
  if (pointValue === undefined) throw new CliError("points: needs --point-value AMOUNT, the money one point is worth (e.g. 0.01)");
  const expiry = readWithinFlag(ctx.args.expiry, "expiry");
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, POINTS_KPIS, "points' JSON", "docs/programs.md"));
  const ledger = await ctx.ledger(["events"]);
  const asOf = asOfFlag(ctx, ledger);
  let result: PointsLedgerResult;
  try {
    result = pointsLedger(ledger, { asOf, pointValue, ...(expiry === undefined ? {} : { expiry }) });
  } catch (error) {
    if (error instanceof RetentionOptionsError && error.option === "pointValue") throw new CliError(`--point-value${error.message.slice(error.option.length)}`);
    throw error;
  }
  const cohorts = breakage(ledger, { cohort, asOf });
  const body: unknown = JSON.parse(JSON.stringify({ ledger: result, breakage: cohorts }));
  if (format === "json") ctx.emit(json(body));
  else if (format === "csv") {
    ctx.emit(ctx.csv(["cohort", "earned", "redeemed", "expired", "outstanding", "closed", "redemptionRate", "observedBreakage", "estimatedBreakage"],
      cohorts.cohorts.map((c) => [c.cohort, c.earned, c.redeemed, c.expired, c.outstanding, c.closed, c.redemptionRate, c.observedBreakage, c.estimatedBreakage])));
  } else ctx.emit(pointsMarkdown(result, cohorts, ledger.currency));
  if (checks === null) return EXIT_OK;
  const results = thresholds.map((threshold) => checks.checkThreshold(body, threshold));
  if (ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks.reportOutcomes(ctx, results);
}

/** The points section as Markdown: totals and liability, expiring soon, and the cohorts' breakage (also used by the report). */
export function pointsMarkdown(result: PointsLedgerResult, cohorts: BreakageResult, currency: string | null): string {
  const totals = markdownTable(["Earned", "Redeemed", "Expired", "Outstanding", "Liability"], [
    [formatInt(result.earned), formatInt(result.redeemed), formatInt(result.expired), formatInt(result.outstanding), formatMoney(result.liability, currency)],
  ]);
  const expiring = result.expiring === null ? `${result.expiryReason}\n` : markdownTable(["Expiring within", "Points", "Liability"], result.expiring.map((w) => [`${w.days} days`, formatInt(w.points), formatMoney(w.liability, currency)]));
  const rows = cohorts.cohorts.map((c) => [c.cohort, formatInt(c.earned), formatInt(c.redeemed), formatInt(c.expired), formatInt(c.outstanding), formatPercent(c.redemptionRate), c.closed ? `${formatPercent(c.observedBreakage)} observed` : c.estimatedBreakage === null ? "—" : `${formatPercent(c.estimatedBreakage)} estimated`]);
  const table = markdownTable(["Cohort", "Earned", "Redeemed", "Expired", "Outstanding", "Redemption rate", "Breakage"], rows);
  return `${totals}\n${expiring}\n${table}\nBreakage of all cohorts: ${formatPercent(cohorts.estimatedBreakage)} (observed on closed cohorts, chain-ladder estimate on open ones; an estimate, see docs/programs.md)\n`;
}
