import { calibrationHoldoutSummary, type CalibrationHoldoutSummary } from "../../clv/calibrationHoldoutSummary";
import { fitBgNbd } from "../../clv/models/fitBgNbd";
import { fitGammaGamma } from "../../clv/models/fitGammaGamma";
import { fitParetoNbd } from "../../clv/models/fitParetoNbd";
import { ModelFitError } from "../../clv/models/modelFitError";
import type { FittedModel, GammaGammaModel, ModelName, TransactionModel } from "../../clv/models/modelTypes";
import { dateOption } from "../../core/period";
import { compareModels, type ComparedModel } from "../../diagnostics/compareModels";
import type { CalibrationBin } from "../../diagnostics/calibrationBins";
import type { HoldoutScorecard } from "../../diagnostics/holdoutScorecard";
import { formatInt, formatNumber, formatPercent } from "../../report/format";
import { markdownTable } from "../../report/markdownTable";
import { choice } from "../args";
import type { CommandContext } from "../context";
import { CliError, EXIT_OK } from "../errors";
import { INPUT_FLAGS, json, penalizerFlag, timeUnitFlag } from "./common";

/** The transaction models `validate` fits, by their key in its JSON. */
const TRANSACTION_MODELS = [
  { key: "bgNbd", title: "BG/NBD", fit: fitBgNbd },
  { key: "paretoNbd", title: "Pareto/NBD", fit: fitParetoNbd },
] as const;

const SCORECARD_FIGURES = [
  ["customers"], ["holdoutDuration"], ["mae"], ["rmse"], ["meanError"], ["correlation"], ["logLikelihood"], ["aic"], ["bic"],
  ...["customers", "predictedTotal", "actualTotal", "percentError"].map((k) => ["aggregate", k]),
  ...["customers", "gini", "valueGini", "topDecileCustomers", "topDecileShare", "topDecileLift"].map((k) => ["ranking", k]),
  ...["customers", "positives", "negatives", "auc", "brier"].map((k) => ["probabilityAlive", k]),
  ...["customers", "meanPredicted", "meanActual", "mae", "meanError"].map((k) => ["spend", k]),
] as const;

/**
 * The `--fail-if` paths of `validate`'s JSON (docs/cli.md): each transaction model's scorecard
 * figures, calibration bins and parameters, the Gamma-Gamma fit's, and the summary's counts
 * (`index` and `anyKey` are kpiPaths' markers for an array index and a record key).
 */
export function validateKpis(index: string, anyKey: string): (readonly string[])[] {
  const paths: (readonly string[])[] = [["customers"], ["skippedCustomers"], ["holdoutDuration"], ["gammaGamma", "logLikelihood"], ["gammaGamma", "params", anyKey]];
  for (const { key } of TRANSACTION_MODELS) {
    paths.push(...SCORECARD_FIGURES.map((figure) => [key, ...figure]), [key, "params", anyKey]);
    for (const table of ["byFrequency", "byDecile"]) for (const field of ["customers", "meanActual", "meanPredicted"]) paths.push([key, "calibration", table, index, field]);
  }
  return paths;
}

/** A fit, or why it failed (a section `{ available: false, reason }`, which `--fail-if` reports as unavailable). */
function tryFit<M extends FittedModel<ModelName, object>>(fit: () => M): M | { readonly available: false; readonly reason: string } {
  try {
    return fit();
  } catch (error) {
    if (error instanceof ModelFitError) return { available: false, reason: `the model does not fit this data: ${error.message}` };
    throw error;
  }
}

/**
 * `validate`: splits the purchases at `--calibration-end` (holdout up to `--observation-end`,
 * default the last purchase), fits BG/NBD, Pareto/NBD and Gamma-Gamma on the calibration
 * period and prints each transaction model's holdout scorecard (`compareModels`), as JSON or
 * Markdown; `--fail-if "bgNbd.mae > 1.2"` exits 1 when a figure crosses its threshold.
 */
