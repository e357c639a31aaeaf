import { RetentionOptionsError } from "../../input/errors";
import { formatCsvMoney } from "../../report/format";
import { DEFAULT_FOLLOW_UP_WINDOW, followUps, type FollowUp } from "../../surveys/followUps";
import { choice } from "../args";
import { readWithinFlag } from "../withinFlag";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, topFlag } from "./common";

/** The `--fail-if` paths of the follow-up list's JSON: its counts (docs/surveys.md). */
export const FOLLOW_UP_KPIS: readonly (readonly string[])[] = [["customersAnswered"], ["unhappyCustomers"], ["belowMinValue"], ["anonymousAnswers"]];

/**
 * `follow-ups`: the customers to call back, highest value at stake first, as CSV (one row per
 * customer) or JSON (the whole `followUps` result). `--within 90d` (the default; any unit of
 * `readWithinFlag`) sets the window `[as-of − within, as-of)`, `--min-value AMOUNT` leaves out smaller customers, `--top N` keeps the first N;
 * `--fail-if "unhappyCustomers > 50"` fails a pipeline on the list's counts.
 */
export async function followUpsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("follow-ups", [...INPUT_FLAGS, "top", "within", "min-value", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["csv", "json"], "csv");
  ctx.csvFormat(format);
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, FOLLOW_UP_KPIS, "the follow-up list's JSON", "docs/surveys.md"));
  const within = readWithinFlag(ctx.args.within) ?? DEFAULT_FOLLOW_UP_WINDOW;
  const ledger = await ctx.ledger(["surveys"]);
  const asOf = asOfFlag(ctx, ledger);
  let list;
  try {
    list = followUps(ledger, { asOf, within, minValue: ctx.args["min-value"] });
  } catch (error) {
    if (error instanceof RetentionOptionsError && error.option === "minValue") throw new CliError(`--min-value${error.message.slice(error.option.length)}`);
    throw error;
  }
  const entries = list.entries.slice(0, topFlag(ctx, list.entries.length));
  const body: unknown = JSON.parse(JSON.stringify({ ...list, entries }));
  if (format === "json") ctx.emit(json(body));
  else ctx.emit(followUpsCsv(ctx, entries, ledger.moneyScale));
  if (checks === null) return EXIT_OK;
  const results = thresholds.map((threshold) => checks.checkThreshold(body, threshold));
  if (ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks.reportOutcomes(ctx, results);
}

/** The CSV of the list: one row per customer, money in the ledger's scale. */
function followUpsCsv(ctx: CommandContext, entries: readonly FollowUp[], moneyScale: number): string {
  const money = (value: Parameters<typeof formatCsvMoney>[0] | null) => (value === null ? "" : formatCsvMoney(value, moneyScale));
  return ctx.csv(["customerId", "kind", "score", "answeredAt", "daysSince", "trailingRevenue", "predictedClv", "valueAtStake", "valueBasis", "orderedSince", "defectionStatus"],
    entries.map((e) => [e.customerId, e.answer.kind, e.answer.score, e.answer.at, e.daysSince, money(e.trailingRevenue), money(e.predictedClv), money(e.valueAtStake), e.valueBasis, e.orderedSince, e.defectionStatus ?? ""]));
}
