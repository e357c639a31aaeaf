/**
 * Random variates on a uniform source in [0, 1), for the simulations of the tests and benchmarks:
 * standard normal (Box–Muller), Gamma(shape, rate) (Marsaglia & Tsang 2000; a shape below 1
 * boosted by U^(1/shape)), Beta(a, b) from two gamma draws, and exponential. A uniform of 0 is
 * drawn again wherever a logarithm or a power of it is taken.
 */
export function variates(uniform: () => number) {
  const open = (): number => {
    let u = uniform();
    while (u === 0) u = uniform();
    return u;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(open())) * Math.cos(2 * Math.PI * uniform());
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = Math.pow(1 + c * z, 3);
      if (v <= 0) continue;
      if (Math.log(open()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  const beta = (a: number, b: number): number => {
    const x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  };
  const exponential = (rate: number): number => -Math.log(open()) / rate;
  return { uniform, normal, gamma, beta, exponential };
}
