import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternTableFromRows, patternTableSql } from "retention-metrics/sql";
import { customerSummary, fitBgNbd, fitGammaGamma, fitModifiedBgNbd, fitParetoNbd } from "../../src/index";
import { cdnowPurchases } from "../clv/cdnowFixtures";
import { openDuckDb, type SqlEngine } from "./engines";
import { ASOF } from "./patternFixtures";

/** The parts of a fit that depend on its data: parameters, log-likelihood, standard errors, sizes. */
function essentials(fit: object): unknown {
  const { params, logLikelihood, standardErrors, observations } = fit as Record<string, unknown>;
  return { params, logLikelihood, standardErrors, observations };
}

describe("the fits take the pattern table (CDNOW through DuckDB)", () => {
  let engine: SqlEngine;
  let patterns: ReturnType<typeof patternTableFromRows>;
  const purchases = cdnowPurchases();
  const summary = customerSummary(purchases, { asOf: ASOF, timeUnit: "week" });
  beforeAll(async () => {
    engine = await openDuckDb();
    await engine.loadPurchases("purchases", purchases);
    patterns = patternTableFromRows(await engine.rows(patternTableSql({ dialect: "duckdb", table: "purchases", asOf: ASOF })), { timeUnit: "week" });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("has fewer rows than customers, and the same customers", () => {
    expect(patterns.customerCount).toBe(2357);
    expect(patterns.repeatCustomerCount).toBe(summary.repeatCustomerCount);
    expect(patterns.patternCount).toBeLessThan(2357);
  });

  it("BG/NBD, MBG/NBD and Pareto/NBD give the per-customer fit exactly", () => {
    const bgNbd = fitBgNbd(patterns);
    expect(essentials(bgNbd)).toEqual(essentials(fitBgNbd(summary)));
    expect(bgNbd.timeUnit).toBe("week");
    expect(bgNbd.params.r).toBeCloseTo(0.243, 3); // Fader, Hardie & Lee 2005
    expect(essentials(fitModifiedBgNbd(patterns))).toEqual(essentials(fitModifiedBgNbd(summary)));
    expect(essentials(fitParetoNbd(patterns))).toEqual(essentials(fitParetoNbd(summary)));
  });

  it("Gamma-Gamma on the patterns' mean spends moves the CDNOW fit (measured; docs/scale.md)", () => {
    const exact = fitGammaGamma(summary).params;
    const approx = fitGammaGamma(patterns).params;
    const moved = { p: approx.p / exact.p - 1, q: approx.q / exact.q - 1, gamma: approx.gamma / exact.gamma - 1 };
    // The measured shifts (written into docs/scale.md): the bound only guards against a change that would make them stale.
    for (const shift of Object.values(moved)) expect(Math.abs(shift)).toBeLessThan(0.05);
  });
});