export async function validateCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("validate", [...INPUT_FLAGS.filter((f) => f !== "as-of" && f !== "csv-raw"), "calibration-end", "observation-end", "time-unit", "penalizer", "fail-if", "thresholds-out"]);
  const format = choice("format", ctx.args.format, ["json", "md"], "json");
  const timeUnit = timeUnitFlag(ctx);
  const penalizer = penalizerFlag(ctx) ?? 0;
  if (ctx.args["calibration-end"] === undefined) throw new CliError("validate needs --calibration-end DATE (the end of the calibration period; the holdout follows it)");
  const calibrationEnd = dateOption("calibration-end", ctx.args["calibration-end"]);
  const failIf = ctx.args["fail-if"] ?? [];
  const checks = failIf.length > 0 || ctx.args["thresholds-out"] !== undefined ? await import("../thresholds") : null;
  const markers = checks === null ? null : await import("../kpiPaths");
  const kpis = markers === null ? [] : validateKpis(markers.INDEX, markers.ANY_KEY);
  const thresholds = checks === null ? [] : failIf.map((text) => checks.readThresholdAmong(text, kpis, "validate's JSON", "docs/cli.md"));
  const ledger = await ctx.ledger(["purchases"]);
  if (ledger.purchases.count === 0) throw new CliError("validate: there are no purchases to split");
  const observationEnd = ctx.args["observation-end"] === undefined ? ledger.purchases.at[ledger.purchases.count - 1]! : dateOption("observation-end", ctx.args["observation-end"]);
  if (!(observationEnd > calibrationEnd)) {
    throw new CliError(`validate: the observation end (${new Date(observationEnd).toISOString()}) must be after --calibration-end (${new Date(calibrationEnd).toISOString()})`);
  }
  const split = calibrationHoldoutSummary(ledger, { calibrationEnd, observationEnd, timeUnit });
  if (split.customerCount === 0) throw new CliError(`validate: no customer bought by --calibration-end (${new Date(calibrationEnd).toISOString()}); nothing to fit`);
  const fitOptions = { penalizer };
  const spendModel = tryFit(() => fitGammaGamma(split, fitOptions));
  const spend = "model" in spendModel ? spendModel : undefined;
  const fits = TRANSACTION_MODELS.map(({ fit }) => tryFit<TransactionModel>(() => fit(split, fitOptions)));
  const fitted = fits.filter((fit): fit is TransactionModel => "model" in fit);
  const compared = fitted.length === 0 ? [] : compareModels(fitted, split, spend === undefined ? {} : { spendModel: spend }).models;
  const output = validationJson(split, fits, compared, spendModel);
  if (fitted.some((fit) => !fit.converged) || (spend !== undefined && !spend.converged)) ctx.note("warning: a model fit did not converge; see \"converged\" in the output");
  const results = checks === null ? [] : thresholds.map((threshold) => checks.checkThreshold(output, threshold));
  ctx.emit(format === "json" ? json(output) : markdown(split, fits, compared));
  if (checks !== null && ctx.args["thresholds-out"] !== undefined) ctx.writeFile(ctx.args["thresholds-out"], checks.thresholdsJson(results));
  return checks === null ? EXIT_OK : checks.reportOutcomes(ctx, results);
}

type Fit<M> = M | { readonly available: false; readonly reason: string };

/** The JSON: the split's counts, then per model its fit, criteria and scorecard (plain JSON, as `--fail-if` reads it). */
function validationJson(split: CalibrationHoldoutSummary, fits: readonly Fit<TransactionModel>[], compared: readonly ComparedModel[], spendModel: Fit<GammaGammaModel>): unknown {
  const body: Record<string, unknown> = {
    kind: "retention-metrics/validation",
    calibrationEnd: split.calibrationEnd.toISOString(),
    observationEnd: split.observationEnd.toISOString(),
    timeUnit: split.timeUnit,
    customers: split.customerCount,
    skippedCustomers: split.skippedCustomerCount,
    holdoutDuration: split.customers[0]?.holdoutDuration ?? null,
  };
  let next = 0;
  TRANSACTION_MODELS.forEach(({ key }, m) => {
    const fit = fits[m]!;
    if (!("model" in fit)) {
      body[key] = fit;
      return;
    }
    const { scorecard, logLikelihood, aic, bic, parameters } = compared[next++]!;
    body[key] = { ...scorecard, params: fit.params, converged: fit.converged, warnings: fit.warnings ?? [], parameters, logLikelihood, aic, bic };
  });
  body.gammaGamma = "model" in spendModel ? { params: spendModel.params, converged: spendModel.converged, logLikelihood: spendModel.logLikelihood } : spendModel;
  return JSON.parse(JSON.stringify(body));
}

