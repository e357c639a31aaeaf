/**
 * The work budget of one fit, counted in work units rather than read from a clock (fits stay
 * pure and give the same answer on a fast or a slow machine). One unit is about 80 ns of CPU
 * on the 2-core reference machine, so the budget is about 2.5 s: each likelihood charges its
 * rows (a BG/NBD history ½ unit, a Gamma-Gamma row ⅕), its distinct times and, for
 * Pareto/NBD, the terms of its ₂F₁ series (a tenth of a unit each). The benchmark's fits that
 * converged before the budget existed (CDNOW, the simulated and the generated 100k-customer
 * summaries) still converge to the same parameters; the largest, the generated ledger's BG/NBD
 * fit, spends about 1.7·10⁷ by these charges.
 */
export const MAX_FIT_WORK = 3e7;

/**
 * Most work one likelihood evaluation may take, as a share of the fit's budget: one that needs
 * more (parameters where the Pareto/NBD's ₂F₁ series converge slowly on every row) is abandoned
 * and counts as a point where the likelihood cannot be computed, so the optimizer steps back.
 */
export const MAX_EVALUATION_SHARE = 0.1;

let limitInUse = MAX_FIT_WORK;

/**
 * Runs `fn` with every fit inside it limited to `limit` work units instead of `MAX_FIT_WORK`
 * (internal, not exported from the package: it lets the tests run out of budget in a tenth of
 * the time). The previous limit is restored however `fn` ends.
 *
 * @example
 * withFitWorkLimit(2e6, () => fitParetoNbd(rows)) // ends ten times sooner
 */
export function withFitWorkLimit<T>(limit: number, fn: () => T): T {
  const saved = limitInUse;
  limitInUse = limit;
  try {
    return fn();
  } finally {
    limitInUse = saved;
  }
}

/** Thrown inside a fit when its work budget is spent; `maximizeLikelihood` turns it into `ModelFitError`. */
export class FitWorkBudgetSpent extends Error {
  override readonly name = "FitWorkBudgetSpent";
}

/**
 * Counts the work of one fit (internal). `charge` adds units and throws `FitWorkBudgetSpent`
 * once the total passes `limit`; `evaluationStart`/`overEvaluationLimit` let a likelihood
 * abandon one evaluation that has cost more than `MAX_EVALUATION_SHARE` of it.
 *
 * @example
 * const meter = new FitWorkMeter(100);
 * meter.charge(60); meter.charge(60); // throws FitWorkBudgetSpent
 */
export class FitWorkMeter {
  spent = 0;
  private evaluationStartedAt = 0;

  constructor(readonly limit: number = limitInUse) {}

  /** Adds `units` of work; throws `FitWorkBudgetSpent` when the fit's total passes the limit. */
  charge(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) throw new FitWorkBudgetSpent(`spent ${this.spent} of ${this.limit} work units`);
  }

  /** Marks the start of one likelihood evaluation. */
  evaluationStart(): void {
    this.evaluationStartedAt = this.spent;
  }

  /** True when the evaluation under way has cost more than `MAX_EVALUATION_SHARE` of the limit. */
  overEvaluationLimit(): boolean {
    return this.spent - this.evaluationStartedAt > MAX_EVALUATION_SHARE * this.limit;
  }
}
