/*
 * A seeded simulator of the MBG/NBD process for the Monte Carlo checks of its formulas (its
 * variates from randomVariates.ts): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); the customer drops out at time 0 with probability p, then buys at rate λ and
 * drops out right after each purchase with probability p.
 */
import { seededRandom } from "../../bench/generate";

/** bench/generate.ts's seeded mulberry32 moved half a step up: uniform on (0, 1), never 0, so every logarithm of it is finite. */
export function seededUniform(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() + 0.5 / 4294967296;
}

/** One customer's future from a moment they are alive: purchases in the next `t` (each followed by dropout with probability p), and whether alive at the end. */
export function simulateAlive(lambda: number, p: number, t: number, uniform: () => number): { purchases: number; alive: boolean } {
  let clock = 0;
  let purchases = 0;
  for (;;) {
    clock += -Math.log(uniform()) / lambda;
    if (clock > t) return { purchases, alive: true };
    purchases++;
    if (uniform() < p) return { purchases, alive: false };
  }
}