/** Markdown: the models side by side, then each model's calibration table by frequency. */
function markdown(split: CalibrationHoldoutSummary, fits: readonly Fit<TransactionModel>[], compared: readonly ComparedModel[]): string {
  const titles: string[] = [];
  const cards: HoldoutScorecard[] = [];
  const criteria: ComparedModel[] = [];
  const notes: string[] = [];
  let next = 0;
  TRANSACTION_MODELS.forEach(({ title }, m) => {
    const fit = fits[m]!;
    if (!("model" in fit)) {
      notes.push(`${title}: ${fit.reason}`);
      return;
    }
    titles.push(title);
    criteria.push(compared[next]!);
    cards.push(compared[next++]!.scorecard);
  });
  const row = (label: string, cell: (card: HoldoutScorecard, i: number) => string): string[] => [label, ...cards.map(cell)];
  const lines = [
    `Holdout ${split.calibrationEnd.toISOString().slice(0, 10)} → ${split.observationEnd.toISOString().slice(0, 10)} (${formatNumber(split.customers[0]?.holdoutDuration ?? null, 2)} ${split.timeUnit}s), ${formatInt(split.customerCount)} customers.`,
  ];
  if (cards.length > 0) {
    lines.push(markdownTable(["Figure", ...titles], [
      row("MAE (transactions)", (c) => formatNumber(c.mae, 3)),
      row("RMSE", (c) => formatNumber(c.rmse, 3)),
      row("Mean error (bias)", (c) => formatNumber(c.meanError, 3)),
      row("Correlation", (c) => formatNumber(c.correlation, 3)),
      row("Predicted / actual total", (c) => `${formatNumber(c.aggregate.predictedTotal, 1)} / ${formatInt(c.aggregate.actualTotal)}`),
      row("Total error", (c) => (c.aggregate.percentError === null ? formatPercent(null) : formatPercent(c.aggregate.percentError / 100))),
      row("Normalized Gini", (c) => formatNumber(c.ranking.gini, 3)),
      row("Normalized Gini of value", (c) => formatNumber(c.ranking.valueGini, 3)),
      row("Top-decile share", (c) => formatPercent(c.ranking.topDecileShare)),
      row("P(alive) AUC", (c) => formatNumber(c.probabilityAlive.auc, 3)),
      row("P(alive) Brier", (c) => formatNumber(c.probabilityAlive.brier, 3)),
      row("Spend MAE", (c) => formatNumber(c.spend?.mae ?? null, 2)),
      row("Spend bias", (c) => formatNumber(c.spend?.meanError ?? null, 2)),
      row("Log-likelihood", (_c, i) => formatNumber(criteria[i]!.logLikelihood, 1)),
      row("AIC", (_c, i) => formatNumber(criteria[i]!.aic, 1)),
      row("BIC", (_c, i) => formatNumber(criteria[i]!.bic, 1)),
    ]));
    const bins = cards[0]!.calibration.byFrequency;
    const mean = (card: HoldoutScorecard, label: string): string => formatNumber(card.calibration.byFrequency.find((bin: CalibrationBin) => bin.label === label)?.meanPredicted ?? null, 3);
    lines.push(markdownTable(["Calibration transactions", "Customers", "Actual holdout (mean)", ...titles.map((t) => `${t} (mean)`)],
      bins.map((bin) => [bin.label, formatInt(bin.customers), formatNumber(bin.meanActual, 3), ...cards.map((card) => mean(card, bin.label))])));
  }
  lines.push(...notes);
  return `${lines.join("\n\n")}\n`;
}
