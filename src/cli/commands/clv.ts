import { readFileSync } from "node:fs";
import { customerSummary, type CustomerSummary } from "../../clv/customerSummary";
import type { Ledger } from "../../input/ledger";
import { fitBgNbd } from "../../clv/models/fitBgNbd";
import { fitGammaGamma } from "../../clv/models/fitGammaGamma";
import { ModelFitError } from "../../clv/models/modelFitError";
import type { BgNbdModel, GammaGammaModel } from "../../clv/models/modelTypes";
import { predictClv } from "../../clv/models/predictClv";
import type { ClvIntervalSummary } from "../../clv/models/predictClvIntervals";
import type { Decimal } from "../../core/money";
import { formatCsvMoney } from "../../report/format";
import { choice, numberFlag } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { asOfFlag, INPUT_FLAGS, json, penalizerFlag, timeUnitFlag, ENGINE_FLAGS } from "./common";

/** The JSON `fit` writes and `predict` reads. */
export interface ModelFile {
  readonly kind: "retention-metrics/clv-models";
  readonly schemaVersion: 1;
  readonly asOf: string;
  readonly timeUnit: "day" | "week";
  readonly bgNbd: BgNbdModel;
  readonly gammaGamma: GammaGammaModel;
}

/** The customers' summaries the models read, with the `asOf` and money scale they were made with. */
export interface ModelInput {
  readonly summary: CustomerSummary;
  readonly asOf: number;
  readonly moneyScale: number;
}

/** The summary of `--purchases`: from the ledger, or with `--engine duckdb` from DuckDB (see `engine/modelInputOnEngine`). */
async function summaryFor(ctx: CommandContext, timeUnit: "day" | "week"): Promise<ModelInput> {
  if (ctx.engine === "duckdb") return (await import("../engine/modelInputOnEngine")).modelInputOnEngine(ctx, timeUnit);
  return modelInputOfLedger(ctx, await ctx.ledger(["purchases"]), timeUnit);
}

/** The summary of a ledger as `fit` and `predict` read it. */
export function modelInputOfLedger(ctx: CommandContext, ledger: Ledger, timeUnit: "day" | "week"): ModelInput {
  const asOf = asOfFlag(ctx, ledger);
  return { summary: customerSummary(ledger, { asOf, timeUnit }), asOf, moneyScale: ledger.moneyScale };
}

/** `fit`: BG/NBD and Gamma-Gamma on the customers' summaries, as model JSON. */
export async function fitCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("fit", [...INPUT_FLAGS.filter((f) => f !== "csv-raw"), ...ENGINE_FLAGS, "time-unit", "penalizer"]);
  choice("format", ctx.args.format, ["json"], "json");
  const timeUnit = timeUnitFlag(ctx);
  const fitOptions = { penalizer: penalizerFlag(ctx) ?? 0 };
  const { summary, asOf } = await summaryFor(ctx, timeUnit);
  try {
    const file: ModelFile = {
      kind: "retention-metrics/clv-models",
      schemaVersion: 1,
      asOf: new Date(asOf).toISOString(),
      timeUnit,
      bgNbd: fitBgNbd(summary, fitOptions),
      gammaGamma: fitGammaGamma(summary, fitOptions),
    };
    if (!file.bgNbd.converged || !file.gammaGamma.converged) ctx.note("warning: a model fit did not converge; see \"converged\" in the output");
    ctx.emit(json(file));
  } catch (error) {
    if (error instanceof ModelFitError) throw new CliError(`the model does not fit this data: ${error.message}`);
    throw error;
  }
  return EXIT_OK;
}

function readModelFile(path: string): ModelFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`--model ${path}: cannot read model JSON (${(error as Error).message})`);
  }
  const file = parsed as Partial<ModelFile> | null;
  if (file === null || typeof file !== "object" || file.kind !== "retention-metrics/clv-models" || file.bgNbd === undefined || file.gammaGamma === undefined) {
    throw new CliError(`--model ${path}: expected the JSON written by "retention-metrics fit"`);
  }
  if (file.timeUnit !== "day" && file.timeUnit !== "week") throw new CliError(`--model ${path}: timeUnit must be "day" or "week"`);
  return file as ModelFile;
}

