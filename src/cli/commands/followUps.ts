import { RetentionOptionsError } from "../../input/errors";
import { formatCsvMoney } from "../../report/format";
import { followUps } from "../../surveys/followUps";
import { choice } from "../args";
import { readWithinFlag } from "../withinFlag";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, topFlag } from "./common";

/**
 * `follow-ups`: the customers to call back, highest value at stake first, as CSV (one row per
 * customer) or JSON (the whole `followUps` result). `--within 90d` (the default; any unit of
 * `readWithinFlag`) sets the window `[as-of − within, as-of)`, `--min-value AMOUNT` leaves out smaller customers, `--top N` keeps the first N.
 */
export async function followUpsCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("follow-ups", [...INPUT_FLAGS, "top", "within", "min-value"]);
  const format = choice("format", ctx.args.format, ["csv", "json"], "csv");
  ctx.csvFormat(format);
  const within = readWithinFlag(ctx.args.within) ?? { days: 90 };
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
  if (format === "json") {
    ctx.emit(json({ ...list, entries }));
    return EXIT_OK;
  }
  const money = (value: Parameters<typeof formatCsvMoney>[0] | null) => (value === null ? "" : formatCsvMoney(value, ledger.moneyScale));
  ctx.emit(ctx.csv(["customerId", "kind", "score", "answeredAt", "daysSince", "trailingRevenue", "predictedClv", "valueAtStake", "valueBasis", "orderedSince", "defectionStatus"],
    entries.map((e) => [e.customerId, e.answer.kind, e.answer.score, e.answer.at, e.daysSince, money(e.trailingRevenue), money(e.predictedClv), money(e.valueAtStake), e.valueBasis, e.orderedSince, e.defectionStatus ?? ""])));
  return EXIT_OK;
}
