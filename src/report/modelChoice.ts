import { summaryColumns, type SummarizedColumns } from "../clv/customerSummary";
import { fitModifiedBgNbdColumns } from "../clv/models/fitModifiedBgNbd";
import { fitBgNbdColumns } from "../clv/models/fitBgNbd";
import { fitParetoNbdColumns } from "../clv/models/fitParetoNbd";
import { transactionModelLabel } from "../clv/models/modelLabel";
import type { BgNbdModel, TransactionModel } from "../clv/models/modelTypes";
import { scanCustomers } from "../clv/scanCustomers";
import { readTimeAxis } from "../clv/timeAxis";
import { errorFigures } from "../diagnostics/errorMetrics";
import { predictHoldout } from "../diagnostics/holdoutPredictions";
import type { Ledger } from "../input/ledger";
import type { ReportModelCandidate, ReportModelChoice, ReportTransactionModelName } from "./insightTypes";
import { modelFitSplit } from "./modelFitSection";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Free parameters of each candidate (all three have four). */
const PARAMETERS = 4;

/** The report's transaction-model choice: the model its predictions use, the choice as the report shows it, and that model's calibration fit (for the Model fit section), when there was a holdout. */
export interface TransactionModelChoice {
  readonly model: TransactionModel;
  readonly choice: ReportModelChoice;
  readonly calibrationFit: TransactionModel | undefined;
}

/** A candidate's fits and figures as the choice collects them. */
interface Candidate {
  readonly name: ReportTransactionModelName;
  full: TransactionModel | null;
  calibration: TransactionModel | null;
  bic: number | null;
  mae: number | null;
  reason: string | null;
}

/**
 * Fits one candidate on columns, started from `start` (its full-data fit) when given; the
 * error's message when it fails. The full-data fit (no `start`) keeps its covariance, which the
 * predicted CLV's interval needs when the candidate is picked; the calibration fit does not.
 */
function fitCandidate(name: ReportTransactionModelName, rows: SummarizedColumns["rows"], timeUnit: "day" | "week", penalizer: number, start?: TransactionModel): TransactionModel | string {
  const options = { penalizer, timeUnit };
  const withCovariance = start === undefined;
  try {
    if (name === "bg-nbd") return fitBgNbdColumns(rows, options, withCovariance, start?.model === "bg-nbd" ? start.params : undefined);
    if (name === "mbg-nbd") return fitModifiedBgNbdColumns(rows, options, withCovariance, start?.model === "mbg-nbd" ? start.params : undefined);
    return fitParetoNbdColumns(rows, options, withCovariance, start?.model === "pareto-nbd" ? start.params : undefined);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * `--model auto`: fits BG/NBD (already fitted by the caller), MBG/NBD and Pareto/NBD on all
 * customers' summaries, and picks one. When the data spans the Model fit section's minimum
 * (26 whole weeks; `modelFitSplit`), each is refitted on the calibration period (its first two
 * thirds, from its full-data fit) and scored by the mean absolute error of its predicted
 * holdout transactions per customer, as `evaluateHoldout` computes it (`predictHoldout`,
 * `errorFigures`); the lowest MAE wins. Without a holdout, or when no model could be scored on
 * it, the lowest BIC = k ln n − 2 ln L on all customers wins (k = 4). Ties keep the earlier
 * of BG/NBD, MBG/NBD, Pareto/NBD. A candidate whose fit fails is reported with its reason
 * and not picked.
 */
export function chooseTransactionModel(ledger: Ledger, asOf: number, summary: SummarizedColumns, timeUnit: "day" | "week", penalizer: number, bgNbd: BgNbdModel): TransactionModelChoice {
  const rows = summary.rows;
  const candidates: Candidate[] = (["bg-nbd", "mbg-nbd", "pareto-nbd"] as const).map((name) => ({ name, full: null, calibration: null, bic: null, mae: null, reason: null }));
  for (const candidate of candidates) {
    const fit = candidate.name === "bg-nbd" ? bgNbd : fitCandidate(candidate.name, rows, timeUnit, penalizer);
    if (typeof fit === "string") {
      candidate.reason = `the fit on all customers failed: ${fit}`;
      continue;
    }
    candidate.full = fit;
    candidate.bic = PARAMETERS * Math.log(rows.count) - 2 * fit.logLikelihood;
  }
  const split = modelFitSplit(ledger, asOf);
  let holdoutReason = typeof split === "string" ? split : null;
  if (typeof split !== "string") {
    const axis = readTimeAxis({ timeUnit }, "kpiReport");
    const calibration = summaryColumns(ledger, split.calibrationEnd - 1, axis);
    if (calibration.repeatCustomerCount === 0) holdoutReason = "no customer bought twice in the calibration period";
    else {
      const holdout = scanCustomers(ledger, split.calibrationEnd - 1, split.end - 1, axis).transactions;
      const actual = new Float64Array(calibration.rows.count);
      for (let i = 0; i < actual.length; i++) actual[i] = holdout[calibration.customer[i]!]!;
      const duration = (split.end - split.calibrationEnd) / (timeUnit === "week" ? WEEK_MS : DAY_MS);
      for (const candidate of candidates) {
        if (candidate.full === null) continue;
        const fit = fitCandidate(candidate.name, calibration.rows, timeUnit, penalizer, candidate.full);
        if (typeof fit === "string") {
          candidate.reason = `the fit on the calibration period failed: ${fit}`;
          continue;
        }
        try {
          candidate.mae = errorFigures(predictHoldout(fit, calibration.rows, duration).expected, actual).mae;
          candidate.calibration = fit;
        } catch (error) {
          candidate.reason = `no holdout prediction: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
    }
  }
  const scored = candidates.filter((c) => c.mae !== null);
  const byMae = scored.length > 0;
  const pool = byMae ? scored : candidates.filter((c) => c.bic !== null);
  let chosen = pool[0]!;
  for (const c of pool) if ((byMae ? c.mae! < chosen.mae! : c.bic! < chosen.bic!)) chosen = c;
  const label = transactionModelLabel(chosen.name);
  const others = pool.filter((c) => c !== chosen).map((c) => `${transactionModelLabel(c.name)} ${(byMae ? c.mae! : c.bic!).toFixed(byMae ? 4 : 1)}`);
  const figure = (byMae ? chosen.mae! : chosen.bic!).toFixed(byMae ? 4 : 1);
  const against = others.length > 0 ? ` (against ${others.join(", ")})` : "";
  const reason = byMae
    ? `${label} has the lowest holdout MAE, ${figure} transactions per customer${against}, fitted on the first two thirds of the data and checked on the rest`
    : `${label} has the lowest BIC, ${figure}${against}, on all customers: no holdout check (${holdoutReason ?? "no model could be scored on the holdout"})`;
  const choice: ReportModelChoice = {
    chosen: chosen.name,
    criterion: byMae ? "holdoutMae" : "bic",
    calibration: byMae && typeof split !== "string" ? { start: new Date(split.origin), end: new Date(split.calibrationEnd) } : null,
    holdout: byMae && typeof split !== "string" ? { start: new Date(split.calibrationEnd), end: new Date(split.end) } : null,
    reason,
    candidates: candidates.map(
      (c): ReportModelCandidate => ({
        model: c.name,
        logLikelihood: c.full === null ? null : c.full.logLikelihood,
        bic: c.bic,
        holdoutMae: c.mae,
        reason: c.reason ?? (c.mae === null && holdoutReason !== null ? `no holdout check: ${holdoutReason}` : null),
      }),
    ),
  };
  return { model: chosen.full!, choice, calibrationFit: chosen.calibration ?? undefined };
}
