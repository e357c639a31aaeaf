/** The development factor from one age to the next, and the cohorts it was pooled over. */
export interface DevelopmentFactor {
  /** From age `age` to `age + 1` (ages count whole cohort periods after the cohort's own). */
  readonly age: number;
  /** Σ C(i, age + 1) ÷ Σ C(i, age) over the cohorts observed at both ages; `null` when the sum at `age` is 0. */
  readonly factor: number | null;
  readonly cohorts: number;
}

/**
 * Volume-weighted chain-ladder development factors of a triangle of cumulative amounts:
 * `triangle[i][k]` is cohort i's cumulative amount at the end of age k, for the ages it has
 * completed (rows may be empty). f(k) = Σᵢ C(i, k+1) ÷ Σᵢ C(i, k) over the cohorts with both
 * ages (Mack 1993, "Distribution-free calculation of the standard error of chain ladder
 * reserve estimates", eq. 1; the loss-development method of actuarial reserving).
 *
 * @example
 * developmentFactors([[40, 60, 70], [50, 100], [20]]).map((f) => f.factor)
 * //=> [1.7777777777777777, 1.1666666666666667]   (160 ÷ 90, 70 ÷ 60)
 */
export function developmentFactors(triangle: readonly (readonly number[])[]): DevelopmentFactor[] {
  let longest = 0;
  for (const row of triangle) longest = Math.max(longest, row.length);
  const factors: DevelopmentFactor[] = [];
  for (let k = 0; k + 1 < longest; k++) {
    let from = 0;
    let to = 0;
    let cohorts = 0;
    for (const row of triangle) {
      if (row.length < k + 2) continue;
      from += row[k]!;
      to += row[k + 1]!;
      cohorts++;
    }
    factors.push({ age: k, factor: from > 0 ? to / from : null, cohorts });
  }
  return factors;
}

/**
 * The ultimate amount of a cohort whose latest cumulative amount `latest` is at age `age`:
 * latest × f(age) × f(age + 1) × … over every factor there is (no tail beyond the oldest
 * age observed). `null` when one of those factors is undefined.
 *
 * @example
 * projectUltimate(20, 0, developmentFactors([[40, 60, 70], [50, 100], [20]])) //=> 41.48148148148148  (20 × 16/9 × 7/6)
 */
export function projectUltimate(latest: number, age: number, factors: readonly DevelopmentFactor[]): number | null {
  let ultimate = latest;
  for (let k = age; k < factors.length; k++) {
    const factor = factors[k]!.factor;
    if (factor === null) return null;
    ultimate *= factor;
  }
  return ultimate;
}