/** `predict`: P(alive), expected purchases and CLV per customer from model JSON. */
export async function predictCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("predict", [...INPUT_FLAGS, ...ENGINE_FLAGS, "model", "horizon", "discount-rate", "interval", "draws", "seed"]);
  const format = choice("format", ctx.args.format, ["csv", "json"], "csv");
  ctx.csvFormat(format);
  if (ctx.args.model === undefined) throw new CliError("predict needs --model FILE (the JSON written by \"retention-metrics fit\")");
  const model = readModelFile(ctx.args.model);
  const unitDays = model.timeUnit === "week" ? 7 : 1;
  const horizon = numberFlag("horizon", ctx.args.horizon, (n) => n > 0, "a positive number of time units") ?? (model.timeUnit === "week" ? 52 : 365);
  const annual = numberFlag("discount-rate", ctx.args["discount-rate"], (n) => n >= 0 && n < 10, "a yearly rate such as 0.1") ?? 0.1;
  const intervals = intervalFlags(ctx);
  const { summary, moneyScale } = await summaryFor(ctx, model.timeUnit);
  const result = predictClv(model.bgNbd, model.gammaGamma, summary, { horizon, discountRate: (1 + annual) ** (unitDays / 365.25) - 1, ...intervals });
  if (result.interval !== undefined) ctx.note(intervalNote(result.interval, moneyScale));
  if (format === "json") ctx.emit(json(result));
  else if (result.interval === undefined) {
    ctx.emit(ctx.csv(["customerId", "probabilityAlive", "expectedPurchases", "expectedAverageSpend", "clv"],
      result.customers.map((c) => [c.customerId, c.probabilityAlive, c.expectedPurchases, c.expectedAverageSpend, formatCsvMoney(c.clv, moneyScale)])));
  } else {
    const money = (value: Decimal | null | undefined): string => formatCsvMoney(value ?? null, moneyScale);
    ctx.emit(ctx.csv(["customerId", "probabilityAlive", "expectedPurchases", "expectedPurchasesLow", "expectedPurchasesHigh", "expectedAverageSpend", "clv", "clvLow", "clvHigh"],
      result.customers.map((c) => [c.customerId, c.probabilityAlive, c.expectedPurchases, c.expectedPurchasesLow ?? null, c.expectedPurchasesHigh ?? null, c.expectedAverageSpend, money(c.clv), money(c.clvLow), money(c.clvHigh)])));
  }
  return EXIT_OK;
}

/** `--interval L [--draws N] [--seed S]` as `predictClv` options; `{}` without `--interval`. */
function intervalFlags(ctx: CommandContext): { interval?: number; draws?: number; seed?: number } {
  const interval = numberFlag("interval", ctx.args.interval, (n) => n > 0 && n < 1, "a coverage in (0, 1) such as 0.9");
  const draws = numberFlag("draws", ctx.args.draws, (n) => Number.isInteger(n) && n >= 20 && n <= 100_000, "an integer number of draws in [20, 100000]");
  const seed = numberFlag("seed", ctx.args.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, "an integer seed in [0, 4294967296)");
  if (interval === undefined) {
    if (draws !== undefined || seed !== undefined) throw new CliError(`--${draws !== undefined ? "draws" : "seed"} needs --interval (for example --interval 0.9)`);
    return {};
  }
  return { interval, ...(draws === undefined ? {} : { draws }), ...(seed === undefined ? {} : { seed }) };
}

/** The line `predict --interval` says on stderr: the total CLV and expected purchases with their intervals, or why there are none. */
function intervalNote(interval: ClvIntervalSummary, scale: number): string {
  const { total, level, draws, seed, reason } = interval;
  const percent = `${Number((level * 100).toPrecision(6))}%`;
  const money = (value: Decimal | null): string => (value === null ? "n/a" : formatCsvMoney(value, scale));
  const count = (value: number | null): string => (value === null ? "n/a" : value.toFixed(1));
  const lines = [
    `total CLV ${money(total.clv)}: ${percent} interval from parameter uncertainty ${money(total.clvLow)} – ${money(total.clvHigh)}, prediction interval ${money(total.prediction.clvLow)} – ${money(total.prediction.clvHigh)} (${draws} draws, seed ${seed})`,
    `total expected purchases ${count(total.expectedPurchases)}: ${percent} interval ${count(total.expectedPurchasesLow)} – ${count(total.expectedPurchasesHigh)}, prediction interval ${count(total.prediction.expectedPurchasesLow)} – ${count(total.prediction.expectedPurchasesHigh)}`,
  ];
  if (reason !== null) lines.push(`intervals unavailable: ${reason}`);
  return lines.join("\n");
}
