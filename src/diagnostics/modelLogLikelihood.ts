import type { SummaryColumns } from "../clv/summaryInput";
import { bgNbdLogLikelihood } from "../clv/models/bgNbdLikelihood";
import { compressHistories } from "../clv/models/compress";
import { mbgNbdLogLikelihood } from "../clv/models/mbgNbdMath";
import type { TransactionModel } from "../clv/models/modelTypes";
import { paretoNbdLogLikelihood } from "../clv/models/paretoNbdMath";

/*
 * A transaction model's log-likelihood at its fitted parameters on given summary rows: the
 * other place (with `predictHoldout`) where the diagnostics ask a model something.
 */

/** Free parameters of each transaction model (k of AIC and BIC). */
export const MODEL_PARAMETERS: Readonly<Record<TransactionModel["model"], number>> = { "bg-nbd": 4, "mbg-nbd": 4, "pareto-nbd": 4 };

/**
 * ln L = Σ over the rows of ln P(x, tₓ, T | parameters), with the likelihood the fit maximised
 * (without its penalty): BG/NBD, Fader, Hardie & Lee 2005, eq. 6; MBG/NBD, Batislam et al. 2007; Pareto/NBD, Fader & Hardie's
 * 2005 note. On the rows a model was fitted on it equals the fit's `logLikelihood`.
 */
export function modelLogLikelihood(model: TransactionModel, rows: SummaryColumns): number {
  const data = compressHistories(rows);
  if (model.model === "bg-nbd") {
    const { r, alpha, a, b } = model.params;
    return bgNbdLogLikelihood([r, alpha, a, b], data);
  }
  if (model.model === "mbg-nbd") {
    const { r, alpha, a, b } = model.params;
    return mbgNbdLogLikelihood([r, alpha, a, b], data);
  }
  const { r, alpha, s, beta } = model.params;
  return paretoNbdLogLikelihood([r, alpha, s, beta], data);
}
