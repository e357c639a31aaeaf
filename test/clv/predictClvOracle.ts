/*
 * The pre-issue-13 implementation of `predictClv`, kept as the oracle the prediction kernel is
 * tested against (issue 13: "results equal today's to 1e-9 relative; keep the current
 * implementation in a test as the oracle"). It calls the public, validating
 * `conditionalExpectedPurchases` once per customer and step. Copied from
 * src/clv/models/predictClv.ts at ec3675a; only the imports and the names changed. Do not
 * optimise it.
 */
import { Decimal } from "../../src/core/money";
import { IssueCollector, RetentionOptionsError } from "../../src/input/errors";
import { readSummaryRows, type SummaryColumns, type SummaryInput } from "../../src/clv/summaryRows";
import { conditionalExpectedPurchases } from "../../src/clv/models/conditionalExpectedPurchases";
import { expectedAverageSpend } from "../../src/clv/models/gammaGammaPredictions";
import type { GammaGammaModel, TransactionModel } from "../../src/clv/models/modelTypes";
import { probabilityAlive } from "../../src/clv/models/probabilityAlive";
import { readOptions } from "../../src/input/readOptions";
import { readPredictionSettings, type PredictClvOptions, type PredictClvResult, type PredictedClv, type PredictionSettings } from "../../src/clv/models/predictClv";

/** `predictClv` as it was before issue 13. */
export function predictClvOracle(transactionModel: TransactionModel, spendModel: GammaGammaModel, summaries: SummaryInput, options: PredictClvOptions): PredictClvResult {
  options = readOptions(options, "predictClv");
  const settings = readPredictionSettings(transactionModel, spendModel, options);
  const rows = readSummaryRows(summaries, "predictClv");
  const customers: PredictedClv[] = [];
  forEachPredictionOracle(settings, rows, (i, clv, expectedPurchases, expectedAverageSpend, probabilityAlive) => {
    customers.push({ customerId: rows.customerId[i] ?? null, clv: clv === null ? null : new Decimal(clv), expectedPurchases, expectedAverageSpend, probabilityAlive });
  });
  const { horizon, step, discountRate, model } = settings;
  return { customers, horizon, step, discountRate, timeUnit: model.timeUnit, customerCount: customers.length };
}

/** `forEachPrediction` as it was before issue 13: customers × steps calls of `conditionalExpectedPurchases`. */
export function forEachPredictionOracle(
  settings: PredictionSettings,
  rows: SummaryColumns,
  visit: (row: number, clv: number | null, expectedPurchases: number, expectedAverageSpend: number | null, probabilityAlive: number) => void,
): void {
  const { model, spendModel, horizon, step, discountRate: d, steps } = settings;
  if (rows.timeUnit !== undefined && rows.timeUnit !== model.timeUnit) {
    throw new RetentionOptionsError("summaries", `the summary is in ${rows.timeUnit}s but the model is in ${model.timeUnit}s; recompute the summary with timeUnit "${model.timeUnit}"`);
  }
  const issues = new IssueCollector();
  for (let i = 0; i < rows.count; i++) {
    const customer = { frequency: rows.frequency[i]!, recency: rows.recency[i]!, T: rows.T[i]! };
    const monetaryValue = rows.monetary[i]!;
    if (customer.frequency > 0 && !(monetaryValue > 0)) {
      issues.add({ index: i, path: ["summaries", "monetaryValue"], code: "missing_spend", message: "expected a mean repeat spend > 0 for a repeat customer" });
      continue;
    }
    const spend = expectedAverageSpend(spendModel, { frequency: customer.frequency, monetaryValue: customer.frequency > 0 ? monetaryValue : 0 });
    let value = 0;
    let previous = 0;
    for (let k = 1; k <= steps; k++) {
      const tau = Math.min(k * step, horizon);
      const cumulative = conditionalExpectedPurchases(model, customer, tau);
      value += (cumulative - previous) / Math.pow(1 + d, tau);
      previous = cumulative;
    }
    visit(i, spend === null ? null : value * spend, previous, spend, probabilityAlive(model, customer));
  }
  issues.throwIfAny();
}
