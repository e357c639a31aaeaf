import { expect } from "vitest";
import { predictClv, type GammaGammaModel, type PredictClvOptions, type TransactionModel } from "../../src/index";
import type { SummaryInput } from "../../src/clv/summaryRows";
import { predictClvOracle } from "./predictClvOracle";

/**
 * Below 2^-1022 a double is subnormal: its steps are all Number.MIN_VALUE (2^-1074), so it
 * keeps fewer digits the smaller it is, and one rounding moves a value of 7.5e-316 by 6.5e-9
 * of itself. Two sums of the same terms in a different order may differ by a few such steps.
 */
const SUBNORMAL_ROUNDING = 64 * Number.MIN_VALUE;

/** Relative difference, 0 when both are equal (including both 0) or differ only by the rounding of subnormal values. */
function relative(x: number, y: number): number {
  return x === y || Math.abs(x - y) <= SUBNORMAL_ROUNDING ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
}

/** What a call gives: the result, or the error's class, option and message (and issues). */
function outcome(call: () => ReturnType<typeof predictClv>): { result?: ReturnType<typeof predictClv>; error?: unknown } {
  try {
    return { result: call() };
  } catch (error) {
    const e = error as Error & { option?: string; issues?: unknown };
    return { error: { name: e.constructor.name, message: e.message, option: e.option, issues: e.issues } };
  }
}

/**
 * Asserts that `predictClv` equals the pre-issue-13 oracle: the same error, or the same
 * customers with every number within 1e-9 relative and the same nulls. Returns the largest
 * relative difference seen.
 */
export function expectSameAsOracle(model: TransactionModel, spend: GammaGammaModel, summaries: SummaryInput, options: PredictClvOptions): number {
  const actual = outcome(() => predictClv(model, spend, summaries, options));
  const expected = outcome(() => predictClvOracle(model, spend, summaries, options));
  expect(actual.error).toEqual(expected.error);
  if (expected.result === undefined || actual.result === undefined) return 0;
  const { customers, ...settings } = actual.result;
  const { customers: oracleCustomers, ...oracleSettings } = expected.result;
  expect(settings).toEqual(oracleSettings);
  expect(customers.length).toBe(oracleCustomers.length);
  let worst = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    const o = oracleCustomers[i]!;
    expect(c.customerId).toBe(o.customerId);
    expect(c.clv === null).toBe(o.clv === null);
    expect(c.expectedAverageSpend).toBe(o.expectedAverageSpend);
    expect(c.probabilityAlive).toBe(o.probabilityAlive);
    const differences = [relative(c.expectedPurchases, o.expectedPurchases), c.clv === null ? 0 : relative(c.clv.toNumber(), o.clv!.toNumber())];
    for (const d of differences) {
      if (!(d <= 1e-9)) expect.fail(`customer ${i} (${JSON.stringify(c)} vs ${JSON.stringify(o)}): relative difference ${d}`);
      worst = Math.max(worst, d);
    }
  }
  return worst;
}

