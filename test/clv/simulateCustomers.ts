import { seededRandom } from "../../bench/generate";

/*
 * Seeded simulations of the BG/NBD and Pareto/NBD stories, customer by customer, for checks of
 * the conditional predictions: each customer is observed over (0, T] and then followed over
 * (T, T + t].
 */

/** One simulated customer: the history the predictions see, and what happened after T. */
export interface SimulatedCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Purchases in (T, T + t]. */
  readonly later: number;
  /** Alive at T + t. */
  readonly aliveAfter: boolean;
}

/** Samplers on a seeded uniform source: standard normal (Box–Muller), Gamma (Marsaglia–Tsang), Beta, exponential. */
export function samplers(seed: number) {
  const uniform = seededRandom(seed);
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
  return { uniform, gamma, beta, exponential };
}

/** BG/NBD customers: λ ~ Gamma(r, α), p ~ Beta(a, b); after each purchase they drop out with probability p. T uniform on [minT, maxT]. */
export function simulateBgNbd(params: { r: number; alpha: number; a: number; b: number }, count: number, minT: number, maxT: number, t: number, seed: number): SimulatedCustomer[] {
  const draw = samplers(seed);
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = draw.gamma(params.r, params.alpha);
    const p = draw.beta(params.a, params.b);
    const T = minT + (maxT - minT) * draw.uniform();
    let clock = 0;
    let alive = true;
    let frequency = 0;
    let recency = 0;
    let later = 0;
    for (;;) {
      clock += draw.exponential(lambda);
      if (clock > T + t) break;
      if (clock <= T) {
        frequency++;
        recency = clock;
      } else later++;
      if (draw.uniform() < p) {
        alive = false;
        break;
      }
    }
    customers.push({ frequency, recency, T, later, aliveAfter: alive });
  }
  return customers;
}

/** Pareto/NBD customers: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime τ ~ Exp(μ); Poisson purchases while alive. */
export function simulateParetoNbd(params: { r: number; alpha: number; s: number; beta: number }, count: number, minT: number, maxT: number, t: number, seed: number): SimulatedCustomer[] {
  const draw = samplers(seed);
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = draw.gamma(params.r, params.alpha);
    const tau = draw.exponential(draw.gamma(params.s, params.beta));
    const T = minT + (maxT - minT) * draw.uniform();
    let clock = 0;
    let frequency = 0;
    let recency = 0;
    let later = 0;
    for (;;) {
      clock += draw.exponential(lambda);
      if (clock > Math.min(tau, T + t)) break;
      if (clock <= T) {
        frequency++;
        recency = clock;
      } else later++;
    }
    customers.push({ frequency, recency, T, later, aliveAfter: tau > T + t });
  }
  return customers;
}
