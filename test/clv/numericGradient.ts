/** Central differences of a log-likelihood in each parameter, the step relative to the parameter's value. */
export function numericGradient(params: readonly number[], ll: (at: readonly number[]) => number): number[] {
  return params.map((value, i) => {
    const h = 1e-6 * value;
    const up = [...params];
    const down = [...params];
    up[i] = value + h;
    down[i] = value - h;
    return (ll(up) - ll(down)) / (2 * h);
  });
}
