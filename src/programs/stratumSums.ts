/**
 * Sums per stratum for one group (members or the baseline pool): customers, retained customers,
 * orders, margin money units (costed as amount − cost, uncosted as amount) and, for the interval,
 * each customer's margin as a number (`sum`, then the squared deviations from the stratum mean).
 */
export class StratumSums {
  readonly customers: Uint32Array;
  readonly retained: Uint32Array;
  readonly orders: Float64Array;
  readonly costedUnits: Float64Array;
  readonly uncostedUnits: Float64Array;
  readonly uncostedRows: Uint32Array;
  readonly sum: Float64Array;
  readonly squaredDeviations: Float64Array;

  constructor(strata: number) {
    this.customers = new Uint32Array(strata);
    this.retained = new Uint32Array(strata);
    this.orders = new Float64Array(strata);
    this.costedUnits = new Float64Array(strata);
    this.uncostedUnits = new Float64Array(strata);
    this.uncostedRows = new Uint32Array(strata);
    this.sum = new Float64Array(strata);
    this.squaredDeviations = new Float64Array(strata);
  }

  /**
   * The sample variance of the margin per customer in stratum `s` (n − 1 in the denominator);
   * for a stratum of one customer, `pooled` (the group's pooled within-stratum variance).
   */
  variance(s: number, pooled: number): number {
    const n = this.customers[s]!;
    return n >= 2 ? this.squaredDeviations[s]! / (n - 1) : pooled;
  }

  /** Σ squared deviations ÷ Σ (n − 1) over the strata in `use` of two or more customers; `null` when there are none. */
  pooledVariance(use: (s: number) => boolean): number | null {
    let deviations = 0;
    let degrees = 0;
    for (let s = 0; s < this.customers.length; s++) {
      if (!use(s) || this.customers[s]! < 2) continue;
      deviations += this.squaredDeviations[s]!;
      degrees += this.customers[s]! - 1;
    }
    return degrees === 0 ? null : deviations / degrees;
  }
}
