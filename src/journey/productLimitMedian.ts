/**
 * The median of a Kaplan–Meier product-limit curve, Ŝ(t) = Π_{t_i ≤ t} (1 − d_i/n_i), read
 * without building the curve: the first time at which Ŝ falls to 0.5 or below (as
 * `survivalCurve` reads `kaplanMeier`'s points, and R `survfit` prints the median), or `null`
 * when it never does, with the lowest Ŝ reached. `durations` must be ascending with events
 * before censorings at equal times (a censored spell was at risk at its time). Linear; the
 * full curve, with its interval, is `kaplanMeier` (src/metrics/kaplanMeier.ts), which the tests
 * check this against.
 *
 * @example
 * productLimitMedian(Float64Array.of(1, 2, 3), Uint8Array.of(1, 1, 0)) //=> { median: 2, lowest: 1/3 }
 */
export function productLimitMedian(durations: Float64Array, ended: Uint8Array): { median: number | null; lowest: number } {
  let atRisk = durations.length;
  let survival = 1;
  for (let i = 0; i < durations.length; ) {
    const time = durations[i]!;
    let events = 0;
    let leaving = 0;
    for (; i < durations.length && durations[i] === time; i++, leaving++) events += ended[i]!;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (survival <= 0.5 + 1e-12) return { median: time, lowest: survival };
    }
    atRisk -= leaving;
  }
  return { median: null, lowest: survival };
}
