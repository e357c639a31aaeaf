import { variates } from "./randomVariates";
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

/** The variates of `randomVariates.ts` on the library's seeded generator. */
export function samplers(seed: number) {
  return variates(seededRandom(seed));
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
